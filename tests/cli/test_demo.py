"""`make demo` end to end: the module really starts an emulator, runs the scenario, stops it."""

from __future__ import annotations

import subprocess
import sys

import pytest


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
