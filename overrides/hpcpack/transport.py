"""httpx transports that make the generated client speak the real wire format.

Requests marked `application/vnd.hpc.xml+json; root=X` are re-encoded as the XML of schema X
(or plain JSON); XML and JSON answers are decoded once, bounded in size, into a response whose
`.json()` returns the decoded data. Idempotent requests are retried on connection errors and
502/503/504. `extensions={"hpc.raw": True}` requests pass through untouched and unread.
Each call runs under one overall deadline, retries and backoff included (`deadline`).
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar

import httpx

from . import _spec, shapes, xmlcodec
from .deadline import DEADLINE, seconds_for
from .errors import (
    HpcConnectionError,
    HpcError,
    HpcTimeout,
    HpcTLSError,
    MalformedResponse,
    ResponseTooLarge,
    TruncatedStream,
    safe_url,
)

__all__ = ["DEFAULT_MAX_BODY", "AsyncHpcTransport", "DecodedResponse", "HpcTransport"]

log = logging.getLogger("hpcpack")

MARKER = "application/vnd.hpc.xml+json"
XML_CONTENT_TYPE = "application/xml; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
DEFAULT_MAX_BODY = 16 * 1024 * 1024
IDEMPOTENT = frozenset({"GET", "PUT", "HEAD", "OPTIONS", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})
OVERALL = "timed out: the call's overall deadline (its timeout) passed"
_DROP_REQUEST_HEADERS = frozenset({"content-length", "content-type", "transfer-encoding"})


class DecodedResponse(httpx.Response):
    """A response already decoded by the transport: `.json()` returns the data, no re-parse.

    `.content` keeps the wire bytes; the `x-hpc-decoded` header names the root schema.
    """

    hpc_data: Any = None

    def json(self, **kwargs: Any) -> Any:
        return self.hpc_data


# -- request side ----------------------------------------------------------------------------


def _marker_root(content_type: str) -> str | None:
    if not content_type.startswith(MARKER):
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key == "root":
            return value.strip().strip('"')
    return None


def encode_marked(root: str, data: Any, fmt: str) -> tuple[bytes | None, str]:
    """(wire body, content type) of the JSON data `data` of a body marked with schema `root`.

    The body is None for JSON of an ordinary schema: httpx encodes `json=` itself.
    """
    schema = _spec.schemas()[root]
    if schema.get("x-hpc-raw-xml"):
        if not isinstance(data, str):
            raise MalformedResponse(f"{root} body must be an XML string")
        return xmlcodec.check_chars(data, root).encode("utf-8"), XML_CONTENT_TYPE
    if fmt == "json" and root in _spec.json_body_roots():  # JSON only where documented (SOA)
        return None, JSON_CONTENT_TYPE
    return xmlcodec.encode(root, data), XML_CONTENT_TYPE


def wire_arguments(kwargs: dict[str, Any], fmt: str) -> dict[str, Any]:
    """`build_request` arguments with a marked `json=` body already in its wire form.

    The generated operations pass the marker in a plain dict of headers; encoding here, before
    httpx builds the request, spares the JSON round trip and a second request object.
    Anything else is returned unchanged (and `prepare_request` still handles it).
    """
    headers = kwargs.get("headers")
    if type(headers) is not dict or (kwargs.get("extensions") or {}).get("hpc.raw"):
        return kwargs
    marker = next((k for k in headers if k.lower() == "content-type"), None)
    root = _marker_root(headers[marker]) if marker is not None else None
    if root is None:
        return kwargs
    data = kwargs.get("json")
    if kwargs.get("content") is not None or kwargs.get("data") or kwargs.get("files"):
        return kwargs  # not the generated shape: the transport re-encodes it
    wire = {k: v for k, v in headers.items() if k.lower() not in _DROP_REQUEST_HEADERS}
    if data is None:
        return {**kwargs, "headers": wire}  # optional body not given: no body
    body, content_type = encode_marked(root, data, fmt)
    wire["Content-Type"] = content_type
    if body is None:
        return {**kwargs, "headers": wire}
    return {**kwargs, "headers": wire, "json": None, "content": body}


def prepare_request(request: httpx.Request, fmt: str) -> httpx.Request:
    """Re-encode a marked request body for the wire; anything else is returned unchanged."""
    if request.extensions.get("hpc.raw"):
        return request
    root = _marker_root(request.headers.get("content-type", ""))
    if root is None:
        return request
    body = request.content
    headers = [
        (k, v) for k, v in request.headers.multi_items() if k.lower() not in _DROP_REQUEST_HEADERS
    ]
    if not body:
        content = b""  # optional body not given: no body, Content-Length 0
    else:
        wire, content_type = encode_marked(root, json.loads(body), fmt)
        content = body if wire is None else wire
        headers.append(("Content-Type", content_type))
    return httpx.Request(
        request.method, request.url, headers=headers, content=content, extensions=request.extensions
    )


# -- response side ---------------------------------------------------------------------------


def _kind(content_type: str) -> str:
    ct = content_type.split(";", 1)[0].strip().lower()
    if ct.endswith("xml"):
        return "xml"
    if ct.endswith("json"):
        return "json"
    return "other"


def _check_length(response: httpx.Response, limit: int) -> None:
    length = response.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise ResponseTooLarge(f"response body of {length} bytes exceeds the {limit}-byte bound")


def _headers_for(response: httpx.Response, body: bytes) -> list[tuple[str, str]]:
    headers = [
        (k, v)
        for k, v in response.headers.multi_items()
        if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
    ]
    headers.append(("Content-Length", str(len(body))))
    return headers


def _expected(response: httpx.Response, request: httpx.Request | None) -> shapes.Expected | None:
    if request is None:
        try:
            request = response.request
        except RuntimeError:
            return None
    return shapes.expected_for(request.method, request.url.path)


def decode_body(
    response: httpx.Response, body: bytes, request: httpx.Request | None = None
) -> httpx.Response:
    """Build the response the client sees from the complete (bounded) body.

    A success answer of a known operation must carry that operation's body: the right XML root
    (or JSON), with the members and types the spec declares; anything else is
    `MalformedResponse`, so the generated parsers only ever see well-formed data.
    """
    ok = 200 <= response.status_code < 300
    return _decode(response, body, _expected(response, request) if ok else None)


def _decode(
    response: httpx.Response, body: bytes, expected: shapes.Expected | None
) -> httpx.Response:
    """`decode_body` for an answer whose operation (`expected`) is already known."""
    status = response.status_code
    kind = _kind(response.headers.get("content-type", ""))
    wanted = (expected.json or expected.xml) if expected is not None else None
    if status >= 300 or (wanted is None and (not body.strip() or kind == "other")):
        return _keep(response, body)
    headers = _headers_for(response, body)
    if not body.strip():
        raise MalformedResponse("empty answer where the operation returns a body")
    if kind == "xml":
        name, data = xmlcodec.decode(body)
        if expected is not None and expected.xml is not None:
            roots = shapes.xml_roots(expected.xml)
            got = _spec.schemas()[name].get("xml", {})
            if (got.get("name"), got.get("namespace")) not in roots:
                wanted_names = sorted(str(n) for n, _ in roots)
                raise MalformedResponse(
                    f"unexpected root element {got.get('name')!r} (expected {wanted_names})"
                )
    elif kind == "json":
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise MalformedResponse(f"malformed JSON: {exc}") from None
        except RecursionError:
            raise MalformedResponse("malformed JSON: nested too deeply") from None
        name = "json"
    else:
        raise MalformedResponse(
            f"unexpected content type {response.headers.get('content-type', '')[:60]!r}"
        )
    if wanted is not None and not (kind == "xml" and name in xmlcodec.SHAPED_BY_DECODER):
        shapes.check(wanted, data)
    headers.append(("x-hpc-decoded", name))
    decoded = _read(DecodedResponse, status, headers, body, response.extensions)
    decoded.hpc_data = data
    return decoded


_R = TypeVar("_R", bound=httpx.Response)


def _read(
    cls: type[_R], status: int, headers: list[tuple[str, str]], body: bytes, extensions: Any
) -> _R:
    """A response already read into `body`, left as `Response.read()` leaves one.

    `Response(content=...)` would read its own bytes again through the decoder chain (~13 us,
    a twentieth of a small call); httpx is pinned to 0.28, whose `read()` keeps the body in
    `_content` and returns it as is once set.
    """
    response = cls(status, headers=headers, stream=httpx.ByteStream(body), extensions=extensions)
    response.is_closed = True  # nothing behind an in-memory stream to release
    return _keep(response, body)


def _keep(response: _R, body: bytes) -> _R:
    """`response` itself, its (decoded, bounded) `body` read, as `Response.read()` leaves it:
    answers with nothing to decode (faults, empty successes) need no new response object."""
    response._content = body
    response.is_stream_consumed = True
    return response


def _passes_through(response: httpx.Response) -> bool:
    """Success answers that are neither XML nor JSON (SOA streams, files) are never buffered."""
    kind = _kind(response.headers.get("content-type", ""))
    return kind == "other" and 200 <= response.status_code < 300


class _GuardedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body read by the caller (SOA streams, HpcJobXml, passed-through answers): transport
    failures while reading become typed errors, and the body stops at `limit` if given."""

    def __init__(
        self, stream: Any, request: httpx.Request, limit: int | None, end: float | None = None
    ) -> None:
        self.stream = stream
        self.request = request
        self.limit = limit
        self.size = 0
        self.end = end  # the call's deadline, for a raw request that asked for one

    def _count(self, chunk: bytes) -> bytes:
        self.size += len(chunk)
        if self.limit is not None and self.size > self.limit:
            raise ResponseTooLarge(f"response body exceeds the {self.limit}-byte bound")
        return chunk

    def _error(self, exc: httpx.TransportError) -> HpcError:
        if isinstance(exc, httpx.RemoteProtocolError):
            op = f"{self.request.method} {safe_url(self.request.url)}"
            return TruncatedStream(f"the answer was cut: {type(exc).__name__}", operation=op)
        return _map_transport_error(exc, self.request)

    def __iter__(self) -> Iterator[bytes]:
        try:
            if self.end is None:
                for chunk in self.stream:
                    yield self._count(chunk)
                return
            chunks = iter(self.stream)
            while True:
                token = DEADLINE.set(self.end)  # each read under the deadline, never between
                try:
                    chunk = next(chunks)
                except StopIteration:
                    return
                finally:
                    DEADLINE.reset(token)
                _check_deadline(self.end, self.request)
                yield self._count(chunk)
        except httpx.TransportError as exc:
            raise self._error(exc) from exc

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            if self.end is None:
                async for chunk in self.stream:
                    yield self._count(chunk)
                return
            chunks = aiter(self.stream)
            while True:
                token = DEADLINE.set(self.end)
                try:
                    chunk = await anext(chunks)
                except StopAsyncIteration:
                    return
                finally:
                    DEADLINE.reset(token)
                _check_deadline(self.end, self.request)
                yield self._count(chunk)
        except httpx.TransportError as exc:
            raise self._error(exc) from exc

    def close(self) -> None:
        self.stream.close()

    async def aclose(self) -> None:
        await self.stream.aclose()


