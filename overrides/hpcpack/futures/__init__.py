"""Run Python functions on an HPC Pack cluster through `concurrent.futures`.

    from hpcpack.futures import HpcPackExecutor
    with HpcPackExecutor(hpc, share="/mnt/hpcshare", remote_share=r"\\\\head\\share") as ex:
        squares = list(ex.map(pow, range(1000), [2] * 1000, chunksize=50))

Needs the `futures` extra (cloudpickle); `import hpcpack` does not import this package.
"""

from __future__ import annotations

try:
    import cloudpickle  # noqa: F401
except ModuleNotFoundError as exc:  # one line that names the extra, as the commands do
    raise ModuleNotFoundError(
        "hpcpack.futures needs the futures extra: pip install 'hpcpack[futures]' "
        "(missing: cloudpickle)",
        name=exc.name,
    ) from None

from ._batch import HpcFuture
from ._progress import progress
from .errors import (
    ExecutorError,
    InvalidOption,
    RemoteTraceback,
    ResultCorrupted,
    ResultMissing,
    ShareError,
    TaskCanceled,
    TaskFailed,
    WorkerError,
    WorkerVersionMismatch,
)
from .executor import HpcPackExecutor

__all__ = [
    "ExecutorError",
    "HpcFuture",
    "HpcPackExecutor",
    "InvalidOption",
    "RemoteTraceback",
    "ResultCorrupted",
    "ResultMissing",
    "ShareError",
    "TaskCanceled",
    "TaskFailed",
    "WorkerError",
    "WorkerVersionMismatch",
    "progress",
]
