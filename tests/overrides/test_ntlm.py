"""`auth_method="ntlm"|"negotiate"` through a full challenge-response with the emulator's NTLM
acceptor (`run_emulator(auth="ntlm")`, pyspnego) over loopback, sync and async."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hpcpack
import httpcore
import pytest
import spnego
from hpc_emulator.testing import RunningEmulator, run_emulator
from hpcpack import AsyncHpcClient, HpcClient, ntlm_pool

USERS = {"HPC\\alice": "ntlm-pw-a", "LAB\\alice": "ntlm-pw-l", "bob": "ntlm-pw-b"}


@pytest.fixture(scope="module")
def emu() -> Iterator[RunningEmulator]:
    with run_emulator(users=USERS, auth="ntlm") as running:
        yield running


def client(emu: RunningEmulator, user: str, password: str, **options: Any) -> HpcClient:
    options.setdefault("auth_method", "ntlm")
    return HpcClient(emu.url, username=user, password=password, retries=0, **options)


@pytest.mark.parametrize(
    ("user", "owner"),
    [("HPC\\alice", "HPC\\alice"), ("lab\\ALICE", "LAB\\alice"), ("bob", "EMULATOR\\bob")],
)
@pytest.mark.parametrize("method", ["ntlm", "negotiate"])
def test_sync_handshake_and_owner(emu: RunningEmulator, user: str, owner: str, method: str) -> None:
    password = USERS.get(user) or USERS[owner if owner in USERS else owner.split("\\")[1]]
    with client(emu, user, password, auth_method=method) as hpc:
        job = hpc.jobs.create(name=f"ntlm {method}")
        assert hpc.jobs.get(job).owner == owner
        assert job in [j.id for j in hpc.jobs.list(owner=owner)]


@pytest.mark.parametrize(
    ("user", "password"),
    [("HPC\\alice", "wrong"), ("HPC\\alice", "ntlm-pw-l"), ("EVIL\\bob", "ntlm-pw-b")],
)
def test_sync_refusals_are_unauthorized(emu: RunningEmulator, user: str, password: str) -> None:
    with client(emu, user, password) as hpc, pytest.raises(hpcpack.Unauthorized):
        hpc.cluster.version()


def test_an_authenticated_connection_is_not_handshaken_again(
    emu: RunningEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NTLM authenticates the connection: one NEGOTIATE + AUTHENTICATE, then plain requests."""
    from hpc_emulator import ntlm

    tokens: list[str] = []
    accept = ntlm.accept

    def counting(conn: Any, header: str, *args: Any) -> Any:
        tokens.append(header.partition(" ")[0])
        return accept(conn, header, *args)

    monkeypatch.setattr(ntlm, "accept", counting)
    with client(emu, "HPC\\alice", USERS["HPC\\alice"]) as hpc:
        for _ in range(5):
            hpc.cluster.version()
        hpc.jobs.create(name="after the handshake")
    assert tokens == ["NTLM", "NTLM"]


async def test_async_handshake_concurrent_and_refusal(emu: RunningEmulator) -> None:
    async with AsyncHpcClient(
        emu.url, username="HPC\\alice", password=USERS["HPC\\alice"], auth_method="ntlm"
    ) as hpc:
        jobs = await asyncio.gather(*(hpc.jobs.create(name=f"a{i}") for i in range(8)))
        assert len(set(jobs)) == 8
        assert {(await hpc.jobs.get(j)).owner for j in jobs} == {"HPC\\alice"}
    async with AsyncHpcClient(
        emu.url, username="HPC\\alice", password="wrong", auth_method="ntlm", retries=0
    ) as bad:
        with pytest.raises(hpcpack.Unauthorized):
            await bad.cluster.version()


def test_sync_threads_share_the_client(emu: RunningEmulator) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with client(emu, "LAB\\alice", USERS["LAB\\alice"]) as hpc, ThreadPoolExecutor(8) as pool:
        jobs = list(pool.map(lambda i: hpc.jobs.create(name=f"t{i}"), range(16)))
        owners = set(pool.map(lambda j: hpc.jobs.get(j).owner, jobs))
    assert len(set(jobs)) == 16 and owners == {"LAB\\alice"}


def test_a_bare_401_to_the_first_negotiate_starts_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """IIS kernel-mode auth may answer a pre-authenticating first request with a bare 401
    (KB 2749007): the pool's handshake starts over once instead of failing."""
    users = tmp_path / "ntlm-users"
    users.write_text("HPC:alice:pw-k\n")
    monkeypatch.setenv("NTLM_USER_FILE", str(users))
    server = spnego.server(protocol="ntlm")
    seen: list[tuple[bytes, str]] = []
    targets: list[bytes] = []

    class Inner(httpcore.ConnectionInterface):
        def handle_request(self, request: httpcore.Request) -> httpcore.Response:
            auth = dict(request.headers).get(b"Authorization", b"").decode()
            seen.append((request.method, auth.partition(" ")[0]))
            targets.append(request.url.target)
            if request.method != b"HEAD":
                return httpcore.Response(200, content=b"ok")
            if len(seen) == 1:
                bare = [(b"WWW-Authenticate", b"Negotiate"), (b"WWW-Authenticate", b"NTLM")]
                return httpcore.Response(401, headers=bare)
            out = server.step(base64.b64decode(auth.partition(" ")[2]))
            if server.complete:
                return httpcore.Response(200)
            challenge = b"NTLM " + base64.b64encode(out or b"")
            return httpcore.Response(401, headers=[(b"WWW-Authenticate", challenge)])

    conn = ntlm_pool._Connection(Inner(), ntlm_pool.Credentials("HPC\\alice", "pw-k", "ntlm"))
    stream = "http://head/WindowsHpc/LAB/session/7/batch/c/Response?count=-1"
    response = conn.handle_request(httpcore.Request("GET", stream))
    assert response.read() == b"ok"
    assert seen == [(b"HEAD", "NTLM")] * 3 + [(b"GET", "")]
    # the legs ask for the cheap /Version, not the (possibly long-lived) request's own URL
    assert targets == [b"/WindowsHpc/Version"] * 3 + [
        b"/WindowsHpc/LAB/session/7/batch/c/Response?count=-1"
    ]
    assert server.client_principal == "HPC\\alice"


def test_soa_session_over_ntlm(emu: RunningEmulator, monkeypatch: pytest.MonkeyPatch) -> None:
    """The SOA streams ride authenticated connections too; each connection is handshaken once."""
    from hpc_emulator import ntlm

    paths: list[str] = []
    accept = ntlm.accept

    def counting(conn: Any, header: str, *args: Any) -> Any:
        paths.append(header.partition(" ")[0])
        return accept(conn, header, *args)

    monkeypatch.setattr(ntlm, "accept", counting)
    emu.register_service("Rev", lambda op, text: text[::-1], generic=True, inline=True)
    words = [f"w{i:02d}" for i in range(30)]
    with client(emu, "bob", USERS["bob"]) as hpc, hpc.sessions.create("Rev", generic=True) as s:
        replies = sorted(str(r) for r in s.call_many("x", words))
    assert replies == sorted(w[::-1] for w in words)
    assert len(paths) % 2 == 0 and 2 <= len(paths) <= 2 * 20  # two tokens per connection
