"""Loopback servers for the hardening tests: a scripted HTTP server, a byte-dripping raw socket
server and a counting forward proxy. Each runs in daemon threads and counts what it saw, so
tests assert on counts, never on durations."""

from __future__ import annotations

import contextlib
import http.client
import itertools
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from hpcpack import xmlcodec

#: (status, headers, body) for a request path
Answer = tuple[int, dict[str, str], bytes]


@contextlib.contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[str]:
    """Run `server` in a thread; yields its `http://127.0.0.1:port` URL."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class Scripted:
    """An HTTP/1.1 server answering every request with `answer(path)`; counts requests."""

    answer: Callable[[str], Answer]
    paths: list[str] = field(default_factory=list)

    @contextlib.contextmanager
    def run(self) -> Iterator[str]:
        script = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                script.paths.append(self.path)
                status, headers, body = script.answer(self.path)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as url:
            yield url


@dataclass
class Drip:
    """A raw socket server sending `response` (a whole HTTP message) one byte every `interval`
    seconds after its first `burst` bytes at once, to every connection; `sent` counts the
    bytes it managed to send in all."""

    response: bytes
    interval: float = 0.05
    burst: int = 0
    sent: int = 0
    connections: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            with contextlib.suppress(OSError):
                conn.recv(65536)  # the request (small, one segment on loopback)
            if self.burst:
                try:
                    conn.sendall(self.response[: self.burst])
                except OSError:
                    return
                self.sent += self.burst
            for i in range(self.burst, len(self.response)):
                if self._stop.wait(self.interval):
                    return
                try:
                    conn.sendall(self.response[i : i + 1])
                except OSError:
                    return  # the client gave up
                self.sent += 1

    @contextlib.contextmanager
    def run(self) -> Iterator[str]:
        listener = socket.create_server(("127.0.0.1", 0))
        listener.settimeout(0.2)

        def accept() -> None:
            while not self._stop.is_set():
                try:
                    conn, _ = listener.accept()
                except OSError:
                    continue
                self.connections += 1
                threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{listener.getsockname()[1]}"
        finally:
            self._stop.set()
            thread.join(timeout=10)
            listener.close()


def http_message(status: int, headers: dict[str, str], body: bytes) -> bytes:
    head = f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return head.encode() + b"\r\n" + body


@dataclass
class CountingProxy:
    """A forward proxy for `http://` absolute-URI requests; counts them (`forwarded`)."""

    forwarded: list[str] = field(default_factory=list)

    @contextlib.contextmanager
    def run(self) -> Iterator[str]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self) -> None:
                proxy.forwarded.append(f"{self.command} {self.path}")
                target = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"}
                path = target.path + (f"?{target.query}" if target.query else "")
                upstream.request(self.command, path, body=body, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "content-length", "connection"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                upstream.close()

            do_GET = do_POST = do_PUT = do_DELETE = _forward

            def log_message(self, *args: Any) -> None:
                pass

        with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as url:
            yield url


# -- scripted list pages (Get Job List) -------------------------------------------------------

CAP = 300  # requests before the script gives up (ends the list), far above every bound
XML = {"Content-Type": "application/xml; charset=utf-8"}


def page(ids: range | list[int], token: str | None = "q1") -> Answer:
    rows = [{"Properties": [{"Name": "Id", "Value": str(i)}]} for i in ids]
    headers = dict(XML)
    if token:
        headers["x-ms-continuation-QueryId"] = token
    return 200, headers, xmlcodec.encode("ArrayOfObject", rows)


def script(pages: Callable[[int, str], Answer]) -> Scripted:
    """A server answering request n (0-based) with `pages(n, path)`, until CAP requests."""
    counter = itertools.count()

    def answer(path: str) -> Answer:
        n = next(counter)
        return page([], None) if n >= CAP else pages(n, path)

    return Scripted(answer)
