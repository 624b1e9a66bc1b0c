"""`hpc job view` without typer (`hpc_cli.fastpath`): what it imports, that it reads the
command line as typer does, and that it prints and exits as the typer command does.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hpc_cli import fastpath
from hpc_cli.commands import jobs
from hpc_cli.context import State, state_of
from hpc_cli.main import app
from hpc_cli.output import _RICH_ENV
from typer.testing import CliRunner

from .conftest import Invoke

PROBE = """
import importlib.util, runpy, sys
sys.argv = ["hpc", *sys.argv[1:]]
try:
    runpy.run_module("hpc_cli", run_name="__main__")
except SystemExit as exc:
    code = exc.code
loaded = {m for m, mod in sys.modules.items() if mod is not None}
sub = sys.modules.get("subprocess")
if sub is not None and type(sub).__name__ == "_LazyModule":  # imported, never executed
    loaded.discard("subprocess")
print(code, " ".join(sorted(loaded)), file=sys.stderr)
"""

#: what `job view` never needs: the CLI framework, Rich, asyncio, SOA, the task models
NOT_NEEDED = {
    "typer",
    "click",
    "rich",
    "asyncio",
    "subprocess",
    "hpcpack.soa",
    "hpc_client.models.task",
    "httpx._main",
}


def _run(*args: str) -> tuple[int, set[str]]:
    # without the variables that make even captured output go through Rich (output.py)
    env = {k: v for k, v in os.environ.items() if k not in _RICH_ENV}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60, env=env
    )
    code, _, loaded = proc.stderr.strip().splitlines()[-1].partition(" ")
    return int(code), set(loaded.split())


def test_job_view_imports_no_cli_framework_rich_asyncio_soa_or_task_models(
    emulator_url: str, hpc: Invoke
) -> None:
    job_id = hpc("job", "new", "--name", "light").stdout.strip().split()[-1]
    code, loaded = _run("--url", emulator_url, "--no-prompt", "job", "view", job_id)
    assert code == 0
    assert "hpcpack.client" in loaded and "hpc_client.models.job" in loaded
    assert loaded & NOT_NEEDED == set()


def test_other_commands_still_go_through_typer(emulator_url: str) -> None:
    code, loaded = _run("--url", emulator_url, "--no-prompt", "job", "view", "01")
    assert code in (0, 3) and "typer" in loaded  # typer reads "01" as job 1
    code, loaded = _run("job", "view", "--help")
    assert code == 0 and "typer" in loaded


PLAIN = [
    ["job", "view", "7"],
    ["--api", "auto", "--as-user", "D\\alice", "job", "view", "7"],
    ["--url", "http://h:1", "job", "view", "7", "--json"],
    ["--url=http://h:1", "--json", "job", "view", "--json", "7"],
    ["-u", "D\\u", "--cluster", "c", "--api-version", "2012-11-01", "job", "view", "7"],
    [
        "--ca-bundle",
        "/x.pem",
        "--insecure",
        "--format",
        "json",
        "--auth",
        "ntlm",
        "job",
        "view",
        "7",
    ],
    ["--no-env-proxy", "-q", "--no-prompt", "--debug", "-P", "p1", "job", "view", "123456"],
    ["--profile=job", "--username=", "job", "view", "7"],
]

NOT_PLAIN = [
    [],
    ["--help"],
    ["job", "view", "--help"],
    ["job", "view"],
    ["job", "view", "01"],
    ["job", "view", "-1"],
    ["job", "view", "1", "2"],
    ["job", "view", "1", "--json", "--json"],
    ["job", "list"],
    ["--password", "x", "job", "view", "1"],
    ["--timeout", "5", "job", "view", "1"],
    ["--url", "--json", "job", "view", "1"],
    ["--url", "a", "--url", "b", "job", "view", "1"],
    ["-u", "a", "--username", "b", "job", "view", "1"],
    ["-uX", "job", "view", "1"],
    ["--json=1", "job", "view", "1"],
    ["--ur", "x", "job", "view", "1"],
    ["--", "job", "view", "1"],
    ["--url"],
]


def _typer_reading(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[State, int, bool]:
    """What typer hands `job view`: the root State, the job id and the command's --json."""
    seen: dict[str, Any] = {}

    @contextlib.contextmanager
    def connect(ctx: Any, json_flag: bool = False) -> Iterator[tuple[Any, Any]]:
        seen["state"], seen["json"] = state_of(ctx), json_flag

        class Out:
            def record(self, data: Any, title: str | None = None) -> None:
                pass

        yield None, Out()

    def get_job(hpc: Any, job_id: int) -> dict[str, Any]:
        seen["id"] = job_id
        return {}

    monkeypatch.setattr(jobs, "connect", connect)
    monkeypatch.setattr(jobs.lib, "get_job", get_job)
    monkeypatch.setattr(jobs, "as_props", lambda job: {})
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    return seen["state"], seen["id"], seen["json"]


@pytest.mark.parametrize("argv", PLAIN)
def test_plain_job_view_reads_as_typer_reads_it(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fastpath.parse(argv) == _typer_reading(argv, monkeypatch)


@pytest.mark.parametrize("argv", NOT_PLAIN)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert fastpath.parse(argv) is None


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_same_output_and_exit_code_as_the_typer_command(
    emulator_url: str, hpc: Invoke, extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    job_id = hpc("job", "new", "--name", "same").stdout.strip().split()[-1]
    for wanted in (job_id, "999999"):  # an existing job, and a 404 (exit 3)
        argv = ["--url", emulator_url, "--no-prompt", "job", "view", wanted, *extra]
        typer_result = CliRunner().invoke(app, argv)
        capsys.readouterr()
        code = fastpath.run(argv)
        fast = capsys.readouterr()
        assert (code, fast.out) == (typer_result.exit_code, typer_result.stdout)
        assert fast.err == typer_result.stderr
