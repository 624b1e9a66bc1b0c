"""The executor's one poller thread: flushes batches into jobs and watches those jobs.

Per job and poll: one Get Job, then one task list filtered to the tasks changed since the
newest ChangeTime already seen (`$filter=ChangeTimeFrom eq ...`, less a margin: the filter is
rendered to the second and the head node's commit order is not the ChangeTime order [I]); once
the job is terminal one unfiltered list settles whatever is left. Waiting on a future costs the
head node nothing more.
"""

from __future__ import annotations

import datetime
import logging
import math
import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from hpc_client.models import JobState, TaskState

from ..calls import TERMINAL_JOB_STATES
from ..errors import HpcError
from ._batch import Batch, resolve, settle
from .errors import ResultCorrupted, ResultMissing, TaskCanceled, TaskFailed

if TYPE_CHECKING:
    from hpc_client.models import Task

    from .executor import HpcPackExecutor

log = logging.getLogger("hpcpack.futures")
MARGIN = datetime.timedelta(seconds=2)
# A Finished task's result file may show late: SMB clients cache "file not found" (Windows:
# FileNotFoundCacheLifetime, 5 s by default [D]) and CIFS mounts cache attributes (actimeo).
MAX_MISSES = 3  # polls, and at least the executor's result_grace seconds
MAX_POLL_ERRORS = 10  # consecutive failed polls of one job before its futures fail
ROWS_PER_READ = 1000  # the default page is 10 rows [D]: a 1,000-instance sweep would be 100 pages
TASK_PROPS = "JobTaskId,InstanceId,State,ExitCode,ErrorMessage,ChangeTime"
_ENDED = {TaskState.FINISHED, TaskState.FAILED, TaskState.CANCELED}


class JobWatch:
    """One submitted job and its batches, keyed by (task id, instance id)."""

    def __init__(self, job_id: int, batches: Iterable[Batch]) -> None:
        self.job_id = job_id
        self.batches = {(b.task_id or 0, b.instance_id): b for b in batches}
        self.since: datetime.datetime | None = None
        self.errors = 0
        self.canceled_by_us = False

    def open(self) -> list[Batch]:
        return [b for b in self.batches.values() if not b.done]


