"""Schema-driven DataContract XML <-> JSON-shaped data, from the spec's `xml` hints.

Encoding writes what WCF's DataContractSerializer expects: members in ordinal order,
`i:nil="true"` for nulls, each element in the namespace of the schema declaring it (children of
a referenced schema and array items in that schema's namespace). Decoding turns server XML into
exactly the JSON the generated parsers expect, with values coerced to the schema types. Server
XML is parsed with defusedxml: DTDs, entities and external references are refused.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from xml.parsers.expat import ExpatError

import defusedxml

from . import _spec, safexml
from .errors import HostileXml, MalformedResponse, XmlCharacterError

__all__ = [
    "NS_ARRAYS",
    "NS_COMMON",
    "NS_SERIALIZATION",
    "XSI",
    "check_chars",
    "decode",
    "decode_element",
    "encode",
    "escape_text",
    "parse_xml",
    "root_schema",
]

XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS_COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
NS_SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/"
NS_ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
_NIL = f"{{{XSI}}}nil"

# the complement of XML 1.0's Char production, written out: the negated class with the astral
# range took ~4 ms to compile, at every start of a process that sends XML
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;"})
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#xD;",
        "\n": "&#xA;",
        "\t": "&#x9;",
    }
)


def check_chars(text: str, where: str = "value") -> str:
    """Refuse characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/F)."""
    bad = _INVALID_XML.search(text)
    if bad is not None:
        raise XmlCharacterError(
            f"{where} contains U+{ord(bad.group()):04X} at offset {bad.start()}, "
            "which XML 1.0 cannot carry"
        )
    return text


def escape_text(text: str, where: str = "value") -> str:
    """Element text, checked and escaped (`\\r` as a reference so it survives parsing)."""
    return check_chars(text, where).translate(_ESCAPES)


def escape_attr(text: str, where: str = "attribute") -> str:
    """Attribute value, checked and escaped."""
    return check_chars(text, where).translate(_ATTR_ESCAPES)


def parse_xml(body: bytes | str) -> Element:
    """Parse untrusted XML; hostile constructs and bad XML become typed errors."""
    try:
        return safexml.fromstring(body)
    except defusedxml.DefusedXmlException as exc:
        raise HostileXml(f"refused hostile XML: {type(exc).__name__}") from None
    except (ParseError, ExpatError) as exc:
        raise MalformedResponse(f"malformed XML: {exc}") from None


def split_tag(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an ElementTree tag."""
    if tag[:1] == "{":
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


# -- encoding --------------------------------------------------------------------------------


def _scalar_text(value: Any, where: str) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return escape_text(value, where)
    raise XmlCharacterError(f"{where}: cannot write {type(value).__name__} as XML text")


class _Shape:
    """What the writer needs of one schema, worked out once (`_shape`): the per-call path is
    then a few attribute reads instead of resolving `$ref`s and `oneOf`s for every element."""

    __slots__ = ("body", "item_name", "item_ns", "items", "kind", "ns", "properties")

    def __init__(self, schema: _spec.Schema) -> None:
        inner, _nullable = _spec.unwrap(schema)
        ref, body = _spec.resolve(inner)
        self.body = body
        self.kind = body.get("type")
        # a referenced schema's children are in its own namespace (None: the parent's)
        self.ns: str | None = body.get("xml", {}).get("namespace") if ref else None
        self.properties = _ordered_properties(body) if self.kind == "object" else []
        self.items: _spec.Schema = body.get("items", {})
        item_ref, item_body = _spec.resolve(self.items) if self.kind == "array" else (None, {})
        self.item_name = item_body.get("xml", {}).get("name") or self.items.get("xml", {}).get(
            "name"
        )
        self.item_ns: str | None = item_body.get("xml", {}).get("namespace") if item_ref else None


# By id() of a schema dict; the entry keeps the dict alive (see shapes._checkers).
_shapes: dict[int, tuple[_spec.Schema, _Shape]] = {}


def _shape(schema: _spec.Schema) -> _Shape:
    found = _shapes.get(id(schema))
    if found is not None and found[0] is schema:
        return found[1]
    shape = _Shape(schema)
    _shapes[id(schema)] = (schema, shape)
    return shape


# What an object or array value must be (the generated `to_dict()` shapes)
_CONTAINERS: dict[Any, type | tuple[type, ...]] = {"object": dict, "array": (list, tuple)}


