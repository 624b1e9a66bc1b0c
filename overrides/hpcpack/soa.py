"""SOA sessions over the web API: message batches in, streamed replies out.

Requests are SOAP 1.2 / WS-Addressing envelopes inside an `HPCServer2008_WebAPI_MessageArray`
element (or, for a generic service, `input U+FFFF userdata U+0000` text). Replies are parsed
incrementally from the chunked Get Responses body, with DTDs and entities refused, up to the
`EndOfResponses` envelope; a stream that ends before it is an error, never a short answer.

Batch calls go to the client's own base URL. The service answers `BrokerNode` (the host the
Microsoft client sends batches to); on Azure and in the emulator it is the head node itself, and
it is kept in `Session.info` for callers that need another host. Payloads are a mapping of
parameters (`{"message": "hi"}` -> `<Echo xmlns="http://tempuri.org/"><message>hi</message>
</Echo>`) or a ready-made body element (a string), or plain strings for a generic service.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import time
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar
from urllib.parse import quote, urlencode

import attrs
import httpx
from hpc_client.api.sessions import (
    attach_session,
    close_session,
    commit_requests,
    create_session,
    get_batch_status,
    purge_batch,
)
from hpc_client.models import BrokerClientStatusCode, WebSessionInfo, WebSessionStartInfo
from hpc_client.types import Unset

from .calls import Call, asend, operation, operation_required, send
from .errors import (
    HpcError,
    HpcTimeout,
    NotFound,
    XmlCharacterError,
)
from .replies import DEFAULT_BOUNDS, Ledger, Reading, StreamBounds, Watchdog, timeout_for
from .soaparse import (
    BROKER_DOWN_ACTION,
    DEFAULT_MAX_ENVELOPE,
    END_ACTION,
    NS_HPC,
    NS_SOAP,
    NS_TEMPURI,
    NS_WSA,
    SEP_FIELD,
    SEP_RECORD,
    EndOfResponses,
    EnvelopeParser,
    GenericParser,
    SoaResponse,
)
from .xmlcodec import check_chars, escape_text

if TYPE_CHECKING:
    from .client import AsyncHpcClient, HpcClient

__all__ = [
    "BROKER_DOWN_ACTION",
    "DEFAULT_MAX_ENVELOPE",
    "END_ACTION",
    "AsyncSession",
    "AsyncSessions",
    "EndOfResponses",
    "EnvelopeParser",
    "GenericParser",
    "Session",
    "Sessions",
    "SoaResponse",
    "StreamBounds",
    "build_envelope",
    "build_generic_batch",
    "build_message_array",
]

WRAPPER = "HPCServer2008_WebAPI_MessageArray"
Payload = str | Mapping[str, Any]


_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def _message_ids(n: int) -> list[str]:
    """`n` random (version 4) UUID URNs, from one `os.urandom` call for all: `uuid.uuid4()`
    cost a tenth of a request's CPU, and one call per id most of what was left."""
    h, v = os.urandom(16 * n).hex(), _VARIANT
    return [
        f"urn:uuid:{h[i : i + 8]}-{h[i + 8 : i + 12]}-4{h[i + 13 : i + 16]}-"
        f"{v[h[i + 16]]}{h[i + 17 : i + 20]}-{h[i + 20 : i + 32]}"
        for i in range(0, 32 * n, 32)
    ]


def new_message_id() -> str:
    """WS-Addressing MessageID, a random (version 4) UUID URN; replaceable in tests."""
    return _message_ids(1)[0]


_NEW_MESSAGE_ID = new_message_id
_USER_DATA = "HPCServer2008_Broker_UserDataNS"


def action_of(operation: str) -> tuple[str, str]:
    """(SOAP action, body element name) for `Echo` or a full action URI."""
    if "://" in operation or operation.startswith("urn:"):
        return operation, operation.rstrip("/").rsplit("/", 1)[-1]
    return f"http://tempuri.org/IService/{operation}", operation


