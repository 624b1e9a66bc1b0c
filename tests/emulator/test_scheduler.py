"""Tasks and subtasks over HTTP, and the scheduler running real local processes."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from hpc_emulator.testing import RunningEmulator, run_emulator

from .helpers import (
    JSON,
    SER,
    XML,
    V,
    add_task,
    create_job,
    job_props,
    parse_objects,
    parse_props,
    props_xml,
    submit,
    task_props,
    wait_state,
)


def test_task_crud_xml_and_json(json_client: httpx.Client) -> None:
    client = json_client  # JSON on scheduler operations: the emulator's extension
    job = create_job(client)
    t1 = add_task(client, job, Name="first", CommandLine="echo 1")
    r = client.post(
        f"/Job/{job}/Tasks", json=[{"Name": "commandline", "Value": "echo 2"}], headers=JSON
    )
    assert r.status_code == 200
    t2 = r.json()
    assert (t1, t2) == (1, 2)
    props = task_props(client, job, t1)
    assert (
        props["TaskId"] == f"{job}.1"
        and props["State"] == "Configuring"
        and props["ParentJobId"] == str(job)
    )
    r = client.put(
        f"/Job/{job}/Task/{t1}", content=props_xml(Name="renamed", MinCores="1"), headers=XML
    )
    assert r.status_code == 200
    assert task_props(client, job, t1, "Name")["Name"] == "renamed"
    rows = parse_objects(client.get(f"/Job/{job}/Tasks").text)
    assert list(rows[0]) == [
        "TaskId",
        "Name",
        "State",
        "CommandLine",
        "ExitCode",
        "ParentJobId",
        "JobTaskId",
        "InstanceId",
    ]
    assert [r["CommandLine"] for r in rows] == ["echo 1", "echo 2"]
    r = client.post(
        f"/Job/{job}/Task/{t1}/CustomProperties", content=props_xml(tag="x"), headers=XML
    )
    assert r.status_code == 200
    assert parse_props(client.get(f"/Job/{job}/Task/{t1}/CustomProperties").text) == {"tag": "x"}
    r = client.post(f"/Job/{job}/Task/{t1}/EnvVariables", content=props_xml(FOO="bar"), headers=XML)
    assert r.status_code == 200
    assert parse_props(
        client.get(f"/Job/{job}/Task/{t1}/EnvVariables", params={"Names": "FOO,NOPE"}).text
    ) == {"FOO": "bar", "NOPE": ""}
    r = client.get(f"/Job/{job}/Task/{t1}", params={"Render": "HpcJobXml"})
    assert (
        r.status_code == 200
        and r.text.startswith('<Task Version="3.000"')
        and 'CommandLine="echo 1"' in r.text
    )
    assert client.get(f"/Job/{job}/Task/99", headers=V).status_code == 404


def test_exit_codes_env_stdout_file_and_dependencies(
    client: httpx.Client, hpc_emulator: RunningEmulator, tmp_path: Path
) -> None:
    job = create_job(client, Name="deps")
    client.post(
        f"/Job/{job}/EnvVariables", content=props_xml(JOBVAR="from-job", BOTH="job"), headers=XML
    )
    a = add_task(
        client,
        job,
        Name="a",
        CommandLine="sleep 0.3; echo a >> order.txt",
        WorkDirectory=str(tmp_path),
    )
    b = add_task(
        client, job, Name="b", DependsOn="a", WorkDirectory=str(tmp_path), StdOutFilePath="b.out",
        CommandLine='echo b >> order.txt; echo "$JOBVAR $BOTH $TASKVAR $CCP_TASKID"',
    )  # fmt: skip
    client.post(
        f"/Job/{job}/Task/{b}/EnvVariables",
        content=props_xml(TASKVAR="t", BOTH="task"),
        headers=XML,
    )
    c = add_task(client, job, Name="c", CommandLine="echo oops >&2; exit 3", DependsOn="b")
    submit(client, job)
    props = wait_state(client, job, {"Finished", "Failed"})
    assert props["State"] == "Failed" and "1 task(s) failed" in (props["ErrorMessage"] or "")
    assert (tmp_path / "order.txt").read_text() == "a\nb\n"
    assert (tmp_path / "b.out").read_text() == f"from-job task t {b}\n"
    assert task_props(client, job, b, "State,ExitCode,Output") == {
        "State": "Finished",
        "ExitCode": "0",
        "Output": f"from-job task t {b}\n",
    }
    pc = task_props(client, job, c, "State,ExitCode,Output,ErrorMessage")
    assert pc["State"] == "Failed" and pc["ExitCode"] == "3" and pc["Output"] == "oops\n"
    assert "exit code 3" in (pc["ErrorMessage"] or "")
    assert task_props(client, job, a, "AllocatedNodes")["AllocatedNodes"] == "NODE01"


def test_default_workdir_and_stdin(client: httpx.Client, hpc_emulator: RunningEmulator) -> None:
    job = create_job(client)
    workdir = hpc_emulator.data_dir / "work" / str(job)
    workdir.mkdir(parents=True)
    (workdir / "in.txt").write_text("piped\n")
    t = add_task(
        client, job, CommandLine="cat; pwd", StdInFilePath="in.txt", TaskValidExitCodes="0,7"
    )
    submit(client, job)
    assert wait_state(client, job, {"Finished", "Failed"})["State"] == "Finished"
    assert task_props(client, job, t, "Output")["Output"] == f"piped\n{workdir}\n"


def test_valid_exit_codes_and_fail_on_task_failure(client: httpx.Client) -> None:
    job = create_job(client, FailOnTaskFailure="true")
    add_task(client, job, CommandLine="exit 7", TaskValidExitCodes="0,7", Name="ok")
    # after "ok": the failure cancels whatever still runs, so a race would cancel "ok" too
    bad = add_task(client, job, CommandLine="exit 1", Name="bad", DependsOn="ok")
    slow = add_task(client, job, CommandLine="sleep 20", DependsOn="bad")
    submit(client, job)
    props = wait_state(client, job, {"Failed", "Finished"})
    assert props["State"] == "Failed" and f"{job}.{bad}" in (props["ErrorMessage"] or "")
    assert task_props(client, job, 1, "State")["State"] == "Finished"
    assert task_props(client, job, slow, "State")["State"] == "Canceled"


def test_output_keeps_the_tail(client: httpx.Client) -> None:
    job = create_job(client)
    t = add_task(
        client, job, CommandLine="i=0; while [ $i -lt 2000 ]; do echo line$i; i=$((i+1)); done"
    )
    submit(client, job)
    wait_state(client, job, {"Finished"})
    output = task_props(client, job, t, "Output")["Output"] or ""
    assert len(output) == 4000 and output.endswith("line1999\n")


def test_parametric_sweep_10_subtasks(client: httpx.Client) -> None:
    job = create_job(client, Name="sweep")
    t = add_task(
        client,
        job,
        Type="ParametricSweep",
        StartValue="1",
        EndValue="19",
        IncrementValue="2",
        CommandLine="echo value=* padded=***",
    )
    submit(client, job)
    assert wait_state(client, job, {"Finished", "Failed"})["State"] == "Finished"
    rows = parse_objects(
        client.get(
            f"/Job/{job}/Tasks",
            params={"RowsPerRead": "100", "Properties": "TaskId,InstanceId,State,Output"},
        ).text
    )
    assert len(rows) == 10
    assert rows[0] == {
        "TaskId": f"{job}.{t}.1",
        "InstanceId": "1",
        "State": "Finished",
        "Output": "value=1 padded=001\n",
    }
    assert rows[9]["Output"] == "value=19 padded=019\n"
    master = parse_objects(
        client.get(
            f"/Job/{job}/Tasks",
            params={"ExpandParametric": "False", "Properties": "TaskId,Type,State"},
        ).text
    )
    assert master == [{"TaskId": f"{job}.{t}", "Type": "ParametricSweep", "State": "Finished"}]
    r = client.get(
        f"/Job/{job}/Task/{t}/SubTask/5", params={"Properties": "CommandLine,State,ExitCode"}
    )
    assert parse_props(r.text) == {
        "CommandLine": "echo value=9 padded=009",
        "State": "Finished",
        "ExitCode": "0",
    }
    assert client.get(f"/Job/{job}/Task/{t}/SubTask/11", headers=V).status_code == 404


def test_subtask_cancel_requeue_and_set(client: httpx.Client) -> None:
    job = create_job(client)
    t = add_task(
        client, job, Type="ParametricSweep", StartValue="1", EndValue="3", CommandLine="sleep 30"
    )
    submit(client, job)
    wait_state(client, job, {"Running"})
    deadline = time.monotonic() + 10
    while (
        parse_props(
            client.get(f"/Job/{job}/Task/{t}/SubTask/2", params={"Properties": "State"}).text
        )["State"]
        != "Running"
    ):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    r = client.post(
        f"/Job/{job}/Task/{t}/SubTask/2/Cancel",
        params={"Forced": "true"},
        content=f'<string xmlns="{SER}">stop</string>',
        headers=XML,
    )
    assert r.status_code == 200
    sub = parse_props(
        client.get(
            f"/Job/{job}/Task/{t}/SubTask/2", params={"Properties": "State,ErrorMessage"}
        ).text
    )
    assert sub == {"State": "Canceled", "ErrorMessage": "stop"}
    r = client.post(f"/Job/{job}/Task/{t}/SubTask/2/Cancel", content=b"", headers=V)
    assert r.status_code == 409
    r = client.put(
        f"/Job/{job}/Task/{t}/SubTask/1", content=props_xml(Name="x"), headers={**XML, **V}
    )
    assert r.status_code == 409  # the containing task is running
    r = client.post(f"/Job/{job}/Task/{t}/SubTask/2/Requeue", content=props_xml(), headers=XML)
    assert r.status_code == 200
    r = client.post(f"/Job/{job}/Cancel", params={"Forced": "True"}, content=b"")
    assert r.status_code == 200
    assert job_props(client, job, "State")["State"] == "Canceled"
    states = {
        row["State"]
        for row in parse_objects(
            client.get(f"/Job/{job}/Tasks", params={"Properties": "State"}).text
        )
    }
    assert states == {"Canceled"}


def test_task_cancel_and_requeue_in_running_job(client: httpx.Client) -> None:
    job = create_job(client, RunUntilCanceled="True")
    command = 'if [ "$CCP_RETRY_COUNT" = 0 ]; then sleep 30; else echo again; fi'
    t = add_task(client, job, CommandLine=command)
    submit(client, job)
    deadline = time.monotonic() + 10
    while task_props(client, job, t, "State")["State"] != "Running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    r = client.post(f"/Job/{job}/Task/{t}/Requeue", content=props_xml(), headers={**XML, **V})
    assert r.status_code == 409
    assert client.post(f"/Job/{job}/Task/{t}/Cancel", content=b"").status_code == 200
    assert task_props(client, job, t, "State")["State"] == "Canceled"
    assert job_props(client, job, "State")["State"] == "Running"  # RunUntilCanceled
    r = client.put(f"/Job/{job}/Task/{t}", content=props_xml(Name="n"), headers={**XML, **V})
    assert r.status_code == 409  # a canceled task cannot be changed
    assert (
        client.post(f"/Job/{job}/Task/{t}/Requeue", content=props_xml(), headers=XML).status_code
        == 200
    )
    deadline = time.monotonic() + 10
    while task_props(client, job, t, "State")["State"] != "Finished":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    props = task_props(client, job, t, "Output,RequeueCount")
    assert props == {"Output": "again\n", "RequeueCount": "1"}
    client.post(f"/Job/{job}/Cancel", content=b"")


def test_runtime_limit(client: httpx.Client) -> None:
    job = create_job(client)
    t = add_task(client, job, CommandLine="sleep 30", RuntimeSeconds="1")
    submit(client, job)
    wait_state(client, job, {"Failed"}, timeout=10)
    assert "run time" in (task_props(client, job, t, "ErrorMessage")["ErrorMessage"] or "")


def test_queueing_when_cluster_full() -> None:
    with run_emulator(nodes=1, cores_per_node=2) as emu, httpx.Client(base_url=emu.base_url) as c:
        big = create_job(c, Name="big", MinCores="2", MaxCores="2")
        add_task(c, big, CommandLine="sleep 30", MinCores="2", MaxCores="2")
        submit(c, big)
        wait_state(c, big, {"Running"})
        low = create_job(c, Name="low", Priority="Lowest")
        add_task(c, low, CommandLine="echo low")
        high = create_job(c, Name="high", Priority="Highest")
        add_task(c, high, CommandLine="echo high >> $CCP_WORKDIR/../order; sleep 0.2")
        submit(c, low)
        submit(c, high)
        time.sleep(0.5)
        assert job_props(c, low, "State,PendingReason") == {
            "State": "Queued",
            "PendingReason": "Resources",
        }
        assert job_props(c, high, "State")["State"] == "Queued"
        r = c.get("/Nodes", params={"Properties": "Name,NumCores"}, headers=V)
        assert parse_objects(r.text) == [{"Name": "NODE01", "NumCores": "2"}]
        c.post(f"/Job/{big}/Cancel", params={"Forced": "true"}, content=b"")
        wait_state(c, low, {"Finished"})
        wait_state(c, high, {"Finished"})
        start_high = job_props(c, high, "StartTime")["StartTime"]
        assert start_high is not None
        # a job that can never fit fails validation
        huge = create_job(c, MinCores="8", MaxCores="8")
        add_task(c, huge, CommandLine="true")
        submit(c, huge)
        props = wait_state(c, huge, {"Failed"})
        assert "cluster has only 2" in (props["ErrorMessage"] or "")


def test_node_unit_allocation_and_priority_order() -> None:
    with run_emulator(nodes=2, cores_per_node=2) as emu, httpx.Client(base_url=emu.base_url) as c:
        blocker = create_job(c, UnitType="Node", MinNodes="2", MaxNodes="2")
        add_task(c, blocker, CommandLine="sleep 30", MinNodes="2")
        submit(c, blocker)
        wait_state(c, blocker, {"Running"})
        nodes = task_props(c, blocker, 1, "AllocatedNodes")["AllocatedNodes"]
        assert nodes == "NODE01,NODE02"
        order = emu.data_dir / "order.txt"
        jobs = []
        for prio in ("Lowest", "Normal", "Highest"):
            j = create_job(c, Priority=prio, MinCores="4", MaxCores="4")
            add_task(c, j, CommandLine=f"echo {prio} >> {order}", MinCores="4")
            submit(c, j)
            jobs.append(j)
        time.sleep(0.3)
        c.post(f"/Job/{blocker}/Cancel", params={"Forced": "true"}, content=b"")
        for j in jobs:
            wait_state(c, j, {"Finished"})
        assert order.read_text().split() == ["Highest", "Normal", "Lowest"]
