"""Shared helpers for CLI tests: an isolated config dir and `invoke(url, *args)`."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from hpc_cli.main import app
from typer.testing import CliRunner

Invoke = Callable[..., Result]


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config dir and none of the caller's HPC_* variables."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    # if `keyring` is installed, its "fail" backend keeps the user's real keyring untouched
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for var in list(os.environ):
        if var.startswith("HPC_"):
            monkeypatch.delenv(var)
    return tmp_path / "xdg" / "hpcpack" / "config.toml"


def make_invoke(url: str, *extra: str) -> Invoke:
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, ["--url", url, "--no-prompt", *extra, *args], input=input)

    return invoke


@pytest.fixture
def emulator_url(hpc_emulator: Any) -> str:
    return str(hpc_emulator.url)


@pytest.fixture
def hpc(emulator_url: str) -> Invoke:
    """`hpc(*args)` runs the CLI in-process against the session emulator."""
    return make_invoke(emulator_url)


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}"
    return json.loads(result.stdout)


def _read(fd: int, until: bytes | None, deadline: float) -> bytes:
    """Terminal output up to `until` (or to the child's exit: EOF/EIO), never past `deadline`."""
    seen = b""
    while time.monotonic() < deadline and (until is None or until not in seen):
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    return seen


def on_terminal(
    args: list[str], answer: tuple[bytes, bytes] | None = None, timeout: float = 60
) -> tuple[int, bytes]:
    """Run `hpc ARGS` on a real pseudo-terminal; type `answer[1]` once `answer[0]` shows.

    Returns the exit code and everything the terminal displayed (stdout and stderr).
    """
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HPC_")}
    env["COLUMNS"] = "120"
    proc = subprocess.Popen(
        [sys.executable, "-m", "hpc_cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    deadline = time.monotonic() + timeout
    screen = b""
    try:
        if answer is not None:
            screen = _read(leader, answer[0], deadline)
            os.write(leader, answer[1])
        screen += _read(leader, None, deadline)
        return proc.wait(10), screen
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)
