"""A loopback TCP relay in front of the emulator: counts the connections clients open, and can
reset (RST) a connection after a given number of answer bytes (mid-envelope, mid-chunk).

Unlike `tests/reliability/faultproxy.py` it keeps connections alive and streams as it reads,
so it sees exactly the connections a client opens and cuts a live reply stream.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from urllib.parse import urlsplit


class Relay:
    def __init__(self, upstream_url: str) -> None:
        parts = urlsplit(upstream_url)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.connections = 0
        self._cut: int | None = None  # answer bytes still to pass before a reset
        self._lock = threading.Lock()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        host, port = self._sock.getsockname()
        return f"http://{host}:{port}"

    def cut_after(self, nbytes: int) -> None:
        """Reset the connection that carries answer byte `nbytes` from now on (one shot)."""
        with self._lock:
            self._cut = nbytes

    def close(self) -> None:
        self._sock.close()
        for s in list(self._open):
            with contextlib.suppress(OSError):
                s.close()

    def __enter__(self) -> Relay:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            server = socket.create_connection(self.upstream)
            for s in (client, server):  # relay small writes at once, as the endpoints do
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._open += [client, server]
            threading.Thread(target=self._pump, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, True), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, answer: bool) -> None:
        try:
            while data := src.recv(65536):
                kept = self._take(data, src, dst) if answer else data
                if kept is None:
                    return
                dst.sendall(kept)
        except OSError:
            pass
        with contextlib.suppress(OSError):
            dst.shutdown(socket.SHUT_WR)

    def _take(self, data: bytes, src: socket.socket, dst: socket.socket) -> bytes | None:
        with self._lock:
            if self._cut is None or len(data) < self._cut:
                if self._cut is not None:
                    self._cut -= len(data)
                return data
            keep, self._cut = self._cut, None
        with contextlib.suppress(OSError):
            dst.sendall(data[:keep])
        for s in (dst, src):  # RST both ways: the client sees a reset, the server a disconnect
            with contextlib.suppress(OSError):
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                s.shutdown(socket.SHUT_RD)  # wakes the other pump's recv, so close takes effect
            with contextlib.suppress(OSError):
                s.close()
        return None
