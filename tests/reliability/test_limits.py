"""Hostile or runaway answers stay bounded: endless bodies, lying Content-Length, compression
bombs, entity expansion, deep nesting, endless SOA streams. Each ends in a typed error after
reading about `max_body` bytes, never in memory growth or an untyped exception."""

from __future__ import annotations

import gzip
import itertools
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from hpcpack import AsyncHpcClient, HpcClient, WebSessionInfo, errors, soa

pytestmark = pytest.mark.timeout(60)

LIMIT = 256 * 1024
CHUNK = 16 * 1024
XML = {"content-type": "application/xml; charset=utf-8"}
NS = "http://schemas.microsoft.com/HPCS2008R2/common"


class Endless(httpx.SyncByteStream):
    """A body that never ends; counts what the client pulled."""

    def __init__(self, head: bytes, filler: bytes) -> None:
        self.head = head
        self.filler = filler
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        yield self.head
        self.sent += len(self.head)
        while True:
            self.sent += len(self.filler)
            yield self.filler


def client(handler: httpx.MockTransport) -> HpcClient:
    return HpcClient("http://head.example", transport=handler, max_body=LIMIT, retries=0)


def serving(status: int, headers: dict[str, str], stream: httpx.SyncByteStream | bytes):
    def handle(request: httpx.Request) -> httpx.Response:
        if isinstance(stream, bytes):
            return httpx.Response(status, headers=headers, content=stream)
        return httpx.Response(status, headers=headers, stream=stream)

    return httpx.MockTransport(handle)


def test_an_endless_answer_stops_at_the_bound() -> None:
    body = Endless(f'<ArrayOfProperty xmlns="{NS}">'.encode(), b"<Property>" * (CHUNK // 10))
    with client(serving(200, XML, body)) as hpc, pytest.raises(errors.ResponseTooLarge):
        hpc.jobs.get(1)
    assert body.sent <= LIMIT + 2 * CHUNK


@pytest.mark.parametrize("status", [404, 500])
def test_an_endless_fault_body_stops_at_the_bound(status: int) -> None:
    body = Endless(b"<HpcWebServiceFault>", b"x" * CHUNK)
    with client(serving(status, XML, body)) as hpc, pytest.raises(errors.HpcError):
        hpc.jobs.get(1)
    assert body.sent <= LIMIT + 2 * CHUNK


def test_a_declared_length_above_the_bound_is_refused_before_reading() -> None:
    body = Endless(b"<", b"x" * CHUNK)
    headers = {**XML, "content-length": str(10 * LIMIT)}
    with client(serving(200, headers, body)) as hpc, pytest.raises(errors.ResponseTooLarge):
        hpc.jobs.get(1)
    assert body.sent <= 2 * CHUNK


def test_a_gzip_bomb_is_bounded_on_the_decompressed_size() -> None:
    inflated = f'<ArrayOfProperty xmlns="{NS}">'.encode() + b" " * (64 * LIMIT)
    bomb = gzip.compress(inflated, compresslevel=9)
    assert len(bomb) < LIMIT // 4  # small on the wire, 64x the bound once inflated
    headers = {**XML, "content-encoding": "gzip"}
    with client(serving(200, headers, bomb)) as hpc, pytest.raises(errors.ResponseTooLarge):
        hpc.jobs.get(1)


def test_entity_expansion_is_refused() -> None:
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        + f'<ArrayOfProperty xmlns="{NS}"><Property><Name>Name</Name>'.encode()
        + b"<Value>&lol3;</Value></Property></ArrayOfProperty>"
    )
    with client(serving(200, XML, lol)) as hpc, pytest.raises(errors.HostileXml):
        hpc.jobs.get(1)


def test_an_external_entity_is_refused() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + f'<ArrayOfProperty xmlns="{NS}"><Property><Name>Name</Name>'.encode()
        + b"<Value>&x;</Value></Property></ArrayOfProperty>"
    )
    with client(serving(200, XML, xxe)) as hpc, pytest.raises(errors.HostileXml):
        hpc.jobs.get(1)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_xml_is_malformed_not_a_recursion_error(depth: int) -> None:
    body = f'<ArrayOfProperty xmlns="{NS}">'.encode() + b"<a>" * depth + b"</a>" * depth
    body += b"</ArrayOfProperty>"
    with client(serving(200, XML, body)) as hpc, pytest.raises(errors.MalformedResponse):
        hpc.jobs.get(1)