class _Writer:
    """Writes one document. Like DataContractSerializer, a container declares the prefix
    (a, b, c...) of its children's namespace when that is not the default one."""

    def __init__(self, default_ns: str) -> None:
        self.out: list[str] = []
        self.default_ns = default_ns
        self.prefixes: dict[str, str] = {}

    def qname(self, ns: str, name: str, decls: list[str]) -> str:
        if ns == self.default_ns:
            return name
        return f"{self.declare(ns, decls)}:{name}"

    def declare(self, ns: str, decls: list[str]) -> str:
        prefix = self.prefixes.get(ns)
        if prefix is None:
            prefix = "abcdefghijklmnopqrstuvwxyz"[len(self.prefixes)]
            self.prefixes = {**self.prefixes, ns: prefix}
            decls.append(f' xmlns:{prefix}="{escape_attr(ns)}"')
        return prefix

    def element(
        self, name: str, ns: str, schema: _spec.Schema, value: Any, root: bool = False
    ) -> None:
        saved = self.prefixes
        shape = _shape(schema)
        decls: list[str] = []
        kind = shape.kind
        if root:
            decls.append(f' xmlns="{escape_attr(ns)}"')
            if value is None or kind in ("object", "array"):
                decls.append(f' xmlns:i="{XSI}"')
        tag = self.qname(ns, name, decls)
        if value is None:
            self.out.append(f'<{tag}{"".join(decls)} i:nil="true"/>')
            self.prefixes = saved
            return
        child_ns = ns if shape.ns is None else shape.ns
        if kind in _CONTAINERS and not isinstance(value, _CONTAINERS[kind]):
            raise XmlCharacterError(f"{name}: cannot write {type(value).__name__} as XML {kind}")
        if kind == "object":
            if child_ns != self.default_ns:
                self.declare(child_ns, decls)
            self.out.append(f"<{tag}{''.join(decls)}")
            mark = len(self.out)
            self.out.append(">")
            for prop, prop_schema in shape.properties:
                if prop in value:
                    self.element(prop, child_ns, prop_schema, value[prop])
            self._close(mark, tag)
        elif kind == "array":
            item_name = shape.item_name
            item_ns = child_ns if shape.item_ns is None else shape.item_ns
            if not item_name:
                raise XmlCharacterError(f"{name}: array items have no XML name in the spec")
            if item_ns != self.default_ns:
                self.declare(item_ns, decls)
            self.out.append(f"<{tag}{''.join(decls)}")
            mark = len(self.out)
            self.out.append(">")
            for item in value:
                self.element(item_name, item_ns, shape.items, item)
            self._close(mark, tag)
        else:
            self.out.append(f"<{tag}{''.join(decls)}>{_scalar_text(value, name)}</{tag}>")
        self.prefixes = saved

    def _close(self, mark: int, tag: str) -> None:
        if len(self.out) == mark + 1:
            self.out[mark] = "/>"
        else:
            self.out.append(f"</{tag}>")


def _ordered_properties(body: _spec.Schema) -> list[tuple[str, _spec.Schema]]:
    props: dict[str, _spec.Schema] = body.get("properties", {})
    if body.get("x-hpc-xml-order") == "ordinal":
        return sorted(props.items())
    return list(props.items())


def encode(root: str, data: Any) -> bytes:
    """The XML document of schema `root` holding `data` (the generated `to_dict()` shape)."""
    schema = _spec.schemas()[root]
    xml = schema.get("xml") or {}
    if "name" not in xml:
        raise XmlCharacterError(f"schema {root} has no XML form")
    flat = _flat_list(root, schema)
    if flat is not None and type(data) is list:
        written = flat.write(data)
        if written is not None:
            return written
    return _walk(root, schema, data)


def _walk(root: str, schema: _spec.Schema, data: Any) -> bytes:
    """`encode` by walking the schema element by element (any shape; `_FlatList` is its
    shortcut for flat record lists)."""
    xml = schema["xml"]
    writer = _Writer(xml.get("namespace", ""))
    writer.element(xml["name"], writer.default_ns, _root_ref(root, schema), data, root=True)
    return "".join(writer.out).encode("utf-8")


