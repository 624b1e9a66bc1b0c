/**
 * The spec as the wire layer reads it: the bundled `openapi.json` (written by
 * `scripts/generate.sh` from openapi/hpc.yaml), `$ref`s, nullable forms and operations found
 * by method and path. Nothing here is a copy of a schema: the spec is the only source.
 */
import specJson from "../generated/openapi.json";

export type Schema = { [key: string]: any };

const SPEC: Schema = specJson as Schema;
const REF = "#/components/schemas/";
export const EXTENSION = "x-emulator-extension";
export const XML_TYPES = ["application/xml", "text/xml"];

export function schemas(): Record<string, Schema> {
  return SPEC.components.schemas;
}

/** Name of a `$ref`'d component schema, or undefined. */
export function refName(schema: Schema): string | undefined {
  const ref: unknown = schema.$ref;
  return typeof ref === "string" && ref.startsWith(REF) ? ref.slice(REF.length) : undefined;
}

/** [the non-null alternative, nullable?] of `oneOf: [X, null]` or `type: [T, 'null']`. */
export function unwrap(schema: Schema): [Schema, boolean] {
  const alts = schema.oneOf;
  if (Array.isArray(alts)) {
    const others = alts.filter((a: Schema) => a.type !== "null");
    return [others.length === 1 ? others[0] : schema, others.length !== alts.length];
  }
  if (Array.isArray(schema.type)) {
    const kinds = schema.type.filter((t: string) => t !== "null");
    if (kinds.length === 1) return [{ ...schema, type: kinds[0] }, kinds.length !== schema.type.length];
  }
  return [schema, false];
}

/** [name, body] following at most one `$ref`. */
export function resolve(schema: Schema): [string | undefined, Schema] {
  const name = refName(schema);
  return name === undefined ? [undefined, schema] : [name, schemas()[name]];
}

function component(kind: string, obj: Schema | undefined): Schema | undefined {
  const ref: unknown = obj?.$ref;
  if (typeof ref === "string" && ref.startsWith(`#/components/${kind}/`)) {
    return SPEC.components[kind][ref.split("/").pop() as string];
  }
  return obj;
}

export interface Operation {
  id: string;
  method: string;
  pattern: RegExp;
  /** Request body: its XML schema (if any) and whether JSON is documented for it. */
  body?: { xml?: Schema; json: boolean; required: boolean };
  /** The real service documents JSON for this operation (SOA): speak JSON, not XML. */
  json: boolean;
}

function documentedJson(content: Schema | undefined): boolean {
  const media = content?.["application/json"];
  return media !== undefined && media[EXTENSION] !== true;
}

function index(): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(SPEC.paths)) {
    const escaped = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+");
    // The pre-2016 form carries a cluster segment first; names match case-insensitively. [D]
    const pattern = new RegExp(`^(?:/[^/]+)?${escaped}$`, "i");
    for (const method of ["get", "put", "post", "delete"]) {
      const op = item[method];
      if (op === undefined) continue;
      const rb = component("requestBodies", op.requestBody);
      const content = rb?.content;
      const xmlType = XML_TYPES.find((t) => content?.[t] !== undefined);
      const success = Object.entries<Schema>(op.responses)
        .filter(([status]) => status.startsWith("2"))
        .map(([, r]) => component("responses", r));
      const json = documentedJson(content) || success.some((r) => documentedJson(r?.content));
      ops.push({
        id: op.operationId,
        method: method.toUpperCase(),
        pattern,
        body: rb && { xml: xmlType && content[xmlType].schema, json: documentedJson(content), required: !!rb.required },
        json,
      });
    }
  }
  return ops;
}

let OPS: Operation[] | undefined;

/** The operation `method` + `path` (relative to the `/WindowsHpc` root) targets, if any. */
export function operationFor(method: string, path: string): Operation | undefined {
  OPS ??= index();
  const m = method.toUpperCase();
  const rank = (op: Operation): number =>
    // A match without the optional cluster segment first, then the most literal path.
    (new RegExp(op.pattern.source.replace("^(?:/[^/]+)?", "^"), "i").test(path) ? 0 : 100) +
    op.pattern.source.split("[^/]+").length;
  const matches = OPS.filter((op) => op.method === m && op.pattern.test(path));
  return matches.sort((a, b) => rank(a) - rank(b))[0];
}
