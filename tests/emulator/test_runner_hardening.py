"""The task runner under hostile or racy input: no stuck task, no leaked process, no frozen loop.

Findings are listed in `tests/reliability/FOUND.md` (runner section). NUL bytes cannot travel in
XML and a lone surrogate cannot be UTF-8, so those values are put on a Configuring job
in-process (the scheduling loop does not look at it until it is submitted over HTTP).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hpc_emulator.scheduler import Scheduler
from hpc_emulator.testing import RunningEmulator, run_emulator

from .helpers import XML, V, add_task, create_job, submit, task_props, wait_state
from .procscan import marked_pids, new_marker, set_env, wait_none_marked

SER = "http://schemas.microsoft.com/2003/10/Serialization/"


@pytest.fixture
def one_core(tmp_path: Path) -> Iterator[tuple[RunningEmulator, httpx.Client]]:
    """An emulator with a single core: one leaked allocation blocks every later job."""
    with (
        run_emulator(data_dir=tmp_path / "data", nodes=1, cores_per_node=1) as emu,
        httpx.Client(base_url=emu.base_url, timeout=30) as c,
    ):
        yield emu, c


def _scheduler(emu: RunningEmulator) -> Scheduler:
    assert emu._emulator is not None
    return emu._emulator.scheduler


BAD_VALUES = [
    ("command NUL", "CommandLine", "echo a\x00b"),
    ("command surrogate", "CommandLine", "echo \ud800"),
    ("workdir NUL", "WorkDirectory", "w\x00d"),
    ("workdir surrogate", "WorkDirectory", "w\udfffd"),
    ("stdout NUL", "StdOutFilePath", "o\x00.txt"),
    ("stdin surrogate", "StdInFilePath", "i\ud800.txt"),
    ("env NUL", "env", "a\x00b"),
    ("env surrogate", "env", "\ud800"),
]


@pytest.mark.parametrize(("case", "field", "value"), BAD_VALUES, ids=[b[0] for b in BAD_VALUES])
def test_a_task_that_cannot_start_fails_and_frees_its_cores(
    one_core: tuple[RunningEmulator, httpx.Client], case: str, field: str, value: str
) -> None:
    emu, c = one_core
    job = create_job(c, Name=case)
    task = add_task(c, job, CommandLine="echo fine")
    held = _scheduler(emu).jobs[job]
    if field == "env":
        held.env["BAD"] = value
    else:
        held.tasks[task].props[field] = value
    submit(c, job)
    assert wait_state(c, job, {"Finished", "Failed"}, timeout=15)["State"] == "Failed"
    props = task_props(c, job, task, "State,ErrorMessage")
    assert props["State"] == "Failed"
    assert (props["ErrorMessage"] or "").startswith("Cannot "), props
    # the single core is free again: the next job runs
    after = create_job(c, Name="after")
    add_task(c, after, CommandLine="echo next")
    submit(c, after)
    assert wait_state(c, after, {"Finished", "Failed"}, timeout=15)["State"] == "Finished"


def _unblock_fifo(path: Path) -> None:
    """Let an emulator that blocked opening the FIFO go on (the old code's freeze)."""

    def peer() -> None:
        for flags in (os.O_WRONLY, os.O_RDONLY):
            try:
                fd = os.open(path, flags | os.O_NONBLOCK)
            except OSError:
                continue
            os.close(fd)

    threading.Thread(target=peer, daemon=True).start()


@pytest.mark.parametrize("stream", ["StdInFilePath", "StdOutFilePath", "StdErrFilePath"])
def test_a_fifo_std_file_does_not_freeze_the_emulator(tmp_path: Path, stream: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with run_emulator(data_dir=tmp_path / "data") as emu:
        try:
            with httpx.Client(base_url=emu.base_url, timeout=30) as c:
                job = create_job(c, Name="fifo")
                task = add_task(c, job, CommandLine="cat", **{stream: str(fifo)})
                submit(c, job)
                with httpx.Client(base_url=emu.base_url, timeout=5) as other:
                    for _ in range(5):  # the attack is under way: others are still served
                        assert other.get("/Version", headers=V).status_code == 200
                state = wait_state(c, job, {"Finished", "Failed"}, timeout=15)["State"]
                props = task_props(c, job, task, "State,ErrorMessage")
        finally:
            _unblock_fifo(fifo)
    if stream == "StdInFilePath":  # no writer: the task reads end of file
        assert state == "Finished", props
    else:  # no reader: strict, the task cannot write its output
        assert state == "Failed" and "Cannot prepare" in (props["ErrorMessage"] or ""), props


def test_dev_zero_as_stdout_is_not_read_into_memory(tmp_path: Path) -> None:
    with (
        run_emulator(data_dir=tmp_path / "data") as emu,
        httpx.Client(base_url=emu.base_url, timeout=30) as c,
    ):
        job = create_job(c, Name="zero")
        task = add_task(c, job, CommandLine="echo hi", StdOutFilePath="/dev/zero")
        submit(c, job)
        with httpx.Client(base_url=emu.base_url, timeout=5) as other:
            for _ in range(5):
                assert other.get("/Version", headers=V).status_code == 200
        assert wait_state(c, job, {"Finished", "Failed"}, timeout=15)["State"] == "Finished"
        assert task_props(c, job, task, "Output")["Output"] == ""


@pytest.mark.parametrize("to_file", [False, True], ids=["output-pipe", "stdout-file"])
def test_a_task_ends_with_its_own_process_and_its_leftovers_are_stopped(
    client: httpx.Client, tmp_path: Path, to_file: bool
) -> None:
    marker = new_marker()
    job = create_job(client, Name="background")
    set_env(client, f"/Job/{job}", MARK=marker)
    extra = {"StdOutFilePath": str(tmp_path / "out.txt")} if to_file else {}
    task = add_task(client, job, CommandLine="sleep 15 & echo started", **extra)
    submit(client, job)
    # bounded well below the background child's 15 s
    assert wait_state(client, job, {"Finished", "Failed"}, timeout=8)["State"] == "Finished"
    assert task_props(client, job, task, "Output")["Output"] == "started\n"
    assert wait_none_marked(marker, timeout=5) == []


def test_cancel_right_after_submit_leaves_no_process(client: httpx.Client) -> None:
    marker = new_marker()
    jobs = []
    for i in range(40):
        job = create_job(client, Name=f"race-{i}")
        set_env(client, f"/Job/{job}", MARK=marker)
        add_task(client, job, CommandLine="sleep 30")
        jobs.append(job)
    for job in jobs:
        submit(client, job)
        r = client.post(
            f"/Job/{job}/Cancel", content=f'<string xmlns="{SER}">now</string>', headers=XML
        )
        assert r.status_code == 200, r.text
    for job in jobs:
        assert wait_state(client, job, {"Canceled"}, timeout=10)["State"] == "Canceled"
    # SIGTERM at once, SIGKILL after the 5 s grace: far less than the tasks' 30 s
    leaked = wait_none_marked(marker, timeout=10)
    for pid in leaked:  # do not leave them behind when this fails
        with contextlib.suppress(OSError):
            os.kill(pid, 9)
    assert leaked == []


def test_requeue_within_the_kill_grace_is_not_touched_by_the_old_run(
    client: httpx.Client, tmp_path: Path
) -> None:
    marker = new_marker()
    job = create_job(client, Name="requeue-race")
    set_env(client, f"/Job/{job}", MARK=marker)
    first = tmp_path / "first"
    # run 1 ignores SIGTERM (so it lives through the grace); run 2 outlives that grace
    command = f"if [ -e {first} ]; then sleep 7; echo second; else trap '' TERM; touch {first}; sleep 30; fi"
    task = add_task(client, job, CommandLine=command)
    submit(client, job)
    wait_state(client, job, {"Running"})
    for _ in range(200):
        if first.exists():
            break
        time.sleep(0.05)
    assert first.exists()
    r = client.post(
        f"/Job/{job}/Cancel", content=f'<string xmlns="{SER}">stop</string>', headers=XML
    )
    assert r.status_code == 200, r.text
    r = client.post(
        f"/Job/{job}/Requeue",
        content='<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common"/>',
        headers=XML,
    )
    assert r.status_code == 200, r.text
    props = wait_state(client, job, {"Finished", "Failed", "Canceled"}, timeout=20)
    task_end = task_props(client, job, task, "State,Output,ErrorMessage")
    assert props["State"] == "Finished", (props, task_end)
    assert task_end["State"] == "Finished" and task_end["Output"] == "second\n", task_end
    assert wait_none_marked(marker, timeout=5) == []


def test_marked_pids_sees_a_marked_process() -> None:
    """The leak checks above can fail: the scan finds a process that carries the marker."""
    marker = new_marker()
    proc = subprocess.Popen(["sleep", "10"], env={"MARK": marker, "PATH": os.defpath})
    try:
        assert marked_pids(marker) == [proc.pid]
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_a_child_that_left_the_process_group_is_stopped_too(client: httpx.Client) -> None:
    """`setsid` puts the child in its own session, out of reach of the group kill; it still
    carries the run's token, and holds the output pipe open."""
    marker = new_marker()
    job = create_job(client, Name="escape")
    set_env(client, f"/Job/{job}", MARK=marker)
    task = add_task(client, job, CommandLine="setsid sleep 15 & echo started")
    submit(client, job)
    assert wait_state(client, job, {"Finished", "Failed"}, timeout=8)["State"] == "Finished"
    assert task_props(client, job, task, "Output")["Output"] == "started\n"
    assert wait_none_marked(marker, timeout=5) == []
