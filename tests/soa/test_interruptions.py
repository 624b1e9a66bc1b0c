"""No SOA reply is lost: interrupt a reply stream anywhere, call `responses()` again, and the
replies received add up to the requests sent, each exactly once (interactive and durable, sync
and async). Then the emulator's own rule on the raw wire: a reply counts as returned only when
its stream completed on a connection that was still open.
"""

from __future__ import annotations

import asyncio
import re
import socket
import struct
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path

import httpx
import pytest
from hpc_emulator.soa.broker import Broker, InMemoryServiceJobs, ServiceRegistry
from hpc_emulator.testing import RunningEmulator
from hpcpack import DEFAULT_API_VERSION, AsyncHpcClient, HpcClient, RepliesLost, SoaResponse, errors
from hpcpack.soa import AsyncSession, Session

from ..reliability import faultproxy as fp
from .conftest import collect, echo_batch, echo_session, results
from .relay import Relay

pytestmark = pytest.mark.timeout(180)

API = DEFAULT_API_VERSION
N = 2000  # replies per batch: several 256-reply chunks of the emulator's stream
DURABLE = pytest.mark.parametrize("durable", [False, True], ids=["interactive", "durable"])


class Boom(Exception):
    pass


def payloads(n: int) -> list[dict[str, str]]:
    return [{"message": f"m{i}"} for i in range(n)]


def tally(replies: Iterable[SoaResponse]) -> Counter[str | None]:
    return Counter(r.user_data for r in replies)


def every(n: int) -> Counter[str | None]:
    return Counter(str(i) for i in range(n))


def check(replies: list[SoaResponse], n: int) -> None:
    assert tally(replies) == every(n)  # each request's reply, once
    assert all(r.value == f"m{r.user_data}" for r in replies)


@pytest.fixture
def relay(hpc_emulator: RunningEmulator) -> Iterator[Relay]:
    with Relay(hpc_emulator.url) as r:
        yield r


@pytest.fixture
def hpc(relay: Relay) -> Iterator[HpcClient]:
    with HpcClient(relay.url, timeout=30) as client:
        yield client


@pytest.fixture
async def ahpc(relay: Relay) -> AsyncIterator[AsyncHpcClient]:
    async with AsyncHpcClient(relay.url, timeout=30) as client:
        yield client


def session_with(hpc: HpcClient, durable: bool, n: int = N, batch: str = "b") -> Session:
    session = hpc.sessions.create("EchoService", durable=durable)
    session.send(batch, payloads(n), action="Echo")
    return session


async def asession_with(hpc: AsyncHpcClient, durable: bool, n: int = N) -> AsyncSession:
    session = await hpc.sessions.create("EchoService", durable=durable)
    await session.send("b", payloads(n), action="Echo")
    return session


# -- the caller stops ---------------------------------------------------------------------


@DURABLE
@pytest.mark.parametrize("k", [1, 100, 256, 257, 1000, N - 1])
def test_consumer_exception_after_k_replies(hpc: HpcClient, durable: bool, k: int) -> None:
    with session_with(hpc, durable) as session:
        got: list[SoaResponse] = []
        with pytest.raises(Boom):
            for reply in session.responses("b"):
                got.append(reply)
                if len(got) == k:
                    raise Boom
        got += session.responses("b")
        check(got, N)
        assert list(session.responses("b")) == []  # and nothing comes twice later


@DURABLE
def test_the_issue_20000_read_100_stop(hpc: HpcClient, durable: bool) -> None:
    with session_with(hpc, durable, n=20_000) as session:
        stream = session.responses("b")
        first = [next(stream) for _ in range(100)]
        stream.close()  # type: ignore[attr-defined]
        rest = list(session.responses("b"))
        assert len(rest) == 19_900
        check(first + rest, 20_000)


@DURABLE
def test_several_interruptions_in_a_row(hpc: HpcClient, durable: bool) -> None:
    with session_with(hpc, durable) as session:
        got: list[SoaResponse] = []
        for k in (3, 300, 1):
            stream = session.responses("b")
            got += [next(stream) for _ in range(k)]
            stream.close()  # type: ignore[attr-defined]
        got += session.responses("b")
        check(got, N)


@DURABLE
def test_count_after_an_interruption_counts_new_replies(hpc: HpcClient, durable: bool) -> None:
    with session_with(hpc, durable) as session:
        stream = session.responses("b")
        got = [next(stream) for _ in range(10)]
        stream.close()  # type: ignore[attr-defined]
        more = list(session.responses("b", count=50))
        assert len(more) == 50
        got += more + list(session.responses("b"))
        check(got, N)


