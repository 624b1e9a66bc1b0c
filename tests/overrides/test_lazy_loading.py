"""Work a command does not need is not done when the client is built: no CA store for a plain
http head node (loaded once, at the first TLS handshake, for https), no SOA module for jobs."""

from __future__ import annotations

import ssl
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hpc_emulator.testing import RunningEmulator, run_emulator
from hpcpack import AsyncHpcClient, HpcClient


@pytest.fixture
def ca_loads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every `load_verify_locations` call of any SSL context."""
    calls: list[Any] = []
    real = ssl.SSLContext.load_verify_locations

    def counting(self: ssl.SSLContext, *args: Any, **kwargs: Any) -> None:
        calls.append(kwargs or args)
        real(self, *args, **kwargs)

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", counting)
    return calls


@pytest.fixture(scope="module")
def tls_emulator() -> Iterator[RunningEmulator]:
    with run_emulator(tls=True) as emulator:
        yield emulator


def test_plain_http_loads_no_ca_certificates(
    hpc_emulator: RunningEmulator, ca_loads: list[Any]
) -> None:
    with HpcClient(hpc_emulator.url, allow_insecure_basic=True) as hpc:
        assert hpc.cluster.version()
    assert ca_loads == []


def test_https_loads_the_cas_once_at_the_first_handshake(
    tls_emulator: RunningEmulator, ca_loads: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the CAs httpx would trust: SSL_CERT_FILE first (here the emulator's own certificate)
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_emulator.cert_file))
    with HpcClient(tls_emulator.url) as hpc:
        assert ca_loads == []
        assert hpc.cluster.version()
        assert hpc.cluster.version()
    assert ca_loads == [{"cafile": str(tls_emulator.cert_file)}]


async def test_async_https_loads_the_cas_at_the_first_handshake(
    tls_emulator: RunningEmulator, ca_loads: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_emulator.cert_file))
    async with AsyncHpcClient(tls_emulator.url) as hpc:
        assert ca_loads == []
        assert await hpc.cluster.version()
    assert len(ca_loads) == 1


def test_an_untrusted_certificate_still_fails(
    tls_emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hpcpack import HpcTLSError

    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with HpcClient(tls_emulator.url) as hpc, pytest.raises(HpcTLSError):
        hpc.cluster.version()


PROBE = """
import sys
from hpcpack import HpcClient
hpc = HpcClient("http://127.0.0.1:9")
hpc.jobs, hpc.tasks
print("hpcpack.soa" in sys.modules, end=" ")
hpc.sessions
print("hpcpack.soa" in sys.modules)
"""


def test_the_soa_module_loads_with_the_first_session_use() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.split() == ["False", "True"]
