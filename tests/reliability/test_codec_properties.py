"""Property-based tests of the XML codec (`hpcpack.xmlcodec`) and the response decoding path.

* every schema with an XML form round-trips (encode -> decode gives the same JSON shape);
* every property-set view (Job, Task, Node, NodeGroup, Cluster) round-trips through the
  name/value wire list;
* valid XML characters round-trip exactly; invalid ones raise `XmlCharacterError` at encode time;
* arbitrary bytes given to the parsers end in a success or an `HpcError`, nothing else.
"""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import pytest
from hpc_client import models
from hpcpack import errors, hooks, properties, soa, transport, xmlcodec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import strategies as S

pytestmark = pytest.mark.timeout(120)

ROOTS = S.xml_roots()
PROPERTY_SETS = S.property_set_models()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def expected_decoding(root: str, data: Any) -> Any:
    """What decode(encode(root, data)) must give: the data, in the JSON form where the spec
    declares one (BrokerClientStatus travels as its name in XML, as its number in JSON)."""
    body = S.schemas()[root]
    form = body.get("x-hpc-json-form")
    if form:
        target = S.schemas()[form]
        # same position, same member (the JSON form's varnames carry its own name as prefix)
        return dict(zip(body["enum"], target["enum"], strict=True))[data]
    return _absent_value_is_null(root, data)


def _absent_value_is_null(root: str, data: Any) -> Any:
    """The ArrayOfProperty fast path reads a Property without <Value> as Value null (the
    documented normalisation: name/value lists always carry both members in JSON)."""
    if root == "ArrayOfProperty":
        return [{"Name": p["Name"], "Value": p.get("Value")} for p in data]
    if root == "ArrayOfObject":
        return [
            {"Properties": _absent_value_is_null("ArrayOfProperty", o["Properties"])} for o in data
        ]
    return data


def same_root(a: str, b: str) -> bool:
    xa, xb = S.schemas()[a]["xml"], S.schemas()[b]["xml"]
    return (xa["name"], xa.get("namespace")) == (xb["name"], xb.get("namespace"))


def test_the_spec_has_models_to_round_trip() -> None:
    # guards the parametrisation below against silently testing nothing
    assert {"WebSessionStartInfo", "WebSessionInfo", "ArrayOfObject", "HpcWebServiceFault"} <= set(
        ROOTS
    )
    assert {"Job", "Task", "Node"} <= set(PROPERTY_SETS)


@pytest.mark.parametrize("root", ROOTS)
@SETTINGS
@given(data=st.data())
def test_every_xml_model_round_trips(root: str, data: st.DataObject) -> None:
    value = data.draw(S.from_schema({"$ref": _spec_ref(root)}), label=root)
    wire = xmlcodec.encode(root, value)
    name, decoded = xmlcodec.decode(wire)
    assert same_root(name, root), (name, root)
    assert decoded == expected_decoding(root, value)


def _spec_ref(name: str) -> str:
    return f"#/components/schemas/{name}"


@pytest.mark.parametrize("model", PROPERTY_SETS)
@SETTINGS
@given(data=st.data())
def test_every_property_set_view_round_trips(model: str, data: st.DataObject) -> None:
    cls = getattr(models, model)
    instance = cls.from_dict(data.draw(S.property_set_instance(model), label=model))
    wire_list = [p.to_dict() for p in properties.from_model(instance)]
    name, decoded = xmlcodec.decode(xmlcodec.encode("ArrayOfProperty", wire_list))
    assert name == "ArrayOfProperty"
    assert decoded == wire_list
    back = properties.to_model(cls, decoded)
    assert back.to_dict() == instance.to_dict()


@SETTINGS
@given(text=S.xml_text(max_size=200))
def test_valid_xml_text_round_trips_exactly(text: str) -> None:
    props = [{"Name": "CommandLine", "Value": text}, {"Name": "Name", "Value": text}]
    assert xmlcodec.decode(xmlcodec.encode("ArrayOfProperty", props)) == (
        "ArrayOfProperty",
        props,
    )
    assert xmlcodec.decode(xmlcodec.encode("ArrayOfstring", [text]))[1] == [text]
    info = {"ServiceName": text, "Username": text, "Environments": [{"Key": "K", "Value": text}]}
    assert xmlcodec.decode(xmlcodec.encode("WebSessionStartInfo", info))[1] == info


