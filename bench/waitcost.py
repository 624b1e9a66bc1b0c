"""Rows for what waiting costs and how fast `hpc job view` starts.

* a `Jobs.wait(progress=...)` poll on a 10,000-instance sweep (emulator in its own process, 2
  instances running, the rest queued) vs the smallest poll there is, a Get Job for
  `State,Progress`: requests, body bytes and wall time per poll, best of interleaved rounds.
  The note gives the first poll (every task, once) and the poll as it was before (the whole
  task list at the default 10 rows a page), measured in the same run.
* `hpc job view 1` vs `python -c "import httpx"`, fresh interpreters, interleaved, median.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from common import Row, fmt_time
from hpc_emulator.testing import start_emulator_process
from hpcpack import HpcClient, Task, TaskType, waiting

INSTANCES = 10_000
POLLS = 9
STARTS = 21


class Counting(httpx.HTTPTransport):
    """The network transport, counting requests and response body bytes."""

    def __init__(self) -> None:
        super().__init__()
        self.requests = 0
        self.bytes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        body = response.read()
        self.requests += 1
        self.bytes += len(body)
        return response


def _measure(net: Counting, fn: Any) -> tuple[int, int, float]:
    requests, size, t0 = net.requests, net.bytes, time.perf_counter()
    fn()
    return net.requests - requests, net.bytes - size, time.perf_counter() - t0


def _old_poll(hpc: HpcClient, job_id: int) -> None:
    """The poll before: Get Job (every property) and every task, 10 rows a page."""
    hpc.jobs.get(job_id)
    sum(1 for _ in hpc.tasks.list(job_id, properties="TaskId,State"))


def wait_poll_row() -> Row:
    with tempfile.TemporaryDirectory(prefix="bench-wait-") as tmp:
        emulator = start_emulator_process(data_dir=Path(tmp), nodes=1, cores_per_node=2)
        try:
            return _wait_poll(emulator.base_url)
        finally:
            emulator.terminate()


def _wait_poll(url: str) -> Row:
    net = Counting()
    with HpcClient(url, allow_insecure_basic=True, transport=net) as hpc:
        job_id = hpc.jobs.create(name="bench sweep")
        sweep = Task(
            command_line="sleep 600",
            type_=TaskType.PARAMETRICSWEEP,
            start_value=1,
            end_value=INSTANCES,
        )
        hpc.jobs.add_task(job_id, sweep)
        hpc.jobs.submit(job_id)
        tasks = waiting.TaskStates(True)

        def poll() -> None:  # exactly what one `Jobs.wait` poll with progress sends
            hpc.jobs.get(job_id, waiting.POLL_PROPERTIES)
            hpc.jobs._changed_tasks(job_id, tasks)

        def minimal() -> None:
            hpc.jobs.get(job_id, waiting.POLL_PROPERTIES)

        first = _measure(net, poll)
        time.sleep(waiting.MARGIN.total_seconds() + 2)  # past the margin: a steady poll
        ours: list[tuple[int, int, float]] = []
        base: list[tuple[int, int, float]] = []
        for _ in range(POLLS):
            ours.append(_measure(net, poll))
            base.append(_measure(net, minimal))
        old = _measure(net, lambda: _old_poll(hpc, job_id))
        hpc.jobs.cancel(job_id)
    o_req, o_bytes, o_time = min(ours, key=lambda m: m[2])
    b_req, b_bytes, b_time = min(base, key=lambda m: m[2])
    ratio = o_time / b_time
    met = o_req <= 2 and ratio <= 3
    return Row(
        "end to end (emulator)",
        f"wait poll with progress, {INSTANCES:,}-instance sweep vs Get Job State,Progress",
        f"{o_req} req, {o_bytes:,} B, {fmt_time(o_time)}",
        f"{b_req} req, {b_bytes:,} B, {fmt_time(b_time)}",
        ratio,
        "<= 2 req, <= 3x time",
        met,
        f"time ratio; best of {POLLS} interleaved; first poll (every task once) "
        f"{first[0]} req, {first[1]:,} B, {fmt_time(first[2])}; the poll before this change "
        f"(every task, 10 a page) {old[0]} req, {old[1]:,} B, {fmt_time(old[2])}",
    )


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=tempfile.gettempdir(), env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def _compiled_env(cache: str) -> dict[str, str]:
    """Both sides with bytecode caches, as installed packages have them: without, every
    project module (not httpx's, compiled at install) is compiled from source on each start."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def job_view_row() -> Row:
    with tempfile.TemporaryDirectory(prefix="bench-view-") as tmp:
        emulator = start_emulator_process(data_dir=Path(tmp))
        try:
            with HpcClient(emulator.base_url, allow_insecure_basic=True) as hpc:
                job_id = hpc.jobs.create(name="view me")
            view = [sys.executable, "-m", "hpc_cli", "--url", emulator.base_url, "--no-prompt"]
            view += ["job", "view", str(job_id)]
            base = [sys.executable, "-c", "import httpx"]
            env = _compiled_env(str(Path(tmp) / "pycache"))
            _run(view, env), _run(base, env)  # write the bytecode caches, warm the file cache
            ours: list[tuple[float, float]] = []
            theirs: list[tuple[float, float]] = []
            for _ in range(STARTS):
                ours.append(_run(view, env))
                theirs.append(_run(base, env))
        finally:
            emulator.terminate()
    o, b = statistics.median(w for w, _ in ours), statistics.median(w for w, _ in theirs)
    o_cpu = statistics.median(c for _, c in ours)
    b_cpu = statistics.median(c for _, c in theirs)
    return Row(
        "startup",
        "hpc job view 1 vs python -c 'import httpx'",
        fmt_time(o),
        fmt_time(b),
        o / b,
        "<= 1.5x",
        o / b <= 1.5,
        f"wall time of fresh processes, median of {STARTS} interleaved each, bytecode cached; "
        f"emulator over loopback http; CPU {fmt_time(o_cpu)} vs {fmt_time(b_cpu)} "
        f"({o_cpu / b_cpu:.2f}x)",
    )


if __name__ == "__main__":  # `python bench/waitcost.py`: just these rows
    from run import table

    print(table([wait_poll_row(), job_view_row()]))
