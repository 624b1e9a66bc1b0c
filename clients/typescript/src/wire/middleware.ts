/**
 * fetch middleware that puts the generated typescript-fetch client on the HPC Pack wire: the
 * TypeScript twin of overrides/hpcpack/transport.py. The generator cannot write XML (it hands
 * the model's JSON object to fetch as-is when the media type is not JSON) nor read it; this
 * layer encodes that object as DataContract XML, sets `Accept`, sends `Content-Length: 0`
 * on void POSTs (IIS answers 411 otherwise), and turns XML answers (faults included) back
 * into the JSON the generated `FromJSON` functions read. SOA operations, where the real
 * service documents JSON, travel as JSON.
 */
import type { FetchParams, Middleware, RequestContext, ResponseContext } from "../generated/runtime";
import { decode, encode, parse, XmlWireError } from "./xmlcodec";
import { Operation, operationFor, refName, resolve, schemas } from "./spec";

export const XML_CONTENT_TYPE = "application/xml; charset=utf-8";
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
const ROOT = /\/WindowsHpc(?=\/|$)/i;

/** The path below the `/WindowsHpc` root (the service root of both URI forms). */
export function servicePath(url: string): string {
  const { pathname } = new URL(url);
  const at = pathname.search(ROOT);
  return at < 0 ? pathname : pathname.slice(at + "/WindowsHpc".length) || "/";
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, key) => (out[key] = value));
  return out;
}

function isRawXml(schema: unknown): boolean {
  const [, body] = resolve((schema ?? {}) as Record<string, unknown>);
  return body["x-hpc-raw-xml"] === true;
}

function requestBody(op: Operation, body: unknown, headers: Record<string, string>): BodyInit {
  if (op.body?.json) {
    headers["content-type"] = JSON_CONTENT_TYPE;
    return typeof body === "string" ? body : JSON.stringify(body);
  }
  const schema = op.body?.xml;
  if (schema === undefined) throw new XmlWireError(`${op.id}: no XML form of the request body in the spec`);
  headers["content-type"] = XML_CONTENT_TYPE;
  if (isRawXml(schema)) {
    if (typeof body !== "string") throw new XmlWireError(`${op.id}: the body is an XML document (a string)`);
    return body; // an HpcJobXml document, sent verbatim
  }
  const root = refName(schema);
  if (root === undefined) throw new XmlWireError(`${op.id}: request body is not a named schema`);
  return encode(root, body);
}

/** Roots of the raw-XML schemas (`x-hpc-raw-xml`: HpcJobXml), passed through as text. */
function isRawRoot(xml: string): boolean {
  const root = parse(xml);
  return Object.values(schemas()).some(
    (s) => s["x-hpc-raw-xml"] && s.xml?.name === root.localName && s.xml?.namespace === root.namespaceURI,
  );
}

export function dataContractWire(): Middleware {
  return {
    async pre(context: RequestContext): Promise<FetchParams | void> {
      const op = operationFor(context.init.method ?? "GET", servicePath(context.url));
      if (op === undefined) return;
      const headers = headerRecord(context.init.headers);
      headers["accept"] = op.json ? "application/json" : "application/xml";
      let body: BodyInit | undefined;
      if (context.init.body !== undefined && context.init.body !== null) {
        body = requestBody(op, context.init.body, headers);
      } else {
        delete headers["content-type"];
        // A POST/PUT without a body still says `Content-Length: 0` (411 otherwise). [I]
        if (["POST", "PUT"].includes(op.method)) body = "";
      }
      return { url: context.url, init: { ...context.init, headers, body } };
    },

    async post(context: ResponseContext): Promise<Response | void> {
      const { response } = context;
      const type = (response.headers.get("content-type") ?? "").toLowerCase();
      if (!/^(application|text)\/xml\b/.test(type)) return;
      const text = await response.text();
      const { status, statusText } = response;
      if (text.length > 0 && isRawRoot(text)) {
        // Render=HpcJobXml: the document itself, left as XML; read it with `...Raw()` + `raw.text()`.
        return new Response(text, { status, statusText, headers: response.headers });
      }
      const data: unknown = text.length === 0 ? undefined : decode(text)[1];
      const headers = new Headers(response.headers);
      headers.set("content-type", JSON_CONTENT_TYPE);
      headers.delete("content-length");
      headers.set("x-hpc-wire-content-type", type);
      const nobody = data === undefined || status === 204 || status === 304;
      return new Response(nobody ? null : JSON.stringify(data), { status, statusText: response.statusText, headers });
    },
  };
}