@SETTINGS
@given(
    before=S.xml_text(),
    bad=S.INVALID_XML_CHARS,
    after=S.xml_text(),
    where=st.sampled_from(["property", "string-array", "start-info", "env", "fault"]),
)
def test_characters_xml_cannot_carry_raise_before_sending(
    before: str, bad: str, after: str, where: str
) -> None:
    text = before + bad + after
    root, value = {
        "property": ("ArrayOfProperty", [{"Name": "Name", "Value": text}]),
        "string-array": ("ArrayOfstring", ["ok", text]),
        "start-info": ("WebSessionStartInfo", {"ServiceName": text}),
        "env": ("WebSessionStartInfo", {"Environments": [{"Key": "K", "Value": text}]}),
        "fault": ("HpcWebServiceFault", {"Code": 1, "Message": text}),
    }[where]
    with pytest.raises(errors.XmlCharacterError):
        xmlcodec.encode(root, value)


@SETTINGS
@given(text=st.text(max_size=40))
def test_check_chars_agrees_with_the_xml_char_production(text: str) -> None:
    if S.INVALID_XML_RE.search(text):
        with pytest.raises(errors.XmlCharacterError):
            xmlcodec.check_chars(text)
    else:
        assert xmlcodec.check_chars(text) == text


# -- arbitrary bytes into the parsers ---------------------------------------------------------

_FRAGMENTS = [
    b"<",
    b">",
    b"/>",
    b"</",
    b'"',
    b"=",
    b" ",
    b"&amp;",
    b"&#0;",
    b"&#xD;",
    b"<![CDATA[x]]>",
    b"<!DOCTYPE a [<!ENTITY e 'x'>]>",
    b"&e;",
    b"<?xml version='1.0'?>",
    b"\xff\xfe",
    b"\xc3",
    b"\x00",
    b'xmlns="http://schemas.microsoft.com/HPCS2008R2/common"',
    b'xmlns="http://hpc.microsoft.com/"',
    b'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"',
    b'i:nil="true"',
    b"ArrayOfObject",
    b"Object",
    b"Properties",
    b"ArrayOfProperty",
    b"Property",
    b"Name",
    b"Value",
    b"WebSessionInfo",
    b"Id",
    b"IsDurable",
    b"ServiceVersion",
    b"HpcWebServiceFault",
    b"Code",
    b"Message",
    b"Values",
    b"12",
    b"-1",
    b"true",
    b"x",
]
XMLISH = st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map(b"".join)
BODIES = st.one_of(st.binary(max_size=400), XMLISH)
JSONISH = st.one_of(
    st.binary(max_size=200),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
        max_leaves=10,
    ).map(lambda v: repr(v).replace("'", '"').replace("None", "null").encode()),
    st.integers(1, 5000).map(lambda n: b"[" * n),
    st.integers(1, 5000).map(lambda n: b'{"Code": 1, "Message": ' + b"[" * n + b"}"),
)


@settings(max_examples=400, deadline=None)
@given(body=BODIES)
def test_codec_decode_of_arbitrary_bytes_is_a_success_or_typed(body: bytes) -> None:
    try:
        name, _ = xmlcodec.decode(body)
    except errors.HpcError:
        return
    assert name in S.schemas()


def _response(status: int, content_type: str, body: bytes) -> httpx.Response:
    request = httpx.Request("GET", "http://head.example/WindowsHpc/Job/1")
    return httpx.Response(
        status, headers={"content-type": content_type}, content=body, request=request
    )


@settings(max_examples=300, deadline=None)
@given(
    body=st.one_of(BODIES, JSONISH),
    content_type=st.sampled_from(
        ["application/xml; charset=utf-8", "application/json; charset=utf-8", "text/xml"]
    ),
)
def test_transport_decode_body_is_a_success_or_typed(body: bytes, content_type: str) -> None:
    response = _response(200, content_type, body)
    try:
        decoded = transport.decode_body(response, body)
    except errors.HpcError:
        return
    assert decoded.status_code == 200


@settings(max_examples=300, deadline=None)
@given(
    body=st.one_of(BODIES, JSONISH),
    status=st.sampled_from([400, 401, 403, 404, 409, 500, 502, 503]),
    content_type=st.sampled_from(["application/xml", "application/json", "text/html", ""]),
)
def test_fault_from_arbitrary_error_body_is_typed(
    body: bytes, status: int, content_type: str
) -> None:
    response = _response(status, content_type, body)
    fault = hooks.fault_from_response(response)  # whatever the body: the status's fault
    assert isinstance(fault, errors.HpcFault)
    assert fault.status == status


_FAULT = (
    '<HpcWebServiceFault xmlns="http://schemas.microsoft.com/HPCS2008R2/common" '
    'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Code>267386880</Code>'
    "<Message>{message}</Message>"
    '<Values xmlns:a="http://schemas.datacontract.org/2004/07/System.Collections.Generic">'
    "{values}</Values></HpcWebServiceFault>"
)


