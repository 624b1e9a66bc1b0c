"""How the emulator holds connections: as IIS/HTTP.sys do, not as uvicorn's defaults do.

uvicorn closes an idle keep-alive connection after 5 s; IIS (`<limits connectionTimeout>`) and
HTTP.sys (idle connection timer) keep it 2 minutes [D: IIS configuration reference, HTTP.sys
timeouts], and several real clients hold one connection for their whole life and never
reconnect [C: Microsoft's `winhpclib.py` samples]. uvicorn also has no timer for a request head
that never completes, so idle or dripping sockets pile up until file descriptors run out.

With `connections.py` (per-connection state for NTLM), this is where the emulator touches
uvicorn's internals (`H11Protocol`, uvicorn 0.54 as pinned in pyproject.toml): a head-wait
timer (a connection must send a complete request head within `header_timeout` of connecting or
of its first byte after an idle period, like HTTP.sys's HeaderWait timer) and a connection cap
enforced before any byte is read.
"""

from __future__ import annotations

import asyncio
import logging
import resource
from typing import Any

import h11
import uvicorn

from hpc_emulator.connections import ConnectionProtocol
from hpc_emulator.limits import FD_RESERVE, HEADER_TIMEOUT_S, KEEP_ALIVE_S, MAX_CONNECTIONS

log = logging.getLogger("hpc_emulator")


def connection_cap(wanted: int) -> int:
    """`wanted`, lowered so that the cap plus a reserve fits the process's descriptor limit.

    The soft limit is raised toward the hard one first, as production servers do.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = wanted + FD_RESERVE
    if soft != resource.RLIM_INFINITY and soft < need:
        target = need if hard == resource.RLIM_INFINITY else min(need, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, soft - FD_RESERVE))


class _State:
    """Per-server settings shared by every connection's protocol object."""

    def __init__(self, header_timeout: float, max_connections: int) -> None:
        self.header_timeout = header_timeout
        self.max_connections = max_connections
        self.refused = 0  # connections closed at the cap (logged once per burst)


def protocol_class(header_timeout: float, max_connections: int) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol with per-connection state, the head-wait timer and the cap."""
    state = _State(header_timeout, max_connections)

    class GuardedH11Protocol(ConnectionProtocol):
        _head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            if len(self.connections) >= state.max_connections:
                state.refused += 1
                if state.refused == 1 or state.refused % 1000 == 0:
                    log.warning(
                        "connection cap (%d) reached: %d connections closed unread",
                        state.max_connections,
                        state.refused,
                    )
                transport.abort()
                return
            super().connection_made(transport)
            self._arm_head_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel_head_timer()
            if self in self.connections:
                super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self._arm_head_timer()  # a head has begun (or is due): it must complete
            else:
                self._cancel_head_timer()

        def on_response_complete(self) -> None:
            super().on_response_complete()  # arms the keep-alive timer for the idle wait
            self._cancel_head_timer()

        def _arm_head_timer(self) -> None:
            if self._head_timer is None:
                self._head_timer = self.loop.call_later(state.header_timeout, self._head_expired)

        def _cancel_head_timer(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_expired(self) -> None:
            self._head_timer = None
            busy = self.cycle is not None and not self.cycle.response_complete
            if self.conn.their_state is h11.IDLE and not busy and not self.transport.is_closing():
                self.transport.close()

    return GuardedH11Protocol


def uvicorn_config(
    app: Any,
    *,
    host: str,
    port: int,
    log_level: str,
    certfile: str | None,
    keyfile: str | None,
    graceful_shutdown: int,
    keep_alive: int = KEEP_ALIVE_S,
    header_timeout: float = HEADER_TIMEOUT_S,
    max_connections: int = MAX_CONNECTIONS,
) -> uvicorn.Config:
    """The uvicorn settings of every emulator (command line, tests, pytest plugin)."""
    cap = connection_cap(max_connections)
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        timeout_graceful_shutdown=graceful_shutdown,
        timeout_keep_alive=keep_alive,
        http=protocol_class(header_timeout, cap),
        ws="none",
        lifespan="on",
    )