def body_xml(operation: str, payload: Payload) -> str:
    """A mapping becomes `<Op xmlns="http://tempuri.org/"><param>value</param></Op>`; a string
    is taken as the ready-made body element."""
    if isinstance(payload, str):
        return check_chars(payload, "request body")
    keys = tuple(payload)
    tags = _BODY_TAGS.get((operation, keys)) or _body_tags(operation, keys)
    if len(keys) == 1:
        return f"{tags[0]}{_param(payload[keys[0]], keys[0])}{tags[1]}"
    out = [tags[0]]
    for key, closing in zip(keys, tags[1:], strict=True):
        out += (_param(payload[key], key), closing)
    return "".join(out)


_BODY_TAGS: dict[tuple[str, tuple[str, ...]], list[str]] = {}


def _body_tags(operation: str, keys: tuple[str, ...]) -> list[str]:
    """The markup around the values of a body with these parameters, names checked (made once
    per operation and parameter names: a batch repeats the same few)."""
    _check_name(operation)
    for key in keys:
        _check_name(key)
    opening = f'<{operation} xmlns="{NS_TEMPURI}">'
    closing = f"</{operation}>"
    if not keys:
        tags = [opening + closing]
    else:
        tags = [f"{opening}<{keys[0]}>"]
        tags += [f"</{k}><{n}>" for k, n in itertools.pairwise(keys)]
        tags.append(f"</{keys[-1]}>{closing}")
    if len(_BODY_TAGS) < 4096:
        _BODY_TAGS[(operation, keys)] = tags
    return tags


def _param(value: Any, key: str) -> str:
    """A parameter's text, escaped; printable ASCII without markup characters is as it is."""
    if type(value) is str and value.isascii() and value.isprintable():
        if "&" in value or "<" in value or ">" in value:
            return escape_text(value, key)
        return value
    return escape_text(_text(value), key)


_NCNAME = re.compile(r"[A-Za-z_][\w.\-]*\Z")


_NAMES_OK: set[str] = set()  # names already checked (a batch repeats the same few)


def _check_name(name: str) -> str:
    """Operation and parameter names become element names: refuse anything that is not a
    plain XML name (it would break, or inject into, the envelope)."""
    if name in _NAMES_OK:
        return name
    if not isinstance(name, str) or not _NCNAME.match(name):
        raise XmlCharacterError(f"{str(name)[:40]!r} is not usable as an XML element name")
    if len(_NAMES_OK) < 4096:
        _NAMES_OK.add(name)
    return name


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build_envelope(
    action: str, body: str, *, message_id: str, user_data: str | None, client_id: str | None
) -> str:
    return _Envelope(action, client_id).write(body, message_id, user_data)


def _broker_header(name: str, text: str) -> str:
    return f'<{name} xmlns="{NS_HPC}">{escape_text(text)}</{name}>'


class _Envelope:
    """What the request envelopes of one batch share (action, client id), escaped once."""

    __slots__ = ("client", "head")

    def __init__(self, action: str, client_id: str | None) -> None:
        self.head = (
            f'<s:Envelope xmlns:s="{NS_SOAP}" xmlns:a="{NS_WSA}"><s:Header>'
            f'<a:Action s:mustUnderstand="1">{escape_text(action)}</a:Action><a:MessageID>'
        )
        self.client = (
            ""
            if client_id is None
            else _broker_header("HPCServer2008_Broker_ClientIdNS", client_id)
        )

    def write(
        self, body: str, message_id: str, user_data: str | None, *, plain: bool = False
    ) -> str:
        """One envelope; `plain`: the user data needs no escaping (a request index)."""
        if user_data is None:
            user = ""
        elif plain:
            user = f'<HPCServer2008_Broker_UserDataNS xmlns="{NS_HPC}">{user_data}</HPCServer2008_Broker_UserDataNS>'
        else:
            user = _broker_header("HPCServer2008_Broker_UserDataNS", user_data)
        return (
            f"{self.head}{escape_text(message_id)}</a:MessageID>{user}{self.client}"
            f"</s:Header><s:Body>{body}</s:Body></s:Envelope>"
        )


