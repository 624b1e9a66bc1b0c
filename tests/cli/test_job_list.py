"""`hpc job list` filters as HPC Pack's `job list`: your Queued/Running jobs unless told otherwise."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from hpc_cli.commands.jobs import list_filter
from hpc_cli.config import ConfigError
from hpc_emulator.testing import run_emulator

from .conftest import Invoke, as_json, make_invoke

LISTED = frozenset({"Queued", "Running"})


def test_filter_defaults_to_own_queued_and_running() -> None:
    assert list_filter(None, None, False, "HPC\\alice") == (LISTED, "HPC\\alice")
    assert list_filter(None, None, False, None) == (LISTED, None)


def test_filter_all_lifts_both_defaults_but_not_explicit_choices() -> None:
    assert list_filter(None, None, True, "HPC\\alice") == (None, None)
    assert list_filter(["failed"], "HPC\\bob", True, "HPC\\alice") == (
        frozenset({"Failed"}),
        "HPC\\bob",
    )


def test_filter_state_and_owner_forms() -> None:
    states, owner = list_filter(["finished,failed", "Canceled"], "*", False, "HPC\\alice")
    assert states == frozenset({"Finished", "Failed", "Canceled"}) and owner is None
    assert list_filter(["All"], None, False, "HPC\\alice") == (None, "HPC\\alice")
    with pytest.raises(ConfigError):
        list_filter(["done"], None, False, None)


def _user(url: str, name: str, password: str) -> Invoke:
    return make_invoke(url, "-u", name, "-p", password)


def _until_listed(user: Invoke, job_id: int) -> None:
    """Submitted -> Validating -> Queued takes the scheduler a moment."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if as_json(user("--json", "job", "view", str(job_id)))["State"] in LISTED:
            return
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} never reached Queued/Running")


@pytest.fixture(scope="module")
def two_users() -> Iterator[tuple[Invoke, Invoke, dict[str, int]]]:
    """alice: one running job, one still Configuring; bob: one running job."""
    with run_emulator(users={"HPC\\alice": "a-pw", "HPC\\bob": "b-pw"}) as emu:
        url = str(emu.url)
        alice, bob = _user(url, "HPC\\alice", "a-pw"), _user(url, "HPC\\bob", "b-pw")
        ids = {
            "alice_running": as_json(alice("--json", "job", "submit", "--", "sleep 60"))["Id"],
            "alice_configuring": as_json(alice("--json", "job", "new", "--name", "draft"))["Id"],
            "bob_running": as_json(bob("--json", "job", "submit", "--", "sleep 60"))["Id"],
        }
        _until_listed(alice, ids["alice_running"])
        _until_listed(bob, ids["bob_running"])
        yield alice, bob, ids
        alice("job", "cancel", str(ids["alice_running"]))
        bob("job", "cancel", str(ids["bob_running"]))


def _ids(user: Invoke, *args: str) -> list[int]:
    return [int(j["Id"]) for j in as_json(user("--json", "job", "list", *args))]


def test_default_is_the_current_users_queued_and_running(
    two_users: tuple[Invoke, Invoke, dict[str, int]],
) -> None:
    alice, bob, ids = two_users
    assert _ids(alice) == [ids["alice_running"]]
    assert _ids(bob) == [ids["bob_running"]]


def test_owner_star_and_all(two_users: tuple[Invoke, Invoke, dict[str, int]]) -> None:
    alice, _, ids = two_users
    assert _ids(alice, "--owner", "*") == sorted([ids["alice_running"], ids["bob_running"]])
    assert _ids(alice, "--user", "HPC\\bob") == [ids["bob_running"]]
    assert sorted(ids.values()) == _ids(alice, "--all")


def test_state_choice_keeps_the_owner_default(
    two_users: tuple[Invoke, Invoke, dict[str, int]],
) -> None:
    alice, _, ids = two_users
    assert _ids(alice, "--state", "configuring") == [ids["alice_configuring"]]
    assert _ids(alice, "--state", "all") == sorted([ids["alice_running"], ids["alice_configuring"]])
    assert _ids(alice, "--state", "configuring,running,queued") == sorted(
        [ids["alice_running"], ids["alice_configuring"]]
    )


def test_no_username_lists_every_owner_and_says_so(hpc: Invoke) -> None:
    result = hpc("job", "list")
    assert result.exit_code == 0, result.output
    assert "no username set: jobs of every owner" in result.stderr
    assert "no username set: jobs of every owner" not in hpc("job", "list", "--all").stderr
