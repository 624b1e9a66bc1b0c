"""`make demo` end to end: the module really starts an emulator, runs the scenario, stops it."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hpc_cli.demo import REQUESTS, Report, check_replies
from hpc_cli.demo_lib import check_sweep
from hpcpack import HpcClient, Job, Task, TaskType


@pytest.mark.slow
@pytest.mark.timeout(150)
def test_demo_runs_end_to_end() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hpc_cli.demo"],
        capture_output=True,
        text=True,
        timeout=140,
        check=False,
    )
    out = done.stdout
    failed = "\n".join(line for line in out.splitlines() if "FAIL" in line)
    assert done.returncode == 0, failed + "\n---\n" + out[-3000:] + done.stderr[-2000:]
    assert "checks passed: OK" in out
    assert "FAIL" not in out
    assert "$ hpc job submit --id 1 --wait" in out
    assert "100/100 done" in out and "finished=100" in out  # progress degraded to plain lines
    assert "sum of outputs: 338350" in out
    assert "1000/1000 CLI replies" in out and "1000/1000 library replies" in out
    assert "emulator stopped (exit 0)" in out


def test_demo_checks_catch_wrong_results(hpc_emulator: Any) -> None:
    """The demo's checks really compare: wrong sweep outputs or echo replies fail the run."""
    url = str(hpc_emulator.url)
    with HpcClient(url) as hpc:
        job_id = hpc.jobs.create(Job(name="not-squares"))
        sweep = Task(
            command_line="echo *", type_=TaskType.PARAMETRICSWEEP, start_value=1, end_value=3
        )
        hpc.jobs.add_task(job_id, sweep)
        hpc.jobs.submit(job_id)
        hpc.jobs.wait(job_id, timeout=60, poll_interval=0.2)
    report = Report()
    check_sweep(url, job_id, 3, 1 + 4 + 9, report)
    failed = {name for name, ok, _ in report.checks if not ok}
    assert failed == {"every output is its square", "sum of squares"}
    rows = [{"N": i, "Request": f"m{i}", "Reply": f"m{i}"} for i in range(1, REQUESTS + 1)]
    right = Report()
    check_replies(json.dumps(rows), right)
    assert right.ok
    rows[500]["Reply"] = "something else"
    wrong = Report()
    check_replies(json.dumps(rows), wrong)
    assert not wrong.ok
