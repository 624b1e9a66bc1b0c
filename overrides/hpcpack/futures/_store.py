"""The client's side of the share: one run folder per executor, one folder per call batch.

`<share>/hpcpack-<id>/` holds `bootstrap.py`, `run.json` (the client's versions, which the
worker checks before unpickling) and `<call>/in.pkl`; the worker writes `<call>/out.pkl`
atomically, so reading a half-written result can only mean corruption, never a race.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cloudpickle

from .errors import ResultCorrupted, ShareError

MAGIC = b"HPCPACK-RESULT-1\n"
TAIL = 2000  # characters of stdout/stderr kept with an error
_BOOTSTRAP = Path(__file__).with_name("_bootstrap.py")


def local_versions() -> dict[str, str]:
    return {"python": platform.python_version(), "cloudpickle": cloudpickle.__version__}


@dataclass
class Outcome:
    """What the worker wrote for one batch: `header` (status, versions) and the outcomes."""

    header: dict[str, Any]
    results: list[tuple[Any, ...]]


class RunDir:
    """The executor's folder in the share (created at construction, checked writable)."""

    def __init__(self, share: str | os.PathLike[str], name: str) -> None:
        root = Path(share)
        if not root.is_dir():
            raise ShareError(f"the share {str(root)!r} is not an existing directory")
        self.name = name
        self.path = root / self.name
        try:
            self.path.mkdir()
            (self.path / "bootstrap.py").write_bytes(_BOOTSTRAP.read_bytes())
            (self.path / "run.json").write_text(json.dumps(local_versions()), encoding="utf-8")
        except OSError as exc:
            raise ShareError(f"cannot write to the share {str(root)!r}: {exc}") from exc

    @staticmethod
    def new_name() -> str:
        return f"hpcpack-{uuid.uuid4().hex[:8]}"

    def write_batch(
        self, call: str, calls: Sequence[tuple[Any, tuple[Any, ...], dict[str, Any]]]
    ) -> None:
        folder = self.path / call
        folder.mkdir()
        tmp = folder / "in.pkl.tmp"
        tmp.write_bytes(cloudpickle.dumps(list(calls)))
        os.replace(tmp, folder / "in.pkl")

    def read(self, call: str) -> Outcome | None:
        """The batch's outcome, None while there is no result file; ResultCorrupted if bad."""
        try:
            data = (self.path / call / "out.pkl").read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ResultCorrupted(f"cannot read the result of {call}: {exc}") from exc
        try:
            if not data.startswith(MAGIC):
                raise ValueError("no result header")
            line, _, payload = data[len(MAGIC) :].partition(b"\n")
            header = json.loads(line)
            if not isinstance(header, dict) or header.get("size") != len(payload):
                raise ValueError("the result is truncated or padded")
            results = cloudpickle.loads(payload) if header.get("status") == "ok" else []
            if not isinstance(results, list):
                raise ValueError("the result is not a list of outcomes")
        except Exception as exc:  # any unpickling failure: a class unknown here, bad bytes
            raise ResultCorrupted(f"the result file of {call} is unreadable: {exc}") from exc
        return Outcome(header, results)

    def tail(self, call: str) -> tuple[str, str]:
        """The last TAIL characters of the batch's stdout and stderr ('' when absent)."""
        out = []
        for name in ("stdout.txt", "stderr.txt"):
            try:
                with open(self.path / call / name, "rb") as f:
                    f.seek(max(0, os.fstat(f.fileno()).st_size - 4 * TAIL))
                    out.append(f.read().decode("utf-8", "replace")[-TAIL:])
            except OSError:
                out.append("")
        return out[0], out[1]

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