def build_message_array(
    batch: str, operation: str, payloads: Iterable[Payload], start: int = 0
) -> bytes:
    """The Send Requests body; user data of each request is its index (from `start`)."""
    action, element = action_of(operation)
    envelope = _Envelope(action, batch)
    items = payloads if isinstance(payloads, list) else list(payloads)
    if new_message_id is _NEW_MESSAGE_ID:  # hex: nothing to escape
        ids = _message_ids(len(items))
    else:  # replaced (tests)
        ids = [escape_text(new_message_id()) for _ in items]
    # one f-string per request: what `_Envelope.write` writes, with the index as user data
    head, user = envelope.head, f'</a:MessageID><{_USER_DATA} xmlns="{NS_HPC}">'
    body = f"</{_USER_DATA}>{envelope.client}</s:Header><s:Body>"
    parts = [f"<{WRAPPER}>"]
    for index, payload, mid in zip(itertools.count(start), items, ids, strict=False):
        xml = body_xml(element, payload)
        parts.append(f"{head}{mid}{user}{index}{body}{xml}</s:Body></s:Envelope>")
    parts.append(f"</{WRAPPER}>")
    return "".join(parts).encode("utf-8")


def build_generic_batch(inputs: Iterable[str | tuple[str, str]], start: int = 0) -> bytes:
    """Generic-service body: `input U+FFFF userdata U+0000` per request."""
    records = []
    for index, item in enumerate(inputs, start):
        text, user = item if isinstance(item, tuple) else (item, str(index))
        if SEP_FIELD in text or SEP_RECORD in text or SEP_FIELD in user or SEP_RECORD in user:
            raise XmlCharacterError("generic-service input may not contain U+FFFF or U+0000")
        records.append(f"{text}{SEP_FIELD}{user}{SEP_RECORD}")
    try:
        return "".join(records).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise XmlCharacterError(
            f"generic-service input contains U+{ord(exc.object[exc.start]):04X}, not UTF-8"
        ) from None


# -- sessions --------------------------------------------------------------------------------


def _parser(generic: bool, limit: int) -> EnvelopeParser | GenericParser:
    return GenericParser(limit) if generic else EnvelopeParser(limit)


def _start_info(
    info: WebSessionStartInfo | str, username: str | None, password: str | None
) -> WebSessionStartInfo:
    """The start info, with the client's credentials where it names none (the broker runs the
    service job as `Username`; the documentation lists Username and Password as required)."""
    if isinstance(info, str):
        info = WebSessionStartInfo(service_name=info)
    if isinstance(info.username, Unset) and username is not None:
        info = attrs.evolve(info, username=username)
        if isinstance(info.password, Unset) and password is not None:
            info = attrs.evolve(info, password=password)
    return info


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _batch_url(session_id: int, batch: str, suffix: str = "") -> str:
    return f"/Session/{session_id}/batch/{quote(batch, safe='')}{suffix}"


def _response_params(count: int, reset: bool, action: str | None, generic: bool) -> dict[str, str]:
    params = {"count": str(count), "reset": _flag(reset), "action": action or ""}
    if generic:
        params["genericservice"] = "true"
    return params


DEFAULT_REQUESTS_PER_POST = 5000


def _posts(
    batch: str, operation: str, payloads: Iterable[Any], generic: bool, size: int, commit: bool
) -> Iterator[tuple[bytes, dict[str, str], list[str]]]:
    """(body, query, user data) of each Send Requests POST: at most `size` requests per body, so memory
    stays bounded however many payloads come; only the last POST carries `commit`. Each body is
    built (and its characters checked) before it is sent; a bad payload stops the batch before
    its POST, leaving the earlier POSTs uncommitted."""
    if size < 1:
        raise ValueError("per_post must be at least 1")
    items = iter(payloads)
    start = 0
    chunk = list(itertools.islice(items, size))
    while True:
        following = list(itertools.islice(items, size)) if chunk else []
        last = not following
        body = (
            build_generic_batch(chunk, start)
            if generic
            else build_message_array(batch, operation, chunk, start)
        )
        params = {"commit": _flag(commit and last)}
        if generic:
            params["genericservice"] = "true"
        yield body, params, _user_data(chunk, start, generic)
        if last:
            return
        start += len(chunk)
        chunk = following


