"""What the emulator pays for, counted (never timed): a `ChangeTimeFrom` poll reads the tasks
that changed, not every task; expansion slices are bounded; instance saves are coalesced."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from hpc_emulator import listing
from hpc_emulator.changes import COMPACT_MIN, ChangeIndex
from hpc_emulator.entities import Job
from hpc_emulator.testing import RunningEmulator, run_emulator

from .helpers import XML, add_task, create_job, parse_objects, submit, wait_state

STOP = '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">stop</string>'
SMALL = 10  # records a poll may read beyond the changed ones


class Accepts:
    """Counts the task records a list examines (`Filter.accepts` calls)."""

    def __init__(self, mp: pytest.MonkeyPatch) -> None:
        self.calls = 0
        original = listing.Filter.accepts

        def counting(flt: listing.Filter, state: str | None, changed: datetime | None) -> bool:
            self.calls += 1
            return original(flt, state, changed)

        mp.setattr(listing.Filter, "accepts", counting)


def changed_rows(client: httpx.Client, job: int, since: datetime) -> list[str]:
    r = client.get(
        f"/Job/{job}/Tasks",
        params={
            "$filter": f"ChangeTimeFrom eq {since.isoformat()}",
            "RowsPerRead": "100000",
            "Properties": "TaskId,State",
        },
    )
    assert r.status_code == 200, r.text
    return [str(row["TaskId"]) for row in parse_objects(r.text)]


def scanned(job: Job, since: datetime) -> list[str]:
    """The answer by brute force over the emulator's own objects, in list order."""
    return [
        str(item.props["TaskId"])
        for item in job.items()
        if item.props.get("ChangeTime") is not None and item.props["ChangeTime"] >= since
    ]


def the_job(emu: RunningEmulator, job: int) -> Job:
    assert emu._emulator is not None
    return emu._emulator.scheduler.jobs[job]


def running_sweep(client: httpx.Client, instances: int) -> int:
    job = create_job(client)
    add_task(
        client,
        job,
        Type="ParametricSweep",
        StartValue=1,
        EndValue=instances,
        CommandLine="sleep 600",
    )
    submit(client, job)
    wait_state(client, job, {"Running"}, 120)
    return job


def cancel_subtasks(client: httpx.Client, job: int, ids: list[int]) -> None:
    for i in ids:
        r = client.post(f"/Job/{job}/Task/1/SubTask/{i}/Cancel", content=STOP, headers=XML)
        assert r.status_code == 200, r.text


@pytest.fixture
def mp() -> Iterator[pytest.MonkeyPatch]:
    patch = pytest.MonkeyPatch()
    yield patch
    patch.undo()


