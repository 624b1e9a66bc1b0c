/**
 * DataContract XML <-> the JSON shapes the generated models read and write, driven by the
 * spec's `xml` hints (element names, namespaces) and `x-hpc-xml-order` at run time: the
 * TypeScript twin of overrides/hpcpack/xmlcodec.py. Encoding writes what WCF's
 * DataContractSerializer expects (members in declared, or ordinal, order; `i:nil="true"`
 * for nulls; children of a referenced schema in its namespace). Decoding picks the schema by
 * the root element and coerces values to the schema types.
 */
import { DOMParser } from "@xmldom/xmldom";
import { resolve, Schema, schemas, unwrap } from "./spec";

export const XSI = "http://www.w3.org/2001/XMLSchema-instance";

export class XmlWireError extends Error {
  override name = "XmlWireError";
}

const INVALID = /[^\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

function text(value: string, where: string): string {
  const bad = INVALID.exec(value);
  if (bad) throw new XmlWireError(`${where} contains U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}, which XML 1.0 cannot carry`);
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#xD;");
}

function attr(value: string): string {
  return text(value, "attribute").replace(/"/g, "&quot;").replace(/\n/g, "&#xA;").replace(/\t/g, "&#x9;");
}

function scalar(value: unknown, where: string): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new XmlWireError(`${where}: ${value} is not a number XML can carry`);
    return String(value);
  }
  if (typeof value === "string") return text(value, where);
  if (value instanceof Date) return value.toISOString();
  throw new XmlWireError(`${where}: cannot write ${typeof value} as XML text`);
}

interface Shape {
  kind: string | undefined;
  /** Namespace of the children when the schema is referenced (undefined: the parent's). */
  ns: string | undefined;
  properties: [string, Schema][];
  items: Schema;
  itemName: string | undefined;
  itemNs: string | undefined;
}

function shape(schema: Schema): Shape {
  const [inner] = unwrap(schema);
  const [ref, body] = resolve(inner);
  const kind: string | undefined = body.type;
  const props = Object.entries<Schema>(body.properties ?? {});
  if (body["x-hpc-xml-order"] === "ordinal") props.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const items: Schema = body.items ?? {};
  const [itemRef, itemBody]: [string | undefined, Schema] = kind === "array" ? resolve(items) : [undefined, {}];
  return {
    kind,
    ns: ref ? body.xml?.namespace : undefined,
    properties: kind === "object" ? props : [],
    items,
    itemName: items.xml?.name ?? itemBody.xml?.name,
    itemNs: itemRef ? itemBody.xml?.namespace : undefined,
  };
}

/** Writes one document; a container declares the prefix (a, b, ...) of a non-default namespace. */
class Writer {
  out: string[] = [];
  prefixes = new Map<string, string>();
  constructor(readonly defaultNs: string) {}

  private declare(ns: string, decls: string[]): string {
    let prefix = this.prefixes.get(ns);
    if (prefix === undefined) {
      prefix = "abcdefghijklmnopqrstuvwxyz"[this.prefixes.size];
      this.prefixes = new Map(this.prefixes).set(ns, prefix);
      decls.push(` xmlns:${prefix}="${attr(ns)}"`);
    }
    return prefix;
  }

  private qname(ns: string, name: string, decls: string[]): string {
    return ns === this.defaultNs ? name : `${this.declare(ns, decls)}:${name}`;
  }

  element(name: string, ns: string, schema: Schema, value: unknown, root = false): void {
    const saved = this.prefixes;
    const s = shape(schema);
    const decls: string[] = [];
    if (root) {
      decls.push(` xmlns="${attr(ns)}"`);
      if (value === null || s.kind === "object" || s.kind === "array") decls.push(` xmlns:i="${XSI}"`);
    }
    const tag = this.qname(ns, name, decls);
    if (value === null || value === undefined) {
      this.out.push(`<${tag}${decls.join("")} i:nil="true"/>`);
    } else if (s.kind === "object" || s.kind === "array") {
      const childNs = s.ns ?? ns;
      const children: [string, string, Schema, unknown][] = [];
      if (s.kind === "object") {
        if (typeof value !== "object" || Array.isArray(value)) throw new XmlWireError(`${name}: expected an object`);
        for (const [prop, propSchema] of s.properties) {
          if (prop in (value as object)) children.push([prop, childNs, propSchema, (value as Record<string, unknown>)[prop]]);
        }
      } else {
        if (!Array.isArray(value)) throw new XmlWireError(`${name}: expected an array`);
        if (!s.itemName) throw new XmlWireError(`${name}: array items have no XML name in the spec`);
        const itemNs = s.itemNs ?? childNs;
        for (const item of value) children.push([s.itemName, itemNs, s.items, item]);
      }
      const childNamespaces = new Set(children.map(([, n]) => n));
      for (const n of childNamespaces) if (n !== this.defaultNs) this.declare(n, decls);
      if (children.length === 0) {
        this.out.push(`<${tag}${decls.join("")}/>`);
      } else {
        this.out.push(`<${tag}${decls.join("")}>`);
        for (const [n, cns, cs, v] of children) this.element(n, cns, cs, v);
        this.out.push(`</${tag}>`);
      }
    } else {
      this.out.push(`<${tag}${decls.join("")}>${scalar(value, name)}</${tag}>`);
    }
    this.prefixes = saved;
  }
}

