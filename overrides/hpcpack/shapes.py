"""What each operation answers, from the spec, and a check that a decoded answer has that shape.

The generated parsers trust their input (`Property.from_dict` indexes `d["Name"]`, `cast(int,
...)`); checking the decoded data against the operation's success schema first turns a wrong
root element, a missing member or a wrong type into `MalformedResponse` instead of a
`KeyError` deep inside generated code, or worse, a wrong value presented as an answer.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
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
                # Other documents the same media type may carry (Get Job with Render=HpcJobXml),
                # kept out of `schema` so generators see one type, not an anonymous union.
                others = media.get("x-hpc-alternatives")
                xml = xml or ({"oneOf": [schema, *others]} if others else schema)
            elif content_type.endswith("json"):
                json_ = json_ or schema
    return xml, json_


Template = tuple[str | None, ...]  # a path's segments, lower-cased; None: a `{parameter}`


@functools.cache
def _index() -> list[tuple[str, Template, Expected]]:
    """Each operation's method, path template and expected answer (segments compared, not
    34 regular expressions compiled at a process's first call)."""
    out: list[tuple[str, Template, Expected]] = []
    for path, item in _spec_doc()["paths"].items():
        template = tuple(
            None if seg.startswith("{") and seg.endswith("}") else seg.lower()
            for seg in path.strip("/").split("/")
        )
        for method, op in item.items():
            if method not in ("get", "put", "post", "delete"):
                continue
            xml, json_ = _responses(op)
            name = op.get("operationId", f"{method} {path}")
            out.append((method.upper(), template, Expected(name, xml, json_)))
    return out


def _matches(template: Template, segments: list[str]) -> bool:
    return len(template) == len(segments) and all(
        seg == want if want is not None else bool(seg)
        for want, seg in zip(template, segments, strict=True)
    )


def xml_roots(schema: _spec.Schema) -> frozenset[tuple[str | None, str | None]]:
    """(name, namespace) of every root element a success schema allows (`oneOf` alternatives
    included, e.g. Get Job: a property list or the HpcJobXml rendering)."""
    alternatives = schema.get("oneOf") or [schema]
    roots = set()
    for alternative in alternatives:
        xml = _spec.resolve(alternative)[1].get("xml", {})
        roots.add((xml.get("name"), xml.get("namespace")))
    return frozenset(roots)


def expected_for(method: str, path: str) -> Expected | None:
    """The WindowsHpc operation a request targets (with or without the cluster segment), if
    any; none for the `/hpc` API (its answers are JSON the client reads itself)."""
    if path[:5].lower() == "/hpc/" and not _PREFIX.match(path):
        return None
    rest = _PREFIX.sub("", path, count=1).strip("/")
    candidates = [rest]
    if "/" in rest:
        candidates.append(rest.split("/", 1)[1])  # drop the cluster segment
    for candidate in candidates:
        segments = candidate.lower().split("/")
        for op_method, template, expected in _index():
            if op_method == method and _matches(template, segments):
                return expected
    return None


Checker = Callable[[Any], None]
# By id() of a schema dict; the entry keeps the dict alive, and is only used for that same
# object, so an id reused after a (test) copy of the spec was dropped cannot match.
_checkers: dict[int, tuple[_spec.Schema, Checker]] = {}
_lock = threading.RLock()


def _fail(where: str, wanted: str, value: Any) -> MalformedResponse:
    return MalformedResponse(f"{where}: expected {wanted}, got {type(value).__name__}")


def check(schema: _spec.Schema, value: Any) -> None:
    """Raise `MalformedResponse` unless `value` (JSON-shaped) fits `schema`."""
    _checker(schema, "answer")(value)


def _cached(schema: _spec.Schema) -> Checker | None:
    entry = _checkers.get(id(schema))
    return entry[1] if entry is not None and entry[0] is schema else None


def _checker(schema: _spec.Schema, where: str) -> Checker:
    """The compiled check of a schema (built once: the hot path is a few isinstance calls)."""
    found = _cached(schema)
    if found is not None:
        return found
    with _lock:  # one thread compiles; the placeholder only serves recursive schemas
        found = _cached(schema)
        if found is None:
            holder: list[Checker] = []
            _checkers[id(schema)] = (schema, lambda value: holder[0](value))
            found = _compile(schema, where)
            holder.append(found)
            _checkers[id(schema)] = (schema, found)
        return found


_SCALARS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "integer": (int, "an integer"),
    "number": ((int, float), "a number"),
    "boolean": (bool, "a boolean"),
    "string": (str, "a string"),
}


def _compile(schema: _spec.Schema, where: str) -> Checker:
    inner, nullable = _spec.unwrap(schema)
    ref, body = _spec.resolve(inner)
    if ref is not None:
        where = ref
    kind = body.get("type")
    nullable = nullable or kind == "null"
    enum = frozenset(body["enum"]) if "enum" in body else None
    if kind == "object":
        props = {
            name: _checker(s, f"{where}.{name}") for name, s in body.get("properties", {}).items()
        }
        required = tuple(body.get("required", ()))

        def typed(value: Any) -> None:
            if not isinstance(value, dict):
                raise _fail(where, "an object", value)
            for name in required:
                if name not in value:
                    raise MalformedResponse(f"{where}: member {name} missing")
            for name, member in value.items():
                check_member = props.get(name)
                if check_member is not None:
                    check_member(member)

    elif kind == "array":
        item = _checker(body.get("items", {}), f"{where}[]")

        def typed(value: Any) -> None:
            if not isinstance(value, list):
                raise _fail(where, "an array", value)
            for entry in value:
                item(entry)

    elif kind in _SCALARS:
        types, wanted = _SCALARS[kind]
        exclude_bool = kind != "boolean"

        def typed(value: Any) -> None:
            if not isinstance(value, types) or (exclude_bool and isinstance(value, bool)):
                raise _fail(where, wanted, value)
            if enum is not None and value not in enum:
                raise MalformedResponse(f"{where}: {str(value)[:40]!r} is not a known value")

    else:

        def typed(value: Any) -> None:
            return None

    def checked(value: Any) -> None:
        if value is None:
            if not nullable:
                raise _fail(where, str(kind or "a value"), value)
            return
        typed(value)

    return checked
