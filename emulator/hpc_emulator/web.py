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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from hpc_emulator import xmlwire
from hpc_emulator.faults import (
    ACCESS_DENIED,
    API_VERSION_INCORRECT,
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
    _body: bytes | None = field(default=None, repr=False)

    async def body(self) -> bytes:
        if self._body is None:
            self._body = await self.request.body()
        return self._body

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
        if self.emu.config.users and not same_user(owner or "", self.user):
            raise forbidden(f"Access denied: the job belongs to {owner}.")


Handler = Callable[[Ctx], Awaitable[Response]]


@dataclass
class Route:
    method: str
    regex: re.Pattern[str]
    handler: Handler
    version_required: bool
    cluster_segment: bool = True


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


def same_user(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a.rsplit("\\", 1)[-1] == b.rsplit("\\", 1)[-1]


def owner_name(user: str | None) -> str:
    if not user:
        return "EMULATOR\\user"
    return user if "\\" in user else f"EMULATOR\\{user}"


def negotiate(request: Request) -> str:
    accept = request.headers.get("accept", "").lower()
    j, x = accept.find("json"), accept.find("xml")
    if j >= 0 and (x < 0 or j < x):
        return "json"
    return "xml"


def fault_response(fault: Fault, fmt: str, sp2_format: bool) -> Response:
    headers = dict(fault.headers)
    if fault.status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="WindowsHpc"'
    if sp2_format and fmt == "xml":
        body = xmlwire.scalar_string(fault.message, "xml")
    else:
        body = xmlwire.fault(fault.code, fault.message, fault.values, fmt)
    media = JSON_TYPE if fmt == "json" else XML_TYPE
    return Response(
        body.encode("utf-8"), status_code=fault.status, media_type=media, headers=headers
    )


class Router:
    def __init__(self, emu: Emulator, routes: list[Route]) -> None:
        self.emu = emu
        self.routes = routes

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

    def _auth(self, request: Request) -> tuple[str, bool]:
        header = request.headers.get("authorization", "")
        user: str | None = None
        password = ""
        if header[:6].lower() == "basic ":
            try:
                raw = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                raw = ""
            user, _, password = raw.partition(":")
        users = self.emu.config.users
        if not users:
            return owner_name(user), bool(user)
        for name, secret in users.items():
            if user is not None and same_user(name, user) and secret == password:
                return owner_name(user), True
        raise Fault(401, ACCESS_DENIED, "The credentials are missing or wrong.")

    async def handle(self, request: Request) -> Response:
        fmt = negotiate(request)
        query = {k.lower(): v for k, v in request.query_params.items()}
        header_version = request.headers.get("api-version")
        version = header_version if header_version is not None else query.get("api-version")
        sp2 = version is None
        if self.emu.config.latency > 0:
            await asyncio.sleep(self.emu.config.latency)
        try:
            user, authed = self._auth(request)
            found, params = self._resolve(request.method, request.url.path)
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
            ctx = Ctx(request, self.emu, params, query, version, fmt, user, authed)
            try:
                return await found.handler(ctx)
            finally:
                self.emu.store.flush()  # what an answer shows is durable (Store.soon)
        except Fault as fault:
            return fault_response(fault, fmt, sp2)
        except Exception as exc:  # never a crash: an UnknownError fault, logged
            log.exception("unexpected error on %s %s", request.method, request.url.path)
            return fault_response(Fault(500, UNKNOWN_ERROR, f"Unexpected error: {exc}"), fmt, sp2)


def render(catalogue_props: dict[str, Any], names: list[str]) -> xmlwire.Props:
    from hpc_emulator.values import render_value

    return [(n, render_value(catalogue_props.get(n))) for n in names]
