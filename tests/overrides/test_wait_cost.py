"""What a wait with progress costs per poll, counted at the client over loopback HTTP.

On a 10,000-instance sweep a poll must be one Get Job plus the pages of the tasks that changed
(1,000 rows a page), not the whole task list 10 rows at a time.
"""

from __future__ import annotations

import asyncio
import datetime
import math
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator, run_emulator
from hpcpack import AsyncHpcClient, HpcClient, Job, JobState, Task, TaskState, TaskType, waiting

pytestmark = pytest.mark.timeout(180)
INSTANCES = 10_000


class Counter:
    """Requests of the current poll: Get Job calls, task pages and the rows they carried."""

    def __init__(self) -> None:
        self.polls: list[dict[str, Any]] = []
        self.current = self.fresh()

    @staticmethod
    def fresh() -> dict[str, Any]:
        return {"jobs": 0, "pages": 0, "rows": 0, "filtered": False}

    def response(self, response: httpx.Response) -> None:
        path = response.request.url.path
        if response.request.method != "GET":
            return
        if path.endswith("/Tasks"):
            response.read()
            self.current["pages"] += 1
            self.current["rows"] += len(response.json())
            self.current["filtered"] |= "$filter" in response.request.url.params
        elif "/Job/" in path:
            self.current["jobs"] += 1

    def end_poll(self) -> dict[str, Any]:
        poll, self.current = self.current, self.fresh()
        self.polls.append(poll)
        return poll


@pytest.fixture(scope="module")
def small_cluster() -> Iterator[RunningEmulator]:
    """Two cores: two instances run (`sleep`), the other 9,998 stay queued."""
    with run_emulator(nodes=1, cores_per_node=2) as emulator:
        yield emulator


def sweep(hpc: HpcClient, command: str) -> int:
    job_id = hpc.jobs.create(Job(name="big sweep", min_cores=1, max_cores=2))
    hpc.jobs.add_task(
        job_id,
        Task(
            command_line=command, type_=TaskType.PARAMETRICSWEEP, start_value=1, end_value=INSTANCES
        ),
    )
    hpc.jobs.submit(job_id)
    return job_id


def test_a_poll_costs_what_changed_not_the_job_size(small_cluster: RunningEmulator) -> None:
    counter = Counter()
    with HpcClient(small_cluster.url, allow_insecure_basic=True) as hpc:
        hpc.http.event_hooks["response"].append(counter.response)
        job_id = sweep(hpc, "sleep 120")
        steady = 0
        last: dict[TaskState, int] = {}

        def progress(job: Job, counts: Mapping[TaskState, int]) -> None:
            nonlocal steady
            last.clear()
            last.update(counts)
            poll = counter.end_poll()
            # a poll: one Get Job, and one page per 1,000 changed tasks (at least one page)
            assert poll["jobs"] == 1
            assert poll["pages"] == max(1, math.ceil(poll["rows"] / waiting.ROWS_PER_READ))
            if len(counter.polls) > 1:
                assert poll["filtered"]
            steady = steady + 1 if poll["pages"] == 1 and poll["rows"] == 0 else 0
            if steady == 3 or len(counter.polls) == 60:
                hpc.jobs.cancel(job_id, "enough")

        job = hpc.jobs.wait(job_id, poll_interval=0.2, timeout=150, progress=progress)
    assert job.state is JobState.CANCELED
    # later quiet polls were 2 requests and no rows; every instance was listed at least once (the emulator creates a big sweep's instances in
    # slices, so the first polls may see part of it, each new slice as changed rows)
    assert sum(p["rows"] for p in counter.polls) >= INSTANCES
    quiet = [p for p in counter.polls[1:] if p["rows"] == 0]
    assert len(quiet) >= 3
    assert all(p["jobs"] + p["pages"] == 2 for p in quiet)
    # the callback's counts are one state per instance, all ended after the cancel
    assert sum(last.values()) == INSTANCES
    assert set(last) <= {TaskState.CANCELED, TaskState.FINISHED, TaskState.FAILED}


async def test_async_wait_costs_the_same(small_cluster: RunningEmulator) -> None:
    counter = Counter()

    async def hook(response: httpx.Response) -> None:
        if response.request.method == "GET" and response.request.url.path.endswith("/Tasks"):
            await response.aread()
        counter.response(response)

    async with AsyncHpcClient(small_cluster.url, allow_insecure_basic=True) as hpc:
        hpc.http.event_hooks["response"].append(hook)
        job_id = await hpc.jobs.create(name="async sweep")
        await hpc.jobs.add_task(
            job_id,
            Task(
                command_line="sleep 120",
                type_=TaskType.PARAMETRICSWEEP,
                start_value=1,
                end_value=INSTANCES,
            ),
        )
        await hpc.jobs.submit(job_id)
        ended: list[Any] = []

        def progress(job: Job, counts: Mapping[TaskState, int]) -> None:
            poll = counter.end_poll()
            quiet = poll["pages"] == 1 and poll["rows"] == 0
            if (quiet or len(counter.polls) == 60) and not ended:
                ended.append(asyncio.ensure_future(hpc.jobs.cancel(job_id)))

        job = await hpc.jobs.wait(job_id, poll_interval=0.2, timeout=150, progress=progress)
        await ended[0]
    assert job.state is JobState.CANCELED
    # every instance was listed at least once (the emulator creates a big sweep's instances in
    # slices, so the first polls may see part of it, each new slice as changed rows)
    assert sum(p["rows"] for p in counter.polls) >= INSTANCES
    assert all(p["jobs"] == 1 for p in counter.polls)
    assert any(p["pages"] == 1 and p["rows"] == 0 for p in counter.polls[1:])
    assert all(
        p["pages"] == max(1, math.ceil(p["rows"] / waiting.ROWS_PER_READ)) for p in counter.polls
    )


