"""NTLM/Negotiate for head nodes configured with `Set-HPCWebComponents.ps1 -AuthenticationMethod
NTLM`, via the maintained pyspnego package (optional dependency `hpcpack[ntlm]`, imported lazily).
"""

from __future__ import annotations

import base64
from collections.abc import Generator
from typing import Any

import httpx

__all__ = ["NtlmAuth"]


class NtlmAuth(httpx.Auth):
    """httpx auth running the NTLM (or Negotiate) handshake on a 401 challenge."""

    requires_response_body = True

    def __init__(self, username: str, password: str, *, protocol: str = "ntlm") -> None:
        if protocol not in ("ntlm", "negotiate"):
            raise ValueError("protocol must be 'ntlm' or 'negotiate'")
        self._username = username
        self._password = password
        self._protocol = protocol
        self._scheme = "NTLM" if protocol == "ntlm" else "Negotiate"

    def __repr__(self) -> str:
        return f"NtlmAuth(username={self._username!r}, protocol={self._protocol!r})"

    def _context(self, host: str) -> Any:
        try:
            import spnego
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise RuntimeError("NTLM needs pyspnego: pip install 'hpcpack[ntlm]'") from exc
        return spnego.client(
            self._username, self._password, hostname=host, service="HTTP", protocol=self._protocol
        )

    def _challenge(self, response: httpx.Response) -> bytes | None:
        for header in response.headers.get_list("www-authenticate"):
            for part in header.split(","):
                scheme, _, token = part.strip().partition(" ")
                if scheme.lower() == self._scheme.lower() and token:
                    return base64.b64decode(token)
        return None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        context = self._context(request.url.host)
        token = context.step()
        request.headers["Authorization"] = f"{self._scheme} {base64.b64encode(token).decode()}"
        response = yield request
        if response.status_code != 401:
            return
        challenge = self._challenge(response)
        if challenge is None:
            return
        token = context.step(challenge)
        if token:
            request.headers["Authorization"] = f"{self._scheme} {base64.b64encode(token).decode()}"
            yield request