@settings(max_examples=200, deadline=None)
@given(
    message=S.xml_text(max_size=30)
    | st.lists(
        st.sampled_from(["{", "}", "0", "1", ":", "d", ".", "x", "[", "]", "!r", ">9", " "]),
        max_size=8,
    ).map("".join),
    values=st.lists(st.one_of(st.none(), S.xml_text(max_size=5)), max_size=3),
)
def test_fault_message_templates_never_escape_the_hook(
    message: str, values: list[str | None]
) -> None:
    pairs = "".join(
        f"<a:KeyValuePairOfstringstring><a:key>k{i}</a:key>"
        + (
            '<a:value i:nil="true"/>'
            if v is None
            else f"<a:value>{xmlcodec.escape_text(v)}</a:value>"
        )
        + "</a:KeyValuePairOfstringstring>"
        for i, v in enumerate(values)
    )
    body = _FAULT.format(message=xmlcodec.escape_text(message), values=pairs).encode()
    fault = hooks.fault_from_response(_response(404, "application/xml", body))
    assert isinstance(fault, errors.NotFound)
    assert fault.code == 267386880


# -- SOA generic-service stream: incremental parsing at arbitrary chunk boundaries ------------

_GENERIC_TEXT = st.text(
    st.characters(exclude_characters=["\uffff", "\x00"], exclude_categories=["Cs"]),
    max_size=12,
)


def _generic_stream(records: list[tuple[str, str, str]], count: int) -> bytes:
    body = "".join(f"{a}\uffff{o}\uffff{u}\x00" for a, o, u in records)
    body += f"{soa.END_ACTION}\uffff{count}\uffffSuccess\x00"
    return body.encode("utf-8")


def _feed_in_chunks(parser: Any, body: bytes, cuts: list[int]) -> list[Any]:
    out = []
    bounds = sorted({c % (len(body) + 1) for c in cuts} | {0, len(body)})
    for a, b in itertools.pairwise(bounds):
        out += parser.feed(body[a:b])
    return out


@settings(max_examples=200, deadline=None)
@given(
    records=st.lists(
        st.tuples(
            _GENERIC_TEXT.filter(lambda a: a != soa.END_ACTION), _GENERIC_TEXT, _GENERIC_TEXT
        ),
        max_size=5,
    ),
    cuts=st.lists(st.integers(0, 10_000), max_size=20),
)
def test_generic_stream_parses_the_same_at_any_chunk_boundary(
    records: list[tuple[str, str, str]], cuts: list[int]
) -> None:
    body = _generic_stream(records, len(records))
    parser = soa.GenericParser()
    replies = _feed_in_chunks(parser, body, cuts)  # cuts may split UTF-8 sequences
    assert [(r.action, r.value, r.user_data) for r in replies] == records
    assert parser.finish().count == len(records)


@settings(max_examples=300, deadline=None)
@given(chunks=st.lists(st.binary(max_size=50), max_size=8), generic=st.booleans())
def test_soa_stream_parsers_on_arbitrary_bytes_are_typed(
    chunks: list[bytes], generic: bool
) -> None:
    parser: Any = soa.GenericParser() if generic else soa.EnvelopeParser()
    try:
        for chunk in chunks:
            parser.feed(chunk)
        parser.finish()
    except errors.HpcError:
        return


FLAT_ROOTS = [r for r in ROOTS if xmlcodec._flat_list(r, S.schemas()[r]) is not None]
_VALUE = st.one_of(st.none(), st.text(max_size=30), st.integers(), st.booleans())


def _written_by_the_schema_walker(root: str, data: Any) -> bytes:
    """`xmlcodec.encode` without its flat-list shortcut: the general writer's bytes."""
    return xmlcodec._walk(root, S.schemas()[root], data)


def _outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    try:
        return "ok", fn(*args)
    except errors.HpcError as exc:
        return type(exc).__name__, str(exc)


def test_property_lists_take_the_flat_list_shortcut() -> None:
    assert "ArrayOfProperty" in FLAT_ROOTS  # the body of most writes
    assert not any(S.schemas()[r].get("x-hpc-xml-order") == "ordinal" for r in FLAT_ROOTS)


@pytest.mark.parametrize("root", FLAT_ROOTS)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_flat_list_shortcut_writes_what_the_schema_walker_writes(
    root: str, data: st.DataObject
) -> None:
    """Same bytes, or the same typed error, for any records: missing members, nulls, numbers,
    booleans, markup characters, characters XML cannot carry, extra keys, non-record items."""
    item = S.schemas()[root]["items"]
    members = list(xmlcodec._shape(item).body.get("properties", {}))
    record = st.dictionaries(st.sampled_from([*members, "Extra"]), _VALUE, max_size=4)
    items = data.draw(st.lists(st.one_of(record, st.none(), st.integers()), max_size=5))
    assert _outcome(xmlcodec.encode, root, items) == _outcome(
        _written_by_the_schema_walker, root, items
    )
