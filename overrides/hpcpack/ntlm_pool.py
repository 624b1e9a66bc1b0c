"""NTLM/Negotiate per connection, the way the server sees it.

IIS Windows Authentication authenticates a TCP connection: the CHALLENGE answers one connection
and the AUTHENTICATE must come back on it. An `httpx.Auth` cannot choose its connection (each
leg goes back to the pool, where a concurrent request may take the connection or the next leg
may get another one), so `HpcClient(auth_method="ntlm")` does the handshake inside httpcore's
pool instead: every new connection runs NEGOTIATE/AUTHENTICATE on itself with bodyless `HEAD`s
of the service's `/Version`, then carries its requests without further round trips.
"""

from __future__ import annotations

import base64
import threading
from typing import Any

import httpcore
import httpx

_BODY_HEADERS = {b"content-length", b"content-type", b"transfer-encoding", b"authorization"}
_MAX_LEGS = 4


class Credentials:
    """Who to authenticate as; makes one pyspnego client context per handshake."""

    def __init__(self, username: str, password: str, protocol: str) -> None:
        if protocol not in ("ntlm", "negotiate"):
            raise ValueError("protocol must be 'ntlm' or 'negotiate'")
        self.username, self._password, self.protocol = username, password, protocol
        self.scheme = "NTLM" if protocol == "ntlm" else "Negotiate"

    def __repr__(self) -> str:
        return f"Credentials(username={self.username!r}, protocol={self.protocol!r})"

    def context(self, host: str) -> Any:
        try:
            import spnego
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise RuntimeError("NTLM needs pyspnego: pip install 'hpcpack[ntlm]'") from exc
        return spnego.client(
            self.username, self._password, hostname=host, service="HTTP", protocol=self.protocol
        )

    def header(self, token: bytes) -> tuple[bytes, bytes]:
        return b"Authorization", f"{self.scheme} {base64.b64encode(token).decode()}".encode()

    def offered(self, response: httpcore.Response) -> bool:
        return any(
            k.lower() == b"www-authenticate"
            and v.decode("latin-1").strip().partition(" ")[0].lower() == self.scheme.lower()
            for k, v in response.headers
        )

    def challenge(self, response: httpcore.Response) -> bytes | None:
        for name, value in response.headers:
            if name.lower() != b"www-authenticate":
                continue
            scheme, _, token = value.decode("latin-1").strip().partition(" ")
            if scheme.lower() == self.scheme.lower() and token.strip():
                return base64.b64decode(token.strip())
        return None


def _version_url(url: httpcore.URL) -> httpcore.URL:
    """The service's `/Version` beside `url`: every leg is answered at once (the request's own
    URL might be a long-lived stream such as SOA Get Responses, which a HEAD would also run)."""
    path = url.target.split(b"?", 1)[0]
    cut = path.lower().find(b"/windowshpc")
    prefix = path[: cut + len(b"/windowshpc")] if cut >= 0 else b""
    return httpcore.URL(
        scheme=url.scheme, host=url.host, port=url.port, target=prefix + b"/Version"
    )


class _Legs:
    """The handshake's requests, one answer at a time (the same for sync and async).

    The NEGOTIATE goes out pre-emptively. IIS with kernel-mode authentication answers a
    pre-authenticating first request with a bare 401 (KB 2749007 [D]), so a 401 without a
    challenge to the NEGOTIATE starts over once with a fresh context.
    """

    def __init__(self, credentials: Credentials, request: httpcore.Request) -> None:
        self._credentials, self._request = credentials, request
        self._host = request.url.host.decode("ascii")
        self._context = credentials.context(self._host)
        self._token: bytes | None = self._context.step()
        self._restarts, self._legs = 1, 0
        self.accepted = False

    def next(self) -> httpcore.Request | None:
        if self.accepted or not self._token or self._legs >= _MAX_LEGS:
            return None
        self._legs += 1
        headers = [(k, v) for k, v in self._request.headers if k.lower() not in _BODY_HEADERS]
        headers.append(self._credentials.header(self._token))
        return httpcore.Request(
            b"HEAD", _version_url(self._request.url), headers=headers,
            extensions=self._request.extensions,
        )  # fmt: skip

    def answer(self, response: httpcore.Response) -> None:
        if response.status != 401:
            self.accepted = True
            return
        challenge = self._credentials.challenge(response)
        offered = self._credentials.offered(response)
        if challenge is None and offered and self._legs == 1 and self._restarts > 0:
            self._restarts -= 1
            self._legs = 0
            self._context = self._credentials.context(self._host)
            self._token = self._context.step()
            return
        self._token = self._context.step(challenge) if challenge is not None else None


