"""`hpc` hardening (FOUND.md, client hardening #1-#5): bounded listings, a real overall
`--timeout`, proxies from the environment (`--no-env-proxy`), no credentials in any printed
URL, and profile files that stay valid TOML."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hpc_cli.main import app
from hpc_emulator.testing import RunningEmulator
from typer.testing import CliRunner

from tests.reliability.loopback import CountingProxy, Drip, page, script
from tests.reliability.test_deadline import ANSWER, HEAD

pytestmark = pytest.mark.timeout(90)

SECRET = "Pa55word"
VIEW = ("job", "view", "1")
runner = CliRunner()


def hpc(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--no-prompt", *args])
    return result.exit_code, result.output


# -- 4. credentials in URLs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"htps://alice:{SECRET}@head",  # not http(s)
        f"http://alice:{SECRET}@[::1",  # not a URL at all
        f"ftp://alice:{SECRET}@head/x",
        f"http://alice:{SECRET}@head.example/",  # plain http to a remote host
    ],
)
@pytest.mark.parametrize("debug", [[], ["--debug"]])
def test_no_password_in_the_error_line(url: str, debug: list[str]) -> None:
    code, output = hpc(*debug, "--url", url, "job", "view", "1")
    assert code == 2, output
    assert "error:" in output
    assert SECRET not in output


def test_no_password_in_a_connection_error() -> None:
    code, output = hpc("--url", f"http://alice:{SECRET}@127.0.0.1:9", "job", "view", "1")
    assert code == 5, output
    assert "127.0.0.1:9" in output and SECRET not in output


def test_profile_show_and_list_hide_url_credentials() -> None:
    assert hpc("profile", "set", "--url", f"https://alice:{SECRET}@head.example")[0] == 0
    for command in (["profile", "show"], ["profile", "list"], ["profile", "show", "--json"]):
        code, output = hpc(*command)
        assert code == 0 and "head.example" in output and SECRET not in output


# -- 5. profile values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--url", "http://127.0.0.1:1/\x01"],
        ["--cluster", "a\nb"],
        ["--username", "x\x7fy"],
        ["--timeout", "nan"],
        ["bad\tname", "--url", "http://127.0.0.1:1"],
    ],
)
def test_control_characters_are_refused_and_nothing_is_written(
    args: list[str], isolated_config: Path
) -> None:
    code, output = hpc("profile", "set", *args)
    assert code == 2
    assert output.count("\n") == 1 and output.startswith("error:")
    assert not isolated_config.exists()
    assert hpc("profile", "list")[0] == 0


def test_values_needing_escapes_round_trip(isolated_config: Path) -> None:
    tricky = 'C:\\certs\\"ca".pem'
    code, output = hpc("profile", "set", "é", "--ca-bundle", tricky, "--cluster", "a'b")
    assert code == 0, output
    data = tomllib.loads(isolated_config.read_text(encoding="utf-8"))
    assert data["é"] == {"ca_bundle": tricky, "cluster": "a'b"}
    code, output = hpc("-P", "é", "profile", "show", "--json")
    assert code == 0 and '"cluster": "a\'b"' in output


def test_a_broken_profile_file_is_one_line_and_profile_set_repairs_it(
    isolated_config: Path,
) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_bytes(b'[default]\nurl = "http://127.0.0.1:1/\x01"\n')
    assert hpc("--help")[0] == 0
    code, output = hpc("profile", "list")
    assert code == 2 and output.count("\n") == 1 and str(isolated_config) in output
    code, output = hpc("profile", "set", "--url", "http://127.0.0.1:2")
    assert code == 0, output
    assert f"{isolated_config}.bak" in output
    assert tomllib.loads(isolated_config.read_text())["default"]["url"] == "http://127.0.0.1:2"
    assert hpc("profile", "list")[0] == 0


def test_a_profile_file_that_is_not_utf8_is_a_usage_error(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_bytes(b'[default]\nurl = "\xff"\n')
    code, output = hpc("profile", "show")
    assert code == 2 and str(isolated_config) in output and output.count("\n") == 1


# -- 1. endless paging -------------------------------------------------------------------------


def test_job_list_on_a_server_repeating_its_page_ends_with_an_error() -> None:
    server = script(lambda n, path: page(range(1, 11)))
    with server.run() as url:
        code, output = hpc("--url", url, "job", "list")
    assert code == 1, output
    assert "no new rows" in output
    assert len(server.paths) < 20


# -- 2. the overall timeout --------------------------------------------------------------------


def test_timeout_bounds_a_dripping_answer() -> None:
    drip = Drip(ANSWER, interval=0.05, burst=HEAD)
    with drip.run() as url:
        proc = subprocess.run(
            [sys.executable, "-m", "hpc_cli", "--url", url, "--timeout", "1", "--no-prompt", *VIEW],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 5, proc.stderr
    assert "timed out" in proc.stderr
    assert drip.sent < len(ANSWER)


# -- 3. proxies --------------------------------------------------------------------------------


def test_the_environment_proxy_is_used_unless_no_env_proxy(
    hpc_emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.upper(), raising=False)
    proxy = CountingProxy()
    with proxy.run() as proxy_url:
        monkeypatch.setenv("HTTP_PROXY", proxy_url)
        code, output = hpc("--url", hpc_emulator.url, "job", "list")
        assert code == 0, output
        through = len(proxy.forwarded)
        code, output = hpc("--no-env-proxy", "--url", hpc_emulator.url, "job", "list")
        assert code == 0, output
    assert through >= 1
    assert len(proxy.forwarded) == through
