"""Every `hpc` subcommand against the emulator over loopback HTTP (no mocks)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Invoke, as_json, make_invoke


def submit_and_wait(hpc: Invoke, *args: str) -> int:
    result = hpc("--json", "job", "submit", "--wait", *args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["State"] == "Finished"
    return int(data["Id"])


def test_cluster_info(hpc: Invoke) -> None:
    data = as_json(hpc("--json", "cluster", "info"))
    assert data["Nodes"] >= 1 and data["Cores"] >= data["Nodes"]
    assert data["Version"] and data["ActiveHeadNode"]
    table = hpc("cluster", "info")
    assert table.exit_code == 0 and "ActiveHeadNode" in table.stdout


def test_node_list_and_view(hpc: Invoke) -> None:
    nodes = as_json(hpc("--json", "node", "list"))
    assert nodes and all({"Name", "State", "NumCores"} <= set(n) for n in nodes)
    first = nodes[0]["Name"]
    node = as_json(hpc("node", "view", first, "--json"))
    assert node["Name"] == first
    online = as_json(hpc("node", "list", "--state", "online", "--json"))
    assert {n["Name"] for n in online} <= {n["Name"] for n in nodes}
    table = hpc("node", "list")
    assert table.exit_code == 0 and first in table.stdout
    missing = hpc("node", "view", "NO-SUCH-NODE")
    assert missing.exit_code == 3
    assert missing.stderr.startswith("error: ")


def test_nodegroups(hpc: Invoke) -> None:
    groups = as_json(hpc("--json", "nodegroup", "list"))
    names = [g["Name"] for g in groups]
    assert "ComputeNodes" in names
    members = as_json(hpc("--json", "nodegroup", "view", "ComputeNodes"))
    assert members["Name"] == "ComputeNodes" and members["Nodes"]
    in_group = as_json(hpc("--json", "node", "list", "--group", "ComputeNodes"))
    assert sorted(n["Name"] for n in in_group) == sorted(members["Nodes"])
    assert hpc("nodegroup", "view", "NoSuchGroup").exit_code == 3


def test_template_list(hpc: Invoke) -> None:
    assert "Default" in as_json(hpc("--json", "template", "list"))
    assert "Default" in hpc("template", "list").stdout


def test_job_lifecycle_new_add_submit_view_list(hpc: Invoke) -> None:
    created = as_json(hpc("--json", "job", "new", "--name", "cli-life", "--num-cores", "1-2"))
    job_id = created["Id"]
    assert isinstance(job_id, int)
    added = as_json(
        hpc("--json", "job", "add", str(job_id), "--task-name", "first", "--", "echo first")
    )
    assert added == {"JobId": job_id, "TaskId": 1}
    second = hpc("job", "add", str(job_id), "--depend", "first", "--", "echo", "second")
    assert second.exit_code == 0 and f"Task {job_id}.2 added." in second.stdout
    view = as_json(hpc("--json", "job", "view", str(job_id)))
    assert view["Name"] == "cli-life" and view["State"] == "Configuring"
    assert view["MinCores"] == 1 and view["MaxCores"] == 2
    active = as_json(hpc("--json", "job", "list", "--state", "configuring"))
    assert job_id in [j["Id"] for j in active]
    submitted = hpc("job", "submit", "--id", str(job_id))
    assert submitted.exit_code == 0 and f"ID: {job_id}" in submitted.stdout
    final = as_json(hpc("--json", "job", "wait", str(job_id), "--timeout", "60"))
    assert final["State"] == "Finished"
    tasks = as_json(hpc("--json", "task", "list", str(job_id)))
    assert [t["State"] for t in tasks] == ["Finished", "Finished"]
    assert [t["Output"].strip() for t in tasks] == ["first", "second"]
    assert [t["TaskId"] for t in tasks] == [f"{job_id}.1", f"{job_id}.2"]
    listed = hpc("task", "list", str(job_id))
    assert listed.exit_code == 0
    for column in ("TaskId", "State", "ExitCode", "CommandLine", "echo second"):
        assert column in listed.stdout
    task = as_json(hpc("--json", "task", "view", f"{job_id}.2"))
    assert task["Output"].strip() == "second"
    everything = as_json(hpc("--json", "job", "list", "--all"))
    assert job_id in [j["Id"] for j in everything]
    finished = as_json(hpc("--json", "job", "list", "--state", "finished"))
    assert job_id in [j["Id"] for j in finished]
    assert all(j["State"] == "Finished" for j in finished)
    table = hpc("job", "list", "--all")
    assert table.exit_code == 0 and "cli-life" in table.stdout


def test_submit_parametric_sweep(hpc: Invoke) -> None:
    job_id = submit_and_wait(hpc, "--name", "sq", "--parametric", "1-10:3", "--", "echo $((*+1))")
    subtasks = as_json(hpc("--json", "task", "list", str(job_id)))
    outputs = sorted(int(t["Output"]) for t in subtasks if t.get("InstanceId"))
    assert outputs == [2, 5, 8, 11]
    one = as_json(hpc("--json", "task", "view", f"{job_id}.1.2"))  # instance 2 = value 4
    assert one["Output"].strip() == "5"


def test_failed_job_wait_exits_6(hpc: Invoke) -> None:
    result = hpc("job", "submit", "--wait", "--", "exit 3")
    assert result.exit_code == 6, result.output
    assert "error: job" in result.stderr and "Failed" in result.stderr
    job_id = int(result.stderr.split("ID: ")[1].split(".")[0])
    again = hpc("job", "wait", str(job_id))
    assert again.exit_code == 6
    failed = as_json(hpc("--json", "task", "list", str(job_id), "--state", "failed"))
    assert [t["ExitCode"] for t in failed] == [3]
    requeued = hpc("job", "requeue", str(job_id))
    assert requeued.exit_code == 0, requeued.output
    assert hpc("job", "wait", str(job_id), "--timeout", "60").exit_code == 6


def test_modify_cancel_and_canceled_wait(hpc: Invoke) -> None:
    job_id = as_json(hpc("--json", "job", "new", "--name", "before"))["Id"]
    hpc("job", "add", str(job_id), "--", "sleep 30")
    modified = hpc("job", "modify", str(job_id), "--name", "after", "--priority", "highest")
    assert modified.exit_code == 0, modified.output
    view = as_json(hpc("--json", "job", "view", str(job_id)))
    assert view["Name"] == "after" and view["Priority"] == "Highest"
    assert hpc("job", "modify", str(job_id)).exit_code == 2
    progress = hpc("job", "modify", str(job_id), "--progress", "40", "--progress-msg", "warming")
    assert progress.exit_code == 0, progress.output
    view = as_json(hpc("--json", "job", "view", str(job_id)))
    assert (view["Progress"], view["ProgressMessage"]) == (40, "warming")
    assert hpc("job", "modify", str(job_id), "--progress", "101").exit_code == 2
    assert hpc("job", "submit", "--id", str(job_id)).exit_code == 0
    canceled = hpc("job", "cancel", str(job_id), "--message", "enough")
    assert canceled.exit_code == 0, canceled.output
    assert hpc("job", "wait", str(job_id), "--timeout", "30").exit_code == 6
    view = as_json(hpc("--json", "job", "view", str(job_id)))
    assert view["State"] == "Canceled"


def test_task_cancel_and_requeue(hpc: Invoke) -> None:
    job_id = as_json(hpc("--json", "job", "new"))["Id"]
    hpc("job", "add", str(job_id), "--", "sleep 30")
    hpc("job", "add", str(job_id), "--", "sleep 30")  # keeps the job running meanwhile
    hpc("job", "submit", "--id", str(job_id))
    result = hpc("task", "cancel", f"{job_id}.1", "--message", "stop")
    assert result.exit_code == 0, result.output
    task = as_json(hpc("--json", "task", "view", f"{job_id}.1"))
    assert task["State"] == "Canceled"
    requeued = hpc("task", "requeue", f"{job_id}.1")
    assert requeued.exit_code == 0, requeued.output
    assert as_json(hpc("--json", "task", "view", f"{job_id}.1"))["State"] != "Canceled"
    assert hpc("job", "cancel", str(job_id)).exit_code == 0
    assert hpc("task", "view", f"{job_id}.99").exit_code == 3


def test_not_found_exit_3(hpc: Invoke) -> None:
    for args in (
        ("job", "view", "999999"),
        ("job", "cancel", "999999"),
        ("task", "list", "999999"),
    ):
        result = hpc(*args)
        assert result.exit_code == 3, (args, result.output)
        assert result.stderr.startswith("error: ") and "Traceback" not in result.output


def test_debug_shows_traceback(hpc: Invoke) -> None:
    result = hpc("--debug", "job", "view", "999999")
    assert result.exit_code == 3 and "Traceback" in result.stderr


def test_connection_refused_exit_5() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = make_invoke(f"http://127.0.0.1:{port}")("job", "list")
    assert result.exit_code == 5, result.output
    assert result.stderr.startswith("error: ")


def test_sessions(hpc: Invoke) -> None:
    info = as_json(hpc("--json", "session", "create", "--service", "EchoService"))
    sid = info["Id"]
    assert isinstance(sid, int) and info["BrokerNode"]
    attached = as_json(hpc("--json", "session", "attach", str(sid)))
    assert attached["Id"] == sid
    replies = as_json(hpc("--json", "session", "send", str(sid), "--count", "5"))
    assert [r["Request"] for r in replies] == [f"hello {i}" for i in range(1, 6)]
    assert all(r["Reply"] == r["Request"] for r in replies)
    status = as_json(hpc("--json", "session", "status", str(sid)))
    assert status == {"Id": sid, "Batch": "hpc-cli", "Status": "Finished"}
    assert hpc("session", "status", str(sid), "--batch", "never-sent").exit_code in (0, 3)
    piped = hpc(
        "--json", "session", "send", str(sid), "--file", "-", "--batch", "b2",
        input="a\n<b> & \"c\"\nhéllo ✓\n",
    )  # fmt: skip
    assert [r["Reply"] for r in as_json(piped)] == ["a", '<b> & "c"', "héllo ✓"]
    closed = hpc("session", "close", str(sid))
    assert closed.exit_code == 0, closed.output
    assert hpc("session", "attach", str(sid)).exit_code == 3
    table = hpc("session", "send", "--service", "EchoService", "-n", "2")
    assert table.exit_code == 0 and "hello 2" in table.stdout
    assert hpc("session", "send").exit_code == 2


@pytest.mark.parametrize("wire", ["xml", "json"])
def test_wire_formats_give_same_json(emulator_url: str, wire: str) -> None:
    hpc = make_invoke(emulator_url, "--format", wire)
    job_id = as_json(hpc("--json", "job", "new", "--name", f"fmt-{wire}"))["Id"]
    view = as_json(hpc("--json", "job", "view", str(job_id)))
    assert view["Name"] == f"fmt-{wire}" and view["Id"] == job_id


def test_subtask_cancel_and_requeue(hpc: Invoke) -> None:
    job_id = as_json(hpc("--json", "job", "new", "--name", "sub"))["Id"]
    assert hpc("job", "add", str(job_id), "--parametric", "1-3", "--", "sleep 30").exit_code == 0
    assert hpc("job", "submit", "--id", str(job_id)).exit_code == 0
    canceled = hpc("task", "cancel", f"{job_id}.1.2", "-m", "not this one")
    assert canceled.exit_code == 0 and f"Task {job_id}.1.2 canceled." in canceled.stdout
    sub = as_json(hpc("--json", "task", "view", f"{job_id}.1.2"))
    assert (sub["InstanceId"], sub["State"]) == (2, "Canceled")
    others = as_json(hpc("--json", "task", "list", str(job_id), "--state", "running"))
    assert sorted(t["InstanceId"] for t in others) == [1, 3]
    assert hpc("task", "requeue", f"{job_id}.1.2").exit_code == 0
    assert as_json(hpc("--json", "task", "view", f"{job_id}.1.2"))["State"] != "Canceled"
    assert hpc("job", "cancel", str(job_id)).exit_code == 0
    assert hpc("task", "view", f"{job_id}.1.9").exit_code == 3


def test_session_faults_exit_1_after_printing_every_reply(hpc: Invoke) -> None:
    result = hpc("--json", "session", "send", "--service", "EchoService", "--action", "EchoFault")
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert [(r["Request"], r["Fault"]) for r in rows] == [("hello 1", True)]
    assert "hello 1" in rows[0]["Reply"]
    assert result.stderr.splitlines()[-1] == "error: 1 of 1 requests ended in a SOAP fault"
    missing = hpc("session", "create", "--service", "NoSuchService")
    assert missing.exit_code == 3 and "NoSuchService" in missing.stderr


def test_task_options_reach_the_process(hpc: Invoke, tmp_path: Path) -> None:
    job_id = submit_and_wait(
        hpc, "--env", "GREETING=hi there", "--workdir", str(tmp_path), "--", "echo $GREETING; pwd"
    )
    task = as_json(hpc("--json", "task", "view", f"{job_id}.1"))
    assert task["Output"] == f"hi there\n{tmp_path}\n"
    assert task["WorkDirectory"] == str(tmp_path)
    out_file = tmp_path / "out.txt"
    submit_and_wait(hpc, "--stdout", str(out_file), "--", "echo to-file")
    assert out_file.read_text() == "to-file\n"


def test_job_options_become_job_properties(hpc: Invoke) -> None:
    created = hpc(
        "--json", "job", "new", "--num-nodes", "1-2", "--exclusive", "--priority", "abovenormal",
        "--project", "p1", "--runtime", "60", "--node-group", "ComputeNodes",
    )  # fmt: skip
    job = as_json(hpc("--json", "job", "view", str(as_json(created)["Id"])))
    assert (job["UnitType"], job["MinNodes"], job["MaxNodes"]) == ("Node", 1, 2)
    assert (job["IsExclusive"], job["Priority"], job["Project"]) == (True, "AboveNormal", "p1")
    assert (job["RuntimeSeconds"], job["NodeGroups"]) == (60, "ComputeNodes")
    assert hpc("job", "new", "--priority", "urgent").exit_code == 2
    assert hpc("job", "new", "--num-cores", "4-2").exit_code == 2
    assert hpc("job", "new", "--num-cores", "2", "--num-nodes", "1").exit_code == 2


def test_submit_usage_errors_create_nothing(hpc: Invoke) -> None:
    before = [j["Id"] for j in as_json(hpc("--json", "job", "list", "--all"))]
    assert hpc("job", "submit", "--env", "NO_EQUALS_SIGN", "--", "echo x").exit_code == 2
    assert hpc("job", "submit", "--parametric", "9-1", "--", "echo *").exit_code == 2
    assert hpc("job", "submit").exit_code == 2  # no command line
    assert [j["Id"] for j in as_json(hpc("--json", "job", "list", "--all"))] == before
    job_id = as_json(hpc("--json", "job", "new"))["Id"]
    both = hpc("job", "submit", "--id", str(job_id), "--name", "renamed")
    assert both.exit_code == 2 and "--id submits an existing job" in both.stderr


def test_closed_stdout_ends_quietly(emulator_url: str) -> None:
    """`hpc node list | head -0`: the reader is gone; no traceback, no 'Broken pipe' noise."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "hpc_cli", "--url", emulator_url, "--json", "node", "list"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (1, "")