def _guard(
    response: httpx.Response, request: httpx.Request, limit: int, end: float | None
) -> httpx.Response:
    """A raw request's success body is its reader's business (SOA streams bound each reply);
    an error body is read whole by the fault hook, so it gets the size bound."""
    bound = limit if response.status_code >= 300 else None
    response.stream = _GuardedStream(response.stream, request, bound, end)
    return response


# -- the overall deadline (see `deadline`) ------------------------------------------------------


def _end_of(request: httpx.Request) -> float | None:
    seconds = seconds_for(request)
    return None if seconds is None else time.monotonic() + seconds


def _timeout_error(request: httpx.Request, why: str) -> HpcTimeout:
    return HpcTimeout(why, operation=f"{request.method} {safe_url(request.url)}")


def _check_deadline(end: float | None, request: httpx.Request) -> None:
    if end is not None and time.monotonic() >= end:
        raise _timeout_error(request, OVERALL)


def _clip(request: httpx.Request, end: float | None) -> httpx.Request:
    """`request` with each httpx timeout shortened to the time left before `end`."""
    if end is None:
        return request
    remaining = end - time.monotonic()
    if remaining <= 0:
        raise _timeout_error(request, OVERALL)
    timeouts = request.extensions.get("timeout") or {}
    request.extensions = {
        **request.extensions,
        "timeout": {
            k: remaining if timeouts.get(k) is None else min(timeouts[k], remaining)
            for k in ("connect", "read", "write", "pool")
        },
    }
    return request