def _user_data(chunk: list[Any], start: int, generic: bool) -> list[str]:
    """The user data the requests of one POST carry (their index, or a generic item's own)."""
    return [
        item[1] if generic and isinstance(item, tuple) else str(i)
        for i, item in enumerate(chunk, start)
    ]


_C = TypeVar("_C", bound="HpcClient | AsyncHpcClient")


class _SessionBase(Generic[_C]):
    """What `Session` and `AsyncSession` share: every request they send is built here."""

    def __init__(self, hpc: _C, info: WebSessionInfo, *, generic: bool = False) -> None:
        self._hpc = hpc
        self.info = info
        self.id = info.id
        self.generic = generic
        self.bounds = DEFAULT_BOUNDS
        self._ledgers: dict[str, Ledger] = {}

    def _url(self, batch: str, suffix: str, params: dict[str, str]) -> httpx.URL:
        """The absolute URL of a batch call, query included: httpx parses it once (a relative
        URL and `params=` cost three parses, ~1 us per message of a 100-request batch)."""
        base = str(self._hpc.http.base_url).rstrip("/")
        return httpx.URL(f"{base}{_batch_url(self.id, batch, suffix)}?{urlencode(params)}")

    def _ledger(self, batch: str) -> Ledger:
        return self._ledgers.setdefault(batch, Ledger())

    def _send_requests(
        self, batch: str, action: str, requests: Iterable[Any], commit: bool, per_post: int
    ) -> Iterator[tuple[dict[str, Any], list[str]]]:
        """The arguments of each Send Requests POST (built lazily, one body at a time), and the
        user data of its requests (recorded once the POST succeeded)."""
        for body, params, users in _posts(batch, action, requests, self.generic, per_post, commit):
            post = {
                "url": self._url(batch, "", params),
                "content": body,
                "headers": {"Content-Type": "application/octet-stream"},
                "extensions": {"hpc.raw": True},
            }
            yield post, users

    def _get_responses(
        self,
        batch: str,
        count: int,
        reset: bool,
        action: str | None,
        timeout: float | httpx.Timeout | None,
        idle: float | None,
    ) -> tuple[dict[str, Any], EnvelopeParser | GenericParser, Reading]:
        """The Get Responses stream's request arguments, the parser of its body, and what to
        hand on of it (a resumed read asks from the start and skips what the caller has)."""
        reading = Reading(self._ledger(batch), count, reset, self.info.is_durable, action)
        idle = self.bounds.idle if idle is None else idle
        base = self._hpc._config.timeout
        request = {
            "method": "POST",
            "url": self._url(
                batch,
                "/Response",
                _response_params(reading.server_count, reading.reset, action, self.generic),
            ),
            "extensions": {"hpc.raw": True},
            "timeout": timeout_for(base, timeout, idle),
        }
        return request, _parser(self.generic, self._hpc.transport.max_body), reading

    def _total(self, total: float | None) -> float | None:
        return self.bounds.total if total is None else total

    def _drain_window(self, dog: Watchdog) -> float:
        if dog.deadline is None:
            return self.bounds.drain_time
        return max(0.0, min(self.bounds.drain_time, dog.deadline - time.monotonic()))

    def _commit(self, batch: str) -> Call[None]:
        return operation(commit_requests, self._hpc.raw, self.id, batch)

    def _status(self, batch: str) -> Call[BrokerClientStatusCode]:
        return operation_required(get_batch_status, self._hpc.raw, "batch status", self.id, batch)

    def _purge(self, batch: str) -> Call[None]:
        return operation(purge_batch, self._hpc.raw, self.id, batch)

    def _close(self) -> Call[None]:
        return operation(close_session, self._hpc.raw, self.id)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id}, broker={self.info.broker_node!r})"


def _overrun(total: float | None) -> HpcTimeout:
    return HpcTimeout(f"the reply stream outlasted its {total} s bound (StreamBounds.total)")


