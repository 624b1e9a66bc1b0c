"""Connection settings reaching the wire: TLS trust (HPC_CA_BUNDLE, --insecure), api-version,
the URL from the environment or a profile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hpc_cli.main import app
from hpc_emulator.testing import RunningEmulator, run_emulator
from typer.testing import CliRunner

from .conftest import as_json, make_invoke


@pytest.fixture(scope="module")
def tls_emulator() -> Iterator[RunningEmulator]:
    with run_emulator(tls=True) as emu:
        yield emu


def test_untrusted_certificate_exit_5(tls_emulator: RunningEmulator) -> None:
    result = make_invoke(str(tls_emulator.url))("job", "list")
    assert result.exit_code == 5, result.output
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert "TLS" in result.stderr and "--ca-bundle" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_ca_bundle_from_env(tls_emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch) -> None:
    assert tls_emulator.cert_file is not None
    monkeypatch.setenv("HPC_CA_BUNDLE", str(tls_emulator.cert_file))
    info = as_json(make_invoke(str(tls_emulator.url))("--json", "cluster", "info"))
    assert info["Url"].startswith("https://127.0.0.1:")


def test_insecure_warns_and_connects(tls_emulator: RunningEmulator) -> None:
    result = make_invoke(str(tls_emulator.url), "--insecure")("job", "list")
    assert result.exit_code == 0, result.output
    assert "warning: TLS certificate verification is disabled" in result.stderr


def test_missing_ca_bundle_is_usage_error(emulator_url: str, tmp_path: Path) -> None:
    result = make_invoke(emulator_url, "--ca-bundle", str(tmp_path / "none.pem"))("job", "list")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: CA bundle not found")


def test_api_version_from_env(emulator_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HPC_API_VERSION", "2011-11-01")
    assert make_invoke(emulator_url)("job", "list").exit_code == 0
    monkeypatch.setenv("HPC_API_VERSION", "1999-01-01")
    refused = make_invoke(emulator_url)("job", "list")
    assert refused.exit_code == 1
    assert "1999-01-01" in refused.stderr and "(HTTP 400)" in refused.stderr
    flag_wins = make_invoke(emulator_url, "--api-version", "2012-11-01.4.0")("job", "list")
    assert flag_wins.exit_code == 0, flag_wins.output


def test_url_from_env_and_from_profile(emulator_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["--no-prompt", "cluster", "info"]).exit_code == 2
    monkeypatch.setenv("HPC_URL", emulator_url)
    assert runner.invoke(app, ["--no-prompt", "cluster", "info"]).exit_code == 0
    monkeypatch.delenv("HPC_URL")
    saved = runner.invoke(app, ["profile", "set", "emu", "--url", emulator_url])
    assert saved.exit_code == 0, saved.output
    result = runner.invoke(app, ["--profile", "emu", "--json", "cluster", "info"])
    assert result.exit_code == 0, result.output
    assert as_json(result)["Url"] == f"{emulator_url}/WindowsHpc"


def test_cluster_segment_from_env(emulator_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HPC_CLUSTER", "EMULATED")
    info = as_json(make_invoke(emulator_url)("--json", "cluster", "info"))
    assert info["Url"] == f"{emulator_url}/WindowsHpc/EMULATED"
    assert make_invoke(emulator_url)("job", "list").exit_code == 0
    monkeypatch.setenv("HPC_CLUSTER", "OTHER")
    wrong = make_invoke(emulator_url)("job", "list")
    assert wrong.exit_code == 3 and "OTHER" in wrong.stderr


def test_auth_method_setting(emulator_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HPC_AUTH", "kerberos")
    refused = make_invoke(emulator_url)("job", "list")
    assert refused.exit_code == 2 and "auth must be one of basic, ntlm, negotiate" in refused.stderr
    ntlm = make_invoke(emulator_url, "--auth", "ntlm")("--json", "job", "list")  # flag wins
    assert ntlm.exit_code == 0, ntlm.output
    shown = CliRunner().invoke(app, ["--auth", "negotiate", "profile", "show", "--json"])
    assert as_json(shown)["auth"] == "negotiate"
