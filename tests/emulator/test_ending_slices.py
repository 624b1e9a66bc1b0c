"""A big job that is canceled or finished ends over several scheduling passes, Canceling or
Finishing meanwhile, instead of in the callback of the request (counted, never timed)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hpc_emulator import scheduler as scheduler_module
from hpc_emulator.entities import Task
from hpc_emulator.testing import run_emulator

from .helpers import XML, add_task, create_job, job_props, submit, task_props, wait_state
from .test_scale_counts import STOP, running_sweep, the_job

INSTANCES = 1000
TERMINAL_STATES = {"Finished", "Failed", "Canceled"}


class Starts:
    """Items the scheduler starts."""

    def __init__(self, mp: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = scheduler_module.Scheduler._start_item

        def counting(sched: scheduler_module.Scheduler, *args: object) -> None:
            self.count += 1
            original(sched, *args)  # type: ignore[arg-type]

        mp.setattr(scheduler_module.Scheduler, "_start_item", counting)


class PerPass:
    """Items stopped and instances created in each scheduling pass, and outside of passes."""

    def __init__(self, mp: pytest.MonkeyPatch) -> None:
        self.stopped: list[int] = []
        self.created: list[int] = []
        self.outside_stopped = self.outside_created = 0
        self._in_pass = False
        self._fake_clock(mp)
        original_pass = scheduler_module.Scheduler._pass
        original_stop = scheduler_module.Scheduler._stop_item
        original_instance = scheduler_module.Scheduler._instance

        def counting_pass(sched: scheduler_module.Scheduler) -> None:
            self.stopped.append(0)
            self.created.append(0)
            self._in_pass = True
            try:
                original_pass(sched)
            finally:
                self._in_pass = False

        def counting_stop(sched: scheduler_module.Scheduler, *args: object) -> None:
            if self._in_pass:
                self.stopped[-1] += 1
            else:
                self.outside_stopped += 1
            original_stop(sched, *args)  # type: ignore[arg-type]

        def counting_instance(sched: scheduler_module.Scheduler, *args: object) -> None:
            if self._in_pass:
                self.created[-1] += 1
            else:
                self.outside_created += 1
            original_instance(sched, *args)  # type: ignore[arg-type]

        mp.setattr(scheduler_module.Scheduler, "_pass", counting_pass)
        mp.setattr(scheduler_module.Scheduler, "_stop_item", counting_stop)
        mp.setattr(scheduler_module.Scheduler, "_instance", counting_instance)

    @staticmethod
    def _fake_clock(mp: pytest.MonkeyPatch) -> None:
        ticks = [0.0]

        def clock() -> float:  # 1 ms a reading: a slice reads it a few times only
            ticks[0] += 0.001
            return ticks[0]

        mp.setattr(scheduler_module, "_clock", clock)

    @property
    def bound(self) -> float:
        """What one pass may do: a check of the clock every EXPAND_CHECK items."""
        return (scheduler_module.SLICE_SECONDS / 0.001 + 1) * scheduler_module.EXPAND_CHECK


@pytest.fixture
def mp() -> Iterator[pytest.MonkeyPatch]:
    patch = pytest.MonkeyPatch()
    yield patch
    patch.undo()


def states(tasks: dict[int, Task]) -> set[str]:
    return {sub.state for task in tasks.values() for sub in task.subtasks.values()}


def test_big_cancel_is_canceling_then_canceled_in_slices(mp: pytest.MonkeyPatch) -> None:
    # before: one callback stopped every instance (a 100,000-instance sweep held it 2.5 s)
    with (
        run_emulator(nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        job = running_sweep(client, INSTANCES)
        counts = PerPass(mp)
        r = client.post(f"/Job/{job}/Cancel", params={"Forced": "true"}, content=STOP, headers=XML)
        assert r.status_code == 200, r.text
        assert job_props(client, job)["State"] in ("Canceling", "Canceled")
        ended = wait_state(client, job, {"Canceled", "Failed", "Finished"}, 60)
        assert ended["State"] == "Canceled"
        assert ended["ErrorMessage"] == "stop"
        tasks = the_job(emu, job).tasks
        assert len(tasks[1].subtasks) == INSTANCES
        assert states(tasks) == {"Canceled"} and tasks[1].state == "Canceled"
        r = client.post(f"/Job/{job}/Cancel", content=STOP, headers=XML)
        assert r.status_code == 409, r.text  # ended: as any Canceled job
    assert counts.outside_stopped == 0
    assert sum(counts.stopped) == INSTANCES + 1  # and the sweep task itself
    assert max(counts.stopped) <= counts.bound
    assert len([n for n in counts.stopped if n]) >= INSTANCES / counts.bound


def test_cancel_during_expansion_creates_the_rest_in_slices(mp: pytest.MonkeyPatch) -> None:
    # before: `_expand_rest` created every missing instance in the Cancel request's callback
    with (
        run_emulator(nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        counts = PerPass(mp)
        job = create_job(client)
        add_task(client, job, Type="ParametricSweep", StartValue=1, EndValue=INSTANCES,
                 CommandLine="sleep 600")  # fmt: skip
        submit(client, job)
        r = client.post(f"/Job/{job}/Cancel", content=STOP, headers=XML)
        assert r.status_code == 200, r.text
        assert wait_state(client, job, {"Canceled", "Failed"}, 60)["State"] == "Canceled"
        tasks = the_job(emu, job).tasks
        assert len(tasks[1].subtasks) == INSTANCES  # they exist, as from submission
        assert states(tasks) == {"Canceled"}
    assert counts.outside_created == counts.outside_stopped == 0
    assert sum(counts.created) == INSTANCES
    assert max(counts.created) <= counts.bound and max(counts.stopped) <= counts.bound


def test_a_small_cancel_still_ends_at_once() -> None:
    with (
        run_emulator(nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        job = running_sweep(client, scheduler_module.ENDING_AT_ONCE)
        r = client.post(f"/Job/{job}/Cancel", content=STOP, headers=XML)
        assert r.status_code == 200, r.text
        assert job_props(client, job)["State"] == "Canceled"


def wait_task(client: httpx.Client, job: int, task: int, states: set[str]) -> dict[str, str | None]:
    deadline = time.monotonic() + 60
    while (props := task_props(client, job, task, "State,ErrorMessage"))["State"] not in states:
        assert time.monotonic() < deadline, props
        time.sleep(0.02)
    return props


def test_big_sweep_cancel_is_canceling_then_canceled_in_slices(mp: pytest.MonkeyPatch) -> None:
    # before: `cancel_task` stopped every instance in the request's callback
    with (
        run_emulator(nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        job = running_sweep(client, INSTANCES)
        counts = PerPass(mp)
        starts = Starts(mp)
        r = client.post(f"/Job/{job}/Task/1/Cancel", params={"Forced": "true"}, content=STOP,
                        headers=XML)  # fmt: skip
        assert r.status_code == 200, r.text
        assert task_props(client, job, 1, "State")["State"] in ("Canceling", "Canceled")
        assert wait_task(client, job, 1, TERMINAL_STATES) == {
            "State": "Canceled", "ErrorMessage": "stop",
        }  # fmt: skip
        assert states(the_job(emu, job).tasks) == {"Canceled"}
        # its only task canceled, the job ends as every such job does
        assert wait_state(client, job, TERMINAL_STATES, 60)["State"] == "Failed"
    assert starts.count == 0  # no instance of a Canceling sweep was started
    assert counts.outside_stopped == 0
    assert sum(counts.stopped) == INSTANCES + 1
    assert max(counts.stopped) <= counts.bound


def test_a_big_job_failing_on_a_task_failure_ends_in_slices(mp: pytest.MonkeyPatch) -> None:
    # before: the failing instance's end stopped the other 999 in one callback
    with (
        run_emulator(nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        counts = PerPass(mp)
        job = create_job(client, FailOnTaskFailure="true")
        add_task(client, job, Type="ParametricSweep", StartValue=1, EndValue=INSTANCES,
                 CommandLine="exit 3")  # fmt: skip
        submit(client, job)
        ended = wait_state(client, job, TERMINAL_STATES, 60)
        assert ended["State"] == "Failed", ended
        assert "failed" in str(ended["ErrorMessage"])
        assert states(the_job(emu, job).tasks) <= {"Failed", "Canceled"}
        assert "Canceled" in states(the_job(emu, job).tasks)
    assert counts.outside_stopped == 0
    assert max(counts.stopped) <= counts.bound


@pytest.mark.parametrize(
    ("path", "instances_end"),
    [("/jobs/{job}/finish", "Canceled"), ("/jobs/{job}/tasks/1/finish", "Finished")],
    ids=["job", "sweep"],
)
def test_a_big_finish_is_finishing_then_finished(
    mp: pytest.MonkeyPatch, path: str, instances_end: str
) -> None:
    # Finish Job stops the open tasks as cancel does (`finish_job`); Finish Task finishes them
    with (
        run_emulator(nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
        httpx.Client(base_url=f"{emu.url}/hpc", timeout=60) as rest,
    ):
        job = running_sweep(client, INSTANCES)
        counts = PerPass(mp)
        assert rest.post(path.format(job=job), json="done").status_code == 204
        ended = wait_state(client, job, TERMINAL_STATES, 60)
        assert ended["State"] == "Finished", ended
        assert states(the_job(emu, job).tasks) == {instances_end}
        if "tasks" in path:
            assert task_props(client, job, 1, "ErrorMessage")["ErrorMessage"] == "done"
        else:
            assert ended["ErrorMessage"] == "done"
    assert counts.outside_stopped == 0 and max(counts.stopped) <= counts.bound


@pytest.mark.parametrize(
    ("slicer", "cancel", "target"),
    [
        ("_end_slice", "/Job/{job}/Cancel", "job"),
        ("_end_task_slice", "/Job/{job}/Task/1/Cancel", "task"),
    ],
    ids=["job", "sweep"],
)
def test_a_restart_while_canceling_ends_it(
    mp: pytest.MonkeyPatch, tmp_path: Path, slicer: str, cancel: str, target: str
) -> None:
    # the ending is saved with the job or task: a restart goes on with it
    mp.setattr(scheduler_module.Scheduler, slicer, lambda self, *args: False)

    def state(client: httpx.Client, job: int) -> str | None:
        props = job_props(client, job) if target == "job" else task_props(client, job, 1)
        return props["State"]

    with (
        run_emulator(data_dir=tmp_path, nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        job = running_sweep(client, INSTANCES)
        r = client.post(cancel.format(job=job), content=STOP, headers=XML)
        assert r.status_code == 200, r.text
        assert state(client, job) == "Canceling"
        r = client.post(
            cancel.format(job=job), params={"Forced": "true"}, content=STOP, headers=XML
        )
        assert r.status_code == 200, r.text  # a forced cancel while Canceling: accepted
        saved = the_job(emu, job).ending if target == "job" else the_job(emu, job).tasks[1].ending
        assert saved is not None and saved["forced"] is True
    mp.undo()
    with (
        run_emulator(data_dir=tmp_path, nodes=1, cores_per_node=2) as emu,
        httpx.Client(base_url=emu.base_url, timeout=60) as client,
    ):
        deadline = time.monotonic() + 60
        while state(client, job) != "Canceled":
            assert time.monotonic() < deadline, state(client, job)
            time.sleep(0.02)
        assert states(the_job(emu, job).tasks) == {"Canceled"}
