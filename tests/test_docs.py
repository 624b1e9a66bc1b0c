"""The getting-started tutorial runs as written against the emulator and prints what it shows.

Its Python blocks run in order in one interpreter (like a reader at a prompt); a ```text block
right after a Python block is that block's output, compared line by line.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hpc_emulator.testing import run_emulator

TUTORIAL = Path(__file__).resolve().parents[1] / "docs" / "getting-started.md"
URL = '"http://127.0.0.1:8080"'
BLOCK = re.compile(r"```python\n(.*?)```\n(?:\n```text\n(.*?)```\n)?", re.S)
MARK = "\x1eblock"


def blocks() -> list[tuple[str, str | None]]:
    found = [(code, out or None) for code, out in BLOCK.findall(TUTORIAL.read_text("utf-8"))]
    assert len(found) >= 4, "the tutorial lost its Python blocks"
    return found


def test_every_block_shows_its_output() -> None:
    assert all(out is not None for _, out in blocks())


def test_the_tutorial_runs_against_the_emulator(tmp_path: Path) -> None:
    found = blocks()
    script = "".join(f"print({MARK!r})\n{code}" for code, _ in found)
    assert URL in script
    with run_emulator() as emu:
        (tmp_path / "tutorial.py").write_text(script.replace(URL, repr(emu.url)), "utf-8")
        done = subprocess.run(
            [sys.executable, "tutorial.py"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
    assert done.returncode == 0, done.stderr
    printed = done.stdout.split(MARK + "\n")[1:]
    assert len(printed) == len(found)
    for (code, shown), got in zip(found, printed, strict=True):
        assert got.splitlines() == (shown or "").splitlines(), code


def test_the_cli_reference_is_generated_from_every_command() -> None:
    import importlib.util

    import click
    import typer.core
    import typer.main
    from hpc_cli.main import app

    hook_file = TUTORIAL.parent / "hooks" / "generated.py"
    spec = importlib.util.spec_from_file_location("docs_hooks_generated", hook_file)
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    page = hook.cli_reference()

    def paths(command: click.Command, prefix: str) -> list[str]:
        found = [prefix]
        if isinstance(command, typer.core.TyperGroup):
            for name, sub in command.commands.items():
                found += paths(sub, f"{prefix} {name}")
        return found

    every = paths(typer.main.get_command(app), "hpc")
    assert len(every) > 30
    headings = {line.split("`")[1] for line in page.splitlines() if line.startswith("#")}
    assert headings == set(every)
    assert "* `-h, --help`" in page  # the app's own context settings, not click's defaults
