"""SOA throughput on the loopback emulator: 10,000 Echo requests sent and replies received.

* sync: one `HpcClient` session sends the requests in batches of BATCH, one after the other
  (send + commit, then stream the replies to EndOfResponses);
* async: `AsyncHpcClient` with SESSIONS sessions at once, each sending its share in the same
  batch size, all driven concurrently by `asyncio.gather` on one event loop.

Session creation is outside the timed part; messages per second = requests / elapsed.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

from common import Row

TOTAL = 10_000
BATCH = 100
SESSIONS = 8


def _payloads(start: int, count: int) -> list[dict[str, str]]:
    return [{"message": f"m{i}"} for i in range(start, start + count)]


def _check(replies: list[object], expect: int) -> None:
    if len(replies) != expect:
        raise RuntimeError(f"got {len(replies)} replies, expected {expect}")


def sync_rate(base_url: str) -> float:
    from hpc_client.models import WebSessionStartInfo
    from hpcpack.client import HpcClient

    with HpcClient(base_url, allow_insecure_basic=True, timeout=120) as hpc:
        session = hpc.sessions.create(WebSessionStartInfo(service_name="EchoService"))
        try:
            t0 = time.perf_counter()
            for n, start in enumerate(range(0, TOTAL, BATCH)):
                replies = list(session.call_many("Echo", _payloads(start, BATCH), batch=f"s{n}"))
                _check(replies, BATCH)
            elapsed = time.perf_counter() - t0
        finally:
            with contextlib.suppress(Exception):
                session.close()
    return TOTAL / elapsed


async def _async_rate(base_url: str) -> float:
    from hpc_client.models import WebSessionStartInfo
    from hpcpack.client import AsyncHpcClient

    async with AsyncHpcClient(base_url, allow_insecure_basic=True, timeout=120) as hpc:
        sessions = await asyncio.gather(
            *(
                hpc.sessions.create(WebSessionStartInfo(service_name="EchoService"))
                for _ in range(SESSIONS)
            )
        )
        share = TOTAL // SESSIONS

        async def drive(index: int) -> None:
            session = sessions[index]
            first = index * share
            for n, start in enumerate(range(first, first + share, BATCH)):
                count = min(BATCH, first + share - start)
                replies = [
                    r
                    async for r in session.call_many("Echo", _payloads(start, count), batch=f"a{n}")
                ]
                _check(replies, count)

        try:
            t0 = time.perf_counter()
            await asyncio.gather(*(drive(i) for i in range(SESSIONS)))
            elapsed = time.perf_counter() - t0
        finally:
            for session in sessions:
                with contextlib.suppress(Exception):
                    await session.close()
    return share * SESSIONS / elapsed


def async_rate(base_url: str) -> float:
    return asyncio.run(_async_rate(base_url))


def run(base_url: str) -> list[Row]:
    try:
        s_rate = sync_rate(base_url)
        a_rate = async_rate(base_url)
    except Exception as exc:
        return [
            Row(
                "SOA (emulator)",
                f"{TOTAL:,} Echo requests, async vs sync",
                "error",
                "",
                None,
                ">= 3x",
                False,
                f"{type(exc).__name__}: {exc}"[:160],
            )
        ]
    ratio = a_rate / s_rate
    return [
        Row(
            "SOA (emulator)",
            f"{TOTAL:,} Echo requests sent + replies received",
            f"async {a_rate:,.0f} msg/s",
            f"sync {s_rate:,.0f} msg/s",
            ratio,
            ">= 3x",
            ratio >= 3,
            f"sync: 1 session, batches of {BATCH} in sequence; async: {SESSIONS} sessions "
            f"concurrently, same batch size (asyncio.gather); session setup not timed",
        )
    ]
