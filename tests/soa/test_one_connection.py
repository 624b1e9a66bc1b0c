"""One connection serves a whole SOA session: the reply stream is read to the end of its body
after EndOfResponses, so the connection goes back to the pool (counted at a loopback relay, not
timed). And the stream bounds: a server that holds the body open after EndOfResponses costs a
connection, not a hang; one that never ends a stream meets the per-stream bound.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from hpc_client.models import WebSessionInfo
from hpc_emulator.soa import envelopes as env
from hpc_emulator.testing import RunningEmulator
from hpcpack import AsyncHpcClient, HpcClient, errors
from hpcpack.soa import AsyncSession, Session, StreamBounds

from .relay import Relay

pytestmark = pytest.mark.timeout(180)


def payloads(n: int) -> list[dict[str, str]]:
    return [{"message": f"m{i}"} for i in range(n)]


@pytest.fixture
def relay(hpc_emulator: RunningEmulator) -> Iterator[Relay]:
    with Relay(hpc_emulator.url) as r:
        yield r


def test_a_10000_message_session_opens_one_connection(relay: Relay) -> None:
    with HpcClient(relay.url, timeout=30) as hpc, hpc.sessions.create("EchoService") as s:
        for b in range(100):
            s.send(f"b{b}", payloads(100), action="Echo")
            assert len(list(s.responses(f"b{b}"))) == 100
    assert relay.connections == 1


async def test_async_10000_message_session_opens_one_connection(relay: Relay) -> None:
    async with AsyncHpcClient(relay.url, timeout=30) as hpc:
        s = await hpc.sessions.create("EchoService", durable=True)
        for b in range(100):
            await s.send(f"b{b}", payloads(100), action="Echo")
            assert len([r async for r in s.responses(f"b{b}")]) == 100
        await s.close()
    assert relay.connections == 1


# -- a server of our own for the bounds ----------------------------------------------------------

REPLIES = 3


def _stream_head_and_replies() -> bytes:
    replies = "".join(
        env.render_response(
            reply_action="http://tempuri.org/IService/EchoResponse",
            request_action="http://tempuri.org/IService/Echo",
            relates_to=f"urn:uuid:{i}",
            user_data=str(i),
            client_data="",
            body_xml=f'<EchoResponse xmlns="http://tempuri.org/"><EchoResult>m{i}</EchoResult>'
            "</EchoResponse>",
        )
        for i in range(REPLIES)
    )
    body = env.ARRAY_OPEN + replies.encode()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
    return head + b"Transfer-Encoding: chunked\r\n\r\n" + _chunk(body)


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


END = _chunk(env.render_end(REPLIES, "Success").encode() + env.ARRAY_CLOSE)


class Server:
    """Answers every Get Responses with `answer`; counts the connections it accepts."""

    def __init__(self, answer: bytes, then: bytes = b"") -> None:
        self.answer, self.then = answer, then
        self.connections = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            self._held.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            while True:
                data = b""
                while b"\r\n\r\n" not in data:
                    more = conn.recv(65536)
                    if not more:
                        return
                    data += more
                conn.sendall(self.answer)
                if not self.then:
                    return  # hold the connection open, answer unfinished
                conn.sendall(self.then)
        except OSError:
            return

    def close(self) -> None:
        self._sock.close()
        for c in self._held:
            c.close()


def _info() -> WebSessionInfo:
    return WebSessionInfo(
        id=7, broker_node="localhost", is_durable=False, max_message_size=65536,
        service_operation_timeout=86400000, service_version=None,
    )  # fmt: skip


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[Server]:
    answer, then = request.param
    s = Server(answer, then)
    yield s
    s.close()


COMPLETE = (_stream_head_and_replies() + END, b"0\r\n\r\n")
HELD_AFTER_END = (_stream_head_and_replies() + END, b"")
JUNK_AFTER_END = (_stream_head_and_replies() + END + _chunk(b" " * 100_000), b"0\r\n\r\n")
HELD_BEFORE_END = (_stream_head_and_replies(), b"")
# after EndOfResponses: the body's end -> the connection is reused; held open or too long ->
# a new connection for the next stream, and no hang
DRAINS = [(COMPLETE, 1), (HELD_AFTER_END, 2), (JUNK_AFTER_END, 2)]


def test_after_end_of_responses_the_body_is_drained_within_bounds() -> None:
    for answer, connections in DRAINS:
        server = Server(*answer)
        with HpcClient(server.url, timeout=30) as hpc:
            session = Session(hpc, _info())
            session.bounds = StreamBounds(drain_time=1.0, drain_bytes=64 * 1024)
            for _ in range(2):  # all replies each time
                assert [r.value for r in session.responses("b")] == ["m0", "m1", "m2"]
        server.close()
        assert server.connections == connections, answer


async def test_async_drain_within_bounds() -> None:
    for answer, connections in DRAINS:
        server = Server(*answer)
        async with AsyncHpcClient(server.url, timeout=30) as hpc:
            session = AsyncSession(hpc, _info())
            session.bounds = StreamBounds(drain_time=1.0, drain_bytes=64 * 1024)
            for _ in range(2):
                assert [r.value async for r in session.responses("b")] == ["m0", "m1", "m2"]
        server.close()
        assert server.connections == connections, answer


@pytest.mark.parametrize("server", [HELD_BEFORE_END], indirect=True)
def test_a_stream_that_never_ends_meets_its_total_bound(server: Server) -> None:
    with HpcClient(server.url, timeout=30) as hpc:
        got = []
        with pytest.raises(errors.HpcTimeout, match="bound"):
            for reply in Session(hpc, _info()).responses("b", total_timeout=0.3):
                got.append(reply)
        assert len(got) == REPLIES  # what came before the bound was handed on


@pytest.mark.parametrize("server", [HELD_BEFORE_END], indirect=True)
async def test_async_stream_that_never_ends_meets_its_total_bound(server: Server) -> None:
    async with AsyncHpcClient(server.url, timeout=30) as hpc:
        with pytest.raises(errors.HpcTimeout, match="bound"):
            async for _ in AsyncSession(hpc, _info()).responses("b", total_timeout=0.3):
                pass


@pytest.mark.parametrize("server", [HELD_BEFORE_END], indirect=True)
def test_idle_bound_per_read(server: Server) -> None:
    with HpcClient(server.url, timeout=30) as hpc:
        session = Session(hpc, _info())
        with pytest.raises(errors.HpcTimeout):
            list(session.responses("b", idle_timeout=0.2))
        session.bounds = StreamBounds(idle=0.2)  # the session-wide default, same effect
        with pytest.raises(errors.HpcTimeout):
            list(session.responses("b"))