class _FlatList:
    """The writer's output for a list of flat records in one namespace (ArrayOfProperty: the
    body of most writes), produced without walking the schema per element; `tests` check it
    is byte for byte what `_Writer` writes."""

    __slots__ = ("close", "empty", "item", "members", "open")

    def __init__(self, name: str, ns: str, item: str, members: list[str]) -> None:
        head = f'<{name} xmlns="{escape_attr(ns)}" xmlns:i="{XSI}"'
        self.empty = f"{head}/>".encode()
        self.open, self.close = f"{head}>", f"</{name}>"
        self.item, self.members = item, members

    def write(self, data: list[Any]) -> bytes | None:
        """The document, or None when an item is not a plain record (the writer decides)."""
        if not data:
            return self.empty
        out = [self.open]
        item = self.item
        for record in data:
            if type(record) is not dict:
                return None
            parts = []
            for member in self.members:
                if member in record:
                    value = record[member]
                    if value is None:
                        parts.append(f'<{member} i:nil="true"/>')
                    else:
                        parts.append(f"<{member}>{_scalar_text(value, member)}</{member}>")
            out.append(f"<{item}>{''.join(parts)}</{item}>" if parts else f"<{item}/>")
        out.append(self.close)
        return "".join(out).encode("utf-8")


_flat_lists: dict[str, _FlatList | None] = {}


def _flat_list(root: str, schema: _spec.Schema) -> _FlatList | None:
    """The `_FlatList` of `root` if it is an array of objects whose members are all scalars in
    the array's own namespace; None otherwise (worked out once per root)."""
    if root in _flat_lists:
        return _flat_lists[root]
    found = None
    shape = _shape(_root_ref(root, schema))
    ns = (schema.get("xml") or {}).get("namespace", "")
    if shape.kind == "array" and shape.item_name and shape.item_ns in (None, ns):
        item = _shape(shape.items)
        scalar = all(_shape(s).kind not in ("object", "array") for _, s in item.properties)
        if item.kind == "object" and item.ns in (None, ns) and scalar:
            members = [name for name, _ in item.properties]
            found = _FlatList(schema["xml"]["name"], ns, shape.item_name, members)
    _flat_lists[root] = found
    return found


_root_refs: dict[int, tuple[_spec.Schema, _spec.Schema]] = {}


def _root_ref(root: str, schema: _spec.Schema) -> _spec.Schema:
    """A `$ref` to the root schema, one per schema object (so its `_shape` is found again)."""
    found = _root_refs.get(id(schema))
    if found is not None and found[0] is schema:
        return found[1]
    ref = {"$ref": _spec.REF_PREFIX + root}
    _root_refs[id(schema)] = (schema, ref)
    return ref


# -- decoding --------------------------------------------------------------------------------

Decoder = Callable[[Element], Any]
_decoders: dict[str, Decoder] = {}
_lock = threading.RLock()
_TRUE = frozenset({"true", "1"})
_FALSE = frozenset({"false", "0"})


def _bool(text: str) -> bool:
    low = text.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise MalformedResponse(f"not a boolean: {text[:40]!r}")


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise MalformedResponse(f"not an integer: {text[:40]!r}") from None


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise MalformedResponse(f"not a number: {text[:40]!r}") from None


def _compile(schema: _spec.Schema, ns: str) -> Decoder:
    """A decoder for an element whose content follows `schema` (children default to `ns`)."""
    inner, nullable = _spec.unwrap(schema)
    ref, body = _spec.resolve(inner)
    base = schema_decoder(ref) if ref is not None else _compile_body(body, ns)
    if not nullable:
        return base

    def nullable_decoder(elem: Element) -> Any:
        nil = elem.get(_NIL)
        if nil == "true" or nil == "1":
            return None
        return base(elem)

    return nullable_decoder


def _compile_body(body: _spec.Schema, ns: str) -> Decoder:
    kind = body.get("type")
    if body.get("x-hpc-json-form"):
        form = _spec.schemas()[body["x-hpc-json-form"]]
        # Same position, same member: the XML enum's names pair with its JSON form's numbers
        # (the JSON form's varnames are prefixed to be unique across the spec).
        numbers = dict(zip(body.get("enum", []), form.get("enum", []), strict=False))

        def json_form(elem: Element) -> Any:
            text = (elem.text or "").strip()
            if text in numbers:
                return numbers[text]
            raise MalformedResponse(f"unknown value {text[:40]!r}")

        return json_form
    if kind == "object":
        return _compile_object(body, ns)
    if kind == "array":
        items = body.get("items", {})
        item = _compile(items, ns)

        def array(elem: Element) -> Any:
            return [item(child) for child in elem]

        return array
    if kind == "integer":
        return lambda elem: _int(elem.text or "")
    if kind == "number":
        return lambda elem: _float(elem.text or "")
    if kind == "boolean":
        return lambda elem: _bool(elem.text or "")
    return lambda elem: elem.text or ""


