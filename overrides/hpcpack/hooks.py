"""The typed fault for every non-success status: httpx response hooks for all of them but 401,
and an auth wrapper for the 401 that ends an authentication flow (a 401 may be a challenge the
flow answers, which a hook cannot know).

With both installed the generated parsers only ever see successes, so their return types stay
plain and an empty 401/404 body never reaches `response.json()`.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import Any

import httpx

from . import xmlcodec
from .errors import HpcError, HpcFault, fault_class, safe_url

__all__ = ["ChallengeAwareAuth", "araise_for_fault", "fault_from_response", "raise_for_fault"]

_FAULT_TAG = f"{{{xmlcodec.NS_COMMON}}}HpcWebServiceFault"
_STRING_TAG = f"{{{xmlcodec.NS_SERIALIZATION}}}string"


def _parse_fault(body: bytes, content_type: str) -> tuple[int | None, str | None, dict[str, Any]]:
    """(code, message, values) from either fault format; (None, None, {}) when unreadable."""
    text = body.strip()
    if not text:
        return None, None, {}
    if text[:1] == b"<" and "html" not in content_type:
        try:
            root = xmlcodec.parse_xml(text)
        except HpcError as exc:
            return None, f"unreadable fault body ({exc.message})", {}
        if root.tag == _FAULT_TAG:
            try:
                _, data = xmlcodec.decode_element(root)
            except HpcError:  # e.g. a Code that is not a number: keep what is readable
                message = root.find(f"{{{xmlcodec.NS_COMMON}}}Message")
                readable = message.text if message is not None else None
                return None, readable or "unreadable fault body", {}
            return _fault_fields(data)
        if root.tag == _STRING_TAG:
            return None, root.text or "", {}
        return None, None, {}
    if "json" in content_type or text[:1] in (b"{", b'"'):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return None, None, {}
        if isinstance(data, str):
            return None, data, {}
        if isinstance(data, dict):
            return _fault_fields(data)
    return None, None, {}


def _fault_fields(data: dict[str, Any]) -> tuple[int | None, str | None, dict[str, Any]]:
    code = data.get("Code")
    values: dict[str, Any] = {}
    entries = data.get("Values")
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            key = entry.get("key", entry.get("Key"))
            if key is not None:
                values[str(key)] = entry.get("value", entry.get("Value"))
    message = data.get("Message")
    return (
        (code if isinstance(code, int) and not isinstance(code, bool) else None),
        (str(message) if message is not None else None),
        values,
    )


_PLACEHOLDER = re.compile(r"\{(\d{1,3})\}")
MAX_MESSAGE = 4096


def fill_placeholders(message: str, values: list[Any]) -> str:
    """Substitute plain positional `{N}` fields, as the SOA client's `string.Format` does.

    The message comes from the server, so it is never used as a Python format string: no
    attribute access, indexing or format specs; unknown indexes stay as written.
    """

    def one(match: re.Match[str]) -> str:
        index = int(match.group(1))
        if index >= len(values):
            return match.group(0)
        value = values[index]
        return "" if value is None else str(value)

    return _PLACEHOLDER.sub(one, message[:MAX_MESSAGE])[:MAX_MESSAGE]


def fault_from_response(response: httpx.Response) -> HpcFault:
    """The typed fault of a (read) non-success response."""
    code, message, values = _parse_fault(
        response.content, response.headers.get("content-type", "").lower()
    )
    if not message:
        message = response.reason_phrase or "error"
    elif values:
        message = fill_placeholders(message, list(values.values()))
    message = message[:MAX_MESSAGE]
    request = response.request
    cls = fault_class(response.status_code, code)
    return cls(
        message,
        status=response.status_code,
        code=code,
        values=values,
        method=request.method,
        url=safe_url(request.url),
    )


FaultOf = Callable[[httpx.Response], HpcFault]


def raising(fault_of: FaultOf) -> Callable[[httpx.Response], None]:
    """A sync event hook raising `fault_of(response)` for a non-success answer. A 401 is left
    to `ChallengeAwareAuth`: the auth flow may answer it."""

    def hook(response: httpx.Response) -> None:
        if not 200 <= response.status_code < 300 and response.status_code != 401:
            response.read()
            raise fault_of(response)

    return hook


def araising(fault_of: FaultOf) -> Callable[[httpx.Response], Awaitable[None]]:
    """Async `raising` (httpx requires coroutine hooks on AsyncClient)."""

    async def hook(response: httpx.Response) -> None:
        if not 200 <= response.status_code < 300 and response.status_code != 401:
            await response.aread()
            raise fault_of(response)

    return hook


raise_for_fault = raising(fault_from_response)
araise_for_fault = araising(fault_from_response)


class ChallengeAwareAuth(httpx.Auth):
    """Runs the configured auth flow (Basic, NTLM, any httpx.Auth, or none) and turns the 401
    that ends it into `Unauthorized`.

    Response hooks run before the auth flow sees a response, so they cannot tell a challenge
    the flow will answer (NTLM, Negotiate, Digest) from a final refusal; this wrapper can.
    """

    def __init__(self, inner: httpx.Auth | None) -> None:
        self.inner = inner if inner is not None else httpx.Auth()

    def __repr__(self) -> str:
        return f"ChallengeAwareAuth({self.inner!r})"

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        flow = self.inner.sync_auth_flow(request)
        outgoing = next(flow)
        while True:
            response = yield outgoing
            try:
                outgoing = flow.send(response)
            except StopIteration:
                if response.status_code == 401:
                    response.read()
                    raise fault_from_response(response) from None
                return

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self.inner.async_auth_flow(request)
        outgoing = await flow.__anext__()
        while True:
            response = yield outgoing
            try:
                outgoing = await flow.asend(response)
            except StopAsyncIteration:
                if response.status_code == 401:
                    await response.aread()
                    raise fault_from_response(response) from None
                return
