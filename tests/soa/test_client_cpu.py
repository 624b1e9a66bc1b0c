"""SOA client CPU per message, by counts (never by time): Python calls per parsed reply, threads
per reply stream, anyio calls per async stream. And the reply splitter's correctness where a
cut at `</s:Envelope>` would be wrong (CDATA, nesting, namespaces on the root, encodings).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import AsyncHpcClient, HpcClient, errors, soa

pytestmark = pytest.mark.timeout(120)

S = "http://www.w3.org/2003/05/soap-envelope"
A = "http://www.w3.org/2005/08/addressing"
H = "http://www.microsoft.com/hpc"


def reply(i: int, value: str = "", decl: bool = True) -> str:
    ns = f' xmlns:s="{S}" xmlns:a="{A}"' if decl else ""
    return (
        f"<s:Envelope{ns}><s:Header>"
        '<a:Action s:mustUnderstand="1">http://tempuri.org/IService/EchoResponse</a:Action>'
        f"<a:RelatesTo>urn:uuid:{i}</a:RelatesTo>"
        f'<HPCServer2008_Broker_UserDataNS xmlns="{H}">{i}</HPCServer2008_Broker_UserDataNS>'
        '</s:Header><s:Body><EchoResponse xmlns="http://tempuri.org/">'
        f"<EchoResult>{value or f'm{i}'}</EchoResult></EchoResponse></s:Body></s:Envelope>"
    )


def end(count: int, decl: bool = True) -> str:
    ns = f' xmlns:s="{S}" xmlns:a="{A}"' if decl else ""
    return (
        f"<s:Envelope{ns}><s:Header><a:Action>http://hpc.microsoft.com/EndOfGetResponse"
        '</a:Action></s:Header><s:Body><EndOfResponses xmlns="http://tempuri.org/">'
        f"<Count>{count}</Count><Reason>Success</Reason></EndOfResponses></s:Body></s:Envelope>"
    )


def stream(*parts: str, root: str = "<HPCServer2008_WebAPI_MessageArray>") -> bytes:
    name = root[1:].split()[0].rstrip(">")
    return f"{root}{''.join(parts)}</{name}>".encode()


def parse(data: bytes, step: int) -> tuple[list[tuple[str | None, str | None]], int]:
    parser = soa.EnvelopeParser()
    got: list[tuple[str | None, str | None]] = []
    for i in range(0, len(data), step):
        got += [(r.user_data, r.value) for r in parser.feed(data[i : i + step])]
    return got, parser.finish().count


STEPS = [1, 7, 64, 1 << 20]


def python_calls(fn: Callable[[], object], where: str = "") -> int:
    """Python-level calls (generator resumptions included) made while `fn` runs, counted only
    in files whose path contains `where`."""
    count = 0

    def prof(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event == "call" and where in frame.f_code.co_filename:
            count += 1

    sys.setprofile(prof)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


# -- regressions (fail on the pull-event parser, thread-per-stream watchdog, anyio reads) ----


def test_parsing_a_reply_costs_a_few_python_calls_not_one_per_xml_event() -> None:
    """A reply is ~11 elements; the pull parser resumed a Python generator for each start and
    end event (22+ calls per reply). Cutting at the close tag parses in C."""
    data = stream(*(reply(i) for i in range(100)), end(100))
    parser = soa.EnvelopeParser()
    out: list[soa.SoaResponse] = []
    calls = python_calls(lambda: out.extend(parser.feed(data)))
    assert len(out) == 100 and parser.end is not None
    assert calls <= 100 * 8, calls  # envelope_to_reply, its lookups, the reply's __init__


def test_sync_reply_streams_start_no_thread_each(hpc_emulator: RunningEmulator) -> None:
    """The stream watchdog armed a `threading.Timer` twice per stream (a thread each); now
    one shared timer thread serves every stream."""
    started: list[str] = []
    original = threading.Thread.start

    def counting(self: threading.Thread) -> None:
        started.append(self.name)
        original(self)

    with HpcClient(hpc_emulator.url, timeout=30) as hpc, hpc.sessions.create("EchoService") as s:
        threading.Thread.start = counting  # type: ignore[method-assign]
        try:
            for b in range(5):
                assert len(list(s.call_many("Echo", [{"message": "x"}] * 3, batch=f"b{b}"))) == 3
        finally:
            threading.Thread.start = original  # type: ignore[method-assign]
    assert len(started) <= 1, started


async def _anyio_calls(s: soa.AsyncSession, batch: str, n: int) -> int:
    """anyio calls made while one reply stream of `n` replies is read."""
    import asyncio

    await s.send(batch, [{"message": f"m{i}"} for i in range(n)], action="Echo")
    calls = 0

    def prof(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event == "call" and "anyio" in frame.f_code.co_filename:
            calls += 1

    async def read_all() -> list[soa.SoaResponse]:
        return [r async for r in s.responses(batch)]

    sys.setprofile(prof)
    try:
        got = await asyncio.wait_for(read_all(), 60)
    finally:
        sys.setprofile(None)
    assert sorted(int(r.user_data or -1) for r in got) == list(range(n))
    return calls


async def test_async_socket_reads_bypass_the_anyio_layer(hpc_emulator: RunningEmulator) -> None:
    """httpcore's anyio stream entered a cancel scope (and more) on every socket read; the
    asyncio-native backend reads with no anyio call, so a stream needing many reads costs
    no more anyio calls than a one-read stream (the pool's per-request locks remain)."""
    async with AsyncHpcClient(hpc_emulator.url, timeout=30) as hpc:
        s = await hpc.sessions.create("EchoService")
        await _anyio_calls(s, "warm", 2)  # connection made
        small = await _anyio_calls(s, "small", 2)
        big = await _anyio_calls(s, "big", 400)  # ~300 KB: several 64 KiB reads
        await s.close()
    assert big == small, (small, big)


# -- the splitter where a cut at the close tag is not an envelope's end ----------------------


@pytest.mark.parametrize("step", STEPS)
def test_close_tag_inside_cdata_comment_and_nested_elements(step: int) -> None:
    tricky = [
        "<![CDATA[</s:Envelope>]]>",  # the cut tag inside CDATA: not an end
        "a<!-- </s:Envelope> -->b",  # inside a comment
        "&lt;/s:Envelope&gt;",
    ]
    nested = (
        f'<s:Envelope xmlns:s="{S}" xmlns:a="{A}"><s:Header>'
        "<a:Action>http://tempuri.org/IService/EchoResponse</a:Action>"
        f'<HPCServer2008_Broker_UserDataNS xmlns="{H}">n</HPCServer2008_Broker_UserDataNS>'
        '</s:Header><s:Body><R xmlns="http://tempuri.org/"><s:Envelope>inner</s:Envelope>'
        "</R></s:Body></s:Envelope>"
    )
    data = stream(*(reply(i, v) for i, v in enumerate(tricky)), nested, reply(9), end(5))
    got, count = parse(data, step)
    assert count == 5
    assert got == [
        ("0", "</s:Envelope>"),
        ("1", "ab"),
        ("2", "</s:Envelope>"),
        ("n", "inner"),
        ("9", "m9"),
    ]


@pytest.mark.parametrize("step", STEPS)
def test_namespaces_declared_on_the_root_only(step: int) -> None:
    root = f'<h:Array xmlns:h="urn:x" xmlns:s="{S}" xmlns:a="{A}">'
    data = stream(*(reply(i, decl=False) for i in range(3)), end(3, decl=False), root=root)
    assert parse(data, step) == ([(str(i), f"m{i}") for i in range(3)], 3)


@pytest.mark.parametrize("step", STEPS)
def test_a_declared_latin1_stream_keeps_its_characters(step: int) -> None:
    # "Ã©" in Latin-1 is also valid UTF-8 (for "é"): it must not be decoded as UTF-8
    text = stream(reply(0, "café"), reply(1, "Ã©"), reply(2, "naïve"), end(3)).decode()
    data = b'<?xml version="1.0" encoding="ISO-8859-1"?>' + text.encode("latin-1")
    assert parse(data, step) == ([("0", "café"), ("1", "Ã©"), ("2", "naïve")], 3)
    cut = data.index(b"</s:Envelope>") + 20  # first chunk: the declaration and a whole reply
    parser = soa.EnvelopeParser()
    got = parser.feed(data[:cut]) + parser.feed(data[cut:])
    assert [r.value for r in got] == ["café", "Ã©", "naïve"]


@pytest.mark.parametrize("step", [64, 1 << 20])
def test_an_envelope_past_the_fast_bound_and_after_it(step: int) -> None:
    big = "x" * 100_000
    data = stream(reply(0), reply(1, big), reply(2), end(3))
    assert parse(data, step) == ([("0", "m0"), ("1", big), ("2", "m2")], 3)


def test_hostile_and_malformed_streams_are_typed() -> None:
    dtd = b'<!DOCTYPE a [<!ENTITY e "x">]>' + stream(reply(0, "&e;"), end(1))
    with pytest.raises(errors.HostileXml):
        parse(dtd, 1 << 20)
    with pytest.raises(errors.MalformedResponse):
        parse(stream(reply(0), reply(1, "&nope;"), end(2)), 1 << 20)
    with pytest.raises(errors.TruncatedStream):
        parse(stream(reply(0), reply(1)), 7)


def _chunks(data: bytes, size: int) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


def test_many_false_cuts_fall_back_instead_of_reparsing() -> None:
    """A CDATA full of close tags costs a bounded number of failed cuts, then pull events."""
    value = "<![CDATA[" + "</s:Envelope>" * 2000 + "]]>"
    data = stream(reply(0, value), reply(1), end(2))
    parser = soa.EnvelopeParser()
    got = [r for c in _chunks(data, 13) for r in parser.feed(c)]
    assert [r.user_data for r in got] == ["0", "1"] and got[0].value == "</s:Envelope>" * 2000
