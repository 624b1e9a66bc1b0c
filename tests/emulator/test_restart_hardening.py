"""Restart safety: stored PIDs are verified before any kill; one emulator per data dir."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from hpc_emulator.testing import run_emulator, start_emulator_process

from .helpers import add_task, create_job, submit, task_props, wait_state
from .procscan import new_marker, set_env, wait_none_marked


def _wait_running(c: httpx.Client, job: int, task: int) -> None:
    deadline = time.monotonic() + 15
    while task_props(c, job, task, "State")["State"] != "Running":
        assert time.monotonic() < deadline
        time.sleep(0.05)


def _wait_pid(c: httpx.Client, db: Path, job: int, task: int) -> int:
    _wait_running(c, job, task)
    deadline = time.monotonic() + 15
    while (pid := _stored_pid(db, job, task)) is None:
        assert time.monotonic() < deadline, "the task's PID was never stored"
        time.sleep(0.05)
    return pid


def _stored_pid(db: Path, job: int, task: int) -> int | None:
    with sqlite3.connect(db) as conn:
        (data,) = conn.execute(
            "SELECT data FROM tasks WHERE job_id=? AND task_id=? AND instance_id=0", (job, task)
        ).fetchone()
    pid = json.loads(data).get("pid")
    return int(pid) if pid else None


def _point_pid_at(db: Path, job: int, task: int, pid: int) -> None:
    """What PID reuse does: the stored PID now names another program's process group."""
    with sqlite3.connect(db) as conn:
        (data,) = conn.execute(
            "SELECT data FROM tasks WHERE job_id=? AND task_id=? AND instance_id=0", (job, task)
        ).fetchone()
        doc = json.loads(data)
        doc["pid"] = pid
        conn.execute(
            "UPDATE tasks SET data=? WHERE job_id=? AND task_id=? AND instance_id=0",
            (json.dumps(doc), job, task),
        )


def test_restart_kills_no_process_group_that_reused_a_stored_pid(tmp_path: Path) -> None:
    marker = new_marker()
    proc = start_emulator_process(data_dir=tmp_path, nodes=1, cores_per_node=1)
    try:
        c = httpx.Client(base_url=proc.base_url, timeout=30)
        job = create_job(c, Name="lost")
        set_env(c, f"/Job/{job}", MARK=marker)
        task = add_task(c, job, CommandLine="sleep 60", IsRerunnable="False")
        submit(c, job)
        pid = _wait_pid(c, tmp_path / "emulator.sqlite3", job, task)
        c.close()
    finally:
        proc.kill()
    # the task's own processes die (as after a reboot); a stranger takes its PID's place
    os.killpg(pid, 9)
    assert wait_none_marked(marker, timeout=10) == []
    victim = subprocess.Popen(["sleep", "60"], start_new_session=True)
    try:
        _point_pid_at(tmp_path / "emulator.sqlite3", job, task, victim.pid)
        proc2 = start_emulator_process(data_dir=tmp_path, nodes=1, cores_per_node=1)
        try:
            c = httpx.Client(base_url=proc2.base_url, timeout=30)
            assert wait_state(c, job, {"Failed"}, timeout=60)["State"] == "Failed"
            c.close()
        finally:
            proc2.terminate()
        assert victim.poll() is None, "the restarted emulator killed an unrelated process group"
    finally:
        victim.kill()
        victim.wait(timeout=10)


def test_restart_still_kills_the_tasks_own_leftover_group(tmp_path: Path) -> None:
    """Guard (held before too): verification must not spare the task's real processes."""
    marker = new_marker()
    proc = start_emulator_process(data_dir=tmp_path, nodes=1, cores_per_node=1)
    try:
        c = httpx.Client(base_url=proc.base_url, timeout=30)
        job = create_job(c, Name="orphan")
        set_env(c, f"/Job/{job}", MARK=marker)
        task = add_task(c, job, CommandLine="sleep 60", IsRerunnable="False")
        submit(c, job)
        _wait_pid(c, tmp_path / "emulator.sqlite3", job, task)
        c.close()
    finally:
        proc.kill()
    assert wait_none_marked(marker, timeout=0.5) != []  # the task outlived the emulator
    proc2 = start_emulator_process(data_dir=tmp_path, nodes=1, cores_per_node=1)
    try:
        assert wait_none_marked(marker, timeout=10) == []
    finally:
        proc2.terminate()


def test_a_second_emulator_on_the_same_data_dir_refuses_to_start(tmp_path: Path) -> None:
    first = start_emulator_process(data_dir=tmp_path)
    try:
        try:
            started = start_emulator_process(data_dir=tmp_path)
        except RuntimeError:
            pass
        else:
            started.terminate()
            raise AssertionError("a second emulator started on the same data dir")
        second = subprocess.run(
            [sys.executable, "-m", "hpc_emulator", "--port", "0", "--data-dir", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode != 0
        assert "in use by another emulator" in second.stderr, second.stderr
        assert f"pid {first.pid}" in second.stderr
        from hpc_emulator.store import DataDirLocked

        with pytest.raises(DataDirLocked), run_emulator(data_dir=tmp_path):
            pass
        c = httpx.Client(base_url=first.base_url, timeout=30)
        assert c.get("/Version").status_code == 200  # the first one is unaffected
        c.close()
    finally:
        first.terminate()
    with run_emulator(data_dir=tmp_path):  # free again once the first has stopped
        pass


def test_the_lock_is_released_by_a_sigkill(tmp_path: Path) -> None:
    first = start_emulator_process(data_dir=tmp_path)
    first.kill()
    second = start_emulator_process(data_dir=tmp_path)
    second.terminate()


def test_restart_kills_a_task_canceled_within_its_grace(tmp_path: Path) -> None:
    """The SIGKILL after the grace period was a timer of the dead emulator: the restart must
    still stop the run it had canceled."""
    marker = new_marker()
    first = tmp_path / "first"
    proc = start_emulator_process(data_dir=tmp_path / "data", nodes=1, cores_per_node=1)
    try:
        c = httpx.Client(base_url=proc.base_url, timeout=30)
        job = create_job(c, Name="grace")
        set_env(c, f"/Job/{job}", MARK=marker)
        add_task(c, job, CommandLine=f"trap '' TERM; touch {first}; sleep 60")
        submit(c, job)
        deadline = time.monotonic() + 15
        while not first.exists():
            assert time.monotonic() < deadline, "the task never started"
            time.sleep(0.05)
        r = c.post(
            f"/Job/{job}/Cancel",
            content='<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">x</string>',
            headers={"Content-Type": "application/xml; charset=utf-8"},
        )
        assert r.status_code == 200, r.text
        c.close()
    finally:
        proc.kill()  # within the grace: the task ignores SIGTERM, no SIGKILL sent yet
    assert wait_none_marked(marker, timeout=0.5) != []
    proc2 = start_emulator_process(data_dir=tmp_path / "data", nodes=1, cores_per_node=1)
    try:
        leaked = wait_none_marked(marker, timeout=10)
    finally:
        proc2.terminate()
        for pid in wait_none_marked(marker, timeout=0):
            os.kill(pid, 9)
    assert leaked == []
