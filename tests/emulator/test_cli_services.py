"""`hpc-emulator --service NAME=module:callable [--service-path DIR]`: a real process on loopback
serving a user's module, and the usage errors (exit 2) when the import cannot work."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
from hpc_emulator.__main__ import main
from hpc_emulator.testing import start_emulator_process
from hpcpack import HpcClient, NotFound

from .test_cli import emulator

pytestmark = pytest.mark.timeout(60)

SERVICE_MODULE = """
import xml.etree.ElementTree as ET

from hpc_emulator.soa import ServiceSpec


def square(operation, body):
    x = int(ET.fromstring(body).findtext("{http://tempuri.org/}x"))
    return str(x * x)


class Ops:
    @staticmethod
    def negate(operation, body):
        return str(-int(ET.fromstring(body).findtext("{http://tempuri.org/}x")))


SHOUT = ServiceSpec(lambda op, text: text.upper() + "!", version=(3, 0), generic=True)
NOT_CALLABLE = 42
"""


def write_module(directory: Path, source: str = SERVICE_MODULE) -> str:
    """A module with a fresh name (in-process tests share one `sys.modules`)."""
    name = f"user_services_{uuid.uuid4().hex[:8]}"
    (directory / f"{name}.py").write_text(textwrap.dedent(source))
    return name


def squares(url: str, service: str, xs: list[int], operation: str = "Square") -> list[str]:
    with HpcClient(url) as hpc, hpc.sessions.create(service) as session:
        replies = list(session.call_many(operation, [{"x": x} for x in xs]))
    assert not any(r.fault for r in replies)
    return [str(r) for r in sorted(replies, key=lambda r: int(r.user_data or ""))]


def test_service_from_pythonpath(tmp_path: Path) -> None:
    module = write_module(tmp_path)
    path = os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    args = ["--service", f"Squares={module}:square", "--service", f"Neg={module}:Ops.negate"]
    with emulator(*args, env=env) as (url, _):
        assert squares(url, "Squares", [3, 4, 11]) == ["9", "16", "121"]
        assert squares(url, "Neg", [5], operation="Negate") == ["-5"]
        with HpcClient(url) as hpc, hpc.sessions.create("EchoService") as session:
            assert [str(r) for r in session.call_many("Echo", [{"message": "m"}])] == ["m"]
        with HpcClient(url) as hpc, pytest.raises(NotFound):
            hpc.sessions.create("Cubes")


def test_service_path_and_a_service_spec(tmp_path: Path) -> None:
    module = write_module(tmp_path)
    process = start_emulator_process(
        data_dir=tmp_path / "state",
        services={"Shout": f"{module}:SHOUT", "Squares": f"{module}:square"},
        service_paths=[tmp_path],
    )
    try:
        with HpcClient(process.url) as hpc, hpc.sessions.create("Shout", generic=True) as s:
            assert sorted(str(r) for r in s.call_many("x", ["a", "b"])) == ["A!", "B!"]
        assert squares(process.url, "Squares", [6]) == ["36"]
    finally:
        process.terminate()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("Squares", "expects NAME=package.module:callable"),
        ("=mod:f", "expects NAME=package.module:callable"),
        ("Squares=nomodule", "expects NAME=package.module:callable"),
        ("Squares=no_such_module_here:f", "cannot import no_such_module_here: ModuleNotFoundError"),
        ("Squares={module}:missing", "has no attribute 'missing'"),
        ("Squares={module}:NOT_CALLABLE", "is not callable"),
        ("Squares={broken}:f", "cannot import {broken}: ZeroDivisionError"),
    ],
)
def test_import_failures_are_usage_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    target: str,
    message: str,
) -> None:
    monkeypatch.setattr(sys, "path", list(sys.path))  # --service-path edits sys.path
    module = write_module(tmp_path)
    broken = write_module(tmp_path, "def f(op, body):\n    return body\n\n1 / 0\n")
    names = {"module": module, "broken": broken}
    with pytest.raises(SystemExit) as exit_:
        main(["--service-path", str(tmp_path), "--service", target.format(**names)])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: hpc-emulator")
    assert message.format(**names) in err


def test_missing_service_path_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--service-path", str(tmp_path / "nowhere"), "--service", "A=m:f"])
    assert exit_.value.code == 2
    assert "no such directory" in capsys.readouterr().err


def test_import_failure_exits_2_from_the_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hpc_emulator", "--service", "Squares=no_such_mod_x:square"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "cannot import no_such_mod_x" in result.stderr
    assert "listening" not in result.stdout
