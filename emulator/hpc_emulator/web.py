"""HTTP plumbing shared by every operation: routing, api-version, formats, auth, faults.

One catch-all Starlette endpoint dispatches through a table of case-insensitive path patterns
(WCF UriTemplate matching is case-insensitive), accepting both `/WindowsHpc/<resource>` and
`/WindowsHpc/<cluster>/<resource>`. Query parameter names are case-insensitive too.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response

from hpc_emulator import accounts, connections, limits, ntlm, xmlwire
from hpc_emulator.accounts import DEFAULT_DOMAIN
from hpc_emulator.faults import (
    ACCESS_DENIED,
    API_VERSION_INCORRECT,
    ARGUMENT_ERROR,
    UNKNOWN_ERROR,
    Fault,
    forbidden,
    not_found,
)

if TYPE_CHECKING:
    from hpc_emulator.app import Emulator

log = logging.getLogger("hpc_emulator")

API_VERSIONS = ("2011-11-01", "2012-03-31.3.4", "2012-11-01.4.0", "2012-11-01")
XML_TYPE = "application/xml; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"
XML_MEDIA = ("application/xml", "text/xml")
T = TypeVar("T")


@dataclass
class Ctx:
    request: Request
    emu: Emulator
    params: dict[str, str]
    query: dict[str, str]
    api_version: str | None
    fmt: str
    user: str
    authenticated: bool
    max_body: int = limits.SCHEDULER_MAX_BODY
    _body: bytes | None = field(default=None, repr=False)

    async def body(self) -> bytes:
        if self._body is None:
            self._body = await read_body(self.request, self.max_body)
        return self._body

    async def read(self, reader: Callable[[bytes, str], T]) -> T:
        """`reader(body, content_type)`, in a worker thread for a large body (limits.py)."""
        body = await self.body()
        if len(body) >= limits.PARSE_IN_THREAD_BYTES:
            return await asyncio.to_thread(reader, body, self.content_type)
        return reader(body, self.content_type)

    @property
    def content_type(self) -> str:
        return self.request.headers.get("content-type", "")

    def q(self, name: str) -> str | None:
        return self.query.get(name.lower())

    def int_param(self, name: str) -> int:
        return int(self.params[name])

    def respond(
        self, body: str | None, status: int = 200, headers: dict[str, str] | None = None
    ) -> Response:
        if body is None:
            return Response(status_code=status, headers=headers)
        media = JSON_TYPE if self.fmt == "json" else XML_TYPE
        return Response(body.encode("utf-8"), status_code=status, media_type=media, headers=headers)

    def check_owner(self, owner: str | None) -> None:
        """With users configured, only the owner may change a job (403 otherwise)."""
        if self.emu.accounts and not self.emu.accounts.same(owner or "", self.user):
            raise forbidden(f"Access denied: the job belongs to {owner}.")


Handler = Callable[[Ctx], Awaitable[Response]]


@dataclass
class Route:
    method: str
    regex: re.Pattern[str]
    handler: Handler
    version_required: bool
    cluster_segment: bool = True
    soa: bool = False  # SOA: JSON documented [D], larger body bound


def route(
    method: str, template: str, handler: Handler, *, required: bool, cluster_segment: bool = True
) -> Route:
    pattern = re.sub(
        r"\{(\w+)(:int)?\}",
        lambda m: f"(?P<{m.group(1)}>\\d{{1,10}})" if m.group(2) else f"(?P<{m.group(1)}>[^/]+)",
        template,
    )
    return Route(
        method, re.compile(f"^/{pattern}/?$", re.IGNORECASE), handler, required, cluster_segment
    )


def same_user(a: str, b: str, default_domain: str = DEFAULT_DOMAIN) -> bool:
    """Windows account equality: domain and user, case-insensitive (`alice` = default domain)."""
    return accounts.same_user(a, b, default_domain)


def negotiate(request: Request) -> str:
    accept = request.headers.get("accept", "").lower()
    j, x = accept.find("json"), accept.find("xml")
    if j >= 0 and (x < 0 or j < x):
        return "json"
    return "xml"


def too_large(limit: int) -> Fault:
    """413; the connection closes after it (the unread rest of the body must not be parsed
    as the next request)."""
    return Fault(
        413,
        ARGUMENT_ERROR,
        f"The request body exceeds the limit of {limits.describe(limit)}.",
        headers={"Connection": "close"},
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The body, read incrementally: 413 as soon as it exceeds `limit` (never buffered whole)."""
    declared = request.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def check_framing(request: Request, limit: int) -> None:
    """IIS rules before any handler: 411 for a POST/PUT without Content-Length or
    Transfer-Encoding [I: widely reported IIS behaviour, no Microsoft page found]; 413 for a
    declared length over the bound (IIS request filtering runs before authentication [D])."""
    headers = request.headers
    declared = headers.get("content-length")
    if (
        request.method in ("POST", "PUT")
        and declared is None
        and "transfer-encoding" not in headers
    ):
        raise Fault(
            411, ARGUMENT_ERROR, "Length Required: send Content-Length (0 for an empty body)."
        )
    if declared is not None and declared.strip().isdigit() and int(declared) > limit:
        raise too_large(limit)