def _drain(chunks: Iterator[bytes], limit: int) -> bool:
    """Read what follows EndOfResponses to the end of the body (True: the connection can be
    reused); False once past `limit` bytes, and the connection is closed instead."""
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            return False
    return True


async def _adrain(chunks: AsyncIterator[bytes], limit: int) -> bool:
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > limit:
            return False
    return True


def _batch_name(batch: str | None) -> str:
    return batch or f"batch-{uuid.uuid4().hex[:12]}"


class Session(_SessionBase["HpcClient"]):
    """An open SOA session; closes the session (its service job) on exit."""

    def send(
        self,
        batch: str,
        requests: Iterable[Any],
        *,
        action: str,
        commit: bool = True,
        per_post: int = DEFAULT_REQUESTS_PER_POST,
    ) -> None:
        """Send Requests: one envelope per payload (a mapping of parameters, or body XML),
        in POSTs of at most `per_post` requests; user data is each request's index."""
        for post, users in self._send_requests(batch, action, requests, commit, per_post):
            self._hpc.http.post(**post)
            self._ledger(batch).sent.update(users)

    def commit(self, batch: str) -> None:
        send(self._hpc.http, self._commit(batch))

    def responses(
        self,
        batch: str,
        count: int = -1,
        *,
        reset: bool = False,
        action: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        idle_timeout: float | None = None,
        total_timeout: float | None = None,
    ) -> Iterator[SoaResponse]:
        """Replies as they stream in, up to EndOfResponses (TruncatedStream if it never comes).

        After an interrupted call (the caller stopped early or raised, a timeout, a cut or
        reset stream) the next call yields exactly the replies not yielded before; RepliesLost
        if the server no longer has some this session sent. `idle_timeout`/`total_timeout`
        override `self.bounds` (per read / whole stream; HpcTimeout past either).
        """
        request, parser, reading = self._get_responses(
            batch, count, reset, action, timeout, idle_timeout
        )
        total = self._total(total_timeout)
        with self._hpc.http.stream(**request) as response:
            reading.started()
            dog = Watchdog(response, loop=False)
            try:
                dog.arm(total)
                chunks = response.iter_bytes()
                try:
                    for chunk in chunks:
                        for reply in parser.feed(chunk):
                            if reading.take(reply):
                                yield reply
                        if parser.end is not None:
                            break
                        if dog.expired():
                            raise _overrun(total)
                except HpcError as exc:
                    if dog.fired:
                        raise _overrun(total) from exc
                    raise
                end = parser.finish()
                dog.arm(self._drain_window(dog))
                with contextlib.suppress(HpcError):
                    _drain(chunks, self.bounds.drain_bytes)
            finally:
                dog.stop()
        reading.finish(end.reason, batch)

    def status(self, batch: str) -> BrokerClientStatusCode:
        return send(self._hpc.http, self._status(batch))

    def purge(self, batch: str) -> None:
        send(self._hpc.http, self._purge(batch))
        self._ledgers.pop(batch, None)  # a purged batch starts afresh

    def call_many(
        self,
        operation: str,
        payloads: Iterable[Any],
        *,
        batch: str | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Iterator[SoaResponse]:
        """Send all payloads in one committed batch and stream the replies."""
        name = _batch_name(batch)
        self.send(name, payloads, action=operation, commit=True)
        yield from self.responses(name, timeout=timeout)

    def close(self) -> None:
        with contextlib.suppress(NotFound):
            send(self._hpc.http, self._close())

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _create(
    hpc: HpcClient | AsyncHpcClient, info: WebSessionStartInfo | str, durable: bool
) -> Call[WebSessionInfo]:
    body = _start_info(info, hpc._config.username, hpc._config.password)
    return operation_required(create_session, hpc.raw, "session", body=body, durable=durable)


def _attach(
    hpc: HpcClient | AsyncHpcClient, session_id: int, durable: bool
) -> Call[WebSessionInfo]:
    return operation_required(attach_session, hpc.raw, "session", session_id, durable=durable)


class Sessions:
    """`hpc.sessions`: create or attach SOA sessions."""

    def __init__(self, hpc: HpcClient) -> None:
        self._hpc = hpc

    def create(
        self, info: WebSessionStartInfo | str, *, durable: bool = False, generic: bool = False
    ) -> Session:
        result = send(self._hpc.http, _create(self._hpc, info, durable))
        return Session(self._hpc, result, generic=generic)

    def attach(self, session_id: int, *, durable: bool = False, generic: bool = False) -> Session:
        result = send(self._hpc.http, _attach(self._hpc, session_id, durable))
        return Session(self._hpc, result, generic=generic)


class AsyncSession(_SessionBase["AsyncHpcClient"]):
    """Async twin of `Session` (`async with`)."""

    async def send(
        self,
        batch: str,
        requests: Iterable[Any],
        *,
        action: str,
        commit: bool = True,
        per_post: int = DEFAULT_REQUESTS_PER_POST,
    ) -> None:
        """Async `Session.send`."""
        for post, users in self._send_requests(batch, action, requests, commit, per_post):
            await self._hpc.http.post(**post)
            self._ledger(batch).sent.update(users)

    async def commit(self, batch: str) -> None:
        await asend(self._hpc.http, self._commit(batch))

    async def responses(
        self,
        batch: str,
        count: int = -1,
        *,
        reset: bool = False,
        action: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        idle_timeout: float | None = None,
        total_timeout: float | None = None,
    ) -> AsyncIterator[SoaResponse]:
        """Async `Session.responses` (same resumption and bounds)."""
        request, parser, reading = self._get_responses(
            batch, count, reset, action, timeout, idle_timeout
        )
        total = self._total(total_timeout)
        async with self._hpc.http.stream(**request) as response:
            reading.started()
            dog = Watchdog(response, loop=True)
            try:
                dog.arm(total)
                chunks = aiter(response.aiter_bytes())
                try:
                    async for chunk in chunks:
                        for reply in parser.feed(chunk):
                            if reading.take(reply):
                                yield reply
                        if parser.end is not None:
                            break
                        if dog.expired():
                            raise _overrun(total)
                except HpcError as exc:
                    if dog.fired:
                        raise _overrun(total) from exc
                    raise
                end = parser.finish()
                dog.arm(self._drain_window(dog))
                with contextlib.suppress(HpcError):
                    await _adrain(chunks, self.bounds.drain_bytes)
            finally:
                dog.stop()
        reading.finish(end.reason, batch)

    async def status(self, batch: str) -> BrokerClientStatusCode:
        return await asend(self._hpc.http, self._status(batch))

    async def purge(self, batch: str) -> None:
        await asend(self._hpc.http, self._purge(batch))
        self._ledgers.pop(batch, None)

    async def call_many(
        self,
        operation: str,
        payloads: Iterable[Any],
        *,
        batch: str | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncIterator[SoaResponse]:
        name = _batch_name(batch)
        await self.send(name, payloads, action=operation, commit=True)
        async for reply in self.responses(name, timeout=timeout):
            yield reply

    async def close(self) -> None:
        """Close Session (ends its service job); a session already gone is not an error."""
        with contextlib.suppress(NotFound):
            await asend(self._hpc.http, self._close())

    async def aclose(self) -> None:
        """`close`, under the name async httpx objects use."""
        await self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


class AsyncSessions:
    """`hpc.sessions` of `AsyncHpcClient`."""

    def __init__(self, hpc: AsyncHpcClient) -> None:
        self._hpc = hpc

    async def create(
        self, info: WebSessionStartInfo | str, *, durable: bool = False, generic: bool = False
    ) -> AsyncSession:
        result = await asend(self._hpc.http, _create(self._hpc, info, durable))
        return AsyncSession(self._hpc, result, generic=generic)

    async def attach(
        self, session_id: int, *, durable: bool = False, generic: bool = False
    ) -> AsyncSession:
        result = await asend(self._hpc.http, _attach(self._hpc, session_id, durable))
        return AsyncSession(self._hpc, result, generic=generic)
