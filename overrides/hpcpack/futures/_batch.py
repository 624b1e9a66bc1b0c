"""A batch: the calls one task (or one sweep instance) runs, and the future they resolve.

Turning a worker's outcome into a future's result lives here, apart from the polling: a call
that raised re-raises its own exception chained from the remote traceback (as
`ProcessPoolExecutor` does); a chunk of `map` resolves to the list of its values.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from ._store import Outcome, local_versions
from .errors import RemoteTraceback, WorkerError, WorkerVersionMismatch

if TYPE_CHECKING:
    from .executor import HpcPackExecutor

T = TypeVar("T")
Call = tuple[Any, tuple[Any, ...], dict[str, Any]]


class HpcFuture(Future[T]):
    """A `concurrent.futures.Future` whose `cancel()` also cancels its task on the cluster.

    The future stays pending until its result is back (`running()` is False throughout), so
    unlike a local process pool a call can be canceled while it runs on a node.
    """

    def __init__(self, executor: HpcPackExecutor, batch: Batch) -> None:
        super().__init__()
        self._executor = executor
        self._batch = batch

    def cancel(self) -> bool:
        if not super().cancel():
            return False
        self._executor._cancel_batch(self._batch)
        return True


@dataclass(eq=False)
class Batch:
    name: str  # the call folder; also the task name
    calls: list[Call]
    chunk: bool  # map chunk: the result is a list of values
    future: HpcFuture[Any] | None = None
    job_id: int | None = None
    task_id: int | None = None
    instance_id: int = 0
    misses: int = 0
    done: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def settle(future: Future[Any], *, result: Any = None, error: BaseException | None = None) -> None:
    """Resolve unless already cancelled or done (a cancel races with the poller)."""
    if future.done() or not future.set_running_or_notify_cancel():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def resolve(batch: Batch, outcome: Outcome, tails: tuple[str, str]) -> None:
    """Set the batch's future from the worker's outcome."""
    assert batch.future is not None
    header = outcome.header
    if header.get("status") != "ok":
        remote = {k: str(header.get(k)) for k in ("python", "cloudpickle")}
        kind = header.get("kind")
        cls = WorkerVersionMismatch if kind == "version" else WorkerError
        text = str(header.get("message") or "the worker failed")
        if header.get("traceback"):
            text += "\n" + str(header["traceback"])
        settle(batch.future, error=cls(text, remote=remote, local=local_versions()))
        return
    values = []
    for item in outcome.results:
        if item[0] == "ok":
            values.append(item[1])
            continue
        _, exc, type_name, text = item
        cause = RemoteTraceback(text, type_name=type_name, stdout=tails[0], stderr=tails[1])
        if isinstance(exc, BaseException):
            exc.__cause__ = cause
            settle(batch.future, error=exc)
        else:
            settle(batch.future, error=cause)
        return
    settle(batch.future, result=values if batch.chunk else values[0])
