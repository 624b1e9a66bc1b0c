"""One overall deadline per call: connect, send, answer, retries and backoff together.

httpx's timeouts bound each socket operation, so a server dripping a valid answer a byte at a
time holds a call forever. The transport starts a deadline per call and every socket operation
under it gets at most the time left (`install` wraps the network backend of the httpcore pool
the client builds; with a caller-supplied transport the body is still checked between chunks).

Seconds of the deadline, from the request's `hpc.deadline` extension:

* absent or True: the largest of the request's httpx timeouts (`HpcClient(timeout=30)`: 30 s
  for the whole call); None when they are all None;
* a number: that many seconds; None (or False): no overall deadline (per-operation timeouts
  only).

Requests marked `hpc.raw` (SOA streams, HpcJobXml) default to None: a SOA reply stream may
legitimately last longer than a call, and is bounded by its own reader; the deadline covers a
raw body only when the request asks for one (the body is then read under it too).
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

__all__ = ["DEADLINE", "install", "left", "seconds_for"]

#: absolute `time.monotonic()` deadline of the call running in this context, if any
DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "hpcpack_deadline", default=None
)


def seconds_for(request: httpx.Request) -> float | None:
    """The overall bound of `request` in seconds (see the module docstring), or None."""
    ext = request.extensions
    wanted = ext.get("hpc.deadline", None if ext.get("hpc.raw") else True)
    if wanted is not True:
        return None if wanted is None or wanted is False else float(wanted)
    values = [v for v in (ext.get("timeout") or {}).values() if v is not None]
    return max(values) if values else None


def left(timeout: float | None) -> float | None:
    """`timeout` for one socket operation, shortened to the time the current call has left;
    raises `httpcore.TimeoutException` when none is left (mapped to `HpcTimeout`)."""
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise httpcore.ReadTimeout("the call's overall deadline passed")
    return remaining if timeout is None else min(timeout, remaining)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, left(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self.inner.start_tls(ssl_context, server_hostname, left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self.inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self.inner.read(max_bytes, left(timeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self.inner.write(buffer, left(timeout))

    async def aclose(self) -> None:
        await self.inner.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(await self.inner.start_tls(ssl_context, server_hostname, left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self.inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self.inner.connect_tcp(host, port, left(timeout), local_address, socket_options)
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self.inner.connect_unix_socket(path, left(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self.inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self.inner.connect_tcp(
            host, port, left(timeout), local_address, socket_options
        )
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        stream = await self.inner.connect_unix_socket(path, left(timeout), socket_options)
        return _AsyncStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def install(transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> bool:
    """Make the httpcore pool of an httpx network transport honour `DEADLINE` on every socket
    operation; False (and nothing changed) for any other transport."""
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, _Backend | _AsyncBackend):
        return True
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
        return True
    if isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
        return True
    return False