class _Connection(httpcore.ConnectionInterface):
    def __init__(self, inner: httpcore.ConnectionInterface, credentials: Credentials) -> None:
        self._inner, self._credentials = inner, credentials
        self._authenticated = False
        self._busy = threading.Lock()  # a handshake in progress: not available to the pool

    def handle_request(self, request: httpcore.Request) -> httpcore.Response:
        if not self._authenticated:
            if not self._busy.acquire(blocking=False):
                raise httpcore.ConnectionNotAvailable()
            try:
                self._authenticated = self._handshake(request)
            finally:
                self._busy.release()
        return self._inner.handle_request(request)

    def _handshake(self, request: httpcore.Request) -> bool:
        """True once the server accepted the AUTHENTICATE (a refusal: the real request then
        goes out unauthenticated and brings back the server's own 401 fault)."""
        legs = _Legs(self._credentials, request)
        while (leg := legs.next()) is not None:
            response = self._inner.handle_request(leg)
            response.read()
            response.close()
            legs.answer(response)
        return legs.accepted

    def can_handle_request(self, origin: httpcore.Origin) -> bool:
        return self._inner.can_handle_request(origin)

    def close(self) -> None:
        self._inner.close()

    def info(self) -> str:
        return self._inner.info()

    def is_available(self) -> bool:
        return not self._busy.locked() and self._inner.is_available()

    def has_expired(self) -> bool:
        return not self._busy.locked() and self._inner.has_expired()

    def is_idle(self) -> bool:
        return not self._busy.locked() and self._inner.is_idle()

    def is_closed(self) -> bool:
        return self._inner.is_closed()


class _AsyncConnection(httpcore.AsyncConnectionInterface):
    def __init__(self, inner: httpcore.AsyncConnectionInterface, credentials: Credentials) -> None:
        self._inner, self._credentials = inner, credentials
        self._authenticated = False
        import asyncio  # here: a sync command does not pay for importing asyncio (~8 ms)

        self._busy = asyncio.Lock()

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        if not self._authenticated:
            if self._busy.locked():
                raise httpcore.ConnectionNotAvailable()
            async with self._busy:
                self._authenticated = await self._handshake(request)
        return await self._inner.handle_async_request(request)

    async def _handshake(self, request: httpcore.Request) -> bool:
        legs = _Legs(self._credentials, request)
        while (leg := legs.next()) is not None:
            response = await self._inner.handle_async_request(leg)
            await response.aread()
            await response.aclose()
            legs.answer(response)
        return legs.accepted

    def can_handle_request(self, origin: httpcore.Origin) -> bool:
        return self._inner.can_handle_request(origin)

    async def aclose(self) -> None:
        await self._inner.aclose()

    def info(self) -> str:
        return self._inner.info()

    def is_available(self) -> bool:
        return not self._busy.locked() and self._inner.is_available()

    def has_expired(self) -> bool:
        return not self._busy.locked() and self._inner.has_expired()

    def is_idle(self) -> bool:
        return not self._busy.locked() and self._inner.is_idle()

    def is_closed(self) -> bool:
        return self._inner.is_closed()


def transport(credentials: Credentials, **options: Any) -> httpx.HTTPTransport:
    """An `httpx.HTTPTransport` whose every connection authenticates itself."""
    network = httpx.HTTPTransport(**options)
    pool: Any = network._pool  # httpx builds the pool; wrap what it creates
    create = pool.create_connection
    pool.create_connection = lambda origin: _Connection(create(origin), credentials)
    return network


def async_transport(credentials: Credentials, **options: Any) -> httpx.AsyncHTTPTransport:
    network = httpx.AsyncHTTPTransport(**options)
    pool: Any = network._pool
    create = pool.create_connection
    pool.create_connection = lambda origin: _AsyncConnection(create(origin), credentials)
    return network
