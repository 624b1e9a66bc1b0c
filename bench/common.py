"""Shared bench helpers: timing, one result row, the machine description.

Every figure is a ratio against a baseline measured in the same run, interleaved with it so
that drift (CPU frequency, other processes) hits both sides alike.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    """One line of the results table."""

    section: str
    what: str
    ours: str  # hpcpack figure, with its unit
    baseline: str  # baseline figure, with its unit
    ratio: float | None  # ours / baseline (or the figure the goal is about)
    goal: str  # e.g. "<= 1.5x"
    met: bool | None  # None: no goal / not measurable
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.met is None:
            return "n/a"
        return "met" if self.met else "NOT met"


def per_call(fn: Callable[[], object], calls: int) -> float:
    """Seconds per call of `fn`, over `calls` consecutive calls."""
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls


def compare(
    ours: Callable[[], object],
    base: Callable[[], object],
    *,
    calls: int,
    rounds: int = 7,
    warmup: int = 20,
) -> tuple[float, float]:
    """(ours, baseline) seconds per call: best of `rounds` interleaved rounds of `calls`.

    The minimum is the least noisy estimate of the intrinsic cost of a CPU-bound call.
    """
    for _ in range(warmup):
        ours()
        base()
    t_ours: list[float] = []
    t_base: list[float] = []
    for i in range(rounds):
        pair = ((ours, t_ours), (base, t_base)) if i % 2 == 0 else ((base, t_base), (ours, t_ours))
        for fn, out in pair:
            out.append(per_call(fn, calls))
    return min(t_ours), min(t_base)


def median(values: list[float]) -> float:
    return statistics.median(values)


def fmt_time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    cores = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        usable = cores
    py = f"{platform.python_implementation()} {platform.python_version()}"
    return (
        f"{cpu_model()}, {cores} logical cores ({usable} usable), {py}, "
        f"{platform.system()} {platform.release()}; executable {sys.executable}"
    )
