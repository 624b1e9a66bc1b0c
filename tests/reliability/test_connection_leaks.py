"""Abandoned or failed calls give their connection back to the pool.

With a pool of 2 connections, a leak shows up within a few calls as a pool timeout. Each test
abandons or fails more calls than the pool holds, then makes a normal call that must succeed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import AsyncHpcClient, HpcClient, Job, SessionStartInfo, errors

from . import faultproxy as fp

pytestmark = pytest.mark.timeout(60)

POOL = httpx.Limits(max_connections=2, max_keepalive_connections=2)
ROUNDS = 6  # three times the pool


@pytest.fixture
def hpc(hpc_emulator: RunningEmulator) -> Iterator[HpcClient]:
    with HpcClient(hpc_emulator.base_url, limits=POOL, timeout=5) as client:
        yield client


def test_soa_streams_left_after_the_first_reply(hpc: HpcClient) -> None:
    with hpc.sessions.create(SessionStartInfo(service_name="EchoService")) as session:
        for n in range(ROUNDS):
            session.send(f"b{n}", [{"message": f"m{i}"} for i in range(50)], action="Echo")
            for reply in session.responses(f"b{n}"):
                assert reply.value is not None
                break  # abandon the stream
        assert hpc.jobs.create(Job(name="after-abandoned-streams")) > 0


def test_soa_stream_closed_explicitly_mid_way(hpc: HpcClient) -> None:
    with hpc.sessions.create(SessionStartInfo(service_name="EchoService")) as session:
        for n in range(ROUNDS):
            session.send(f"c{n}", [{"message": "x"}] * 20, action="Echo")
            replies = session.responses(f"c{n}")
            next(replies)
            replies.close()  # type: ignore[attr-defined]
        assert session.status("c0") is not None


def test_list_iterators_left_after_the_first_page(hpc: HpcClient) -> None:
    for _ in range(3):
        hpc.jobs.create(Job(name="leak-page"))
    for _ in range(ROUNDS):
        jobs = hpc.jobs.list(rows_per_read=1)
        next(jobs)
        jobs.close()  # type: ignore[attr-defined]
    assert hpc.jobs.create(Job(name="after-abandoned-lists")) > 0


def test_failed_answers_do_not_hold_connections(hpc_emulator: RunningEmulator) -> None:
    url = httpx.URL(hpc_emulator.url)
    assert url.host and url.port
    proxy = fp.FaultProxy((url.host, url.port)).start()
    try:
        with HpcClient(proxy.url, limits=POOL, timeout=0.5, retries=0) as hpc:
            faults = [fp.RESET_MID_BODY, fp.slow(1.5), fp.status(503), fp.status(404), fp.DROP]
            for fault in faults * 2:
                proxy.inject(fault)
                with pytest.raises(errors.HpcError):
                    hpc.jobs.get(1)
            assert hpc.jobs.create(Job(name="after-failures")) > 0
    finally:
        proxy.stop()


async def test_async_streams_cancelled_while_waiting(hpc_emulator: RunningEmulator) -> None:
    async with AsyncHpcClient(hpc_emulator.base_url, limits=POOL, timeout=5) as hpc:
        session = await hpc.sessions.create(SessionStartInfo(service_name="EchoService"))
        try:
            for n in range(ROUNDS):
                # uncommitted: the stream answers what is computed, then waits for more
                await session.send(f"w{n}", [{"message": "x"}], action="Echo", commit=False)

                async def consume(batch: str) -> None:
                    async for _ in session.responses(batch):
                        pass

                task = asyncio.create_task(consume(f"w{n}"))
                await asyncio.sleep(0.2)
                assert not task.done()  # still waiting on the open batch
                task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await task
            assert await hpc.jobs.create(Job(name="after-cancelled-streams")) > 0
        finally:
            await session.close()
