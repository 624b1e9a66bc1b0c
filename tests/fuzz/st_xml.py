"""XML answers as the JSON the spec's schemas describe, so schemathesis can validate them.

Schemathesis validates only bodies it can deserialize and silently skips the rest; it has no
XML deserializer, so without this every XML answer (the default format) went unchecked. The
root element names the component schema (its `xml.name`); the schema then drives the
conversion: arrays from child elements, objects from children by local name, integers and
booleans parsed from text, `i:nil="true"` as null. Anything that does not fit raises, which
schemathesis reports as a deserialization failure. `x-hpc-raw-xml` schemas stay text.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "hpc.yaml"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


@functools.cache
def _spec() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec: dict[str, Any] = yaml.load(SPEC.read_text(), Loader=loader)
    return spec


@functools.cache
def _roots() -> dict[tuple[str, str], str]:
    """(namespace, element name) -> component schema name, for schemas that can be a root."""
    out: dict[tuple[str, str], str] = {}
    for name, schema in _spec()["components"]["schemas"].items():
        xml = schema.get("xml") or {}
        if "name" in xml:
            out.setdefault((xml.get("namespace", ""), xml["name"]), name)
    return out


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = _spec()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def _types(schema: dict[str, Any]) -> list[str]:
    t = schema.get("type", [])
    return [t] if isinstance(t, str) else list(t)


def convert(elem: ET.Element, schema: dict[str, Any]) -> Any:
    schema = _resolve(schema)
    if elem.get(XSI_NIL, "").lower() == "true":
        return None
    if "oneOf" in schema:  # by the child's own element name (e.g. ServiceVersion: Version|null)
        for option in schema["oneOf"]:
            option = _resolve(option)
            if "null" not in _types(option):
                return convert(elem, option)
    types = _types(schema)
    if schema.get("x-hpc-raw-xml"):
        return ET.tostring(elem, encoding="unicode")
    if "array" in types:
        return [convert(child, schema.get("items", {})) for child in elem]
    if "object" in types:
        props = schema.get("properties", {})
        out: dict[str, Any] = {}
        for child in elem:
            name = _split(child.tag)[1]
            if name not in props:
                raise ValueError(f"<{name}> is not a member of {elem.tag}")
            out[name] = convert(child, props[name])
        return out
    text = elem.text or ""
    if "integer" in types:
        return int(text)
    if "boolean" in types:
        if text not in ("true", "false"):
            raise ValueError(f"{text!r} is not an xs:boolean")
        return text == "true"
    if len(elem):
        raise ValueError(f"<{elem.tag}> has child elements where text was expected")
    return text


def deserialize(content: bytes) -> Any:
    root = ET.fromstring(content)
    name = _roots().get(_split(root.tag))
    if name is None:
        raise ValueError(f"no schema has the root element {root.tag}")
    return convert(root, _spec()["components"]["schemas"][name])
