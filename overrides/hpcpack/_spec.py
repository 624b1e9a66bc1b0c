"""The runtime copy of the faithful spec, loaded once: the codec and typed views read it."""

from __future__ import annotations

import functools
import importlib.resources
import json
from pathlib import Path
from typing import Any

Schema = dict[str, Any]
REF_PREFIX = "#/components/schemas/"


@functools.cache
def document() -> dict[str, Any]:
    """The whole runtime spec, `hpc_client/openapi.json` (read from the package directory when
    it is one: `importlib.resources` loads its readers first, ~2 ms of every command)."""
    import hpc_client

    here = Path(hpc_client.__file__).parent / "openapi.json"
    if here.is_file():
        text = here.read_text("utf-8")
    else:  # a zipped install
        text = (importlib.resources.files("hpc_client") / "openapi.json").read_text("utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def schemas() -> dict[str, Schema]:
    """`components.schemas` of the runtime spec."""
    result: dict[str, Schema] = document()["components"]["schemas"]
    return result


def ref_name(schema: Schema) -> str | None:
    """Name of the schema a `$ref` points at, else None."""
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(REF_PREFIX):
        return ref[len(REF_PREFIX) :]
    return None


def unwrap(schema: Schema) -> tuple[Schema, bool]:
    """(the non-null alternative, nullable?) of `oneOf: [X, null]` or `type: [T, 'null']`."""
    alternatives = schema.get("oneOf")
    if isinstance(alternatives, list):
        others = [a for a in alternatives if a.get("type") != "null"]
        nullable = len(others) != len(alternatives)
        if len(others) == 1:
            return others[0], nullable
        return schema, nullable
    typ = schema.get("type")
    if isinstance(typ, list):
        kinds = [t for t in typ if t != "null"]
        if len(kinds) == 1:
            return {**schema, "type": kinds[0]}, len(kinds) != len(typ)
    return schema, False


def resolve(schema: Schema) -> tuple[str | None, Schema]:
    """(name, body) following at most one `$ref`."""
    name = ref_name(schema)
    if name is not None:
        return name, schemas()[name]
    return None, schema


@functools.cache
def json_body_roots() -> frozenset[str]:
    """Request-body schemas the real service documents in JSON (the SOA operations).

    JSON media types marked `x-emulator-extension` (the scheduler operations) are only what
    the emulator's JSON extension speaks, so `format="json"` never applies to them.
    """
    roots: set[str] = set()
    components = document()["components"]
    for path_item in document()["paths"].values():
        for op in path_item.values():
            body = op.get("requestBody") if isinstance(op, dict) else None
            if body is None:
                continue
            if "$ref" in body:  # '#/components/requestBodies/<name>'
                body = components["requestBodies"][body["$ref"].rsplit("/", 1)[1]]
            media = body.get("content", {}).get("application/json")
            if media is None or media.get("x-emulator-extension"):
                continue
            root = ref_name(media.get("schema", {}))
            if root is not None:
                roots.add(root)
    return frozenset(roots)