def _session(hpc: HpcClient) -> soa.Session:
    info = WebSessionInfo(
        id=1, broker_node="localhost", is_durable=False, max_message_size=65536,
        service_operation_timeout=1000, service_version=None,
    )  # fmt: skip
    return soa.Session(hpc, info)


REPLY = (
    b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    b'xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header>'
    b'<a:Action s:mustUnderstand="1">http://tempuri.org/IService/EchoResponse</a:Action>'
    b'</s:Header><s:Body><EchoResponse xmlns="http://tempuri.org/"><EchoResult>x</EchoResult>'
    b"</EchoResponse></s:Body></s:Envelope>"
)


def test_an_endless_soa_stream_of_valid_replies_is_read_lazily() -> None:
    """A stream of well-formed replies is legitimate at any length (the bound is per reply);
    the client must read it as it is consumed, in constant memory, and stop when asked."""
    body = Endless(b"<HPCServer2008_WebAPI_MessageArray>", REPLY * 50)
    headers = {"content-type": "application/octet-stream"}
    wanted = 20 * LIMIT // len(REPLY)  # far more bytes in total than the per-answer bound
    with client(serving(200, headers, body)) as hpc:
        replies = list(itertools.islice(_session(hpc).responses("b"), wanted))
    assert len(replies) == wanted and replies[-1].value == "x"
    assert body.sent <= (wanted + 100) * len(REPLY)  # pulled on demand, not read ahead


def test_one_endless_soa_reply_stops_at_the_bound() -> None:
    head = b"<HPCServer2008_WebAPI_MessageArray>" + REPLY.split(b"<EchoResult>")[0]
    body = Endless(head + b"<EchoResult>", b"y" * CHUNK)
    headers = {"content-type": "application/octet-stream"}
    with client(serving(200, headers, body)) as hpc, pytest.raises(errors.ResponseTooLarge):
        list(_session(hpc).responses("b"))
    assert body.sent <= LIMIT + 2 * CHUNK


class AsyncEndless(httpx.AsyncByteStream):
    def __init__(self, head: bytes, filler: bytes) -> None:
        self.head = head
        self.filler = filler
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.head
        while True:
            self.sent += len(self.filler)
            yield self.filler


@pytest.mark.parametrize("target", ["job", "soa-reply"])
async def test_async_endless_answers_stop_at_the_bound(target: str) -> None:
    if target == "job":
        body = AsyncEndless(f'<ArrayOfProperty xmlns="{NS}">'.encode(), b"<Property>" * 1000)
        headers = XML
    else:
        head = b"<HPCServer2008_WebAPI_MessageArray>" + REPLY.split(b"<EchoResult>")[0]
        body = AsyncEndless(head + b"<EchoResult>", b"y" * CHUNK)
        headers = {"content-type": "application/octet-stream"}

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=headers, stream=body)

    transport = httpx.MockTransport(handle)
    async with AsyncHpcClient(
        "http://head.example", transport=transport, max_body=LIMIT, retries=0
    ) as hpc:
        with pytest.raises(errors.ResponseTooLarge):
            if target == "job":
                await hpc.jobs.get(1)
            else:
                info = WebSessionInfo(
                    id=1, broker_node="localhost", is_durable=False, max_message_size=65536,
                    service_operation_timeout=1000, service_version=None,
                )  # fmt: skip
                async for _ in soa.AsyncSession(hpc, info).responses("b"):
                    pass
    assert body.sent <= LIMIT + 2 * CHUNK
