"""Hypothesis strategies built from the spec's own schemas (the runtime copy in `hpc_client`).

Values are the JSON shapes the generated models' `to_dict()` produce and the codec's `encode`
takes; strings hold only characters XML 1.0 can carry unless a test asks otherwise.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from hpcpack import _spec
from hypothesis import strategies as st

Schema = dict[str, Any]

# XML 1.0 Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
XML_CHARS: st.SearchStrategy[str] = st.one_of(
    st.sampled_from("\t\n\r"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # weight plain ASCII (markup chars)
    st.characters(min_codepoint=0x20, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xE000, max_codepoint=0xFFFD),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
)
# Everything else: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE and U+FFFF.
INVALID_XML_CHARS: st.SearchStrategy[str] = st.one_of(
    st.sampled_from([chr(c) for c in range(0x20) if c not in (0x9, 0xA, 0xD)]),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"]),
    st.sampled_from(["\ufffe", "\uffff"]),
)
INVALID_XML_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

MAX_TEXT = 24
MAX_ITEMS = 3
INT_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def xml_text(min_size: int = 0, max_size: int = MAX_TEXT) -> st.SearchStrategy[str]:
    return st.text(XML_CHARS, min_size=min_size, max_size=max_size)


def schemas() -> dict[str, Schema]:
    return _spec.schemas()


def xml_roots() -> list[str]:
    """Every schema with its own XML document form (what the codec can encode and decode)."""
    return sorted(
        name
        for name, body in schemas().items()
        if "name" in (body.get("xml") or {}) and not body.get("x-hpc-raw-xml")
    )


def property_set_models() -> list[str]:
    """The typed property-set views (Job, Task, Node, NodeGroup, Cluster)."""
    return sorted(name for name, body in schemas().items() if body.get("x-hpc-property-set"))


def from_schema(schema: Schema, depth: int = 0) -> st.SearchStrategy[Any]:
    """Instances of a (JSON-shaped) schema: required members always, optional ones sometimes."""
    inner, nullable = _spec.unwrap(schema)
    ref, body = _spec.resolve(inner)
    if ref is None and body is not inner:  # pragma: no cover - resolve() contract
        body = inner
    base = _body(body, depth)
    return st.one_of(st.none(), base) if nullable else base


def _body(body: Schema, depth: int) -> st.SearchStrategy[Any]:
    if "enum" in body:
        return st.sampled_from(body["enum"])
    kind = body.get("type")
    if kind == "string":
        fmt = body.get("format")
        if fmt == "date-time":
            return datetimes().map(lambda d: d.isoformat())
        pattern = body.get("pattern")
        lo, hi = body.get("minLength", 0), min(body.get("maxLength", MAX_TEXT), MAX_TEXT)
        if pattern:
            return st.from_regex(pattern, fullmatch=True).filter(lambda s: lo <= len(s) <= hi)
        return xml_text(lo, hi)
    if kind == "integer":
        lo, hi = INT_BOUNDS.get(body.get("format", "int64"), INT_BOUNDS["int64"])
        return st.integers(max(lo, body.get("minimum", lo)), min(hi, body.get("maximum", hi)))
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        if depth > 4:
            return st.just([])
        return st.lists(from_schema(body.get("items", {}), depth + 1), max_size=MAX_ITEMS)
    if kind == "object":
        props: dict[str, Schema] = body.get("properties", {})
        required = set(body.get("required", []))
        return st.fixed_dictionaries(
            {k: from_schema(v, depth + 1) for k, v in props.items() if k in required},
            optional={k: from_schema(v, depth + 1) for k, v in props.items() if k not in required},
        )
    raise AssertionError(f"schema shape the strategy does not know: {body}")


def datetimes() -> st.SearchStrategy[datetime.datetime]:
    """Naive date-times at second resolution: what the en-US wire rendering can carry."""
    return st.datetimes(
        min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2100, 12, 31)
    ).map(lambda d: d.replace(microsecond=0))


def property_set_instance(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """A JSON dict for a property-set view; every member optional and nullable."""
    props: dict[str, Schema] = schemas()[name].get("properties", {})
    return st.fixed_dictionaries({}, optional={k: from_schema(v) for k, v in props.items()})
