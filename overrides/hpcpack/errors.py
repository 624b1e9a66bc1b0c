"""One exception hierarchy for everything that can go wrong talking to a head node.

Messages carry the operation (method and URL without credentials), never request bodies,
headers or passwords, so they are safe to log.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit

import httpx

__all__ = [
    "AccessDenied",
    "ApiVersionIncorrect",
    "ArgumentError",
    "BadRequest",
    "Conflict",
    "Forbidden",
    "HostileXml",
    "HpcConnectionError",
    "HpcError",
    "HpcFault",
    "HpcProtocolError",
    "HpcTLSError",
    "HpcTimeout",
    "HpcTransportError",
    "MalformedResponse",
    "NotFound",
    "NotSupportDurableSession",
    "NotSupportInprocessBroker",
    "PagingLimitExceeded",
    "PagingStalled",
    "ResponseTooLarge",
    "ServerError",
    "TruncatedStream",
    "Unauthorized",
    "UnknownError",
    "XmlCharacterError",
    "redact_text",
    "safe_url",
]


#: query parameters whose value is withheld from messages (passwords, tokens, signatures)
_SECRET_PARAM = re.compile(r"pass|pwd|secret|token|sig|auth|key|cred", re.IGNORECASE)
#: anything that looks like an absolute URL inside free text (any scheme, even a misspelt one)
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")
REDACTED = "***"


def _clean_query(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    if not any(_SECRET_PARAM.search(k) for k, _ in pairs):
        return query
    return urlencode([(k, REDACTED if _SECRET_PARAM.search(k) else v) for k, v in pairs], safe="*")


def safe_url(url: httpx.URL | str) -> str:
    """The URL without user info, and with password-like query values withheld: the only
    form of a URL put in messages, reprs and logs. Standard library only (the CLI uses it on
    URLs httpx would refuse), and never raises."""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:
        return _URL_IN_TEXT.sub(lambda m: m.group(0).split("://")[0] + "://" + REDACTED, text)
    netloc = parts.netloc.rpartition("@")[2]
    query = _clean_query(parts.query) if parts.query else ""
    if netloc == parts.netloc and query == parts.query:
        return text
    return SplitResult(parts.scheme, netloc, parts.path, query, parts.fragment).geturl()


def redact_text(text: str) -> str:
    """`text` with every URL in it passed through `safe_url` (for messages built from
    arbitrary strings: a user's `--url`, an httpx error, a proxy setting)."""
    if "://" not in text:
        return text
    return _URL_IN_TEXT.sub(lambda m: safe_url(m.group(0)), text)


class HpcError(Exception):
    """Root of every error raised by hpcpack."""

    def __init__(self, message: str, *, operation: str | None = None) -> None:
        message = redact_text(message)
        operation = redact_text(operation) if operation else operation
        self.message = message
        self.operation = operation
        super().__init__(f"{message} ({operation})" if operation else message)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class XmlCharacterError(HpcError, ValueError):
    """A request value holds a character XML 1.0 cannot carry; raised before sending."""


# -- transport level ---------------------------------------------------------------------------


class HpcTransportError(HpcError):
    """The request did not get an HTTP answer."""


class HpcConnectionError(HpcTransportError, ConnectionError):
    """Connecting to, or talking to, the head node failed."""


class HpcTLSError(HpcConnectionError):
    """TLS handshake or certificate verification failed."""


class HpcTimeout(HpcTransportError, TimeoutError):
    """The head node did not answer in time."""


# -- protocol level ----------------------------------------------------------------------------


class HpcProtocolError(HpcError):
    """The answer is not what the WindowsHpc protocol allows."""


class MalformedResponse(HpcProtocolError):
    """Bad XML/JSON, wrong root element, invalid UTF-8, truncated body."""


class HostileXml(MalformedResponse):
    """The XML uses a DTD, entities or external references: refused, never expanded."""


class ResponseTooLarge(MalformedResponse):
    """The body exceeds the configured size bound."""


class TruncatedStream(MalformedResponse):
    """A SOA response stream ended before its EndOfResponses marker."""


class RepliesLost(HpcProtocolError):
    """A batch's reply stream ended Success without replies this session sent requests for
    (e.g. another reader took them from an interactive session): they cannot be recovered."""

    def __init__(self, message: str, *, batch: str, missing: list[str]) -> None:
        super().__init__(message)
        self.batch = batch
        self.missing = missing  # user data of the requests whose replies never came


class PagingStalled(HpcProtocolError):
    """A list's continuation pages stopped bringing new rows (the same page again, or empty
    pages with a continuation token): the server's cursor does not advance."""


class PagingLimitExceeded(HpcError):
    """A list enumeration passed the client's bound on pages or rows (`PagingLimits`)."""


# -- faults (non-success statuses) -------------------------------------------------------------


class HpcFault(HpcError):
    """A non-success HTTP status, with the HpcWebServiceFault (or SP2 string) it carried."""

    status_code_class: ClassVar[int | None] = None
    fault_code: ClassVar[int | None] = None

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: int | None = None,
        values: Mapping[str, str | None] | None = None,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.values: dict[str, str | None] = dict(values or {})
        self.method = method
        self.url = url
        operation = f"{method} {url}" if method and url else None
        head = f"HTTP {status}" + (f", code {code}" if code is not None else "")
        super().__init__(f"{head}: {message}", operation=operation)
        self.message = redact_text(message)


class BadRequest(HpcFault):
    """400."""


class Unauthorized(HpcFault):
    """401: no or wrong credentials."""


class Forbidden(HpcFault):
    """403: authenticated but not allowed."""


class NotFound(HpcFault):
    """404: job, task, node, group, session, batch or service not found."""


class ApiUnavailable(NotFound):
    """The head node does not serve the API (or the API version) an operation needs: a 404
    without that API's own error body. The message names what is needed."""


class Conflict(HpcFault):
    """409: operation not valid in the object's state."""


class ServerError(HpcFault):
    """5xx."""


class ApiVersionIncorrect(BadRequest):
    """50331700 WebAPI_APIVersionIncorrect: api-version missing or unknown."""

    fault_code = 50331700


class ArgumentError(BadRequest):
    """251723775 ArgumentError: bad body, parameter or property name."""

    fault_code = 251723775


class NotSupportInprocessBroker(BadRequest):
    """50331697 WebAPI_NotSupportInprocessBroker."""

    fault_code = 50331697


class NotSupportDurableSession(BadRequest):
    """50331698 Azure_NotSupportDurableSession."""

    fault_code = 50331698


class AccessDenied(Forbidden):
    """50331701 WebAPI_AccessDenied."""

    fault_code = 50331701


class UnknownError(ServerError):
    """251658240 UnknownError."""

    fault_code = 251658240


_BY_STATUS: dict[int, type[HpcFault]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
}
_BY_CODE: dict[int, type[HpcFault]] = {
    cls.fault_code: cls
    for cls in (
        ApiVersionIncorrect,
        ArgumentError,
        NotSupportInprocessBroker,
        NotSupportDurableSession,
        AccessDenied,
        UnknownError,
    )
    if cls.fault_code is not None
}


def fault_class(status: int, code: int | None) -> type[HpcFault]:
    """Most specific class: by fault code when it agrees with the status, else by status."""
    base = _BY_STATUS.get(status) or (ServerError if status >= 500 else HpcFault)
    if code is not None:
        by_code = _BY_CODE.get(code)
        if by_code is not None and issubclass(by_code, base):
            return by_code
    return base
