"""Installs like a library: what a user without an extra sees, checked in fresh interpreters.

The dev venv has every extra installed, so a missing one is simulated by a meta-path finder
that refuses those top-level modules (an `import` and `find_spec` both raise, as for a module
that is not installed). `.ci/check-dist` does the same for real in a fresh venv.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
CLI = ("typer", "rich")
EMULATOR = ("starlette", "uvicorn", "pydantic")

BLOCK = """
import os, sys
class _NotInstalled:
    names = set(os.environ["BLOCKED"].split(","))
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, _NotInstalled())
"""


def run_without(
    blocked: tuple[str, ...], code: str, cwd: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "BLOCKED": ",".join(blocked), **env},
    )


def entry(script: str) -> str:
    module, _, attr = PYPROJECT["project"]["scripts"][script].partition(":")
    return f"import importlib, sys\nsys.argv = [{script!r}, '--help']\n" + (
        f"importlib.import_module({module!r}).{attr}()"
    )


def run_module(module: str) -> str:
    return f"import runpy, sys\nsys.argv = [{module!r}, '--help']\n" + (
        f"runpy.run_module({module!r}, run_name='__main__', alter_sys=True)"
    )


@pytest.mark.parametrize(
    ("code", "blocked", "extra"),
    [
        (entry("hpc"), CLI, "cli"),
        (entry("hpc"), ("rich",), "cli"),
        (run_module("hpc_cli"), CLI, "cli"),
        (entry("hpc-emulator"), EMULATOR, "emulator"),
        (entry("hpc-emulator"), ("uvicorn",), "emulator"),
        (run_module("hpc_emulator"), EMULATOR, "emulator"),
    ],
    ids=["hpc", "hpc-no-rich", "python-m-hpc_cli", "hpc-emulator", "no-uvicorn", "python-m-emu"],
)
def test_a_command_without_its_extra_says_which_to_install(
    code: str, blocked: tuple[str, ...], extra: str
) -> None:
    done = run_without(blocked, code)
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    [line] = done.stderr.splitlines()  # one line, no traceback
    assert f"pip install 'hpcpack[{extra}]'" in line
    assert f"missing: {', '.join(blocked)}" in line


def test_the_pytest_plugin_leaves_a_client_only_run_alone(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n", "utf-8")
    (tmp_path / "test_user.py").write_text(
        "import hpcpack\n\n"
        "def test_client_only():\n    assert hpcpack.HpcClient\n\n"
        "def test_uses_the_fixture(hpc_emulator):\n    pass\n",
        "utf-8",
    )
    code = (
        "import sys, pytest\n"
        "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '-p', 'hpc_emulator.pytest_plugin',"
        " 'test_user.py']))"
    )
    done = run_without(EMULATOR, code, cwd=tmp_path, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "1 passed, 1 error" in out
    assert "fixture 'hpc_emulator' needs the emulator extra: pip install 'hpcpack[emulator]'" in out
    assert "Traceback" not in out


def test_import_hpcpack_loads_no_extra() -> None:
    heavy = {*CLI, *EMULATOR, "click", "pygments"}
    code = (
        "import sys\nfrom hpcpack import HpcClient\n"
        f"print(','.join(sorted({{m.partition('.')[0] for m in sys.modules}} & {heavy!r})))"
    )
    done = run_without((), code, BLOCKED="")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""  # httpx's own CLI (click, Rich) is not loaded either


def test_httpx_command_line_still_works_after_hpcpack() -> None:
    code = (
        "import hpcpack, httpx\n"
        "try:\n    httpx.main(['--help'])\nexcept SystemExit as exc:\n    print('exit', exc.code)"
    )
    done = run_without((), code, BLOCKED="")
    assert done.returncode == 0, done.stderr
    assert "HTTPX" in done.stdout and done.stdout.rstrip().endswith("exit 0")


def test_one_version() -> None:
    import hpcpack

    assert "version" in PYPROJECT["project"]["dynamic"]
    assert "version" not in PYPROJECT["project"]
    attr = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "hpcpack.__version__"
    done = subprocess.run(
        [sys.executable, "-m", "hpc_cli", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == f"hpc {hpcpack.__version__}"
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert f"## [{hpcpack.__version__}]" in changelog


def test_extras_split_the_dependencies() -> None:
    project = PYPROJECT["project"]
    names = {d.split(">")[0].split("=")[0].split("<")[0].strip() for d in project["dependencies"]}
    assert names == {"httpx", "attrs", "python-dateutil", "defusedxml", "sniffio"}
    extras = project["optional-dependencies"]
    assert {d.split(">")[0] for d in extras["cli"]} == set(CLI)
    assert {d.split(">")[0] for d in extras["emulator"]} == set(EMULATOR)
    assert "uvicorn>=0.54,<0.55" in extras["emulator"]
    assert extras["all"] == ["hpcpack[cli,emulator,ntlm,tls,futures]"]
    assert extras["futures"] == ["cloudpickle>=3"]
    assert "hpcpack[all]" in extras["dev"]
