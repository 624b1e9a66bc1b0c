"""`hpc` commands that need /hpc, in-process against the emulator (exit codes and output)."""

from __future__ import annotations

import json

from hpc_cli.main import app
from hpc_emulator.testing import RunningEmulator
from typer.testing import CliRunner

from tests.hpcapi.conftest import USERS, job_state, make, new_job, until


def hpc(emu: RunningEmulator, user: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app,
        ["--url", emu.url, "--username", user, "--password", USERS[user], "--no-prompt", *args],
    )
    return result.exit_code, result.stdout


def test_job_and_task_finish(emulator: RunningEmulator) -> None:
    c = make(emulator, "alice")
    job_id = new_job(c, "sleep 30", "sleep 30")
    assert c.post(f"/jobs/{job_id}/submit").status_code == 204
    until(lambda: job_state(c, job_id) == "Running")
    code, out = hpc(emulator, "alice", "task", "finish", str(job_id), "1", "-m", "cli")
    assert code == 0, out
    code, out = hpc(emulator, "alice", "job", "finish", str(job_id), "--json")
    assert code == 0 and json.loads(out)["State"] == "Finished"
    assert job_state(c, job_id) == "Finished"
    code, _ = hpc(emulator, "alice", "job", "finish", "99999")
    assert code == 3  # not found


def test_as_user_and_node_commands(emulator: RunningEmulator) -> None:
    code, _ = hpc(emulator, "bob", "node", "offline", "NODE02")
    assert code == 4  # forbidden: not an administrator
    code, out = hpc(emulator, "admin", "node", "offline", "NODE02")
    assert code == 0 and "asynchronously" in out
    admin = make(emulator, "admin")
    until(lambda: admin.get("/cluster/nodes/NODE02").json()["State"] == "Offline")
    assert hpc(emulator, "admin", "node", "online", "NODE02")[0] == 0
    until(lambda: admin.get("/cluster/nodes/NODE02").json()["State"] == "Online")
    assert hpc(emulator, "admin", "nodegroup", "create", "Cli", "-d", "x")[0] == 0
    code, out = hpc(emulator, "admin", "nodegroup", "add", "Cli", "NODE01", "--json")
    assert code == 0 and json.loads(out)["Nodes"] == ["NODE01"]
    assert hpc(emulator, "admin", "nodegroup", "remove", "Cli", "NODE01")[0] == 0
    assert hpc(emulator, "admin", "nodegroup", "delete", "Cli")[0] == 0
    assert admin.get("/cluster/nodeGroups/Cli").status_code == 404
    code, out = hpc(emulator, "admin", "cluster", "metrics", "--names", "HPCCoresInUse", "--json")
    assert code == 0 and {r["Node"] for r in json.loads(out)} == {"NODE01", "NODE02"}
    code, _ = hpc(emulator, "bob", "job", "finish", "1", "--as-user", "alice")
    assert code == 4


def test_api_flag_and_global_as_user(emulator: RunningEmulator) -> None:
    """`--as-user` before the command acts on every command, over /hpc: a job administrator
    creates and submits a job alice owns, then lists it with `--api hpc` and `--api auto`."""
    code, out = hpc(
        emulator, "jadmin", "--as-user", "alice", "job", "submit", "--json", "--", "echo", "hi"
    )
    assert code == 0, out
    job_id = json.loads(out)["Id"]
    alice = make(emulator, "alice")
    owner = {p["Name"]: p["Value"] for p in alice.get(f"/jobs/{job_id}?properties=Owner").json()}
    assert str(owner["Owner"]).lower().endswith("\\alice")
    for api in ("hpc", "auto", "windowshpc"):
        code, out = hpc(emulator, "alice", "--api", api, "job", "view", str(job_id), "--json")
        assert code == 0 and json.loads(out)["Id"] == job_id, (api, out)
    code, out = hpc(emulator, "alice", "--api", "rest", "job", "view", str(job_id))
    assert code == 2