def _room_for(delay: float, end: float | None, request: httpx.Request, why: str) -> None:
    """Raise `HpcTimeout` when waiting `delay` before a retry would pass the deadline."""
    if end is not None and time.monotonic() + delay >= end:
        raise _timeout_error(
            request, f"timed out: no time left for a retry in {delay:.2f}s (last: {why})"
        )


class _Bounded:
    """Accumulates decoded body chunks, refusing more than `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise ResponseTooLarge(f"response body exceeds the {self.limit}-byte bound")
        self.parts.append(chunk)

    def body(self) -> bytes:
        return b"".join(self.parts)


def _map_transport_error(exc: httpx.TransportError, request: httpx.Request) -> HpcError:
    op = f"{request.method} {safe_url(request.url)}"
    if isinstance(exc, httpx.TimeoutException):
        end = DEADLINE.get()
        if end is not None and time.monotonic() >= end - 0.01:  # the clipped timeout fired
            return HpcTimeout(OVERALL, operation=op)
        return HpcTimeout(f"timed out: {type(exc).__name__}", operation=op)
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return HpcTLSError(f"TLS failure: {type(cause).__name__}", operation=op)
        cause = cause.__cause__ or cause.__context__
    if "CERTIFICATE" in str(exc).upper() or "SSL" in str(exc).upper():
        return HpcTLSError("TLS failure", operation=op)
    return HpcConnectionError(f"connection failed: {type(exc).__name__}", operation=op)


def _retryable_error(exc: httpx.TransportError, mapped: HpcError) -> bool:
    """Transient connection failures; never a TLS failure (an untrusted certificate stays
    untrusted) nor a timeout after the request was sent."""
    if isinstance(mapped, HpcTLSError):
        return False
    return isinstance(
        exc,
        httpx.ConnectError | httpx.ConnectTimeout | httpx.RemoteProtocolError | httpx.ReadError,
    )


class _RetryPolicy:
    def __init__(self, retries: int, backoff: float, max_delay: float) -> None:
        self.retries = retries
        self.backoff = backoff
        self.max_delay = max_delay

    def delay(self, attempt: int, response: httpx.Response | None) -> float:
        if response is not None:
            after = response.headers.get("retry-after")
            if after:
                seconds = _retry_after_seconds(after)
                if seconds is not None:
                    return min(seconds, self.max_delay)
        base = self.backoff * 2.0**attempt
        return min(self.max_delay, base * (0.5 + random.random() / 2))


def _retry_after_seconds(value: str) -> float | None:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class _Base:
    def __init__(
        self,
        *,
        format: str = "xml",
        retries: int = 3,
        backoff: float = 0.5,
        max_delay: float = 30.0,
        max_body: int = DEFAULT_MAX_BODY,
    ) -> None:
        if format not in ("xml", "json"):
            raise ValueError("format must be 'xml' or 'json'")
        self.format = format
        self.max_body = max_body
        self.policy = _RetryPolicy(retries, backoff, max_delay)

    def _can_retry(self, request: httpx.Request, attempt: int) -> bool:
        """Only idempotent requests, never one marked `hpc.retry: False` (continuation pages,
        whose server cursor may already have moved)."""
        return (
            request.method in IDEMPOTENT
            and request.extensions.get("hpc.retry", True) is not False
            and attempt < self.policy.retries
        )

    def _log_retry(self, request: httpx.Request, why: str, attempt: int, delay: float) -> None:
        log.warning(
            "retrying %s %s after %s (attempt %d, in %.2fs)",
            request.method,
            safe_url(request.url),
            why,
            attempt + 1,
            delay,
        )

    def _error_delay(self, exc: HpcError, request: httpx.Request, attempt: int) -> float | None:
        """Seconds to wait before retrying after a failed send, or None: raise `exc`."""
        cause = exc.__cause__
        if (
            isinstance(cause, httpx.TransportError)
            and _retryable_error(cause, exc)
            and self._can_retry(request, attempt)
        ):
            delay = self.policy.delay(attempt, None)
            self._log_retry(request, type(cause).__name__, attempt, delay)
            return delay
        return None

    def _status_delay(
        self, response: httpx.Response, request: httpx.Request, attempt: int
    ) -> float | None:
        """Seconds to wait before retrying after this answer, or None: it is the answer."""
        if response.status_code in RETRY_STATUSES and self._can_retry(request, attempt):
            delay = self.policy.delay(attempt, response)
            self._log_retry(request, f"HTTP {response.status_code}", attempt, delay)
            return delay
        return None

    def _streamed(
        self,
        request: httpx.Request,
        response: httpx.Response,
        expected: shapes.Expected | None,
        end: float | None,
    ) -> bool:
        """A body handed on as a guarded stream (not decoded here): True once it is set up."""
        if expected is None and _passes_through(response):
            response.stream = _GuardedStream(response.stream, request, self.max_body, end)
            return True
        return False


class _Reading:
    """`with _Reading(request):` errors while reading a body become the typed errors.
    (A class, not `contextlib.contextmanager`: it runs on every call, and is 4x cheaper.)"""

    __slots__ = ("request",)

    def __init__(self, request: httpx.Request) -> None:
        self.request = request

    def __enter__(self) -> None:
        return None

    def __exit__(self, _type: object, exc: BaseException | None, _tb: object) -> None:
        if isinstance(exc, httpx.TransportError):
            raise _map_transport_error(exc, self.request) from exc
        if isinstance(exc, httpx.DecodingError):
            raise MalformedResponse("undecodable content encoding") from None


class HpcTransport(_Base, httpx.BaseTransport):
    """Sync transport: wraps `inner` (default `httpx.HTTPTransport`)."""

    def __init__(
        self,
        inner: httpx.BaseTransport | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.inner = inner or httpx.HTTPTransport()
        self.sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        end = _end_of(request)
        token = DEADLINE.set(end)  # every socket operation below gets at most the time left
        try:
            if request.extensions.get("hpc.raw"):
                return _guard(self._send(_clip(request, end)), request, self.max_body, end)
            return self._attempts(prepare_request(request, self.format), end)
        finally:
            DEADLINE.reset(token)

    def _attempts(self, wire: httpx.Request, end: float | None) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = self._send(_clip(wire, end))
            except HpcError as exc:
                delay = self._error_delay(exc, wire, attempt)
                if delay is None:
                    raise
                try:
                    _room_for(delay, end, wire, exc.message)
                except HpcTimeout as late:
                    raise late from exc
            else:
                delay = self._status_delay(response, wire, attempt)
                if delay is None:
                    return self._finish(wire, response, end)
                response.close()
                _room_for(delay, end, wire, f"HTTP {response.status_code}")
            self.sleep(delay)
            attempt += 1

    def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            return self.inner.handle_request(request)
        except httpx.TransportError as exc:
            raise _map_transport_error(exc, request) from exc

    def _finish(
        self, request: httpx.Request, response: httpx.Response, end: float | None
    ) -> httpx.Response:
        expected = _expected(response, request) if 200 <= response.status_code < 300 else None
        if self._streamed(request, response, expected, end):
            return response
        bounded = _Bounded(self.max_body)
        try:
            with _Reading(request):
                _check_length(response, self.max_body)
                for chunk in response.iter_bytes():
                    _check_deadline(end, request)  # a transport not under `deadline.install`
                    bounded.add(chunk)
        finally:
            response.close()
        return _decode(response, bounded.body(), expected)

    def close(self) -> None:
        self.inner.close()


async def _asyncio_sleep(delay: float) -> None:
    """`asyncio.sleep`, imported when an async client first backs off (asyncio costs a sync
    command ~10 ms of start-up)."""
    import asyncio

    await asyncio.sleep(delay)


class AsyncHpcTransport(_Base, httpx.AsyncBaseTransport):
    """Async twin of `HpcTransport`."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport | None = None,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.inner = inner or httpx.AsyncHTTPTransport()
        self.sleep = sleep or _asyncio_sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        end = _end_of(request)
        token = DEADLINE.set(end)
        try:
            if request.extensions.get("hpc.raw"):
                response = await self._send(_clip(request, end))
                return _guard(response, request, self.max_body, end)
            return await self._attempts(prepare_request(request, self.format), end)
        finally:
            DEADLINE.reset(token)

    async def _attempts(self, wire: httpx.Request, end: float | None) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = await self._send(_clip(wire, end))
            except HpcError as exc:
                delay = self._error_delay(exc, wire, attempt)
                if delay is None:
                    raise
                try:
                    _room_for(delay, end, wire, exc.message)
                except HpcTimeout as late:
                    raise late from exc
            else:
                delay = self._status_delay(response, wire, attempt)
                if delay is None:
                    return await self._finish(wire, response, end)
                await response.aclose()
                _room_for(delay, end, wire, f"HTTP {response.status_code}")
            await self.sleep(delay)
            attempt += 1

    async def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self.inner.handle_async_request(request)
        except httpx.TransportError as exc:
            raise _map_transport_error(exc, request) from exc

    async def _finish(
        self, request: httpx.Request, response: httpx.Response, end: float | None
    ) -> httpx.Response:
        expected = _expected(response, request) if 200 <= response.status_code < 300 else None
        if self._streamed(request, response, expected, end):
            return response
        bounded = _Bounded(self.max_body)
        try:
            with _Reading(request):
                _check_length(response, self.max_body)
                async for chunk in response.aiter_bytes():
                    _check_deadline(end, request)
                    bounded.add(chunk)
        finally:
            await response.aclose()
        return _decode(response, bounded.body(), expected)

    async def aclose(self) -> None:
        await self.inner.aclose()
