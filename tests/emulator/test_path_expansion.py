"""Task paths expanded as HPC Pack documents, and a node-like environment (no emulator secrets).

`*` -> the instance value in a sweep instance's StdOut/StdErr/StdInFilePath [D: ISchedulerTask
StdOutFilePath...]; `%NAME%` -> the task's environment in WorkDirectory and the std paths [D:
"Environment Variables in Windows HPC Server 2008 R2"]; unknown names stay as written.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from hpc_emulator.testing import run_emulator

from .helpers import add_task, create_job, submit, task_props, wait_state
from .procscan import set_env


def test_sweep_instances_write_their_own_std_files(client: httpx.Client, tmp_path: Path) -> None:
    for i in (1, 2, 3):
        (tmp_path / f"in{i}.txt").write_text(f"input {i}\n")
    job = create_job(client, Name="sweep-files")
    add_task(
        client,
        job,
        Type="ParametricSweep",
        StartValue=1,
        EndValue=3,
        CommandLine="cat; echo value *; echo oops * >&2",
        WorkDirectory=str(tmp_path),
        StdInFilePath="in*.txt",
        StdOutFilePath="out*.txt",
        StdErrFilePath=f"{tmp_path}/err**.txt",
    )
    submit(client, job)
    assert wait_state(client, job, {"Finished", "Failed"})["State"] == "Finished"
    for i in (1, 2, 3):
        assert (tmp_path / f"out{i}.txt").read_text() == f"input {i}\nvalue {i}\n"
        assert (tmp_path / f"err0{i}.txt").read_text() == f"oops {i}\n"
    assert not (tmp_path / "out*.txt").exists()


def test_percent_names_expand_from_the_task_environment(
    client: httpx.Client, tmp_path: Path
) -> None:
    job = create_job(client, Name="percent")
    set_env(client, f"/Job/{job}", OUTNAME="fromjob", SHARED="job")
    task = add_task(
        client,
        job,
        CommandLine="pwd; echo $SHARED",
        WorkDirectory=f"{tmp_path}/w%CCP_JOBID%",
        StdOutFilePath="%CCP_TASKID%-%ccp_taskinstanceid%-%OUTNAME%-%SHARED%-%NO_SUCH%.txt",
    )
    set_env(client, f"/Job/{job}/Task/{task}", SHARED="task")
    submit(client, job)
    assert wait_state(client, job, {"Finished", "Failed"})["State"] == "Finished"
    workdir = tmp_path / f"w{job}"
    out = workdir / f"{task}-0-fromjob-task-%NO_SUCH%.txt"
    assert out.read_text() == f"{workdir}\ntask\n"
    # the property keeps what the client set; only the run sees the expansion
    props = task_props(client, job, task, "StdOutFilePath,Output")
    assert (
        props["StdOutFilePath"]
        == "%CCP_TASKID%-%ccp_taskinstanceid%-%OUTNAME%-%SHARED%-%NO_SUCH%.txt"
    )
    assert props["Output"] == f"{workdir}\ntask\n"


def test_sweep_instance_id_in_a_percent_path(client: httpx.Client, tmp_path: Path) -> None:
    job = create_job(client, Name="percent-sweep")
    add_task(
        client,
        job,
        Type="ParametricSweep",
        StartValue=5,
        EndValue=6,
        CommandLine="echo *",
        WorkDirectory=str(tmp_path),
        StdOutFilePath="%CCP_JOBID%.%CCP_TASKINSTANCEID%.out",
    )
    submit(client, job)
    assert wait_state(client, job, {"Finished", "Failed"})["State"] == "Finished"
    assert (tmp_path / f"{job}.1.out").read_text() == "5\n"
    assert (tmp_path / f"{job}.2.out").read_text() == "6\n"


def test_tasks_get_a_node_like_environment_not_the_emulators(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HPC_TEST_SECRET", "s3cret-value")
    with (
        run_emulator(data_dir=tmp_path / "data") as emu,
        httpx.Client(base_url=emu.base_url, timeout=30) as c,
    ):
        job = create_job(c, Name="env")
        set_env(c, f"/Job/{job}", FROM_JOB="j", BOTH="job")
        task = add_task(c, job, CommandLine="env")
        set_env(c, f"/Job/{job}/Task/{task}", BOTH="task")
        submit(c, job)
        assert wait_state(c, job, {"Finished", "Failed"})["State"] == "Finished"
        output = task_props(c, job, task, "Output")["Output"] or ""
    env = dict(line.split("=", 1) for line in output.splitlines() if "=" in line)
    assert "s3cret-value" not in output
    assert env["PATH"] == "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    assert env["LANG"] == "C.UTF-8"
    assert Path(env["HOME"]).is_dir() and Path(env["TMPDIR"]).is_dir()
    assert env["HOME"].startswith(str(tmp_path / "data"))
    assert env["CCP_JOBID"] == str(job) and env["CCP_TASKID"] == str(task)
    assert env["CCP_TASKINSTANCEID"] == "0" and env["CCP_CLUSTER_NAME"] == "EMULATED"
    assert env["FROM_JOB"] == "j" and env["BOTH"] == "task"
    inherited = {"USER", "PYTHONPATH", "VIRTUAL_ENV", "PYTEST_CURRENT_TEST"} & set(env)
    assert not inherited, inherited
