"""SOA operations: sessions and batches, rendered here, decided by the broker (`soa/`).

Broker methods may be sync or async; both are awaited uniformly.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import re
from collections.abc import AsyncIterator
from typing import Any

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from hpc_emulator import sessioninfo, xmlwire
from hpc_emulator.faults import bad_request
from hpc_emulator.values import parse_bool, parse_int
from hpc_emulator.web import Ctx, Route, route


async def call(ctx: Ctx, method: str, *args: Any, **kwargs: Any) -> Any:
    result = getattr(ctx.emu.broker, method)(*args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


def flag(ctx: Ctx, name: str, default: bool | None) -> bool:
    raw = ctx.q(name)
    if raw is None or raw == "":
        if default is None:
            raise bad_request(f"The URI parameter '{name}' is required.")
        return default
    return parse_bool(raw)


def session_id(ctx: Ctx) -> int:
    """The session id, after checking (when users are configured) that it is the caller's."""
    sid = ctx.int_param("sessionId")
    if ctx.emu.accounts:
        ctx.check_owner(ctx.emu.broker.owner_of(sid))
    return sid


_HOST = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$")


def broker_node(ctx: Ctx) -> str:
    """`WebSessionInfo.BrokerNode`: where the client must send batch calls.

    Microsoft's SOA client sends every batch call to `https://{BrokerNode}/WindowsHPC/...`
    [C: Telepathy SOAWebServiceRequestBuilder.cs], so it must name a host (and port) the client
    reached: the request's own `Host` header, unless `--broker-node` sets it (behind a proxy).
    A malformed Host falls back to the address the connection came in on.
    """
    if ctx.emu.config.broker_node:
        return ctx.emu.config.broker_node
    host = ctx.request.headers.get("host", "")
    if _HOST.match(host):
        return host
    server = ctx.request.scope.get("server")
    if server:
        addr, port = server[0], server[1]
        return f"[{addr}]:{port}" if ":" in str(addr) else f"{addr}:{port}"
    return "localhost"


async def create_session(ctx: Ctx) -> Response:
    durable = flag(ctx, "durable", None)
    info = await ctx.read(sessioninfo.read)
    result = await call(ctx, "create_session", info, durable, ctx.user)
    result["BrokerNode"] = broker_node(ctx)
    return ctx.respond(xmlwire.session_info(result, ctx.fmt), status=201)


async def attach_session(ctx: Ctx) -> Response:
    durable = flag(ctx, "durable", None)
    result = await call(ctx, "attach", session_id(ctx), durable)
    result["BrokerNode"] = broker_node(ctx)
    return ctx.respond(xmlwire.session_info(result, ctx.fmt))


async def close_session(ctx: Ctx) -> Response:
    await call(ctx, "close", session_id(ctx))
    return ctx.respond(None)


async def send_requests(ctx: Ctx) -> Response:
    commit = flag(ctx, "commit", False)
    generic = flag(ctx, "genericservice", False)
    body = await ctx.body()
    await call(ctx, "send", session_id(ctx), ctx.params["batchName"], body, generic, commit)
    return ctx.respond(None, status=201 if commit else 200)


async def commit_requests(ctx: Ctx) -> Response:
    await call(ctx, "commit", session_id(ctx), ctx.params["batchName"])
    return ctx.respond(None, status=201)


async def get_responses(ctx: Ctx) -> Response:
    raw_count = ctx.q("count")
    count = parse_int(raw_count) if raw_count else -1
    if count < -1:
        raise bad_request("count must be -1 or more.")
    stream: AsyncIterator[bytes] = await call(
        ctx,
        "responses",
        session_id(ctx),
        ctx.params["batchName"],
        generic=flag(ctx, "genericservice", False),
        count=count,
        action=ctx.q("action") or "",
        reset=flag(ctx, "reset", False),
        clientdata=ctx.q("clientdata") or "",
    )
    iterator = aiter(stream)
    try:
        first = await anext(iterator)  # faults (unknown session/batch) surface before streaming
    except StopAsyncIteration:
        first = b""
    return ReplyStream(first, iterator)


class ReplyStream(Response):
    """The Get Responses body. The broker's iterator is resumed only while the client is still
    connected after each chunk was handed to the server: resuming it after the body ended is
    what marks the stream's replies returned, so a client gone mid-stream loses none of them.

    (Starlette's StreamingResponse keeps pulling: uvicorn's `send` is a silent no-op once the
    peer is gone, without a suspension point where the disconnect could be noticed.)
    """

    media_type = "application/octet-stream"

    def __init__(self, first: bytes, rest: AsyncIterator[bytes]) -> None:
        self.status_code, self.background = 200, None
        self.first, self.rest = first, rest
        self.init_headers()  # no body attribute: no Content-Length, the body is chunked

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        gone = asyncio.Event()

        async def listen() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass
            gone.set()

        listener = asyncio.create_task(listen())
        try:
            await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
            chunk: bytes | None = self.first
            ended = False
            while chunk is not None:
                if chunk:
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                    await asyncio.sleep(0)  # let the listener see a disconnect
                    if gone.is_set():
                        return
                elif not ended:  # the broker's "body complete": end it, then let it mark
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                    ended = True
                chunk = await anext(self.rest, None)
            if not ended:
                await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener
            aclose = getattr(self.rest, "aclose", None)
            if aclose is not None:
                await aclose()


async def get_batch_status(ctx: Ctx) -> Response:
    status = int(await call(ctx, "status", session_id(ctx), ctx.params["batchName"]))
    return ctx.respond(xmlwire.broker_status(status, ctx.fmt))


async def purge_batch(ctx: Ctx) -> Response:
    await call(ctx, "purge", session_id(ctx), ctx.params["batchName"])
    return ctx.respond(None)


async def get_service_versions(ctx: Ctx) -> Response:
    versions = await call(ctx, "service_versions", ctx.params["serviceName"])
    return ctx.respond(xmlwire.version_array(list(versions), ctx.fmt))


B = "Session/{sessionId:int}/batch/{batchName}"
ROUTES: list[Route] = [
    route("POST", "Sessions/Create", create_session, required=True),
    route("GET", "Session/{sessionId:int}/Attach", attach_session, required=True),
    route("POST", "Session/{sessionId:int}/Close", close_session, required=True),
    route("POST", B, send_requests, required=True),
    route("POST", B + "/Commit", commit_requests, required=True),
    route("POST", B + "/Response", get_responses, required=True),
    route("GET", B + "/Status", get_batch_status, required=True),
    route("POST", B + "/Purge", purge_batch, required=True),
    route("GET", "SoaService/{serviceName}/Versions", get_service_versions, required=True),
]
