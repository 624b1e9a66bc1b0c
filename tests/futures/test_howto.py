"""The how-to's example runs as written against the emulator (paths and URL substituted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hpc_emulator.testing import RunningEmulator

HOWTO = Path(__file__).resolve().parents[2] / "docs" / "how-to" / "executor.md"


@pytest.mark.timeout(120)
def test_the_howto_example_runs(hpc_emulator: RunningEmulator, share: Path, tmp_path: Path) -> None:
    code = re.findall(r"```python\n(.*?)```", HOWTO.read_text("utf-8"), re.S)[0]
    for old, new in [
        ('"https://head"', repr(hpc_emulator.url)),
        ('password="..."', 'password="...", allow_insecure_basic=True'),
        ('"/mnt/hpcshare"', repr(str(share))),
        ('r"\\\\head\\share"', repr(str(share))),
        ('r"C:\\Python311\\python.exe"', repr(sys.executable)),
    ]:
        assert old in code, old
        code = code.replace(old, new)
    code += "\nprint(len(results), len(set(results)), sum(squares))\n"
    script = tmp_path / "example.py"
    script.write_text(code, "utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=100
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["100", "100", str(sum(i * i for i in range(1000)))]
