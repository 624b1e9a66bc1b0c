"""Start-up: `hpc --help` and usage errors do not import the client library or Rich.

`hpcpack` (with httpx and the generated client) was most of every run's start-up time; it is
imported by the first command that talks to a head node. Checked in a fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from hpc_cli.main import app
try:
    app(sys.argv[1:], prog_name="hpc")
except SystemExit as exc:
    code = exc.code
loaded = [m for m, module in sys.modules.items() if module is not None]  # None: blocked import
heavy = sorted({m.split(".")[0] for m in loaded} & {"hpcpack", "hpc_client", "httpx", "rich"})
print(code, ",".join(heavy) or "-", file=sys.stderr)
"""


def _loaded(*args: str) -> tuple[str, str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60
    )
    code, heavy = proc.stderr.strip().splitlines()[-1].split()
    return code, heavy


def test_help_and_usage_errors_stay_light() -> None:
    assert _loaded("--help") == ("0", "-")
    assert _loaded("job", "list", "--help") == ("0", "-")
    assert _loaded("task", "view", "not-an-id") == ("2", "-")


def test_a_command_that_connects_loads_the_library() -> None:
    # nothing listens on port 9: exit 5, after the client library was loaded to connect
    code, heavy = _loaded("--url", "http://127.0.0.1:9", "--no-prompt", "job", "view", "1")
    assert code == "5" and "hpcpack" in heavy.split(",")


SOA_PROBE = PROBE.replace(
    '{m.split(".")[0] for m in loaded}',
    "set(loaded)",
).replace('{"hpcpack", "hpc_client", "httpx", "rich"}', '{"hpcpack.soa", "hpcpack.client"}')


def test_job_commands_do_not_import_the_soa_module() -> None:
    args = ["--url", "http://127.0.0.1:9", "--no-prompt", "job", "view", "1"]
    proc = subprocess.run(
        [sys.executable, "-c", SOA_PROBE, *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    code, loaded = proc.stderr.strip().splitlines()[-1].split()
    assert (code, loaded) == ("5", "hpcpack.client")


def test_a_job_command_skips_httpx_cli_and_other_groups() -> None:
    """`hpc job view` builds the job group only and never imports httpx's own CLI module."""
    probe = SOA_PROBE.replace('{"hpcpack.soa", "hpcpack.client"}', "HEAVY")
    probe = (
        'HEAVY = {"httpx._main", "click", "hpc_cli.commands.sessions", "hpcpack.client"}\n' + probe
    )
    args = ["--url", "http://127.0.0.1:9", "--no-prompt", "job", "view", "1"]
    proc = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=60
    )
    assert proc.stderr.strip().splitlines()[-1].split() == ["5", "hpcpack.client"]
