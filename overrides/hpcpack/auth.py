"""NTLM/Negotiate for head nodes configured with `Set-HPCWebComponents.ps1 -AuthenticationMethod
NTLM`, via the maintained pyspnego package (optional dependency `hpcpack[ntlm]`, imported lazily).
"""

from __future__ import annotations

import base64
from collections.abc import Generator

import httpx

from .ntlm_pool import Credentials

__all__ = ["NtlmAuth"]


class NtlmAuth(httpx.Auth):
    """httpx auth running the NTLM (or Negotiate) handshake on a 401 challenge."""

    requires_response_body = True

    def __init__(self, username: str, password: str, *, protocol: str = "ntlm") -> None:
        self._credentials = Credentials(username, password, protocol)

    def __repr__(self) -> str:
        c = self._credentials
        return f"NtlmAuth(username={c.username!r}, protocol={c.protocol!r})"

    def _challenge(self, response: httpx.Response) -> bytes | None:
        for header in response.headers.get_list("www-authenticate"):
            for part in header.split(","):
                scheme, _, token = part.strip().partition(" ")
                if scheme.lower() == self._credentials.scheme.lower() and token:
                    return base64.b64decode(token)
        return None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        context = self._credentials.context(request.url.host)
        token = context.step()
        request.headers["Authorization"] = (
            f"{self._credentials.scheme} {base64.b64encode(token).decode()}"
        )
        response = yield request
        if response.status_code != 401:
            return
        challenge = self._challenge(response)
        if challenge is None:
            return
        token = context.step(challenge)
        if token:
            request.headers["Authorization"] = (
                f"{self._credentials.scheme} {base64.b64encode(token).decode()}"
            )
            yield request
