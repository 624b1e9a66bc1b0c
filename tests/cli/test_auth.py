"""Credentials against an emulator that has users: wrong password -> exit 4, right one -> 0."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hpc_emulator.testing import run_emulator

from .conftest import as_json, make_invoke, on_terminal

CAROL_PASSWORD = "Pw-9f3k-only-typed"


@pytest.fixture(scope="module")
def secured_url() -> Iterator[str]:
    users = {"HPC\\alice": "right", "HPC\\bob": "other", "HPC\\carol": CAROL_PASSWORD}
    with run_emulator(users=users) as emu:
        yield str(emu.url)


def test_bad_password_exit_4(secured_url: str) -> None:
    secret = "Zq7-not-the-password"
    result = make_invoke(secured_url, "-u", "HPC\\alice", "-p", secret)("job", "list")
    assert result.exit_code == 4, result.output
    assert result.stderr.startswith("error: ")
    assert secret not in result.output


def test_no_credentials_exit_4(secured_url: str) -> None:
    assert make_invoke(secured_url)("job", "list").exit_code == 4


def test_good_password_from_env(secured_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HPC_USERNAME", "HPC\\alice")
    monkeypatch.setenv("HPC_PASSWORD", "right")
    result = make_invoke(secured_url)("--json", "job", "list", "--all")
    assert result.exit_code == 0, result.output


def test_other_users_job_exit_4(secured_url: str) -> None:
    alice = make_invoke(secured_url, "-u", "HPC\\alice", "-p", "right")
    job_id = as_json(alice("--json", "job", "new", "--name", "alices"))["Id"]
    bob = make_invoke(secured_url, "-u", "HPC\\bob", "-p", "other")
    result = bob("job", "cancel", str(job_id))
    assert result.exit_code == 4, result.output
    assert result.stderr.startswith("error: Access denied") and "(HTTP 403)" in result.stderr
    assert as_json(alice("--json", "job", "view", str(job_id)))["State"] == "Configuring"


def test_password_prompt_on_a_terminal_does_not_echo(secured_url: str) -> None:
    """On a TTY a username without a password is asked for, with echo off."""
    args = ["--url", secured_url, "-u", "HPC\\carol", "--json", "job", "list", "--all"]
    prompt = b"Password for HPC\\carol: "
    code, screen = on_terminal(args, answer=(prompt, CAROL_PASSWORD.encode() + b"\n"))
    assert code == 0, screen
    assert prompt in screen and CAROL_PASSWORD.encode() not in screen
    assert screen.strip().endswith(b"]")  # the JSON list of jobs


@pytest.fixture(scope="module")
def ntlm_url() -> Iterator[str]:
    users = {"HPC\\alice": "ntlm-right", "bob": "bob-right"}
    with run_emulator(users=users, auth="ntlm") as emu:
        yield str(emu.url)


@pytest.mark.parametrize(
    ("user", "password", "owner"),
    [("HPC\\alice", "ntlm-right", "HPC\\alice"), ("bob", "bob-right", "EMULATOR\\bob")],
)
def test_ntlm_handshake_from_the_command_line(
    ntlm_url: str, user: str, password: str, owner: str
) -> None:
    hpc = make_invoke(ntlm_url, "--auth", "ntlm", "-u", user, "-p", password)
    job_id = as_json(hpc("--json", "job", "new", "--name", "over ntlm"))["Id"]
    assert as_json(hpc("--json", "job", "view", str(job_id)))["Owner"] == owner
    listed = as_json(hpc("--json", "job", "list", "--all"))
    assert job_id in [j["Id"] for j in listed]


@pytest.mark.parametrize(
    ("user", "password"), [("HPC\\alice", "Xq-not-it"), ("LAB\\alice", "ntlm-right")]
)
def test_ntlm_refused_from_the_command_line_exit_4(ntlm_url: str, user: str, password: str) -> None:
    result = make_invoke(ntlm_url, "--auth", "ntlm", "-u", user, "-p", password)("job", "list")
    assert result.exit_code == 4, result.output
    assert password not in result.output


def test_basic_against_an_ntlm_head_node_exit_4(ntlm_url: str) -> None:
    result = make_invoke(ntlm_url, "-u", "HPC\\alice", "-p", "ntlm-right")("job", "list")
    assert result.exit_code == 4, result.output