def _compile_object(body: _spec.Schema, ns: str) -> Decoder:
    by_tag: dict[str, tuple[str, Decoder]] = {}
    by_local: dict[str, tuple[str, Decoder]] = {}
    for prop, prop_schema in body.get("properties", {}).items():
        entry = (prop, _compile(prop_schema, ns))
        by_tag[f"{{{ns}}}{prop}"] = entry
        by_local[prop] = entry

    def obj(elem: Element) -> Any:
        result: dict[str, Any] = {}
        for child in elem:
            entry = by_tag.get(child.tag) or by_local.get(split_tag(child.tag)[1])
            if entry is not None:
                result[entry[0]] = entry[1](child)
        return result

    return obj


# Roots whose hand-written decoders below can only produce data of the schema's shape (every
# Property has a string Name and a string-or-null Value): no separate shape check needed.
SHAPED_BY_DECODER = frozenset({"ArrayOfProperty", "ArrayOfObject"})


def _compile_property_array() -> Decoder:
    """Hand-unrolled decoder for ArrayOfProperty: the hot path of every scheduler call."""

    def properties(elem: Element) -> list[dict[str, str | None]]:
        out: list[dict[str, str | None]] = []
        append = out.append
        for prop in elem:
            name: str | None = None
            value: str | None = None
            for part in prop:
                tag = part.tag
                if tag.endswith("}Name") or tag == "Name":
                    name = part.text or ""
                elif part.get(_NIL) in ("true", "1"):
                    value = None
                else:
                    value = part.text or ""
            if name is None:
                raise MalformedResponse("Property without Name")
            append({"Name": name, "Value": value})
        return out

    return properties


def schema_decoder(name: str) -> Decoder:
    """The (cached) decoder of a named schema; children in the schema's own namespace."""
    decoder = _decoders.get(name)
    if decoder is not None:
        return decoder
    with _lock:
        body = _spec.schemas()[name]
        if name == "ArrayOfProperty":
            decoder = _compile_property_array()
        elif name == "ArrayOfObject":
            props = _compile_property_array()

            def objects(elem: Element) -> list[dict[str, Any]]:
                return [{"Properties": props(obj[0]) if len(obj) else []} for obj in elem]

            decoder = objects
        elif body.get("x-hpc-raw-xml"):
            raise MalformedResponse(f"{name} is raw XML; request it with hpc.raw")
        else:
            # Placeholder first: recursive schemas resolve to the same decoder.
            holder: list[Decoder] = []
            _decoders[name] = lambda elem: holder[0](elem)
            holder.append(_compile_body(body, body.get("xml", {}).get("namespace", "")))
            decoder = holder[0]
        _decoders[name] = decoder
        return decoder


_root_index: dict[tuple[str, str], str] | None = None


def root_schema(ns: str, local: str) -> str | None:
    """Schema whose XML root is (namespace, name); first declared wins (string vs CancelMessage)."""
    global _root_index
    if _root_index is None:
        index: dict[tuple[str, str], str] = {}
        for name, body in _spec.schemas().items():
            xml = body.get("xml") or {}
            if "name" in xml and "namespace" in xml and not body.get("x-hpc-raw-xml"):
                index.setdefault((xml["namespace"], xml["name"]), name)
        _root_index = index
    return _root_index.get((ns, local))


def decode_element(root: Element) -> tuple[str, Any]:
    """(schema name, JSON-shaped data) of a parsed document, chosen by its root element."""
    ns, local = split_tag(root.tag)
    name = root_schema(ns, local)
    if name is None:
        raise MalformedResponse(f"unexpected root element {local!r} in namespace {ns!r}")
    return name, schema_decoder(name)(root)


def decode(body: bytes | str) -> tuple[str, Any]:
    """Parse and decode a server XML document."""
    return decode_element(parse_xml(body))
