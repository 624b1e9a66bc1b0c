"""A loopback HTTP/1.1 proxy that injects faults in front of the emulator.

One request per client connection (`Connection: close` both ways), so every request the client
makes is seen, logged and given the next planned fault:

* `PASS`: forwarded, answer relayed as is;
* `status(code)`: answered by the proxy (never reaches the emulator), e.g. 502/503;
* `DROP`: connection reset (RST) right after the request was read; not forwarded;
* `RESET_MID_BODY`: forwarded, then the answer's head and half its body sent, then RST;
* `slow(seconds)`: forwarded, then the answer held back for `seconds` (past the client timeout);
* `CUT_CHUNKED`: forwarded, the chunked body cut before its last chunks, then a clean close
  (an incomplete chunked message);
* `REFRAME_BEFORE_END`: forwarded, a chunked SOA reply stream re-framed as a complete HTTP
  message that ends before its EndOfResponses envelope (a short but well-formed answer).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field

PASS = "pass"
DROP = "drop"
RESET_MID_BODY = "reset-mid-body"
CUT_CHUNKED = "cut-chunked"
REFRAME_BEFORE_END = "reframe-before-end"
END_MARKER = b"EndOfGetResponse"


def status(code: int, retry_after: str | None = None) -> str:
    return f"status:{code}:{retry_after or ''}"


def slow(seconds: float) -> str:
    return f"slow:{seconds}"


@dataclass
class Seen:
    method: str
    path: str
    fault: str
    forwarded: bool
    authorization: str | None = None


@dataclass
class FaultProxy:
    upstream: tuple[str, int]
    plan: deque[str] = field(default_factory=deque)
    seen: list[Seen] = field(default_factory=list)
    _sock: socket.socket | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)

    @property
    def url(self) -> str:
        assert self._sock is not None
        host, port = self._sock.getsockname()
        return f"http://{host}:{port}"

    def inject(self, *faults: str) -> None:
        """Faults for the next requests, in order; later requests pass."""
        self.plan.extend(faults)

    def requests(self, method: str | None = None, contains: str = "") -> list[Seen]:
        return [
            s for s in self.seen if (method is None or s.method == method) and contains in s.path
        ]

    # -- life cycle -----------------------------------------------------------------------

    def start(self) -> FaultProxy:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        sock.settimeout(0.1)
        self._sock = sock
        thread = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in list(self._threads):
            thread.join(timeout=5)
        if self._sock is not None:
            self._sock.close()

    def _accept_loop(self) -> None:
        assert self._sock is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            worker = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            worker.start()
            self._threads.append(worker)

    # -- one connection, one request ------------------------------------------------------

    def _serve(self, conn: socket.socket) -> None:
        with contextlib.closing(conn):
            conn.settimeout(10)
            try:
                head, body = _read_request(conn)
            except (OSError, ValueError):
                return
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            method, path = request_line.split(" ")[:2]
            fault = self.plan.popleft() if self.plan else PASS
            forwarded = not (fault.startswith("status:") or fault == DROP)
            self.seen.append(Seen(method, path, fault, forwarded, _header(head, b"authorization")))
            if fault == DROP:
                _reset(conn)
                return
            if fault.startswith("status:"):
                _, code, retry_after = fault.split(":", 2)
                extra = f"Retry-After: {retry_after}\r\n" if retry_after else ""
                conn.sendall(
                    f"HTTP/1.1 {code} Proxy Fault\r\nContent-Length: 0\r\n{extra}"
                    "Connection: close\r\n\r\n".encode()
                )
                return
            answer = self._forward(head, body)
            self._relay(conn, fault, answer)

    def _forward(self, head: bytes, body: bytes) -> bytes:
        lines = [
            line
            for line in head.split(b"\r\n")
            if line and not line.lower().startswith(b"connection:")
        ]
        wire = b"\r\n".join([*lines, b"Connection: close", b"", b""]) + body
        with socket.create_connection(self.upstream, timeout=30) as up:
            up.sendall(wire)
            parts = []
            while chunk := up.recv(65536):
                parts.append(chunk)
        return b"".join(parts)

    def _relay(self, conn: socket.socket, fault: str, answer: bytes) -> None:
        head, _, body = answer.partition(b"\r\n\r\n")
        if fault == PASS:
            conn.sendall(answer)
        elif fault == RESET_MID_BODY:
            conn.sendall(head + b"\r\n\r\n" + body[: len(body) // 2])  # may be none of it
            time.sleep(0.05)
            _reset(conn)
        elif fault.startswith("slow:"):
            deadline = time.monotonic() + float(fault.split(":", 1)[1])
            while time.monotonic() < deadline and not self._stop.is_set():
                time.sleep(0.02)
            with contextlib.suppress(OSError):
                conn.sendall(answer)
        elif fault == CUT_CHUNKED:
            if b"transfer-encoding: chunked" not in head.lower():
                raise AssertionError("CUT_CHUNKED needs a chunked answer")
            end = body.find(END_MARKER)
            cut = end if end > 0 else len(body) - 5  # before EndOfResponses, or the last chunk
            conn.sendall(head + b"\r\n\r\n" + body[:cut])
        elif fault == REFRAME_BEFORE_END:
            payload = _dechunk(body)
            end = payload.find(END_MARKER)
            if end < 0:
                raise AssertionError("no EndOfResponses in the stream")
            envelope = payload.rfind(b"<s:Envelope", 0, end)
            short = payload[: envelope if envelope >= 0 else end]
            kept = [
                line
                for line in head.split(b"\r\n")
                if not line.lower().startswith((b"transfer-encoding", b"content-length"))
            ]
            conn.sendall(
                b"\r\n".join([*kept, f"Content-Length: {len(short)}".encode(), b"", b""]) + short
            )
        else:
            raise AssertionError(f"unknown fault {fault!r}")


def _read_request(conn: socket.socket) -> tuple[bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            raise ValueError("client closed before a full request head")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() == b"transfer-encoding":
            raise ValueError("chunked request bodies are not supported by the proxy")
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            raise ValueError("client closed mid-body")
        body += chunk
    return head, body


def _header(head: bytes, name: bytes) -> str | None:
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip().decode("latin-1")
    return None


def _dechunk(body: bytes) -> bytes:
    out = []
    rest = body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out.append(rest[:size])
        rest = rest[size + 2 :]
    return b"".join(out)


def _reset(conn: socket.socket) -> None:
    """Close with RST (SO_LINGER 0) rather than a clean FIN."""
    with contextlib.suppress(OSError):
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