def check_media(request: Request, found: Route, json_extension: bool) -> None:
    """Scheduler, node and cluster bodies are XML only (`application/xml`/`text/xml`, any
    parameters); JSON there is the emulator's extension. What a real server answers is
    unknown [I]: 415 is the strict choice (field-notes.md: "the old API does XML only" [C])."""
    if found.soa:
        return
    headers = request.headers
    if (
        headers.get("content-length", "0").strip() in ("", "0")
        and "transfer-encoding" not in headers
    ):
        return  # no body: nothing to read
    media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media in XML_MEDIA or (json_extension and media == "application/json"):
        return
    raise Fault(
        415,
        ARGUMENT_ERROR,
        f"Unsupported media type '{media or '(none)'}': the WindowsHpc scheduler API speaks XML "
        "only (application/xml or text/xml). JSON there is this emulator's extension "
        "(--json-extension); JSON is documented for the SOA operations only.",
    )


def challenges(method: str, request: Request) -> list[str]:
    """IIS's 401 challenges: Basic with the host as realm when none is configured [I]; Windows
    Authentication offers its providers (default Negotiate, NTLM) as separate bare headers
    [D: MS-NTHT 2.2.1, MS-N2HT 2.2.1; IIS `windowsAuthentication/providers`]."""
    if method == "ntlm":
        return list(ntlm.SCHEMES)
    host = re.sub(r"[^A-Za-z0-9.\-\[\]:]", "", request.url.hostname or "") or "localhost"
    return [f'Basic realm="{host}"']


def fault_response(
    fault: Fault, fmt: str, sp2_format: bool, challenge: list[str] | None = None
) -> Response:
    headers = dict(fault.headers)
    offered = [] if "WWW-Authenticate" in headers else list(challenge or [])
    if sp2_format and fmt == "xml":
        body = xmlwire.scalar_string(fault.message, "xml")
    else:
        body = xmlwire.fault(fault.code, fault.message, fault.values, fmt)
    media = JSON_TYPE if fmt == "json" else XML_TYPE
    response = Response(
        body.encode("utf-8"), status_code=fault.status, media_type=media, headers=headers
    )
    if fault.status == 401:
        response.raw_headers += [(b"www-authenticate", c.encode("latin-1")) for c in offered]
    return response


