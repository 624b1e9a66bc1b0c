"""SOA throughput on the loopback emulator: 10,000 Echo requests sent and replies received.

* sync: one `HpcClient` session sends the requests in batches of BATCH, one after the other
  (send + commit, then stream the replies to EndOfResponses);
* async: `AsyncHpcClient` with SESSIONS sessions at once, each sending its share in the same
  batch size, all driven concurrently by `asyncio.gather` on one event loop.

Session creation is outside the timed part; messages per second = requests / elapsed. The
CPU seconds of the client (this process) and of the emulator process are recorded for both
modes: concurrency only overlaps waiting, so async can at best reach sync wall time divided by
the busier side's CPU time (the "ceiling" in the table).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from common import Row

TOTAL = 10_000
BATCH = 100
SESSIONS = 8
ROUNDS = 2


@dataclass
class Measured:
    rate: float  # messages per second
    wall: float
    client_cpu: float
    server_cpu: float | None


def process_cpu(pid: int) -> float | None:
    """utime + stime of another process (Linux /proc), None elsewhere."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(fn: Callable[[str], float], base_url: str, server_pid: int) -> Measured:
    s0, c0, w0 = process_cpu(server_pid), time.process_time(), time.perf_counter()
    rate = fn(base_url)
    wall, client = time.perf_counter() - w0, time.process_time() - c0
    s1 = process_cpu(server_pid)
    server = None if s0 is None or s1 is None else s1 - s0
    return Measured(rate, wall, client, server)


def _payloads(start: int, count: int) -> list[dict[str, str]]:
    return [{"message": f"m{i}"} for i in range(start, start + count)]


def _check(replies: list[object], expect: int) -> None:
    if len(replies) != expect:
        raise RuntimeError(f"got {len(replies)} replies, expected {expect}")


def sync_rate(base_url: str) -> float:
    from hpcpack import HpcClient, SessionStartInfo

    with HpcClient(base_url, allow_insecure_basic=True, timeout=120) as hpc:
        session = hpc.sessions.create(SessionStartInfo(service_name="EchoService"))
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
    from hpcpack import AsyncHpcClient, SessionStartInfo

    async with AsyncHpcClient(base_url, allow_insecure_basic=True, timeout=120) as hpc:
        sessions = await asyncio.gather(
            *(
                hpc.sessions.create(SessionStartInfo(service_name="EchoService"))
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


def run(base_url: str, server_pid: int, latency_ms: float = 0) -> list[Row]:
    """One row: async vs sync on this emulator (`latency_ms`: the emulator's `--latency-ms`)."""
    what = f"{TOTAL:,} Echo requests sent + replies received"
    if latency_ms:
        what += f", head node {latency_ms:g} ms away (emulator --latency-ms {latency_ms:g})"
    try:  # interleaved (sync, async, async, sync), best run of each mode
        runs: dict[str, list[Measured]] = {"sync": [], "async": []}
        for mode in ("sync", "async", "async", "sync")[: 2 * ROUNDS]:
            fn = sync_rate if mode == "sync" else async_rate
            runs[mode].append(measure(fn, base_url, server_pid))
        sync = max(runs["sync"], key=lambda m: m.rate)
        asyn = max(runs["async"], key=lambda m: m.rate)
    except Exception as exc:
        return [
            Row(
                "SOA (emulator)",
                what,
                "error",
                "",
                None,
                ">= 3x",
                False,
                f"{type(exc).__name__}: {exc}"[:160],
            )
        ]
    ratio = asyn.rate / sync.rate
    cpu = f"CPU s client/server: sync {sync.client_cpu:.2f}/{_s(sync.server_cpu)}, async "
    cpu += f"{asyn.client_cpu:.2f}/{_s(asyn.server_cpu)}"
    if asyn.server_cpu is not None:
        cpu += f"; ceiling {sync.wall / max(asyn.client_cpu, asyn.server_cpu):.1f}x"
    return [
        Row(
            "SOA (emulator)",
            what,
            f"async {asyn.rate:,.0f} msg/s",
            f"sync {sync.rate:,.0f} msg/s",
            ratio,
            ">= 3x",
            ratio >= 3,
            f"sync: 1 session, batches of {BATCH} in sequence; async: {SESSIONS} sessions "
            f"concurrently, same batch size (asyncio.gather); best of {ROUNDS} interleaved runs "
            f"each; session setup not timed; {cpu}",
        )
    ]


def _s(value: float | None) -> str:
    return "?" if value is None else f"{value:.2f}"
