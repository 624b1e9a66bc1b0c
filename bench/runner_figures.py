"""Task-runner figures: tasks per second, and how long another client waits during an attack.

`python bench/runner_figures.py` (with the emulator importable). Not part of `make bench`:
the numbers compare runner versions (point PYTHONPATH at another tree's `emulator/`).
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path
from xml.sax.saxutils import escape

import httpx
from hpc_emulator.testing import run_emulator

COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
XML = {"Content-Type": "application/xml; charset=utf-8"}
V = {"api-version": "2012-11-01.4.0"}


def _props(**props: object) -> str:
    body = "".join(
        f"<Property><Name>{k}</Name><Value>{escape(str(v))}</Value></Property>"
        for k, v in props.items()
    )
    return f'<ArrayOfProperty xmlns="{COMMON}">{body}</ArrayOfProperty>'


def _post(c: httpx.Client, path: str, **props: object) -> str:
    r = c.post(path, content=_props(**props), headers=XML)
    r.raise_for_status()
    return r.text


def _id(text: str) -> int:
    return int(text.split(">")[1].split("<")[0])


def _wait(c: httpx.Client, job: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while (
        "<Value>Finished</Value>" not in c.get(f"/Job/{job}", params={"Properties": "State"}).text
    ):
        if time.monotonic() > deadline:
            raise TimeoutError(f"job {job} did not finish")
        time.sleep(0.02)


def tasks_per_second(n: int = 200) -> float:
    with run_emulator() as emu, httpx.Client(base_url=emu.base_url, timeout=30) as c:
        job = _id(_post(c, "/Jobs", Name="tp"))
        for _ in range(n):
            _post(c, f"/Job/{job}/Tasks", CommandLine="true")
        start = time.monotonic()
        _post(c, f"/Job/{job}/Submit")
        _wait(c, job, 300)
        return n / (time.monotonic() - start)


def worst_version_wait_during_fifo_stdin(calls: int = 20, timeout: float = 3.0) -> float:
    """Seconds of the slowest Get Version while a task's StdInFilePath is a writer-less FIFO
    (inf: a call timed out, the emulator was frozen)."""
    tmp = Path(tempfile.mkdtemp(prefix="runner-fig-"))
    fifo = tmp / "pipe"
    os.mkfifo(fifo)
    worst = 0.0
    with run_emulator(data_dir=tmp / "data") as emu:
        try:
            with httpx.Client(base_url=emu.base_url, timeout=30) as c:
                job = _id(_post(c, "/Jobs", Name="fifo"))
                _post(c, f"/Job/{job}/Tasks", CommandLine="cat", StdInFilePath=str(fifo))
                _post(c, f"/Job/{job}/Submit")
            with httpx.Client(base_url=emu.base_url, timeout=timeout) as other:
                for _ in range(calls):
                    start = time.monotonic()
                    try:
                        other.get("/Version", headers=V)
                    except httpx.TimeoutException:
                        return float("inf")
                    worst = max(worst, time.monotonic() - start)
        finally:  # a frozen emulator goes on once the FIFO has a writer
            threading.Thread(
                target=lambda: os.close(os.open(fifo, os.O_WRONLY)), daemon=True
            ).start()
    return worst


if __name__ == "__main__":
    print(f"tasks/s (200 x `true`, 16 cores): {tasks_per_second():.1f}")
    print(
        f"worst Get Version during a FIFO-stdin task: {worst_version_wait_during_fifo_stdin():.3f} s"
    )