@DURABLE
async def test_async_consumer_exception(ahpc: AsyncHpcClient, durable: bool) -> None:
    session = await asession_with(ahpc, durable)
    got: list[SoaResponse] = []
    with pytest.raises(Boom):
        async for reply in session.responses("b"):
            got.append(reply)
            if len(got) == 300:
                raise Boom
    got += [r async for r in session.responses("b")]
    check(got, N)
    await session.close()


@DURABLE
async def test_async_consumer_timeout(ahpc: AsyncHpcClient, durable: bool) -> None:
    session = await asession_with(ahpc, durable)
    got: list[SoaResponse] = []
    never = asyncio.Event()
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(None) as deadline:
            async for reply in session.responses("b"):
                got.append(reply)
                if len(got) == 700:  # the caller's own deadline falls due here (not timed)
                    deadline.reschedule(asyncio.get_running_loop().time())
                    await never.wait()
    assert len(got) == 700
    got += [r async for r in session.responses("b")]
    check(got, N)
    await session.close()


# -- the stream breaks ----------------------------------------------------------------------


@DURABLE
@pytest.mark.parametrize("at", [100, 5_000, 65_537, 400_000])
def test_connection_reset_mid_stream(hpc: HpcClient, relay: Relay, durable: bool, at: int) -> None:
    with session_with(hpc, durable) as session:
        got: list[SoaResponse] = []
        relay.cut_after(at)  # answer byte `at` of the reply stream, often mid-envelope
        with pytest.raises(errors.HpcError):
            got.extend(session.responses("b"))
        assert len(got) < N
        got += session.responses("b")
        check(got, N)


@DURABLE
async def test_async_connection_reset_mid_stream(
    ahpc: AsyncHpcClient, relay: Relay, durable: bool
) -> None:
    session = await asession_with(ahpc, durable)
    got: list[SoaResponse] = []
    relay.cut_after(150_001)
    with pytest.raises(errors.HpcError):
        async for reply in session.responses("b"):
            got.append(reply)
    got += [r async for r in session.responses("b")]
    check(got, N)
    await session.close()


@DURABLE
def test_faultproxy_cuts_a_stream_the_server_finished(
    hpc_emulator: RunningEmulator, durable: bool
) -> None:
    """The proxy reads the whole stream (the emulator marks it returned), passes on half of it
    and resets: only a re-read from the start (reset=true) can give the caller the rest."""
    fault = fp.RESET_MID_BODY
    url = httpx.URL(hpc_emulator.url)
    assert url.host and url.port
    proxy = fp.FaultProxy((url.host, url.port)).start()
    try:
        with HpcClient(proxy.url, timeout=30) as hpc, session_with(hpc, durable, n=500) as s:
            got: list[SoaResponse] = []
            proxy.inject(fault)
            with pytest.raises(errors.HpcError):
                got.extend(s.responses("b"))
            got += s.responses("b")
            check(got, 500)
            assert [x.fault for x in proxy.requests("POST", "/Response")] == [fault, fp.PASS]
    finally:
        proxy.stop()


@DURABLE
def test_total_bound_then_resume(hpc: HpcClient, durable: bool) -> None:
    with session_with(hpc, durable) as session:
        got: list[SoaResponse] = []
        with pytest.raises(errors.HpcTimeout):
            for reply in session.responses("b", total_timeout=0.2):
                got.append(reply)
                if len(got) == 1:
                    time.sleep(0.5)  # a slow caller: the stream outlives its bound
        got += session.responses("b")
        check(got, N)


def test_replies_taken_by_another_reader_are_reported(
    hpc: HpcClient, hpc_emulator: RunningEmulator
) -> None:
    """Interactive: another reader reads the batch to its end and the next reset=false call
    deletes those replies; the interrupted session says which replies it cannot get."""
    with session_with(hpc, False, n=50) as session:
        stream = session.responses("b")
        got = [next(stream) for _ in range(5)]
        stream.close()  # type: ignore[attr-defined]
        for _ in range(2):  # read everything, then the call that deletes it
            _raw_replies(hpc_emulator.url, session.id)
        with pytest.raises(RepliesLost) as info:
            got += session.responses("b")
        assert set(info.value.missing) == {str(i) for i in range(50)} - {r.user_data for r in got}


# -- the emulator's rule, on the raw wire ------------------------------------------------------


