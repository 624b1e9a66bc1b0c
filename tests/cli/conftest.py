"""Shared helpers for CLI tests: an isolated config dir and `invoke(url, *args)`."""

from __future__ import annotations

import json
import os
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
