"""`HTTP(S)_PROXY` / `NO_PROXY` are honoured as plain httpx honours them, and can be turned
off (FOUND.md, client hardening #3). A loopback forward proxy in front of the emulator counts
the requests that went through it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import AsyncHpcClient, HpcClient

from .loopback import CountingProxy

pytestmark = pytest.mark.timeout(60)

PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[CountingProxy, str]]:
    """A counting proxy set as HTTP_PROXY, with every other proxy variable cleared."""
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.upper(), raising=False)
    counting = CountingProxy()
    with counting.run() as url:
        monkeypatch.setenv("HTTP_PROXY", url)
        yield counting, url


def test_the_environment_proxy_carries_every_call(
    proxy: tuple[CountingProxy, str], hpc_emulator: RunningEmulator
) -> None:
    counting, _ = proxy
    with HpcClient(hpc_emulator.url, allow_insecure_basic=True) as hpc:
        version = hpc.cluster.version()
        jobs = list(hpc.jobs.list())
    assert version and isinstance(jobs, list)
    assert len(counting.forwarded) >= 2
    assert all(line.startswith("GET http://127.0.0.1:") for line in counting.forwarded)


def test_async_client_uses_the_environment_proxy(
    proxy: tuple[CountingProxy, str], hpc_emulator: RunningEmulator
) -> None:
    counting, _ = proxy

    async def main() -> str:
        async with AsyncHpcClient(hpc_emulator.url, allow_insecure_basic=True) as hpc:
            return await hpc.cluster.version()

    assert asyncio.run(asyncio.wait_for(main(), 30))
    assert len(counting.forwarded) == 1


def test_trust_env_false_and_no_proxy_go_direct(
    proxy: tuple[CountingProxy, str],
    hpc_emulator: RunningEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting, _ = proxy
    with HpcClient(hpc_emulator.url, allow_insecure_basic=True, trust_env=False) as hpc:
        assert hpc.cluster.version()
    assert counting.forwarded == []
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    with HpcClient(hpc_emulator.url, allow_insecure_basic=True) as hpc:
        assert hpc.cluster.version()
    assert counting.forwarded == []


def test_proxy_credentials_never_show_in_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.upper(), raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "socks9://bob:Pr0xyPass@127.0.0.1:9")
    try:
        with HpcClient("https://head.example", trust_env=True) as hpc:
            hpc.cluster.version()
    except Exception as exc:
        assert "proxy socks9://127.0.0.1:9" in str(exc)  # the proxy is used, and named safely
        assert "Pr0xyPass" not in f"{exc} {exc!r} {exc.__cause__} {exc.__context__}"
    else:
        pytest.fail("an unusable proxy scheme must be an error")
