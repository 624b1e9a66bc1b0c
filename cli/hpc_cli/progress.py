"""Live progress of a job's tasks while waiting (`hpc job wait`, `hpc job submit --wait`).

A Rich progress bar when stderr is a terminal; otherwise one plain line per change (at most every
few seconds) on stderr. Progress always goes to stderr, so `--json` output on stdout stays
parseable while a person still sees what happens; `--quiet` silences it.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .output import Output
from .views import state_name

BUCKETS = ("queued", "running", "finished", "failed", "canceled")
_BUCKET_OF = {
    "Configuring": "queued",
    "Submitted": "queued",
    "Validating": "queued",
    "ExternalValidation": "queued",
    "Queued": "queued",
    "Dispatching": "running",
    "Running": "running",
    "Finishing": "running",
    "Canceling": "running",
    "Finished": "finished",
    "Failed": "failed",
    "Canceled": "canceled",
}


def count_states(states: Iterable[Any]) -> Counter[str]:
    """Task states -> counts per bucket (queued/running/finished/failed/canceled)."""
    counts: Counter[str] = Counter({b: 0 for b in BUCKETS})
    for state in states:
        counts[_BUCKET_OF.get(state_name(state), "queued")] += 1
    return counts


def summary(counts: Mapping[str, int]) -> str:
    return " ".join(f"{b}={counts.get(b, 0)}" for b in BUCKETS)


class TaskProgress:
    """Context manager fed with task-state counts; renders live or as plain lines."""

    def __init__(
        self, out: Output, label: str, plain_every: float = 2.0, live: bool | None = None
    ) -> None:
        self.out = out
        self.label = label
        self.plain_every = plain_every
        self.live = (sys.stderr.isatty() if live is None else live) and not out.quiet
        self._progress: Progress | None = None
        self._task: Any = None
        self._last_line = ""
        self._last_time = -plain_every

    def __enter__(self) -> TaskProgress:
        if self.live:
            self._progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[counts]}", markup=False),
                TimeElapsedColumn(),
                console=self.out.err,
                transient=False,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=None, counts="")
        return self

    def _text(self, counts: Mapping[str, int]) -> str:
        """A plain line changes with the task counts only; the job's end state is said once,
        by the command itself (`Job 5 Finished.`)."""
        total = sum(counts.values())
        done = total - counts.get("queued", 0) - counts.get("running", 0)
        return f"{self.label}: {done}/{total} done ({summary(counts)})"

    def update(self, counts: Mapping[str, int], job_state: str = "") -> None:
        """A new poll: move the bar, or print a line if it changed (at most every few s)."""
        if self._progress is not None:
            total = sum(counts.values())
            done = total - counts.get("queued", 0) - counts.get("running", 0)
            line = summary(counts)
            self._progress.update(
                self._task,
                total=total or None,
                completed=done,
                counts=f"{line} ({job_state})" if job_state else line,
            )
            return
        now = time.monotonic()
        text = self._text(counts)
        if self.out.quiet or text == self._last_line or now - self._last_time < self.plain_every:
            return
        self.out.note(text)
        self._last_line, self._last_time = text, now

    def final(self, counts: Mapping[str, int], job_state: str) -> None:
        """Always show the last state once, even when intermediate lines were rate-limited."""
        if self._progress is not None:
            self.update(counts, job_state)
            return
        text = self._text(counts)
        if not self.out.quiet and text != self._last_line:
            self.out.note(text)
            self._last_line = text

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()


class SendProgress:
    """Requests sent and replies received of a SOA batch (`hpc session send`).

    Two live bars on a terminal; otherwise plain lines on stderr: one when the batch is sent,
    then at most one every `plain_every` seconds while replies stream in, and a last one.
    """

    def __init__(
        self,
        out: Output,
        label: str,
        total: int,
        plain_every: float = 2.0,
        live: bool | None = None,
    ) -> None:
        self.out = out
        self.label = label
        self.total = total
        self.plain_every = plain_every
        self.live = (sys.stderr.isatty() if live is None else live) and not out.quiet
        self.plain = not self.live and not out.quiet
        self._progress: Progress | None = None
        self._sent: Any = None
        self._received: Any = None
        self._count = 0
        self._last_time = 0.0

    def __enter__(self) -> SendProgress:
        if self.live:
            self._progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.out.err,
            )
            self._progress.start()
            self._sent = self._progress.add_task(f"{self.label} sent", total=self.total)
            self._received = self._progress.add_task(f"{self.label} received", total=self.total)
        self._last_time = time.monotonic()
        return self

    def sent(self, count: int) -> None:
        if self._progress is not None:
            self._progress.update(self._sent, completed=count)
        elif self.plain:
            self.out.note(f"{self.label}: {count}/{self.total} requests sent")

    def received(self, count: int) -> None:
        self._count = count
        if self._progress is not None:
            self._progress.update(self._received, completed=count)
            return
        now = time.monotonic()
        if self.plain and count < self.total and now - self._last_time >= self.plain_every:
            self.out.note(f"{self.label}: {count}/{self.total} replies received")
            self._last_time = now

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
        elif self.plain:
            self.out.note(f"{self.label}: {self._count}/{self.total} replies received")


def wait_for_job(
    hpc: Any,
    job_id: int,
    out: Output,
    timeout: float | None = None,
    interval: float = 1.0,
) -> dict[str, Any]:
    """Wait with the library's progress callback; return the terminal job's properties."""
    from .views import as_props

    with TaskProgress(out, f"job {job_id}") as bar:
        last: dict[str, Any] = {"counts": count_states([])}

        def on_progress(job: Any, states: Mapping[Any, int]) -> None:
            counts = count_states(s for s, n in states.items() for _ in range(n))
            last["counts"] = counts
            bar.update(counts, state_name(getattr(job, "state", "")))

        job = hpc.jobs.wait(job_id, timeout=timeout, poll_interval=interval, progress=on_progress)
        props = as_props(job)
        bar.final(last["counts"], state_name(props.get("State")))
    return props