/** The XML document of schema `root` holding `data` (the generated models' JSON shape). */
export function encode(root: string, data: unknown): string {
  const schema = schemas()[root];
  const xml = schema?.xml;
  if (!xml?.name) throw new XmlWireError(`schema ${root} has no XML form`);
  const writer = new Writer(xml.namespace ?? "");
  writer.element(xml.name, writer.defaultNs, { $ref: `#/components/schemas/${root}` }, data, true);
  return writer.out.join("");
}

// -- decoding ---------------------------------------------------------------------------------

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function isNil(el: Element): boolean {
  const nil = el.getAttributeNS(XSI, "nil");
  return nil === "true" || nil === "1";
}

function decodeAs(schema: Schema, el: Element): unknown {
  const [inner, nullable] = unwrap(schema);
  if ((nullable || inner.type === undefined) && isNil(el)) return null;
  const [, body] = resolve(inner);
  const content = el.textContent ?? "";
  const jsonForm: string | undefined = body["x-hpc-json-form"];
  if (jsonForm !== undefined) {
    // An enum written by name in XML whose JSON form is numeric (BrokerClientStatus). [D]
    const form = schemas()[jsonForm];
    // Same position, same member: the XML enum's names pair with the JSON form's numbers.
    const at = (body.enum as string[]).indexOf(content.trim());
    if (at < 0) throw new XmlWireError(`unknown ${jsonForm} value ${content.slice(0, 40)}`);
    return form.enum[at];
  }
  switch (body.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const props: Record<string, Schema> = body.properties ?? {};
      for (const child of children(el)) {
        const name = child.localName;
        if (name !== null && Object.prototype.hasOwnProperty.call(props, name)) out[name] = decodeAs(props[name], child);
      }
      return out;
    }
    case "array":
      return children(el).map((child) => decodeAs(body.items ?? {}, child));
    case "integer": {
      if (!/^\s*-?\d+\s*$/.test(content)) throw new XmlWireError(`not an integer: ${content.slice(0, 40)}`);
      return Number.parseInt(content, 10);
    }
    case "number": {
      const n = Number(content);
      if (content.trim() === "" || Number.isNaN(n)) throw new XmlWireError(`not a number: ${content.slice(0, 40)}`);
      return n;
    }
    case "boolean": {
      const low = content.trim().toLowerCase();
      if (low === "true" || low === "1") return true;
      if (low === "false" || low === "0") return false;
      throw new XmlWireError(`not a boolean: ${content.slice(0, 40)}`);
    }
    default:
      return content;
  }
}

let ROOTS: Map<string, string> | undefined;

/** Schema whose XML root is (namespace, name); the first declared wins (string vs CancelMessage). */
export function rootSchema(ns: string, local: string): string | undefined {
  if (ROOTS === undefined) {
    ROOTS = new Map();
    for (const [name, body] of Object.entries(schemas())) {
      const xml = body.xml;
      const key = `{${xml?.namespace}}${xml?.name}`;
      if (xml?.name && xml?.namespace && !body["x-hpc-raw-xml"] && !ROOTS.has(key)) ROOTS.set(key, name);
    }
  }
  return ROOTS.get(`{${ns}}${local}`);
}

/** Parse server XML; DTDs are refused (the service never sends one). */
export function parse(xml: string): Element {
  if (/<!DOCTYPE/i.test(xml)) throw new XmlWireError("refused XML with a DTD");
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== "warning") errors.push(msg); } }).parseFromString(xml, "text/xml");
  const root = doc.documentElement;
  if (errors.length > 0 || root === null) throw new XmlWireError(`malformed XML: ${errors[0] ?? "no root element"}`);
  return root as unknown as Element;
}

/** [schema name, JSON-shaped data] of a server document, chosen by its root element. */
export function decode(xml: string): [string, unknown] {
  const root = parse(xml);
  const name = rootSchema(root.namespaceURI ?? "", root.localName ?? "");
  if (name === undefined) throw new XmlWireError(`unexpected root element ${root.localName} in namespace ${root.namespaceURI}`);
  return [name, decodeAs({ $ref: `#/components/schemas/${name}` }, root)];
}
