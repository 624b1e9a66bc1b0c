"""Credentials never leak through failures: exception text and repr, client repr, and the
warnings logged on retries, for every fault the proxy can inject and for a refused connection.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import HpcClient, Job, errors

from . import faultproxy as fp
from .test_faults import closed_port_url

pytestmark = pytest.mark.timeout(60)

USER = "HPC\\alice"
SECRET = "s3cr3t-Pa55w0rd"
TOKEN = base64.b64encode(f"{USER}:{SECRET}".encode()).decode()  # the Basic credentials


@pytest.fixture
def proxy(hpc_emulator: RunningEmulator) -> Iterator[fp.FaultProxy]:
    url = httpx.URL(hpc_emulator.url)
    assert url.host and url.port
    p = fp.FaultProxy((url.host, url.port)).start()
    yield p
    p.stop()


def assert_clean(text: str) -> None:
    assert SECRET not in text
    assert TOKEN not in text


def failure_texts(exc: BaseException) -> str:
    parts = []
    seen: BaseException | None = exc
    while seen is not None:  # the whole chain a traceback would print
        parts += [str(seen), repr(seen)]
        seen = seen.__cause__ or seen.__context__
    return "\n".join(parts)


@pytest.mark.parametrize(
    "fault",
    [fp.DROP, fp.RESET_MID_BODY, fp.slow(2), fp.status(503), fp.status(401), fp.status(500)],
)
@pytest.mark.parametrize("credentials_in", ["arguments", "url"])
def test_no_secret_in_errors_reprs_or_logs(
    proxy: fp.FaultProxy, caplog: pytest.LogCaptureFixture, fault: str, credentials_in: str
) -> None:
    caplog.set_level(logging.DEBUG)
    if credentials_in == "url":
        host = proxy.url.removeprefix("http://")
        url = f"http://{USER.replace(chr(92), '%5C')}:{SECRET}@{host}"
        hpc = HpcClient(url, allow_insecure_basic=True, timeout=0.5, retry_backoff=0.001)
    else:
        hpc = HpcClient(
            proxy.url, username=USER, password=SECRET, allow_insecure_basic=True,
            timeout=0.5, retry_backoff=0.001,
        )  # fmt: skip
    with hpc:
        assert_clean(repr(hpc))
        proxy.inject(*[fault] * 5)
        for call in (lambda: hpc.jobs.get(1), lambda: hpc.jobs.create(Job(name="x"))):
            with pytest.raises(errors.HpcError) as info:
                call()
            assert_clean(failure_texts(info.value))
    assert proxy.seen and all(s.authorization == f"Basic {TOKEN}" for s in proxy.seen)
    assert_clean("\n".join(r.getMessage() for r in caplog.records))


def test_no_secret_when_the_connection_is_refused(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    url = closed_port_url().replace("http://", f"http://alice:{SECRET}@")
    with HpcClient(url, allow_insecure_basic=True, timeout=0.5, retry_backoff=0.001) as hpc:
        with pytest.raises(errors.HpcConnectionError) as info:
            hpc.jobs.get(1)
        assert_clean(failure_texts(info.value))
        assert_clean(repr(hpc))
    assert_clean("\n".join(r.getMessage() for r in caplog.records))
