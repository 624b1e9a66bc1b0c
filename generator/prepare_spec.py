"""Derive openapi-python-client's view of the HPC Pack spec.

`openapi/hpc.yaml` stays faithful to the wire (XML and JSON bodies, faults, 201s). The
generator only understands JSON-shaped bodies and drops XML-only operations, so this script
writes a second document that only the generator reads:

* request bodies that travel as XML become one media type
  ``application/vnd.hpc.xml+json; root=<Schema>``: the generator types the body and sends
  ``to_dict()`` JSON, and the overrides' transport re-encodes it as the XML of ``<Schema>``;
* success responses keep only their JSON form (XML-only ones are relabelled JSON): the
  transport decodes XML answers into that JSON before the generated parser runs;
* error responses are dropped: the overrides raise typed ``HpcError`` exceptions for every
  non-success status, so generated return types stay plain;
* ``api-version`` headers become optional and keep no default, so the client-wide header
  applies and a per-call value still wins;
* ``x-emulator-extension`` marks (JSON media types of the scheduler operations, which only the
  emulator's JSON extension speaks) are dropped: the generator types the JSON form either way;
* the properties an object lists in ``x-hpc-nillable`` (nullable enums, written as a bare
  ``$ref`` so that C and Java generators compile) become ``oneOf: [$ref, null]`` again:
  Python can say "or None";
* enum varnames prefixed with their enum's own name (globally unique, as C and Go need) lose
  that prefix: Python enum members are namespaced by their class already;
* inline enum schemas of shared parameters (inline because the C generator cannot compile a
  ``$ref`` enum parameter) become ``$ref`` to a component named by their ``title``: Python
  keeps one ``RenderMode`` class instead of one per operation.

It also writes the faithful spec as JSON next to the generated package, where the overrides
and the emulator load the ``xml`` hints at run time.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import yaml

XML_BODY_MEDIA = "application/vnd.hpc.xml+json; root={root}"
XML_TYPES = ("application/xml", "text/xml")
EXTENSION = "x-emulator-extension"


def _schema_name(media: dict[str, Any]) -> str:
    ref = media.get("schema", {}).get("$ref", "")
    if not ref.startswith("#/components/schemas/"):
        raise SystemExit(f"XML body without a component schema: {media!r}")
    return ref.rsplit("/", 1)[1]


def _request_body(body: dict[str, Any]) -> None:
    content = body.get("content", {})
    xml = next((content[t] for t in XML_TYPES if t in content), None)
    if xml is None:
        return
    root = _schema_name(xml)
    body["content"] = {XML_BODY_MEDIA.format(root=root): {"schema": xml["schema"]}}


def _response(resp: dict[str, Any]) -> None:
    content = resp.get("content")
    if not content:
        return
    if "application/json" in content:
        json_media = {k: v for k, v in content["application/json"].items() if k != EXTENSION}
        resp["content"] = {"application/json": json_media}
        return
    xml = next((content[t] for t in XML_TYPES if t in content), None)
    if xml is not None:
        resp["content"] = {"application/json": xml}


def _unprefix_varnames(name: str, schema: dict[str, Any]) -> None:
    names = schema.get("x-enum-varnames")
    if names and all(n.startswith(name) and n != name for n in names):
        bare = [n[len(name) :] for n in names]
        if bare == [str(v) for v in schema["enum"]]:
            del schema["x-enum-varnames"]  # the generators' own naming, as before the prefix
        else:
            schema["x-enum-varnames"] = bare


def _nillable(schema: dict[str, Any]) -> None:
    props = schema.get("properties", {})
    for name in schema.pop("x-hpc-nillable", []):
        props[name] = {"oneOf": [props[name], {"type": "null"}]}


def _named_param_enums(spec: dict[str, Any]) -> None:
    comps = spec.setdefault("components", {})
    schemas = comps.setdefault("schemas", {})
    for param in comps.get("parameters", {}).values():
        schema = param.get("schema", {})
        title = schema.get("title")
        if title and "enum" in schema:
            if title in schemas and schemas[title] != {**schema, "title": title}:
                raise SystemExit(f"parameter enum {title!r} clashes with a component schema")
            schemas[title] = {k: v for k, v in schema.items() if k != "title"}
            param["schema"] = {"$ref": f"#/components/schemas/{title}"}


def _python_schemas(spec: dict[str, Any]) -> None:
    _named_param_enums(spec)
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        _unprefix_varnames(name, schema)
        _nillable(schema)


def unprefixed(spec: dict[str, Any]) -> dict[str, Any]:
    """The faithful spec with Python-style enums (for the emulator's models)."""
    out = copy.deepcopy(spec)
    _python_schemas(out)
    return out


def _is_success(status: str) -> bool:
    return status.startswith("2")


def derive(spec: dict[str, Any]) -> dict[str, Any]:
    view = copy.deepcopy(spec)
    comps = view.setdefault("components", {})
    for body in comps.get("requestBodies", {}).values():
        _request_body(body)
    for resp in comps.get("responses", {}).values():
        _response(resp)
    _python_schemas(view)
    for param in comps.get("parameters", {}).values():
        if param.get("name") == "api-version":
            param["required"] = False
            param["schema"].pop("default", None)
    for path_item in view["paths"].values():
        for method, op in path_item.items():
            if method not in {"get", "put", "post", "delete", "patch"}:
                continue
            if "requestBody" in op and "$ref" not in op["requestBody"]:
                _request_body(op["requestBody"])
            op["responses"] = {
                status: resp for status, resp in op["responses"].items() if _is_success(status)
            }
            for resp in op["responses"].values():
                if "$ref" not in resp:
                    _response(resp)
    return view


def main(argv: list[str]) -> int:
    if len(argv) not in (4, 5):
        print(
            "usage: prepare_spec.py SPEC GENERATOR_VIEW RUNTIME_JSON [MODELS_SPEC]",
            file=sys.stderr,
        )
        return 2
    spec = yaml.safe_load(Path(argv[1]).read_text(encoding="utf-8"))
    out = Path(argv[2])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(derive(spec), indent=1, sort_keys=False) + "\n", encoding="utf-8")
    runtime = Path(argv[3])
    runtime.parent.mkdir(parents=True, exist_ok=True)
    runtime.write_text(
        json.dumps(spec, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8"
    )
    if len(argv) == 5:
        Path(argv[4]).write_text(json.dumps(unprefixed(spec), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
