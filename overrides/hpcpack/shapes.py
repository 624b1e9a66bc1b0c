"""What each operation answers, from the spec, and a check that a decoded answer has that shape.

The generated parsers trust their input (`Property.from_dict` indexes `d["Name"]`, `cast(int,
...)`); checking the decoded data against the operation's success schema first turns a wrong
root element, a missing member or a wrong type into `MalformedResponse` instead of a
`KeyError` deep inside generated code, or worse, a wrong value presented as an answer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from . import _spec
from .errors import MalformedResponse

__all__ = ["Expected", "check", "expected_for"]

_PREFIX = re.compile(r"^.*?/windowshpc(?=/|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Expected:
    """Success body schemas of one operation, by content kind (absent: no body expected)."""

    operation: str
    xml: _spec.Schema | None
    json: _spec.Schema | None


def _spec_doc() -> dict[str, Any]:
    return _spec.document()


def _responses(op: dict[str, Any]) -> tuple[_spec.Schema | None, _spec.Schema | None]:
    components = _spec_doc()["components"].get("responses", {})
    xml = json_ = None
    for status, response in op.get("responses", {}).items():
        if not str(status).startswith("2"):
            continue
        ref = response.get("$ref", "")
        if ref.startswith("#/components/responses/"):
            response = components[ref.rsplit("/", 1)[1]]
        for content_type, media in (response.get("content") or {}).items():
            schema = media.get("schema")
            if schema is None:
                continue
            if content_type.endswith("xml"):
                xml = xml or schema
            elif content_type.endswith("json"):
                json_ = json_ or schema
    return xml, json_


@functools.cache
def _index() -> list[tuple[str, re.Pattern[str], Expected]]:
    out: list[tuple[str, re.Pattern[str], Expected]] = []
    for path, item in _spec_doc()["paths"].items():
        pattern = re.compile(
            "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path.strip("/"))) + "$",
            re.IGNORECASE,
        )
        for method, op in item.items():
            if method not in ("get", "put", "post", "delete"):
                continue
            xml, json_ = _responses(op)
            name = op.get("operationId", f"{method} {path}")
            out.append((method.upper(), pattern, Expected(name, xml, json_)))
    return out


def expected_for(method: str, path: str) -> Expected | None:
    """The operation a request targets (with or without the cluster segment), if any."""
    rest = _PREFIX.sub("", path, count=1).strip("/")
    candidates = [rest]
    if "/" in rest:
        candidates.append(rest.split("/", 1)[1])  # drop the cluster segment
    for candidate in candidates:
        for op_method, pattern, expected in _index():
            if op_method == method and pattern.match(candidate):
                return expected
    return None


def _fail(where: str, wanted: str, value: Any) -> MalformedResponse:
    return MalformedResponse(f"{where}: expected {wanted}, got {type(value).__name__}")


def check(schema: _spec.Schema, value: Any, where: str = "answer", depth: int = 0) -> None:
    """Raise `MalformedResponse` unless `value` (JSON-shaped) fits `schema`."""
    if depth > 32:
        raise MalformedResponse(f"{where}: nested too deeply")
    inner, nullable = _spec.unwrap(schema)
    _ref, body = _spec.resolve(inner)
    if value is None:
        if nullable or body.get("type") == "null":
            return
        raise _fail(where, str(body.get("type", "a value")), value)
    kind = body.get("type")
    if "enum" in body and value not in body["enum"]:
        raise MalformedResponse(f"{where}: {str(value)[:40]!r} is not one of the known values")
    if kind == "object":
        if not isinstance(value, dict):
            raise _fail(where, "an object", value)
        props: dict[str, _spec.Schema] = body.get("properties", {})
        for name in body.get("required", []):
            if name not in value:
                raise MalformedResponse(f"{where}: member {name} missing")
        for name, member in value.items():
            if name in props:
                check(props[name], member, f"{where}.{name}", depth + 1)
    elif kind == "array":
        if not isinstance(value, list):
            raise _fail(where, "an array", value)
        items = body.get("items", {})
        for index, item in enumerate(value):
            check(items, item, f"{where}[{index}]", depth + 1)
    elif kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            raise _fail(where, "an integer", value)
    elif kind == "number":
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise _fail(where, "a number", value)
    elif kind == "boolean":
        if not isinstance(value, bool):
            raise _fail(where, "a boolean", value)
    elif kind == "string" and not isinstance(value, str):
        raise _fail(where, "a string", value)
