"""Fixtures and message builders for the SOA broker tests (no HTTP)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hpc_emulator.soa.broker import Broker, InMemoryServiceJobs, ServiceRegistry

S = "http://www.w3.org/2003/05/soap-envelope"
A = "http://www.w3.org/2005/08/addressing"
ECHO_ACTION = "http://tempuri.org/IService/Echo"


def envelope(
    message: str,
    *,
    action: str = ECHO_ACTION,
    mid: str | None = None,
    user_data: str | None = None,
    op: str = "Echo",
    prefix: str = "HPCServer2008",
) -> str:
    ud = (
        f'<{prefix}_Broker_UserDataNS xmlns="http://www.microsoft.com/hpc">{user_data}'
        f"</{prefix}_Broker_UserDataNS>"
        if user_data is not None
        else ""
    )
    mid_xml = f"<a:MessageID>{mid}</a:MessageID>" if mid else ""
    return (
        f'<s:Envelope xmlns:s="{S}" xmlns:a="{A}"><s:Header>'
        f'<a:Action s:mustUnderstand="1">{action}</a:Action>{mid_xml}{ud}</s:Header>'
        f'<s:Body><{op} xmlns="http://tempuri.org/"><message>{message}</message></{op}></s:Body>'
        "</s:Envelope>"
    )


def array(*envelopes: str, wrapper: str = "HPCServer2008_WebAPI_MessageArray") -> bytes:
    return f"<{wrapper}>{''.join(envelopes)}</{wrapper}>".encode()


def echo_batch(n: int, start: int = 0) -> bytes:
    return array(
        *(
            envelope(f"m{i}", mid=f"urn:uuid:{i}", user_data=f"u{i}")
            for i in range(start, start + n)
        )
    )


async def collect(stream: AsyncIterator[bytes]) -> str:
    return b"".join([chunk async for chunk in stream]).decode()


RESULT = re.compile(r"<EchoResult>(.*?)</EchoResult>")
END = re.compile(r"<Count>(\d+)</Count><Reason>(\w+)</Reason>")


def results(text: str) -> list[str]:
    return RESULT.findall(text)


def end_of(text: str) -> tuple[int, str]:
    m = END.search(text)
    assert m, text[-500:]
    return int(m.group(1)), m.group(2)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "soa.db"


@pytest.fixture
def registry() -> ServiceRegistry:
    return ServiceRegistry()


@pytest.fixture
def jobs() -> InMemoryServiceJobs:
    return InMemoryServiceJobs()


@pytest.fixture
async def broker(
    db: Path, registry: ServiceRegistry, jobs: InMemoryServiceJobs
) -> AsyncIterator[Broker]:
    async with Broker(db, registry, jobs) as b:
        yield b


async def echo_session(broker: Broker, durable: bool = False, **start: object) -> int:
    # A short idle timeout turns a broker bug into a quick ClientTimeout instead of a hang.
    info = await broker.create_session(
        {"ServiceName": "EchoService", "ClientIdleTimeout": 5000, **start}, durable, "HPC\\alice"
    )
    return int(info["Id"])
