"""Worker bootstrap, copied into the share as `bootstrap.py` and run on the node.

Self-contained on purpose: a node has Python and cloudpickle, not hpcpack. Usage:
`python <run-dir>/bootstrap.py <call-name>`; it runs `<run-dir>/<call-name>/in.pkl` (a list of
(function, args, kwargs)) and writes `out.pkl` there atomically (temp file + os.replace):
a magic line, a JSON header line (status, versions, payload size), then the pickled outcomes.
A failure to import cloudpickle, a version mismatch or an unreadable input is an error header,
so the client reports it by name instead of a bare exit code.
"""

from __future__ import annotations

import json
import os
import pickle
import platform
import sys
import traceback
from typing import Any

MAGIC = b"HPCPACK-RESULT-1\n"


def _write(call_dir: str, header: dict[str, Any], payload: bytes = b"") -> None:
    header["size"] = len(payload)
    data = MAGIC + json.dumps(header).encode("utf-8") + b"\n" + payload
    tmp = os.path.join(call_dir, f"out.pkl.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, os.path.join(call_dir, "out.pkl"))


def _redirect(call_dir: str) -> None:
    """The calls' stdout/stderr go to files in the call folder (the client reads the tail)."""
    sys.stdout.flush()
    sys.stderr.flush()
    for fd, name in ((1, "stdout.txt"), (2, "stderr.txt")):
        target = os.open(os.path.join(call_dir, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)


def _outcome(cloudpickle: Any, fn: Any, args: Any, kwargs: Any) -> tuple[Any, ...]:
    try:
        return ("ok", fn(*args, **kwargs))
    except BaseException as exc:  # the caller gets every exception, SystemExit included
        text = traceback.format_exc()
        try:
            cloudpickle.dumps(exc)
            return ("raised", exc, type(exc).__name__, text)
        except Exception:
            return ("raised", None, type(exc).__name__, text)


def _dump(cloudpickle: Any, outcomes: list[tuple[Any, ...]]) -> bytes:
    try:
        return bytes(cloudpickle.dumps(outcomes))
    except Exception:
        safe = []
        for item in outcomes:
            try:
                cloudpickle.dumps(item)
                safe.append(item)
            except Exception:
                safe.append(("raised", None, "PicklingError", traceback.format_exc()))
        return bytes(cloudpickle.dumps(safe))


def main(argv: list[str]) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    call_dir = os.path.join(here, argv[1])
    header: dict[str, Any] = {"python": platform.python_version(), "cloudpickle": None}
    try:
        import cloudpickle  # type: ignore[import-untyped, unused-ignore]
    except Exception:
        header.update(status="error", kind="import", message="cloudpickle is not importable")
        header["traceback"] = traceback.format_exc()
        _write(call_dir, header)
        return 3
    header["cloudpickle"] = cloudpickle.__version__
    try:
        with open(os.path.join(here, "run.json"), encoding="utf-8") as f:
            client = json.load(f)
        mine = (platform.python_version().rsplit(".", 1)[0], cloudpickle.__version__)
        theirs = (client["python"].rsplit(".", 1)[0], client["cloudpickle"])
        if mine != theirs:
            header.update(status="error", kind="version", message="version mismatch")
            _write(call_dir, header)
            return 4
        with open(os.path.join(call_dir, "in.pkl"), "rb") as f:
            calls = pickle.load(f)
    except Exception:
        header.update(status="error", kind="unpickle", message="cannot read the call")
        header["traceback"] = traceback.format_exc()
        _write(call_dir, header)
        return 5
    _redirect(call_dir)
    outcomes = [_outcome(cloudpickle, fn, args, kwargs) for fn, args, kwargs in calls]
    header["status"] = "ok"
    _write(call_dir, header, _dump(cloudpickle, outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
