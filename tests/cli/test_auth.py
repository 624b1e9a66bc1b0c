"""Credentials against an emulator that has users: wrong password -> exit 4, right one -> 0."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from hpc_emulator.testing import run_emulator

from .conftest import as_json, make_invoke

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


def test_password_prompt_on_a_terminal_does_not_echo(secured_url: str) -> None:
    """On a TTY a username without a password is asked for, with echo off."""
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HPC_")}
    args = ["--url", secured_url, "-u", "HPC\\carol", "--json", "job", "list", "--all"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "hpc_cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    try:
        deadline = time.monotonic() + 30
        prompt = _read(leader, b"Password for HPC\\carol: ", deadline)
        assert prompt.endswith(b"Password for HPC\\carol: "), prompt
        os.write(leader, CAROL_PASSWORD.encode() + b"\n")
        rest = _read(leader, None, deadline)
        assert proc.wait(10) == 0, rest
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)
    assert CAROL_PASSWORD.encode() not in prompt + rest
    assert rest.strip().endswith(b"]")  # the JSON list of jobs
