"""NTLM/Negotiate acceptor for `--auth ntlm` (`Set-HPCWebComponents.ps1 -AuthenticationMethod
NTLM` on a real head node: IIS Windows Authentication), built on pyspnego.

pyspnego's acceptor finds accounts only through the file named by `NTLM_USER_FILE`, read when a
context is made and again at the AUTHENTICATE message. The variable is process-wide and several
emulators may share a process (tests), so every step runs under one lock with it pointing at
this emulator's file. `LM_COMPAT_LEVEL=5` makes the acceptor take NTLMv2 only, as current
Windows does: an LM or NTLMv1 response is refused. The file holds hashes (smbpasswd format),
not passwords, mode 0600 in the 0700 data dir.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hpc_emulator.accounts import Accounts
from hpc_emulator.connections import Connection
from hpc_emulator.private import write_private

log = logging.getLogger("hpc_emulator")

_ENV_LOCK = threading.Lock()
SCHEMES = ("Negotiate", "NTLM")  # the order IIS offers them in
_NTLM_TYPE1 = b"NTLMSSP\x00\x01\x00\x00\x00"


def write_user_file(path: Path, accounts: Accounts) -> None:
    """One smbpasswd line per account, plus a domain-less line for default-domain accounts
    (a client typing `alice` sends an empty domain). The NT hash is pyspnego's own MD4
    (`hashlib` has none under OpenSSL 3); a private module, so pyspnego is pinned in `dev`."""
    from spnego._ntlm_raw.crypto import ntowfv1

    lines = []
    for account in accounts:
        nt = ntowfv1(account.password).hex().upper()
        names = [account.name]
        if account.domain.lower() == accounts.default_domain.lower():
            names.append(account.user)
        lines += [f"{name}:0:{'0' * 32}:{nt}:[U]:LCT-00000000" for name in names]
    write_private(path, "\n".join(lines) + "\n")


@contextlib.contextmanager
def _environment(user_file: Path) -> Iterator[None]:
    """Point pyspnego at `user_file` for one step. Values are restored but a key that was
    absent stays (with our value): deleting it would resize `os.environ` under a thread
    copying it for a task (`RuntimeError: dictionary changed size during iteration`)."""
    with _ENV_LOCK:
        saved = {k: os.environ.get(k) for k in ("NTLM_USER_FILE", "LM_COMPAT_LEVEL")}
        os.environ["NTLM_USER_FILE"] = str(user_file)
        os.environ["LM_COMPAT_LEVEL"] = "5"
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is not None:
                    os.environ[name] = value


def _is_first(scheme: str, token: bytes) -> bool:
    """A NEGOTIATE message (or SPNEGO NegTokenInit) starts a new handshake."""
    return token.startswith(_NTLM_TYPE1) or (scheme == "Negotiate" and token[:1] == b"\x60")


class Outcome:
    """What one Authorization header did: `challenge` to send back (401), or a `user`."""

    def __init__(self, challenge: str | None = None, user: str | None = None, reply: str = ""):
        self.challenge, self.user, self.reply = challenge, user, reply


def accept(conn: Connection, header: str, accounts: Accounts, user_file: Path) -> Outcome | None:
    """Advance `conn`'s handshake with an `NTLM`/`Negotiate` header; None means refused."""
    scheme_raw, _, token_b64 = header.strip().partition(" ")
    scheme = next((s for s in SCHEMES if s.lower() == scheme_raw.lower()), None)
    try:
        token = base64.b64decode(token_b64.strip(), validate=True)
    except (binascii.Error, ValueError):
        token = b""
    if scheme is None or not token:
        conn.reset()
        return None
    if conn.context is None or conn.scheme != scheme or _is_first(scheme, token):
        conn.reset()
    try:
        with _environment(user_file):
            if conn.context is None:
                import spnego

                conn.context = spnego.server(protocol=scheme.lower(), service="HTTP")
                conn.scheme = scheme
            context: Any = conn.context
            out = context.step(token)
            complete, principal = context.complete, context.client_principal
    except Exception as exc:  # a wrong password, a malformed token: a refusal, never a 500
        log.info("NTLM handshake refused: %s", exc)
        conn.reset()
        return None
    encoded = f"{scheme} {base64.b64encode(out).decode()}" if out else ""
    if not complete:
        return Outcome(challenge=encoded or scheme)
    account = accounts.find(principal or "")
    conn.context = None
    if account is None:
        conn.reset()
        return None
    conn.user = account.name
    return Outcome(user=account.name, reply=encoded)
