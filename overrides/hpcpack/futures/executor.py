"""`HpcPackExecutor`: a `concurrent.futures.Executor` whose workers are HPC Pack tasks.

`submit` queues a call; the poller flushes queued calls into one job (one task per call)
shortly after (`flush_delay`) or at `max_tasks` calls. `map` with `mode="sweep"` (default) is
one job with one parametric sweep task whose instance N runs chunk N. Functions, arguments and
results travel as cloudpickle files through a folder both sides see: `share` here,
`remote_share` on the nodes.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs
import cloudpickle
from hpc_client.models import Job, Task, TaskType

from ..errors import HpcError
from . import _remote
from ._batch import Batch, Call, HpcFuture, settle
from ._poller import JobWatch, Poller
from ._store import RunDir

if TYPE_CHECKING:
    import os

    from ..client import HpcClient

T = TypeVar("T")
__all__ = ["HpcPackExecutor"]


class HpcPackExecutor(Executor):
    """Run Python callables as HPC Pack tasks; results come back as futures.

    `share` is the shared folder as this machine sees it, `remote_share` as the nodes see it
    (UNC, drive or POSIX path; default: the same); `python` the interpreter on the nodes (it
    needs cloudpickle, at the client's version, and the client's Python X.Y). `job`/`task` are
    templates for every job and task (cores, node groups, runtime, priority, template...),
    `environment` the jobs' environment variables. `result_grace` is how long a Finished task's
    result file may stay invisible (share caching) before `ResultMissing`. `by_value` lists modules to pickle by value
    (modules the nodes cannot import, such as your own scripts' helpers).
    """

    def __init__(
        self,
        hpc: HpcClient,
        share: str | os.PathLike[str],
        remote_share: str | None = None,
        python: str = "python",
        *,
        job: Job | None = None,
        task: Task | None = None,
        environment: Mapping[str, str] | None = None,
        mode: Literal["sweep", "tasks"] = "sweep",
        max_tasks: int = 500,
        flush_delay: float = 0.05,
        poll_interval: float = 1.0,
        result_grace: float = 15.0,
        by_value: Iterable[ModuleType] = (),
        keep_files: bool = False,
    ) -> None:
        if mode not in ("sweep", "tasks"):
            raise ValueError("mode must be 'sweep' or 'tasks'")
        self._hpc = hpc
        remote = remote_share if remote_share is not None else str(share)
        self._windows = _remote.is_windows(remote)
        name = RunDir.new_name()
        self._bootstrap = _remote.join(remote, name, "bootstrap.py")
        self._python = python
        _remote.command_line(python, self._bootstrap, "m999999-999999", self._windows)
        self._run = RunDir(share, name)  # after the checks: a refused option leaves no folder
        self._job = job or Job()
        self._task = task or Task()
        self._env = dict(environment or {})
        self._mode = mode
        self._max_tasks = max_tasks
        self._flush_delay = flush_delay
        self._poll_interval = poll_interval
        self._result_grace = result_grace
        self._keep = keep_files
        for module in by_value:
            cloudpickle.register_pickle_by_value(module)
        self._cond = threading.Condition()
        self._pending: list[Batch] = []
        self._pending_since = 0.0  # when the oldest queued call was queued
        self._jobs: dict[int, JobWatch] = {}
        self._shutdown = False
        self._ids = itertools.count(1)
        self._poller = Poller(self)
        self._poller.start()

    # -- the Executor API --------------------------------------------------------------------

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> HpcFuture[T]:
        """Queue `fn(*args, **kwargs)`; it goes to the cluster with the next flush."""
        batch = self._batch(f"c{next(self._ids)}", [(fn, args, kwargs)], chunk=False)
        with self._cond:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if not self._pending:
                self._pending_since = time.monotonic()
            self._pending.append(batch)
            if len(self._pending) in (1, self._max_tasks):  # the poller's wake-up changes
                self._cond.notify_all()
        assert batch.future is not None
        return batch.future

    def map(
        self,
        fn: Callable[..., T],
        *iterables: Iterable[Any],
        timeout: float | None = None,
        chunksize: int = 1,
    ) -> Iterator[T]:
        """As `Executor.map`: `chunksize` calls per task (or sweep instance), results in order."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1")
        deadline = None if timeout is None else time.monotonic() + timeout
        items = list(zip(*iterables, strict=False))
        chunks = [items[i : i + chunksize] for i in range(0, len(items), chunksize)]
        calls: list[list[Call]] = [[(fn, args, {}) for args in chunk] for chunk in chunks]
        batches = self._map_batches(calls) if calls else []
        futures = [b.future for b in batches if b.future is not None]

        def results() -> Iterator[T]:
            try:
                for future in futures:
                    left = None if deadline is None else deadline - time.monotonic()
                    yield from future.result(left)
            finally:
                for future in futures:
                    future.cancel()

        return results()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Flush queued calls (or drop them: `cancel_futures`, which also cancels the jobs)."""
        with self._cond:
            self._shutdown = True
            dropped, jobs = [], []
            if cancel_futures:
                dropped, self._pending = self._pending, []
                jobs = list(self._jobs.values())
            self._cond.notify_all()
        for batch in dropped:
            if batch.future is not None:
                batch.future.cancel()
        for watch in jobs:
            watch.canceled_by_us = True
            with contextlib.suppress(HpcError):  # ended meanwhile: the poller settles it
                self._hpc.jobs.cancel(watch.job_id, "hpcpack executor shut down")
            for batch in watch.open():
                if batch.future is not None:
                    Executor_cancel(batch.future)
        if wait:
            self._poller.join()

    # -- internals ---------------------------------------------------------------------------

    def _batch(self, name: str, calls: list[Call], *, chunk: bool) -> Batch:
        batch = Batch(name, calls, chunk)
        batch.future = HpcFuture(self, batch)
        return batch

    def _map_batches(self, calls: list[list[Call]]) -> list[Batch]:
        if self._mode == "tasks":
            batches = [self._batch(f"c{next(self._ids)}", c, chunk=True) for c in calls]
            with self._cond:
                if self._shutdown:
                    raise RuntimeError("cannot schedule new futures after shutdown")
                if not self._pending:
                    self._pending_since = time.monotonic()
                self._pending.extend(batches)
                self._cond.notify_all()
            return batches
        with self._cond:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
        sweep = f"m{next(self._ids)}"
        batches = [self._batch(f"{sweep}-{i}", c, chunk=True) for i, c in enumerate(calls, 1)]
        for i, batch in enumerate(batches, 1):
            batch.instance_id = i
        self._submit_job(batches, sweep=sweep)
        return batches

    def _flush(self, batches: list[Batch]) -> None:
        """Called by the poller: one job for the queued calls."""
        self._submit_job([b for b in batches if b.future is not None and not b.future.done()])

    def _submit_job(self, batches: list[Batch], sweep: str | None = None) -> None:
        if not batches:
            return
        hpc = self._hpc
        try:
            for batch in batches:
                self._run.write_batch(batch.name, batch.calls)
            name = (self._job.name or "hpcpack-futures")[:80]
            job_id = hpc.jobs.create(attrs.evolve(self._job, name=name))
            if self._env:
                hpc.jobs.set_env_variables(job_id, self._env)
            if sweep is not None:
                line = _remote.command_line(
                    self._python, self._bootstrap, f"{sweep}-*", self._windows
                )
                task = attrs.evolve(
                    self._task,
                    name=sweep,
                    command_line=line,
                    type_=TaskType.PARAMETRICSWEEP,
                    start_value=1,
                    end_value=len(batches),
                    increment_value=1,
                )
                task_id = hpc.jobs.add_task(job_id, task)
                for batch in batches:
                    batch.task_id = task_id
            else:
                for batch in batches:
                    line = _remote.command_line(
                        self._python, self._bootstrap, batch.name, self._windows
                    )
                    task = attrs.evolve(self._task, name=batch.name, command_line=line)
                    batch.task_id = hpc.jobs.add_task(job_id, task)
            for batch in batches:
                batch.job_id = job_id
            with self._cond:
                self._jobs[job_id] = JobWatch(job_id, batches)
            hpc.jobs.submit(job_id)
        except (HpcError, OSError) as exc:
            for batch in batches:
                batch.done = True
                if batch.future is not None:
                    settle(batch.future, error=exc)
            with self._cond:
                for batch in batches:
                    if batch.job_id is not None:
                        self._jobs.pop(batch.job_id, None)

    def _cancel_batch(self, batch: Batch) -> None:
        """A future was cancelled: drop its queued call, or cancel its task on the cluster."""
        with self._cond:
            if batch in self._pending:
                self._pending.remove(batch)
                return
            watch = self._jobs.get(batch.job_id or -1)
        if watch is None or watch.canceled_by_us or batch.task_id is None:
            return
        try:
            if batch.instance_id:
                self._hpc.subtasks.cancel(batch.job_id or 0, batch.task_id, batch.instance_id)
            else:
                self._hpc.tasks.cancel(batch.job_id or 0, batch.task_id)
        except HpcError:
            pass  # it ended meanwhile; its result is simply dropped

    def _task_output(self, batch: Batch) -> str:
        """The scheduler's Output of a failed task (what the bootstrap printed before it ran)."""
        try:
            if batch.instance_id:
                row = self._hpc.subtasks.get(
                    batch.job_id or 0, batch.task_id or 0, batch.instance_id, properties="Output"
                )
            else:
                row = self._hpc.tasks.get(
                    batch.job_id or 0, batch.task_id or 0, properties="Output"
                )
        except HpcError:
            return ""
        return str(row.output or "")

    def _finished(self) -> None:
        if not self._keep:
            self._run.remove()


def Executor_cancel(future: HpcFuture[Any]) -> None:
    """Cancel locally only: the whole job is being canceled."""
    super(HpcFuture, future).cancel()