def test_servers_without_filter_get_full_lists(small_cluster: RunningEmulator) -> None:
    """api-version None (HPC Pack 2008 R2 SP2) has no `$filter`: each poll lists every task."""
    counter = Counter()
    with HpcClient(small_cluster.url, allow_insecure_basic=True) as hpc:
        job_id = hpc.jobs.create(name="three")
        for _ in range(3):
            hpc.jobs.add_task(job_id, command_line="sleep 120")
        hpc.jobs.submit(job_id)
        old = hpc.with_api_version(None)
        old.http.event_hooks["response"].append(counter.response)
        seen: list[int] = []

        def progress(job: Job, counts: Mapping[TaskState, int]) -> None:
            seen.append(sum(counts.values()))
            counter.end_poll()
            if len(seen) == 3:
                hpc.jobs.cancel(job_id)

        old.jobs.wait(job_id, poll_interval=0.05, timeout=60, progress=progress)
    assert all(p["rows"] == 3 and not p["filtered"] for p in counter.polls)
    assert seen[-1] == 3


# -- the ChangeTimeFrom bookkeeping, without a server ---------------------------------------------


@pytest.mark.parametrize("zone_hours", [0, 5.75, -5])
def test_since_follows_the_server_clock(monkeypatch: pytest.MonkeyPatch, zone_hours: float) -> None:
    """ChangeTimes in any zone or skew: the next ChangeTimeFrom is the newest one seen, advanced
    by the time elapsed since its page arrived, minus the margin; never later than a change
    the next list must return."""
    now = [1000.0]
    monkeypatch.setattr(waiting.time, "monotonic", lambda: now[0])
    server = datetime.datetime(2026, 3, 1, 12, 0, 0) + datetime.timedelta(hours=zone_hours)
    states = waiting.TaskStates(True)
    assert states.since() is None  # the first list is a full one
    states.page_arrived()
    for i, age in enumerate((3, 40, 3600)):
        changed = server - datetime.timedelta(seconds=age)
        states.add(Task(task_id=f"1.1.{i}", state=TaskState.QUEUED, change_time=changed))
    assert states.counts() == {TaskState.QUEUED: 3}
    now[0] += 10.5  # the next poll, 10.5 s later
    since = states.since()
    assert (
        since
        == server - datetime.timedelta(seconds=3) + datetime.timedelta(seconds=10) - waiting.MARGIN
    )
    # a task that changed right after the previous page arrived is still listed
    assert since <= server + datetime.timedelta(seconds=0.5) - waiting.MARGIN + datetime.timedelta(
        seconds=10
    )
    states.add(Task(task_id="1.1.0", state=TaskState.FINISHED))
    assert states.counts() == {TaskState.QUEUED: 2, TaskState.FINISHED: 1}


def test_the_filter_goes_out_in_the_server_rendering() -> None:
    """The date sent is ISO without a zone (spaces would split the $filter tokens)."""
    states = waiting.TaskStates(True)
    states.page_arrived()
    states.add(
        Task(
            task_id="1.1",
            state=TaskState.QUEUED,
            change_time=datetime.datetime(2026, 3, 1, 13, 4, 5),
        )
    )
    request = states.pages(7).request(None)
    assert request["params"]["$filter"].startswith("ChangeTimeFrom eq 2026-03-01T13:04:")
    assert request["params"]["Render"] == "RestPropRender"
    assert request["params"]["RowsPerRead"] == waiting.ROWS_PER_READ


def test_ticks_keep_a_fixed_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    """A poll that took 0.3 s of a 1 s interval leaves 0.7 s; one that overran skips a tick."""
    now = [100.0]
    monkeypatch.setattr(waiting.time, "monotonic", lambda: now[0])
    ticks = waiting.Ticks(1.0)
    now[0] = 100.3
    assert ticks.delay(None) == pytest.approx(0.7)
    now[0] = 102.4  # the next poll (at 101.0) took 1.4 s
    assert ticks.delay(None) == pytest.approx(0.6)
    assert ticks.delay(102.5) == pytest.approx(0.1)  # never sleeps past the deadline
