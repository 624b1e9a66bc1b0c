"""CLI behaviour that needs no server: settings precedence, profiles, option parsing, usage."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from hpc_cli.config import ConfigError, check_url, config_path, load_profiles, resolve
from hpc_cli.main import app
from hpc_cli.specs import parse_range, parse_sweep, parse_task_id, resource_props
from typer.testing import CliRunner

runner = CliRunner()


def test_config_path_honours_xdg(isolated_config: Path) -> None:
    assert config_path() == isolated_config


def test_precedence_flags_over_env_over_profile() -> None:
    result = runner.invoke(
        app, ["profile", "set", "lab", "--url", "https://profile", "--username", "p\\user"]
    )
    assert result.exit_code == 0, result.output
    env = {"HPC_URL": "https://env", "HPC_CLUSTER": "envcluster"}
    s = resolve({"url": None}, "lab", environ=env)
    assert (s.url, s.cluster, s.username) == ("https://env", "envcluster", "p\\user")
    s = resolve({"url": "https://flag"}, "lab", environ=env)
    assert s.url == "https://flag"
    s = resolve({}, None, environ={"HPC_PROFILE": "lab"})
    assert s.url == "https://profile"


def test_unknown_profile_is_usage_error() -> None:
    with pytest.raises(ConfigError):
        resolve({}, "nope", environ={})
    result = runner.invoke(app, ["--profile", "nope", "job", "list"])
    assert result.exit_code == 2
    assert "error: no profile named 'nope'" in result.stderr


def test_profile_file_mode_and_password_never_shown(isolated_config: Path) -> None:
    result = runner.invoke(
        app,
        ["profile", "set", "lab", "--url", "http://127.0.0.1:1", "-u", "HPC\\alice",
         "--save-password", "--yes"],
        input="s3cret\ns3cret\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(isolated_config.stat().st_mode) == 0o600
    assert load_profiles()["lab"]["password"] == "s3cret"
    shown = runner.invoke(app, ["--profile", "lab", "profile", "show", "--json"])
    assert shown.exit_code == 0
    data = json.loads(shown.stdout)
    assert data["password"] == "(set)" and data["url"] == "http://127.0.0.1:1"
    assert "s3cret" not in shown.output
    listed = runner.invoke(app, ["profile", "list", "--json"])
    assert json.loads(listed.stdout) == [
        {"Name": "lab", "Url": "http://127.0.0.1:1", "Username": "HPC\\alice"}
    ]


def test_password_not_stored_without_confirmation() -> None:
    result = runner.invoke(
        app,
        ["profile", "set", "x", "--url", "https://h", "-u", "bob", "--save-password"],
        input="pw\npw\nn\n",
    )
    assert result.exit_code == 0, result.output
    assert "password" not in load_profiles()["x"]


def test_plain_http_only_to_loopback() -> None:
    assert check_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080"
    assert check_url("http://localhost:8080")
    assert check_url("https://head.example")
    with pytest.raises(ConfigError):
        check_url("http://head.example")
    result = runner.invoke(app, ["--url", "http://head.example", "job", "list"])
    assert result.exit_code == 2
    assert "refusing plain http" in result.stderr


def test_no_url_is_usage_error() -> None:
    result = runner.invoke(app, ["job", "list"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no head node URL")


def test_usage_errors_exit_2() -> None:
    assert runner.invoke(app, ["job", "bogus"]).exit_code == 2
    assert runner.invoke(app, ["job", "view", "notanint"]).exit_code == 2
    result = runner.invoke(app, ["--url", "http://127.0.0.1:9", "task", "view", "12"])
    assert result.exit_code == 2
    assert "JOB.TASK" in result.stderr


def test_help_lists_hpc_pack_verbs() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line}
    nouns = {"job", "task", "node", "nodegroup", "cluster", "session", "template", "profile"}
    assert listed == nouns
    expected = {
        "job": {
            "new",
            "add",
            "submit",
            "view",
            "list",
            "cancel",
            "requeue",
            "modify",
            "wait",
            "finish",  # /hpc
        },
        "task": {"view", "list", "cancel", "requeue", "finish"},
        "node": {"view", "list", "online", "offline", "reboot"},
        "nodegroup": {"view", "list", "create", "add", "remove", "delete"},
        "cluster": {"info", "metrics"},
        "template": {"list"},
        "session": {"create", "attach", "close", "send", "status"},
    }
    for noun, verbs in expected.items():
        result = runner.invoke(app, [noun, "--help"])
        assert result.exit_code == 0
        commands = result.stdout.split("Commands:")[1].splitlines()
        assert {line.split()[0] for line in commands if line.strip()} == verbs, noun


def test_option_parsers() -> None:
    assert parse_range("4", "x") == (4, 4)
    assert parse_range("2-8", "x") == (2, 8)
    assert parse_range("2-*", "x") == (2, None)
    with pytest.raises(ConfigError):
        parse_range("8-2", "x")
    sweep = parse_sweep("1-100:5")
    assert (sweep.start, sweep.end, sweep.step, sweep.count) == (1, 100, 5, 20)
    with pytest.raises(ConfigError):
        parse_sweep("10-1")
    assert parse_task_id("5.2") == (5, 2, None)
    assert parse_task_id("5.2.7") == (5, 2, 7)
    assert resource_props("4", None, None)["MaxCores"] == 4
    assert resource_props(None, None, "1-2")["UnitType"] == "Node"
    with pytest.raises(ConfigError):
        resource_props("1", None, "1")


@pytest.mark.parametrize(
    ("option", "message"),
    [("--format=yaml", "format must be xml or json"), ("--auth=kerberos", "auth must be one of")],
)
def test_profile_and_flags_refuse_the_same_bad_choices(option: str, message: str) -> None:
    """A bad value is refused when saved in a profile and when given for one run alike."""
    saved = runner.invoke(app, ["profile", "set", "bad", "--url", "https://h", option])
    assert saved.exit_code == 2 and message in saved.stderr
    assert "bad" not in load_profiles()
    used = runner.invoke(app, ["--url", "https://h", option, "job", "view", "1"])
    assert used.exit_code == 2 and message in used.stderr
