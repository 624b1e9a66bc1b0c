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
from typing import TYPE_CHECKING, Any

from .output import Output
from .views import state_name

if TYPE_CHECKING:
    from rich.progress import Progress

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


class _Reporter:
    """What both progress kinds share: a Rich progress on a terminal, else plain stderr lines
    (a line only when its text changed, at most one per `plain_every` s unless forced)."""

    def __init__(self, out: Output, plain_every: float, live: bool | None, quiet_start: bool):
        self.out = out
        self.plain_every = plain_every
        self.live = (sys.stderr.isatty() if live is None else live) and not out.quiet
        self._progress: Progress | None = None
        self._last_line = ""
        self._last_time = time.monotonic() if quiet_start else -plain_every

    def _start(self, counts: bool = False) -> Progress:
        """Label, bar, done/total, (the counts per state,) elapsed time."""
        from rich.progress import (  # Rich's progress machinery only when drawn
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn()]
        if counts:
            columns.append(TextColumn("{task.fields[counts]}", markup=False))
        self._progress = Progress(*columns, TimeElapsedColumn(), console=self.out.err)
        self._progress.start()
        return self._progress

    def _plain(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        if self.out.quiet or text == self._last_line:
            return
        if force or now - self._last_time >= self.plain_every:
            self.out.note(text)
            self._last_line, self._last_time = text, now

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()


class TaskProgress(_Reporter):
    """Context manager fed with task-state counts; renders live or as plain lines."""

    def __init__(
        self, out: Output, label: str, plain_every: float = 2.0, live: bool | None = None
    ) -> None:
        super().__init__(out, plain_every, live, quiet_start=False)
        self.label = label
        self._task: Any = None

    def __enter__(self) -> TaskProgress:
        if self.live:
            self._task = self._start(counts=True).add_task(self.label, total=None, counts="")
        return self

    def _text(self, counts: Mapping[str, int]) -> str:
        """A plain line changes with the task counts only; the job's end state is said once,
        by the command itself (`Job 5 Finished.`)."""
        total = sum(counts.values())
        done = total - counts.get("queued", 0) - counts.get("running", 0)
        return f"{self.label}: {done}/{total} done ({summary(counts)})"

    def update(self, counts: Mapping[str, int], job_state: str = "") -> None:
        """A new poll: move the bar, or print a line if it changed (at most every few s)."""
        if self._progress is None:
            self._plain(self._text(counts))
            return
        total = sum(counts.values())
        done = total - counts.get("queued", 0) - counts.get("running", 0)
        line = summary(counts)
        self._progress.update(
            self._task,
            total=total or None,
            completed=done,
            counts=f"{line} ({job_state})" if job_state else line,
        )

    def final(self, counts: Mapping[str, int], job_state: str) -> None:
        """Always show the last state once, even when intermediate lines were rate-limited."""
        if self._progress is not None:
            self.update(counts, job_state)
        else:
            self._plain(self._text(counts), force=True)


class SendProgress(_Reporter):
    """Requests sent and replies received of a SOA batch (`hpc session send`).

    Two live bars on a terminal; otherwise plain lines on stderr, at most one every
    `plain_every` seconds while requests go out and replies stream in, and always the
    last count of each.
    """

    def __init__(
        self,
        out: Output,
        label: str,
        total: int,
        plain_every: float = 2.0,
        live: bool | None = None,
    ) -> None:
        super().__init__(out, plain_every, live, quiet_start=True)
        self.label = label
        self.total = total
        self._sent: Any = None
        self._received: Any = None
        self._count = 0

    def __enter__(self) -> SendProgress:
        if self.live:
            progress = self._start()
            self._sent = progress.add_task(f"{self.label} sent", total=self.total)
            self._received = progress.add_task(f"{self.label} received", total=self.total)
        return self

    def sent(self, count: int) -> None:
        if self._progress is not None:
            self._progress.update(self._sent, completed=count)
        else:
            text = f"{self.label}: {count}/{self.total} requests sent"
            self._plain(text, force=count >= self.total)

    def received(self, count: int) -> None:
        self._count = count
        if self._progress is not None:
            self._progress.update(self._received, completed=count)
        elif count < self.total:
            self._plain(f"{self.label}: {count}/{self.total} replies received")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        super().__exit__(exc_type, exc, tb)
        if self._progress is None:
            self._plain(f"{self.label}: {self._count}/{self.total} replies received", force=True)


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
