"""HTTP layer of the /hpc API: routing, JSON/XML negotiation, `x-ms-as-user`, error bodies.

Authentication and request framing are the WindowsHpc router's (one set of accounts). The
bodies differ: JSON by default [D], no api-version [D], errors `{"Message": ...}` [I].
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from hpc_emulator import accounts as accounts_mod
from hpc_emulator.faults import ARGUMENT_ERROR, UNKNOWN_ERROR, Fault, forbidden, not_found
from hpc_emulator.hpcapi import roles
from hpc_emulator.web import JSON_TYPE, XML_TYPE, Ctx, Route, challenges, check_framing, route

if TYPE_CHECKING:
    from hpc_emulator.app import Emulator
    from hpc_emulator.web import Router

log = logging.getLogger("hpc_emulator")
PREFIX = re.compile(r"^/hpc(/.*)$", re.IGNORECASE)


def negotiate(request: Request) -> str:
    """JSON unless the client asks for XML only; 406 for neither [I, strict]."""
    accept = request.headers.get("accept", "").lower()
    if not accept.strip():
        return "json"
    kinds = [part.split(";", 1)[0].strip() for part in accept.split(",")]
    for kind in kinds:
        if kind in ("application/json", "text/json", "*/*", "application/*"):
            return "json"
        if kind in ("application/xml", "text/xml"):
            return "xml"
    raise Fault(406, ARGUMENT_ERROR, f"Cannot answer '{accept}': application/json or XML only.")


@dataclass
class RestCtx(Ctx):
    """A WindowsHpc `Ctx` whose user is the impersonated one and whose caller's role counts."""

    caller: str = ""
    impersonating: bool = False

    def check_owner(self, owner: str | None) -> None:
        emu = self.emu
        if not emu.accounts and not emu.config.roles:
            return
        if emu.accounts.same(owner or "", self.user):
            return
        if not self.impersonating and roles.role_of(
            emu.accounts, emu.config.roles, self.caller
        ) in (roles.ADMIN, roles.JOB_ADMIN):
            return
        raise forbidden(f"Access denied: the job belongs to {owner}.")

    def respond(
        self, body: str | None, status: int = 200, headers: dict[str, str] | None = None
    ) -> Response:
        if body is None and status == 200:
            status = 204  # /hpc answers void operations 204 [D]
        return super().respond(body, status, headers)


def error_response(fault: Fault, fmt: str, challenge: list[str] | None = None) -> Response:
    headers = dict(fault.headers)
    if fault.status == 401 and "WWW-Authenticate" not in headers and challenge:
        headers["WWW-Authenticate"] = challenge[0]
    if fmt == "xml":
        from hpc_emulator.xmlwire import text

        body = f"<Error><Message>{text(fault.message)}</Message></Error>"
        return Response(body, fault.status, headers=headers, media_type=XML_TYPE)
    body = json.dumps({"Message": fault.message})
    return Response(body, fault.status, headers=headers, media_type=JSON_TYPE)


def check_json_body(request: Request) -> None:
    """Bodies are JSON only [D: `consumes: application/json`]; 415 otherwise [I]."""
    headers = request.headers
    if headers.get("content-length", "0").strip() in ("", "0") and (
        "transfer-encoding" not in headers
    ):
        return
    media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "application/json":
        raise Fault(
            415, ARGUMENT_ERROR, f"Unsupported media type '{media or '(none)'}': send JSON."
        )


class RestRouter:
    def __init__(self, emu: Emulator, windows: Router, table: list[Route]) -> None:
        self.emu = emu
        self.windows = windows
        self.table = table

    def _resolve(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        m = PREFIX.match(path)
        if not m:
            raise not_found(f"No operation at {path}.")
        allowed: set[str] = set()
        for r in self.table:
            found = r.regex.match(m.group(1))
            if found:
                allowed.add(r.method)
                if r.method == method or (method == "HEAD" and r.method == "GET"):
                    return r, found.groupdict()
        if allowed:
            fault = Fault(405, UNKNOWN_ERROR, f"Method {method} is not allowed on {path}.")
            fault.headers = {"Allow": ", ".join(sorted(allowed))}
            raise fault
        raise not_found(f"No operation at {path}.")

    def _as_user(self, request: Request, caller: str) -> tuple[str, bool]:
        target = request.headers.get("x-ms-as-user")
        if target is None:
            return caller, False
        target = target.strip()
        emu = self.emu
        if not target:
            raise Fault(400, ARGUMENT_ERROR, "x-ms-as-user is empty.")
        if not roles.may_impersonate(emu.accounts, emu.config.roles, caller):
            raise roles.impersonation_refused(caller)
        if emu.accounts:
            account = emu.accounts.find(target)
            if account is None:
                raise Fault(400, ARGUMENT_ERROR, f"x-ms-as-user: no user '{target}'.")
            return account.name, True
        return accounts_mod.qualify(target, emu.config.default_domain), True

    async def handle(self, request: Request) -> Response:
        fmt = "json"
        try:
            fmt = negotiate(request)
            check_framing(request, self.emu.config.max_body)
            caller, authed, reply = self.windows._auth(request)
            found, params = self._resolve(request.method, request.url.path)
            check_json_body(request)
            user, impersonating = self._as_user(request, caller)
            query = {k.lower(): v for k, v in request.query_params.items()}
            ctx = RestCtx(
                request,
                self.emu,
                params,
                query,
                None,
                fmt,
                user,
                authed,
                self.emu.config.max_body,
                caller=caller,
                impersonating=impersonating,
            )
            response = await found.handler(ctx)
            if reply:
                response.headers["WWW-Authenticate"] = reply
            return response
        except Fault as fault:
            return error_response(fault, fmt, challenges(self.emu.config.auth, request))
        except Exception as exc:  # never a crash: a logged 500 with a message
            log.exception("unexpected error on %s %s", request.method, request.url.path)
            return error_response(Fault(500, UNKNOWN_ERROR, f"Unexpected error: {exc}"), fmt)


def rest_route(method: str, template: str, handler: object) -> Route:
    return route(method, template.lstrip("/"), handler, required=False)  # type: ignore[arg-type]
