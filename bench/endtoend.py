"""End to end on the loopback emulator (its own process): paging speed and memory.

* listing 10,000 jobs through `hpc.jobs.list()` vs a raw httpx loop following the same
  `x-ms-continuation-QueryId` headers and parsing each page with defusedxml into dicts;
* peak traced memory (tracemalloc, client process only) while iterating 100,000 jobs vs 1,000.
"""

from __future__ import annotations

import itertools
import time
import tracemalloc
from collections.abc import Callable

import httpx
from common import Row, fmt_time
from defusedxml import ElementTree as DET
from percall import HEADERS, NS, props_of

CONTINUATION = "x-ms-continuation-QueryId"
ROWS_PER_READ = 1000
ROUNDS = 5


def raw_iter_jobs(http: httpx.Client, rows_per_read: int) -> int:
    """The baseline paging loop; returns the number of jobs seen."""
    count = 0
    token: str | None = None
    while True:
        params: dict[str, str | int] = {"RowsPerRead": rows_per_read}
        if token:
            params["QueryId"] = token
        r = http.get("/Jobs", params=params)
        r.raise_for_status()
        for obj in DET.fromstring(r.content):
            props_of(obj.find(f"{NS}Properties"))
            count += 1
        token = r.headers.get(CONTINUATION)
        if not token:
            return count


def _timed(fn: Callable[[], int], expect: int) -> float:
    start = time.perf_counter()
    got = fn()
    elapsed = time.perf_counter() - start
    if got != expect:
        raise RuntimeError(f"listed {got} jobs, expected {expect}")
    return elapsed


def list_speed(base_url: str, jobs: int) -> Row:
    from hpcpack import HpcClient

    hpc = HpcClient(base_url, allow_insecure_basic=True, timeout=120)
    raw = httpx.Client(base_url=base_url, headers=HEADERS, timeout=120)

    def ours() -> int:
        return sum(1 for _ in hpc.jobs.list(rows_per_read=ROWS_PER_READ))

    def base() -> int:
        return raw_iter_jobs(raw, ROWS_PER_READ)

    t_ours: list[float] = []
    t_base: list[float] = []
    try:
        # the seeded jobs plus any service job the other benches created
        total = raw_iter_jobs(raw, ROWS_PER_READ)
        if total < jobs:
            raise RuntimeError(f"the emulator holds {total} jobs, expected at least {jobs}")
        for i in range(ROUNDS):
            order = (
                ((ours, t_ours), (base, t_base)) if i % 2 == 0 else ((base, t_base), (ours, t_ours))
            )
            for fn, out in order:
                out.append(_timed(fn, total))
    finally:
        hpc.close()
        raw.close()
    ratio = min(t_ours) / min(t_base)
    return Row(
        "end to end (emulator)",
        f"list {total:,} jobs, paging iterator (RowsPerRead={ROWS_PER_READ})",
        fmt_time(min(t_ours)),
        fmt_time(min(t_base)),
        ratio,
        "<= 1.2x",
        ratio <= 1.2,
        f"best of {ROUNDS}; baseline: raw httpx loop on the same continuation headers",
    )


def peak_while_iterating(base_url: str, limit: int) -> tuple[int, int, float]:
    """(peak traced bytes above the start, jobs seen, seconds) while iterating `limit` jobs."""
    from hpcpack import HpcClient

    with HpcClient(base_url, allow_insecure_basic=True, timeout=300) as hpc:
        tracemalloc.start()
        try:
            start_bytes, _ = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            t0 = time.perf_counter()
            seen = 0
            for _job in itertools.islice(hpc.jobs.list(rows_per_read=ROWS_PER_READ), limit):
                seen += 1
            elapsed = time.perf_counter() - t0
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return peak - start_bytes, seen, elapsed


def memory(base_url: str, small: int, large: int) -> Row:
    try:
        p_small, n_small, _ = peak_while_iterating(base_url, small)
        middle = 10 * small  # several pages too: shows whether the peak grows with the count
        p_middle, _, _ = peak_while_iterating(base_url, middle)
        p_large, n_large, t_large = peak_while_iterating(base_url, large)
    except Exception as exc:
        return Row(
            "end to end (emulator)",
            f"peak memory, {large:,} vs {small:,} jobs",
            "error",
            "",
            None,
            "<= +20 MB",
            False,
            f"{type(exc).__name__}: {exc}"[:160],
        )
    if (n_small, n_large) != (small, large):
        raise RuntimeError(f"iterated {n_small}/{n_large} jobs, expected {small}/{large}")
    mb = 1024 * 1024
    extra = (p_large - p_small) / mb
    return Row(
        "end to end (emulator)",
        f"peak traced memory iterating {large:,} vs {small:,} jobs",
        f"{p_large / mb:.1f} MB",
        f"{p_small / mb:.1f} MB",
        None,
        "<= +20 MB",
        extra <= 20,
        f"difference {extra:+.1f} MB; {middle:,} jobs: {p_middle / mb:.1f} MB (tracemalloc, "
        f"client process; {large:,} jobs in {t_large:.0f} s, RowsPerRead={ROWS_PER_READ}, "
        "jobs seeded into the emulator's SQLite)",
    )
