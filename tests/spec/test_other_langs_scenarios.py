"""The TypeScript scenarios of `make other-langs`, from pytest: the WindowsHpc one (generated
client + the DataContract wire layer) and the /hpc one (client generated from hpc-rest.yaml,
no wire code). Compiled from the current sources into a temporary directory, each run against
its own emulator subprocess; skipped without `node` or `clients/typescript/node_modules`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "typescript"
TSC = CLIENT / "node_modules" / "typescript" / "bin" / "tsc"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    node = shutil.which("node")
    if node is None:
        pytest.skip("no `node` on PATH")
    if not TSC.exists():
        pytest.skip(
            "clients/typescript/node_modules missing: `npm ci` there (make other-langs does)"
        )
    out = tmp_path_factory.mktemp("ts-dist")
    build = subprocess.run(
        [node, str(TSC), "-p", str(CLIENT / "tsconfig.json"), "--outDir", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return out


@pytest.mark.parametrize(("script", "steps"), [("run.js", 11), ("rest.js", 13)])
def test_typescript_scenario_passes_every_step(compiled: Path, script: str, steps: int) -> None:
    env = {
        **os.environ,
        "PYTHON": sys.executable,  # the emulator subprocess runs on this interpreter and path
        "NODE_PATH": str(CLIENT / "node_modules"),  # the compiled copy lives outside the client
    }
    run = subprocess.run(
        [str(shutil.which("node")), str(compiled / "scenario" / script)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=CLIENT,
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert f"scenario: {steps}/{steps} steps passed" in run.stdout, report
    assert re.search(r"^wire: \d+ requests.* 0 problems$", run.stdout, re.M), report
    assert "FAIL" not in run.stdout, report