class Router:
    def __init__(self, emu: Emulator, routes: list[Route], soa_routes: list[Route]) -> None:
        self.emu = emu
        self.routes = routes + [replace(r, soa=True) for r in soa_routes]

    def _match(
        self, method: str, rest: str, segment: bool
    ) -> tuple[Route | None, dict[str, str], set[str]]:
        """(route, path params, the methods this path supports)."""
        allowed: set[str] = set()
        for r in self.routes:
            if segment and not r.cluster_segment:
                continue
            m = r.regex.match(rest)
            if m:
                allowed.add(r.method)
                if r.method == method or (method == "HEAD" and r.method == "GET"):
                    return r, m.groupdict(), allowed
        return None, {}, allowed

    def _resolve(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        m = re.match(r"^/windowshpc(/.*)?$", path, re.IGNORECASE)
        if not m or not m.group(1):
            raise not_found(f"No operation at {path}.")
        rest = m.group(1)
        found, params, known = self._match(method, rest, False)
        if found:
            return found, params
        seg = re.match(r"^/([^/]+)(/.*)$", rest)
        if seg:
            found2, params2, known2 = self._match(method, seg.group(2), True)
            if found2:
                if seg.group(1).lower() != self.emu.config.cluster_name.lower():
                    raise not_found(f"The cluster '{seg.group(1)}' does not exist.")
                return found2, params2
            known = known | known2
        if known:
            fault = Fault(405, UNKNOWN_ERROR, f"Method {method} is not allowed on {path}.")
            fault.headers = {"Allow": ", ".join(sorted(known))}
            raise fault
        raise not_found(f"No operation at {path}.")

    def _auth(self, request: Request) -> tuple[str, bool, str]:
        """(owner name, authenticated, a final WWW-Authenticate for the answer or "")."""
        header = request.headers.get("authorization", "")
        scheme = header.partition(" ")[0].lower()
        known = self.emu.accounts
        if not known:  # open: whoever a Basic header claims to be, unchecked
            login = basic_credentials(header)[0]
            return known.owner(login), bool(login), ""
        if self.emu.config.auth == "basic":
            login, password = basic_credentials(header)
            account = known.check(login, password) if login is not None else None
            if account is None:
                raise Fault(401, ACCESS_DENIED, "The credentials are missing or wrong.")
            return account.name, True, ""
        return self._windows_auth(request, header, scheme)

    def _windows_auth(self, request: Request, header: str, scheme: str) -> tuple[str, bool, str]:
        conn = connections.of(request.scope)
        if conn is None:
            raise Fault(
                401, ACCESS_DENIED, "NTLM needs the emulator's own server (per-connection)."
            )
        if scheme not in ("ntlm", "negotiate"):
            if header or conn.user is None:  # Basic is not enabled; no header: the connection's
                conn.reset()
                raise Fault(401, ACCESS_DENIED, "The credentials are missing or wrong.")
            return conn.user, True, ""
        outcome = ntlm.accept(conn, header, self.emu.accounts, self.emu.ntlm_user_file)
        if outcome is None:
            raise Fault(401, ACCESS_DENIED, "The credentials are missing or wrong.")
        if outcome.challenge is not None:
            fault = Fault(401, ACCESS_DENIED, "Authentication in progress.")
            fault.headers = {"WWW-Authenticate": outcome.challenge}
            raise fault
        assert outcome.user is not None
        return outcome.user, True, outcome.reply

    async def handle(self, request: Request) -> Response:
        config = self.emu.config
        try:
            found: Route | None
            found, params = self._resolve(request.method, request.url.path)
            unresolved: Fault | None = None
        except Fault as fault:
            found, params, unresolved = None, {}, fault
        soa = found is not None and found.soa
        # Accept: application/json is honoured where JSON is documented (SOA) or extended
        fmt = negotiate(request) if soa or config.json_extension else "xml"
        limit = config.soa_max_body if soa else config.max_body
        query = {k.lower(): v for k, v in request.query_params.items()}
        header_version = request.headers.get("api-version")
        version = header_version if header_version is not None else query.get("api-version")
        sp2 = version is None
        if config.latency > 0:
            await asyncio.sleep(config.latency)
        try:
            check_framing(request, limit)
            user, authed, reply = self._auth(request)
            if unresolved is not None or found is None:
                raise unresolved or not_found(f"No operation at {request.url.path}.")
            sp2 = version is None and not found.version_required
            if version is not None and version.strip() not in API_VERSIONS:
                raise Fault(
                    400, API_VERSION_INCORRECT, f"The api-version '{version}' is not supported."
                )
            if version is None and found.version_required:
                raise Fault(
                    400,
                    API_VERSION_INCORRECT,
                    "The api-version header or URI parameter is required.",
                )
            check_media(request, found, config.json_extension)
            ctx = Ctx(request, self.emu, params, query, version, fmt, user, authed, limit)
            try:
                response = await found.handler(ctx)
            finally:
                self.emu.store.flush()  # what an answer shows is durable (Store.soon)
            if reply:
                response.headers["WWW-Authenticate"] = reply
            return response
        except Fault as fault:
            return fault_response(fault, fmt, sp2, challenges(self.emu.config.auth, request))
        except Exception as exc:  # never a crash: an UnknownError fault, logged
            log.exception("unexpected error on %s %s", request.method, request.url.path)
            return fault_response(Fault(500, UNKNOWN_ERROR, f"Unexpected error: {exc}"), fmt, sp2)


def basic_credentials(header: str) -> tuple[str | None, str]:
    """(user, password) from a Basic Authorization header; (None, "") for anything else."""
    if header[:6].lower() != "basic ":
        return None, ""
    try:
        raw = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None, ""
    user, sep, password = raw.partition(":")
    return (user, password) if sep else (None, "")


def render(catalogue_props: dict[str, Any], names: list[str]) -> xmlwire.Props:
    from hpc_emulator.values import render_value

    return [(n, render_value(catalogue_props.get(n))) for n in names]