class Poller(threading.Thread):
    def __init__(self, executor: HpcPackExecutor) -> None:
        super().__init__(name="hpcpack-futures-poller", daemon=True)
        self.ex = executor

    def run(self) -> None:
        ex = self.ex
        last_poll = -math.inf
        while True:
            with ex._cond:
                due = self.next_due(last_poll)
                while due is not None and due > time.monotonic():
                    ex._cond.wait(min(due - time.monotonic(), ex._poll_interval))
                    due = self.next_due(last_poll)
                if due is None:
                    break
                batches = []
                if ex._pending and self.flush_due(time.monotonic()):
                    batches, ex._pending = (
                        ex._pending[: ex._max_tasks],
                        ex._pending[ex._max_tasks :],
                    )
                    ex._pending_since = time.monotonic()
                jobs = list(ex._jobs.values())
            if batches:
                ex._flush(batches)
            if jobs and time.monotonic() >= last_poll + ex._poll_interval:
                last_poll = time.monotonic()
                for watch in jobs:
                    try:
                        self.poll(watch)
                    except Exception as exc:  # never let the thread die: fail that job's futures
                        log.exception("polling job %s", watch.job_id)
                        self.fail(watch, exc)
        ex._finished()

    def flush_due(self, now: float) -> bool:
        ex = self.ex
        return (
            ex._shutdown
            or len(ex._pending) >= ex._max_tasks
            or now >= ex._pending_since + ex._flush_delay
        )

    def next_due(self, last_poll: float) -> float | None:
        """When to wake next (monotonic), or None: shut down with nothing left (under the lock)."""
        ex = self.ex
        if ex._shutdown and not ex._pending and not ex._jobs:
            return None
        due = math.inf
        if ex._pending:
            now = time.monotonic()
            due = now if self.flush_due(now) else ex._pending_since + ex._flush_delay
        if ex._jobs:
            due = min(due, last_poll + ex._poll_interval)
        return due

    def poll(self, watch: JobWatch) -> None:
        hpc = self.ex._hpc
        try:
            job = hpc.jobs.get(watch.job_id, properties="Id,State,ErrorMessage")
            ended = job.state in TERMINAL_JOB_STATES
            since = None if ended else watch.since
            rows = list(
                hpc.tasks.list(
                    watch.job_id,
                    changed_since=since,
                    properties=TASK_PROPS,
                    expand_parametric=True,
                    rows_per_read=ROWS_PER_READ,
                )
            )
        except HpcError as exc:
            watch.errors += 1
            log.warning("polling job %s failed: %s", watch.job_id, exc)
            if watch.errors >= MAX_POLL_ERRORS:
                self.fail(watch, exc)
            return
        watch.errors = 0
        seen = set()
        for row in rows:
            key = (int(row.job_task_id or 0), int(row.instance_id or 0))
            batch = watch.batches.get(key)
            if isinstance(row.change_time, datetime.datetime):
                mark = row.change_time - MARGIN
                watch.since = mark if watch.since is None else max(watch.since, mark)
            if batch is None or batch.done or row.state not in _ENDED:
                continue
            seen.add(key)
            self.settle(watch, batch, row)
        for key, batch in watch.batches.items():
            if batch.misses and not batch.done and key not in seen and not ended:
                self.settle(watch, batch, None)  # recheck a Finished task's result file
        if ended:
            for batch in watch.open():
                self.settle(watch, batch, None, job_error=str(job.error_message or ""))
        if not watch.open():
            with self.ex._cond:
                self.ex._jobs.pop(watch.job_id, None)
                self.ex._cond.notify_all()

    def settle(self, watch: JobWatch, batch: Batch, row: Task | None, job_error: str = "") -> None:
        assert batch.future is not None
        store = self.ex._run
        try:
            outcome = store.read(batch.name)
        except ResultCorrupted as exc:
            batch.done = True
            settle(batch.future, error=exc)
            return
        if outcome is not None:
            batch.done = True
            resolve(batch, outcome, store.tail(batch.name))
            return
        state = row.state if row is not None else batch.extra.get("state")
        if row is not None:
            batch.extra.update(state=row.state, exit=row.exit_code, msg=row.error_message)
        if state in (TaskState.FAILED, TaskState.CANCELED) or (job_error and state is None):
            batch.done = True
            settle(batch.future, error=self.failure(watch, batch, state, job_error))
            return
        batch.misses += 1
        first = batch.extra.setdefault("first_miss", time.monotonic())
        if batch.misses >= MAX_MISSES and time.monotonic() - first >= self.ex._result_grace:
            batch.done = True
            settle(batch.future, error=ResultMissing(f"{batch.name} left no result in the share"))

    def failure(self, watch: JobWatch, batch: Batch, state: object, job_error: str) -> TaskFailed:
        out, err = self.ex._run.tail(batch.name)
        output = "\n".join(s for s in (self.ex._task_output(batch), out, err) if s)
        cls = TaskCanceled if state is TaskState.CANCELED else TaskFailed
        what = "the task was canceled on the cluster" if cls is TaskCanceled else "the task failed"
        code = batch.extra.get("exit")
        return cls(
            what,
            job_id=watch.job_id,
            task_id=batch.task_id or 0,
            instance_id=batch.instance_id,
            exit_code=code if isinstance(code, int) else None,
            error_message=str(batch.extra.get("msg") or job_error or "") or None,
            output=output,
        )

    def fail(self, watch: JobWatch, exc: BaseException) -> None:
        for batch in watch.open():
            batch.done = True
            if batch.future is not None:
                settle(batch.future, error=exc)
        with self.ex._cond:
            self.ex._jobs.pop(watch.job_id, None)


__all__ = ["JobState", "JobWatch", "Poller"]
