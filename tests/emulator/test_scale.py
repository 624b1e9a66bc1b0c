"""A sweep costs the emulator O(1) work per instance: counted, never timed.

One 600-instance sweep of `true` on 16 slots runs once for the module, with counters hooked
into the in-process emulator: Task.state reads (O(instances) scans per event made this grow
with the square of the sweep), SQLite commits, instances created per scheduling pass and
threads alive while tasks run.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from hpc_emulator import scheduler as scheduler_module
from hpc_emulator.entities import Job, Task
from hpc_emulator.testing import run_emulator, start_emulator_process

from .helpers import (
    XML,
    add_task,
    create_job,
    job_props,
    parse_objects,
    props_xml,
    submit,
    task_props,
    wait_state,
)

INSTANCES = 600
ENDED = 60  # more than the emulator caches
STOP = '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">stop</string>'


@dataclass
class Counts:
    state_reads: int = 0
    commits: int = 0
    passes: int = 0
    created_per_pass: list[int] = field(default_factory=list)
    threads: list[int] = field(default_factory=list)
    expected_slices: int = 0
    final_subtasks: int = 0


@pytest.fixture(scope="module")
def sweep() -> Iterator[Counts]:
    counts = Counts()
    mp = pytest.MonkeyPatch()
    original_state = Task.state.fget
    assert original_state is not None

    def counting_state(self: Task) -> str:
        counts.state_reads += 1
        return original_state(self)

    original_pass = scheduler_module.Scheduler._pass

    def counting_pass(self: scheduler_module.Scheduler) -> None:
        jobs = list(self.jobs.values())  # a job that ends in the pass leaves the table
        before = sum(len(t.subtasks) for j in jobs for t in j.tasks.values())
        original_pass(self)
        after = sum(len(t.subtasks) for j in jobs for t in j.tasks.values())
        counts.passes += 1
        counts.created_per_pass.append(after - before)
        counts.threads.append(threading.active_count())

    try:
        with run_emulator(nodes=4, cores_per_node=4) as emu:
            assert emu._emulator is not None
            conn = emu._emulator.store.conn

            def trace(statement: str) -> None:
                if statement.strip().upper().startswith("COMMIT"):
                    counts.commits += 1

            with httpx.Client(base_url=emu.base_url, timeout=30) as client:
                job = create_job(client)
                add_task(
                    client,
                    job,
                    Type="ParametricSweep",
                    StartValue=1,
                    EndValue=INSTANCES,
                    CommandLine="true",
                )
                mp.setattr(Task, "state", property(counting_state))
                mp.setattr(scheduler_module.Scheduler, "_pass", counting_pass)
                conn.set_trace_callback(trace)
                counts.threads.append(threading.active_count())
                submit(client, job)
                state = wait_state(client, job, {"Finished", "Failed", "Canceled"}, 180)
                conn.set_trace_callback(None)
                mp.undo()
                assert state["State"] == "Finished", state
                master = emu._emulator.scheduler.jobs[job].tasks[1]
                counts.final_subtasks = len(master.subtasks)
    finally:
        mp.undo()
    yield counts


def test_state_reads_per_instance_are_bounded(sweep: Counts) -> None:
    # before: every instance event re-read the state of every instance (> 1,000 per instance)
    assert sweep.state_reads / INSTANCES < 40, sweep.state_reads


def test_fewer_commits_than_instances(sweep: Counts) -> None:
    # before: a commit for the spawn, one for the end and one per pass: > 2 per instance
    assert sweep.commits < INSTANCES, sweep.commits


def test_a_pass_creates_a_slice_of_the_sweep(sweep: Counts) -> None:
    # before: the first pass created all 600 instances (100,000 held the loop 10 s)
    assert sweep.final_subtasks == INSTANCES
    assert sum(sweep.created_per_pass) == INSTANCES
    assert max(sweep.created_per_pass) <= INSTANCES // 2, max(sweep.created_per_pass)


def test_no_thread_per_running_task() -> None:
    # before: asyncio's ThreadedChildWatcher ran one thread per child process (here +16)
    with (
        run_emulator(nodes=4, cores_per_node=4) as emu,
        httpx.Client(base_url=emu.base_url, timeout=30) as client,
    ):
        job = create_job(client)
        add_task(client, job, Type="ParametricSweep", EndValue=16, CommandLine="sleep 60")
        before = threading.active_count()
        submit(client, job)
        deadline = time.monotonic() + 60
        while True:
            running = client.get(
                f"/Job/{job}/Tasks",
                params={"$filter": "TaskState eq Running", "RowsPerRead": "100"},
            )
            if len(parse_objects(running.text)) >= 16:
                break
            assert time.monotonic() < deadline, "the 16 instances did not all start"
            time.sleep(0.05)
        time.sleep(0.2)  # every child watched by now
        during = threading.active_count()
        client.post(f"/Job/{job}/Cancel", params={"Forced": "true"}, content=STOP, headers=XML)
    assert during - before < 10, (before, during)  # the thread pool has at most 6 workers


def test_ended_jobs_are_not_held_in_memory(tmp_path: Path) -> None:
    # before: every job ever created was a Python object (13 KiB each, 8 s to load 100,000)
    proc = start_emulator_process(data_dir=tmp_path)
    try:
        with httpx.Client(base_url=proc.base_url, timeout=30) as client:
            done = create_job(client, Name="done")
            add_task(client, done, CommandLine="echo kept")
            submit(client, done)
            wait_state(client, done, {"Finished"})
            ended = [create_job(client, Name=f"ended-{i}") for i in range(ENDED)]
            for job in ended:
                r = client.post(f"/Job/{job}/Cancel", content=STOP, headers=XML)
                assert r.status_code == 200, r.text
            open_job = create_job(client, Name="open")
    finally:
        proc.terminate()
    gc.collect()
    held_before = sum(1 for o in gc.get_objects() if isinstance(o, Job))
    with (
        run_emulator(data_dir=tmp_path) as emu,
        httpx.Client(base_url=emu.base_url, timeout=30) as client,
    ):
        gc.collect()
        held = sum(1 for o in gc.get_objects() if isinstance(o, Job)) - held_before
        assert held == 1  # the Configuring job only
        rows = parse_objects(
            client.get("/Jobs", params={"RowsPerRead": "1000", "Properties": "Id,Name,State"}).text
        )
        assert [r["Name"] for r in rows] == ["done", *(f"ended-{i}" for i in range(ENDED)), "open"]
        assert {r["State"] for r in rows[1:-1]} == {"Canceled"}
        canceled = client.get(
            "/Jobs", params={"$filter": "JobState eq Canceled", "RowsPerRead": "1000"}
        )
        assert len(parse_objects(canceled.text)) == ENDED
        assert job_props(client, done, "State,Progress") == {"State": "Finished", "Progress": "100"}
        assert task_props(client, done, 1, "Output")["Output"] == "kept\n"
        r = client.post(f"/Job/{ended[0]}/Requeue", content=props_xml(), headers=XML)
        assert r.status_code == 200, r.text
        assert job_props(client, ended[0], "State")["State"] in {"Submitted", "Queued", "Finished"}
        assert job_props(client, open_job, "State")["State"] == "Configuring"


def test_sigkill_during_expansion_resumes_it(tmp_path: Path) -> None:
    # slices are committed as they go: a restart creates the rest, each instance exactly once
    big = 20_000
    proc = start_emulator_process(data_dir=tmp_path, nodes=1, cores_per_node=2)
    try:
        with httpx.Client(base_url=proc.base_url, timeout=30) as client:
            job = create_job(client)
            add_task(client, job, Type="ParametricSweep", EndValue=big, CommandLine="sleep 100")
            submit(client, job)
            deadline = time.monotonic() + 60
            while client.get(f"/Job/{job}/Task/1/SubTask/300").status_code == 404:
                assert time.monotonic() < deadline, "no slice was created"
                time.sleep(0.01)
            partial = client.get(f"/Job/{job}/Task/1/SubTask/{big}").status_code == 404
    finally:
        proc.kill()
    assert partial, "the whole sweep was created before the kill: nothing to resume"
    proc = start_emulator_process(data_dir=tmp_path, nodes=1, cores_per_node=2)
    try:
        with httpx.Client(base_url=proc.base_url, timeout=30) as client:
            deadline = time.monotonic() + 120
            while client.get(f"/Job/{job}/Task/1/SubTask/{big}").status_code == 404:
                assert time.monotonic() < deadline, "the expansion did not resume"
                time.sleep(0.05)
            wait_state(client, job, {"Running"}, 60)
            r = client.post(
                f"/Job/{job}/Cancel", params={"Forced": "true"}, content=STOP, headers=XML
            )
            assert r.status_code == 200, r.text
    finally:
        proc.terminate()
    conn = sqlite3.connect(tmp_path / "emulator.sqlite3")
    try:
        rows = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT instance_id), MIN(instance_id), MAX(instance_id) "
            "FROM tasks WHERE job_id = ? AND instance_id > 0",
            (job,),
        ).fetchone()
    finally:
        conn.close()
    assert rows == (big, big, 1, big)
