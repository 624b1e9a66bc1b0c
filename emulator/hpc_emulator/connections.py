"""Per-TCP-connection state for the ASGI app, which ASGI itself does not expose.

NTLM and Negotiate (IIS Windows Authentication) authenticate a connection, not a request: the
handshake spans requests on one connection and its identity covers the connection's later
requests. Keying that by `scope["client"]` would hand an identity to a new connection that
happens to reuse a closed one's port, so uvicorn runs this protocol, which gives each
connection its own `Connection` object in `scope["hpc.connection"]`, dropped with it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

SCOPE_KEY = "hpc.connection"


@dataclass
class Connection:
    """An NTLM/Negotiate handshake in progress (`context`), or the identity it established."""

    scheme: str = ""
    context: Any = None
    user: str | None = None

    def reset(self) -> None:
        self.scheme, self.context, self.user = "", None, None


class ConnectionProtocol(H11Protocol):
    """uvicorn's h11 protocol, putting one `Connection` in the scope of each request on it."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        state = Connection()
        inner = self.app

        async def app(scope: Any, receive: Any, send: Any) -> None:
            scope[SCOPE_KEY] = state
            await inner(scope, receive, send)

        self.app = app


def of(scope: Any) -> Connection | None:
    state = scope.get(SCOPE_KEY)
    return state if isinstance(state, Connection) else None
