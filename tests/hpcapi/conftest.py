"""An emulator with accounts and roles for the /hpc REST API tests, and raw clients on it."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator, run_emulator

USERS = {"alice": "pw-a", "bob": "pw-b", "admin": "pw-x", "jadmin": "pw-j"}
ROLES = {"admin": "Administrator", "jadmin": "JobAdministrator"}


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    with run_emulator(users=USERS, roles=ROLES, nodes=2, cores_per_node=2) as emu:
        yield emu


def make(emu: RunningEmulator, user: str, **headers: str) -> httpx.Client:
    return httpx.Client(
        base_url=f"{emu.url}/hpc", auth=(user, USERS[user]), timeout=30, headers=headers
    )


@pytest.fixture
def rest(emulator: RunningEmulator) -> Iterator[Callable[..., httpx.Client]]:
    """`rest("alice")`: a /hpc client for that user (closed after the test)."""
    opened: list[httpx.Client] = []

    def open_client(user: str = "alice", **headers: str) -> httpx.Client:
        c = make(emulator, user, **headers)
        opened.append(c)
        return c

    yield open_client
    for c in opened:
        c.close()


@pytest.fixture
def windows(emulator: RunningEmulator) -> Iterator[httpx.Client]:
    """A WindowsHpc (XML) client as alice: the other API over the same scheduler."""
    with httpx.Client(
        base_url=emulator.base_url,
        auth=("alice", USERS["alice"]),
        timeout=30,
        headers={"api-version": "2012-11-01.4.0"},
    ) as c:
        yield c


def props(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {p["Name"]: p["Value"] for p in items}


def until(check: Callable[[], Any], timeout: float = 20.0) -> Any:
    """Poll `check` until it returns something truthy (bounded)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.05)


def new_job(c: httpx.Client, *commands: str, **job: str) -> int:
    r = c.post("/jobs", json=[{"Name": k, "Value": v} for k, v in job.items()])
    assert r.status_code == 200, r.text
    job_id = r.json()
    assert isinstance(job_id, int)
    for cmd in commands:
        t = c.post(f"/jobs/{job_id}/tasks", json=[{"name": "CommandLine", "value": cmd}])
        assert t.status_code == 200, t.text
    return job_id


def job_state(c: httpx.Client, job_id: int) -> str:
    r = c.get(f"/jobs/{job_id}", params={"properties": "State"})
    assert r.status_code == 200, r.text
    return str(props(r.json())["State"])