def _raw_stream_cut(url: str, session_id: int, after: int, rst: bool) -> int:
    """Open a Get Responses stream over a plain socket, read until `after` replies arrived,
    then drop the connection (RST or FIN). Returns the replies seen."""
    parts = httpx.URL(url)
    assert parts.host and parts.port
    sock = socket.create_connection((parts.host, parts.port))
    sock.sendall(
        f"POST /WindowsHpc/Session/{session_id}/batch/b/Response?api-version={API} HTTP/1.1\r\n"
        f"Host: {parts.host}\r\nContent-Length: 0\r\n\r\n".encode()
    )
    data = b""
    while data.count(b"</s:Envelope>") < after:
        chunk = sock.recv(4096)
        assert chunk, "the stream ended early"
        data += chunk
    if rst:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()
    return data.count(b"</s:Envelope>")


def _raw_replies(url: str, session_id: int, reset: bool = False) -> list[str]:
    with httpx.Client(base_url=f"{url}/WindowsHpc", params={"api-version": API}) as raw:
        body = raw.post(
            f"/Session/{session_id}/batch/b/Response",
            params={"reset": "true" if reset else "false"},
            content=b"",
        ).text
    assert "EndOfGetResponse" in body
    return re.findall(r"<EchoResult>(.*?)</EchoResult>", body)


@DURABLE
@pytest.mark.parametrize("after", [1, 3000])
@pytest.mark.parametrize("rst", [True, False], ids=["reset", "close"])
def test_raw_disconnect_after_k_replies_keeps_the_rest(
    hpc_emulator: RunningEmulator, durable: bool, after: int, rst: bool
) -> None:
    n = 6000
    with (
        HpcClient(hpc_emulator.url, timeout=30) as hpc,
        hpc.sessions.create("EchoService", durable=durable) as s,
    ):
        # Uncommitted: the stream cannot end by itself, so the server has not finished the
        # body when the client drops (a body already written whole into the socket buffers
        # counts as returned: DESIGN.md, "No SOA reply lost").
        s.send("b", payloads(n), action="Echo", commit=False)
        seen = _raw_stream_cut(hpc_emulator.url, s.id, after, rst)
        assert seen < n
        s.commit("b")
        # nothing of the cut stream counted as returned: the next call has every reply
        assert Counter(_raw_replies(hpc_emulator.url, s.id)) == Counter(f"m{i}" for i in range(n))
        assert _raw_replies(hpc_emulator.url, s.id) == []  # a completed stream did count


def test_a_call_that_never_reached_the_server_forgets_nothing(
    hpc_emulator: RunningEmulator,
) -> None:
    """Interactive: the replies of a finished stream are deleted by the next reset=false call
    only once the server has it; a call dropped before that must not make the session forget
    them, or the resumed re-read would hand them out twice. (Guards the ledger; the old
    reader had no re-read and passes too.)"""
    url = httpx.URL(hpc_emulator.url)
    assert url.host and url.port
    proxy = fp.FaultProxy((url.host, url.port)).start()
    try:
        with HpcClient(proxy.url, timeout=30) as hpc, session_with(hpc, False, n=300) as s:
            got = list(s.responses("b", count=10))
            proxy.inject(fp.DROP)  # the next call is reset before it reaches the emulator
            with pytest.raises(errors.HpcError):
                got.extend(s.responses("b"))
            got += s.responses("b")
            check(got, 300)
    finally:
        proxy.stop()


@DURABLE
def test_generic_service_stream_interrupted(hpc: HpcClient, relay: Relay, durable: bool) -> None:
    """Generic replies carry no RelatesTo: the ledger goes by user data alone."""
    with hpc.sessions.create("EchoService", durable=durable, generic=True) as session:
        session.send("g", [f"x{i}" for i in range(N)], action="GenericOperation")
        got: list[SoaResponse] = []
        relay.cut_after(20_011)
        with pytest.raises(errors.HpcError):
            got.extend(session.responses("g"))
        got += session.responses("g")
        assert tally(got) == every(N)
        assert all(r.value == f"x{r.user_data}" for r in got)


async def test_broker_stream_closed_mid_way_marks_nothing(tmp_path: Path) -> None:
    """The broker alone: a consumer that stops pulling (as the HTTP layer does on a
    disconnect) leaves every reply of that stream to the next call."""
    async with Broker(tmp_path / "soa.db", ServiceRegistry(), InMemoryServiceJobs()) as broker:
        sid = await echo_session(broker)
        await broker.send(sid, "b", echo_batch(600), commit=True)
        stream = aiter(broker.responses(sid, "b", generic=False))
        first = [await anext(stream) for _ in range(3)]  # array open + two chunks of replies
        await stream.aclose()  # type: ignore[attr-defined]
        assert len(results(b"".join(first).decode())) > 0
        again = results(await collect(broker.responses(sid, "b", generic=False)))
        assert sorted(again) == sorted(f"m{i}" for i in range(600))
