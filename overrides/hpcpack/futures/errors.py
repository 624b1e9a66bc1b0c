"""Errors of `hpcpack.futures`: all are `HpcError`s, so one `except HpcError` still covers them.

A function that raised on the cluster re-raises its own exception on `Future.result()` (as
`ProcessPoolExecutor` does), chained from a `RemoteTraceback` that carries the worker's text.
"""

from __future__ import annotations

from ..errors import HpcError

__all__ = [
    "ExecutorError",
    "InvalidOption",
    "RemoteTraceback",
    "ResultCorrupted",
    "ResultMissing",
    "ShareError",
    "TaskCanceled",
    "TaskFailed",
    "WorkerError",
    "WorkerVersionMismatch",
]


class ExecutorError(HpcError):
    """Root of the executor's own errors."""


class InvalidOption(ExecutorError, ValueError):
    """An executor option the cluster cannot take (a command line over 480 characters...)."""


class ShareError(ExecutorError, OSError):
    """The shared folder is missing, not a directory or not writable (raised at construction)."""


class RemoteTraceback(ExecutorError):
    """The worker's traceback, as text: the `__cause__` of an exception re-raised locally.

    Also raised itself when the remote exception could not be pickled back (`type_name` says
    what it was).
    """

    def __init__(self, traceback: str, *, type_name: str = "", stdout: str = "", stderr: str = ""):
        self.traceback = traceback
        self.type_name = type_name
        self.stdout_tail = stdout
        self.stderr_tail = stderr
        super().__init__(f'\n"""\n{traceback}"""')


class TaskFailed(ExecutorError):
    """The task ended Failed on the cluster without writing a result (killed, no Python...)."""

    def __init__(
        self,
        message: str,
        *,
        job_id: int,
        task_id: int,
        instance_id: int = 0,
        exit_code: int | None = None,
        error_message: str | None = None,
        output: str = "",
    ) -> None:
        self.job_id = job_id
        self.task_id = task_id
        self.instance_id = instance_id
        self.exit_code = exit_code
        self.error_message = error_message
        self.output = output  # the scheduler's Output, then the bootstrap's stdout/stderr tail
        where = f"job {job_id} task {task_id}" + (f".{instance_id}" if instance_id else "")
        detail = f"; exit code {exit_code}" if exit_code is not None else ""
        detail += f"; {error_message}" if error_message else ""
        tail = f"\noutput tail:\n{output}" if output.strip() else ""
        super().__init__(f"{message} ({where}{detail}){tail}")


class TaskCanceled(TaskFailed):
    """The task was canceled on the cluster by someone else (`hpc job cancel`, the REST API)."""


class WorkerError(ExecutorError):
    """The bootstrap on the node could not run the call (missing cloudpickle, unreadable input)."""

    def __init__(self, message: str, *, remote: dict[str, str], local: dict[str, str]) -> None:
        self.remote_versions = remote
        self.local_versions = local
        super().__init__(
            f"{message} (worker: Python {remote.get('python', '?')}, cloudpickle "
            f"{remote.get('cloudpickle', '?')}; client: Python {local.get('python', '?')}, "
            f"cloudpickle {local.get('cloudpickle', '?')})"
        )


class WorkerVersionMismatch(WorkerError):
    """The node's Python or cloudpickle differs from the client's: pickles are not portable."""


class ResultCorrupted(ExecutorError):
    """The result file is unreadable (truncated, overwritten, or pickled by an unknown class)."""


class ResultMissing(ExecutorError):
    """The task Finished but left no result file in the share."""