def test_change_poll_reads_only_changed_tasks(mp: pytest.MonkeyPatch) -> None:
    # before: every one of the 5,000 instances was examined by each poll
    with (
        run_emulator(nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        job = running_sweep(client, 5000)
        since = datetime.now(UTC)
        cancel_subtasks(client, job, [100, 2000, 4999])
        counter = Accepts(mp)
        rows = changed_rows(client, job, since)
        mp.undo()
        assert rows == scanned(the_job(emu, job), since)
        assert {f"{job}.1.100", f"{job}.1.2000", f"{job}.1.4999"} <= set(rows)
        assert counter.calls <= len(rows) + SMALL, counter.calls
        # the same poll once nothing changed since: nothing read
        later = datetime.now(UTC) + timedelta(seconds=1)
        counter = Accepts(mp)
        assert changed_rows(client, job, later) == []
        assert counter.calls <= SMALL, counter.calls
        client.post(f"/Job/{job}/Cancel", params={"Forced": "true"}, content=STOP, headers=XML)


def test_change_poll_after_restart_reads_only_changed_tasks(
    tmp_path: Path, mp: pytest.MonkeyPatch
) -> None:
    # the index is rebuilt from SQLite (lazily) for the jobs a restart loads
    with (
        run_emulator(data_dir=tmp_path, nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        job = running_sweep(client, 2000)
        since = datetime.now(UTC)
        cancel_subtasks(client, job, [5, 1500])
    with (
        run_emulator(data_dir=tmp_path, nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        counter = Accepts(mp)
        rows = changed_rows(client, job, since)
        mp.undo()
        # the two canceled, and what the restart requeued (the two that were running)
        assert rows == scanned(the_job(emu, job), since)
        assert {f"{job}.1.5", f"{job}.1.1500"} <= set(rows)
        assert counter.calls <= len(rows) + SMALL, counter.calls
        # changes after the restart are indexed too
        again = datetime.now(UTC)
        cancel_subtasks(client, job, [700])
        assert f"{job}.1.700" in changed_rows(client, job, again)
        assert changed_rows(client, job, again) == scanned(the_job(emu, job), again)
        client.post(f"/Job/{job}/Cancel", params={"Forced": "true"}, content=STOP, headers=XML)


def test_change_index_is_a_superset_and_stays_bounded() -> None:
    index = ChangeIndex()
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(3 * COMPACT_MIN):  # one item changing over and over
        index.add(t0 + timedelta(seconds=i), (1, 0), items=1)
    assert len(index) <= COMPACT_MIN + 5  # compacted, not 3 x COMPACT_MIN
    # a clock that steps back: the entry is still found from its own time on
    index.add(t0 + timedelta(seconds=5), (2, 7), items=2)
    assert (2, 7) in index.since(t0 + timedelta(seconds=5))
    assert index.since(t0 + timedelta(days=1)) == set()


def test_expansion_slices_stop_on_the_clock(mp: pytest.MonkeyPatch) -> None:
    # before: a pass created a fixed 100 instances, however long they took
    from hpc_emulator import scheduler as scheduler_module

    ticks = [0.0]

    def clock() -> float:  # 1 ms a reading: a slice may read it a few times only
        ticks[0] += 0.001
        return ticks[0]

    per_pass: list[int] = []
    original_pass = scheduler_module.Scheduler._pass

    def counting_pass(self: scheduler_module.Scheduler) -> None:
        jobs = list(self.jobs.values())
        before = sum(len(t.subtasks) for j in jobs for t in j.tasks.values())
        original_pass(self)
        per_pass.append(sum(len(t.subtasks) for j in jobs for t in j.tasks.values()) - before)

    mp.setattr(scheduler_module, "_clock", clock, raising=False)
    mp.setattr(scheduler_module.Scheduler, "_pass", counting_pass)
    instances = 1000
    with (
        run_emulator(nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        job = running_sweep(client, instances)
        client.post(f"/Job/{job}/Cancel", params={"Forced": "true"}, content=STOP, headers=XML)
    bound = (scheduler_module.SLICE_SECONDS / 0.001 + 1) * scheduler_module.EXPAND_CHECK
    assert sum(per_pass) == instances
    assert 0 < max(per_pass) <= bound, (max(per_pass), bound)
    assert len([n for n in per_pass if n]) >= instances / bound


def test_loop_callbacks_per_task_run_are_few(mp: pytest.MonkeyPatch) -> None:
    # before: ~23 per instance of `true` (StreamReader pipe transport, a worker-thread hop to
    # prepare, shielded waits, done callbacks, a commit every two iterations); now ~13
    import asyncio.events
    import threading
    import time

    instances = 600
    counted = [0]
    on = [False]
    original = asyncio.events.Handle._run

    def counting(handle: asyncio.events.Handle) -> None:
        if on[0] and threading.current_thread().name == "hpc-emulator":
            counted[0] += 1
        original(handle)

    mp.setattr(asyncio.events.Handle, "_run", counting)
    with (
        run_emulator(nodes=4, cores_per_node=4) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        job = create_job(client)
        add_task(client, job, Type="ParametricSweep", EndValue=instances, CommandLine="true")
        on[0] = True
        submit(client, job)
        deadline = time.monotonic() + 120
        while the_job(emu, job).state != "Finished":  # no HTTP polls among the callbacks
            assert time.monotonic() < deadline, the_job(emu, job).state
            time.sleep(0.05)
        on[0] = False
    assert counted[0] / instances < 18, counted[0] / instances
