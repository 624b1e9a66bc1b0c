"""The README's Python example runs as written against the emulator and prints what it claims."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hpc_emulator.testing import run_emulator

README = Path(__file__).resolve().parents[1] / "README.md"


def python_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks, "README has no python example"
    return str(blocks[0])


def test_readme_example_is_short() -> None:
    assert len(python_example().strip().splitlines()) <= 16


def test_readme_example_runs_against_the_emulator(tmp_path: Path) -> None:
    code = python_example()
    assert '"http://127.0.0.1:8080"' in code
    with run_emulator(users={"HPC\\alice": "secret"}) as emu:
        script = tmp_path / "example.py"
        script.write_text(code.replace('"http://127.0.0.1:8080"', repr(emu.url)), "utf-8")
        done = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, timeout=90
        )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Finished sum of squares: 385" in lines
    assert lines[-3:] == ["0 hello 0", "1 hello 1", "2 hello 2"]
