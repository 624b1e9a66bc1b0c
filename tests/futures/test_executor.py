"""HpcPackExecutor end to end against the emulator: results, errors, map, ordering, shutdown."""

from __future__ import annotations

import concurrent.futures as cf
import sys
from pathlib import Path
from typing import Any

import pytest
from hpcpack import HpcClient, Job, JobState, Task, TaskType
from hpcpack.futures import HpcPackExecutor, RemoteTraceback, ShareError

from . import work
from .conftest import Counted, wait_until

pytestmark = pytest.mark.timeout(120)


def job_creates(counted: Counted) -> int:
    return sum(1 for m, p in counted.requests if m == "POST" and p.endswith("/Jobs"))


def test_submit_returns_the_result_and_batches_calls_into_one_job(
    hpc: HpcClient, share: Path, options: dict[str, Any], counted: Counted
) -> None:
    with HpcPackExecutor(hpc, share, flush_delay=0.5, **options) as ex:
        futures = [ex.submit(work.add, i, b=100) for i in range(5)]
        assert [f.result(timeout=60) for f in futures] == [100, 101, 102, 103, 104]
    assert job_creates(counted) == 1
    assert list(share.iterdir()) == []  # the run folder is removed on shutdown


def test_map_is_one_parametric_sweep_with_one_instance_per_chunk(
    hpc: HpcClient, share: Path, options: dict[str, Any], counted: Counted
) -> None:
    with HpcPackExecutor(hpc, share, keep_files=True, **options) as ex:
        assert list(ex.map(work.add, range(23), range(23), chunksize=5)) == [
            2 * i for i in range(23)
        ]
    assert job_creates(counted) == 1
    job_id = next(int(p.split("/")[-1]) for m, p in counted.requests if m == "GET" and "/Job/" in p)
    tasks = list(
        hpc.tasks.list(job_id, properties="Type,StartValue,EndValue", expand_parametric=False)
    )
    assert [t.type_ for t in tasks] == [TaskType.PARAMETRICSWEEP]
    assert (tasks[0].start_value, tasks[0].end_value) == (1, 5)
    run = next(share.iterdir())
    assert sorted(p.name for p in run.iterdir() if p.is_dir()) == [f"m1-{i}" for i in range(1, 6)]


def test_map_in_tasks_mode_and_empty_map(
    hpc: HpcClient, share: Path, options: dict[str, Any], counted: Counted
) -> None:
    with HpcPackExecutor(hpc, share, mode="tasks", **options) as ex:
        assert list(ex.map(work.add, [1, 2, 3], [10, 20, 30], chunksize=2)) == [11, 22, 33]
        assert list(ex.map(work.add, [])) == []
    assert job_creates(counted) == 1


def test_a_remote_exception_is_reraised_with_the_remote_traceback_and_output(
    hpc: HpcClient, share: Path, options: dict[str, Any]
) -> None:
    with HpcPackExecutor(hpc, share, **options) as ex:
        future = ex.submit(work.shout, "x1")
        with pytest.raises(ValueError, match="bad input x1") as info:
            future.result(timeout=60)
    cause = info.value.__cause__
    assert isinstance(cause, RemoteTraceback)
    assert "in shout" in cause.traceback and "ValueError: bad input x1" in cause.traceback
    assert "stdout says x1" in cause.stdout_tail


def test_as_completed_yields_in_completion_order(
    hpc: HpcClient, share: Path, options: dict[str, Any], tmp_path: Path
) -> None:
    gate = str(tmp_path / "gate")
    with HpcPackExecutor(hpc, share, **options) as ex:
        slow = ex.submit(work.gated, gate, 1)
        fast = ex.submit(work.add, 2)
        order = []
        for future in cf.as_completed([slow, fast], timeout=90):
            order.append(future)
            if future is fast:
                Path(gate).touch()  # only now may the slow call end
        assert order == [fast, slow]
        done, not_done = cf.wait([slow, fast], timeout=60)
        assert not_done == set() and {f.result() for f in done} == {1, 2}


def test_job_and_task_options_reach_the_scheduler(
    hpc: HpcClient, share: Path, options: dict[str, Any], counted: Counted
) -> None:
    job = Job(name="fut-options", min_cores=1, max_cores=1)
    task = Task(min_cores=1, max_cores=1)
    with HpcPackExecutor(
        hpc, share, job=job, task=task, environment={"FUT_VAR": "v1"}, **options
    ) as ex:
        assert ex.submit(work.add, 1).result(timeout=60) == 1
    job_id = next(int(p.split("/")[-1]) for m, p in counted.requests if m == "GET" and "/Job/" in p)
    assert hpc.jobs.get(job_id).name == "fut-options"
    assert hpc.jobs.env_variables(job_id)["FUT_VAR"] == "v1"


def test_a_thousand_calls_in_one_map_finish(
    hpc: HpcClient, share: Path, options: dict[str, Any], counted: Counted
) -> None:
    with HpcPackExecutor(hpc, share, **options) as ex:
        assert sum(ex.map(work.add, range(1000), chunksize=100)) == sum(range(1000))
    assert job_creates(counted) == 1


def test_a_missing_share_fails_at_construction(hpc: HpcClient, tmp_path: Path) -> None:
    with pytest.raises(ShareError, match="not an existing directory"):
        HpcPackExecutor(hpc, tmp_path / "absent", python=sys.executable)
    (tmp_path / "file").write_text("x")
    with pytest.raises(ShareError):
        HpcPackExecutor(hpc, tmp_path / "file", python=sys.executable)


def test_shutdown_waits_for_every_future(
    hpc: HpcClient, share: Path, options: dict[str, Any]
) -> None:
    ex = HpcPackExecutor(hpc, share, **options)
    futures = [ex.submit(work.add, i) for i in range(3)]
    ex.shutdown(wait=True)
    assert all(f.done() for f in futures) and [f.result() for f in futures] == [0, 1, 2]
    with pytest.raises(RuntimeError, match="after shutdown"):
        ex.submit(work.add, 1)


def test_shutdown_with_cancel_futures_cancels_the_job(
    hpc: HpcClient, share: Path, options: dict[str, Any], tmp_path: Path, counted: Counted
) -> None:
    gate = str(tmp_path / "gate")
    ex = HpcPackExecutor(hpc, share, **options)
    running = ex.submit(work.gated, gate, 1)
    wait_until(lambda: Path(gate + ".started").exists())
    ex.shutdown(wait=True, cancel_futures=True)
    assert running.cancelled()
    job_id = next(int(p.split("/")[-1]) for m, p in counted.requests if m == "GET" and "/Job/" in p)
    wait_until(lambda: hpc.jobs.get(job_id).state is JobState.CANCELED)
    assert not Path(gate + ".finished").exists()


def test_progress_yields_every_future_and_draws_the_bar(
    hpc: HpcClient, share: Path, options: dict[str, Any]
) -> None:
    import io

    from hpcpack.futures import progress
    from rich.console import Console

    out = io.StringIO()
    with HpcPackExecutor(hpc, share, **options) as ex:
        futures = [ex.submit(work.add, i) for i in range(4)]
        seen = list(
            progress(futures, description="adding", timeout=60, console=Console(file=out, width=80))
        )
    assert sorted(f.result() for f in seen) == [0, 1, 2, 3]
    assert out.getvalue().startswith("adding") and "100%" in out.getvalue()


def test_each_poll_is_one_get_job_and_one_page_of_changed_tasks(
    hpc: HpcClient, share: Path, options: dict[str, Any], counted: Counted
) -> None:
    """60 sweep instances: with the service's default page (10 rows) the list took 6 pages."""
    with HpcPackExecutor(hpc, share, **options) as ex:
        assert list(ex.map(work.add, range(60))) == list(range(60))
    job_gets = [p for m, p in counted.requests if m == "GET" and p.split("/")[-2] == "Job"]
    task_lists = [p for m, p in counted.requests if m == "GET" and p.endswith("/Tasks")]
    assert job_gets and len(task_lists) == len(job_gets)


def test_max_tasks_splits_queued_calls_into_jobs_of_at_most_that_many(
    hpc: HpcClient, share: Path, options: dict[str, Any], counted: Counted
) -> None:
    with HpcPackExecutor(hpc, share, max_tasks=2, flush_delay=3600, **options) as ex:
        futures = [ex.submit(work.add, i) for i in range(5)]
        assert [f.result(timeout=60) for f in futures[:4]] == [0, 1, 2, 3]
        assert not futures[4].done()  # one call queued: flushed by shutdown, not by a timer
    assert futures[4].result() == 4
    assert job_creates(counted) == 3
    adds = [p for m, p in counted.requests if m == "POST" and p.endswith("/Tasks")]
    assert len(adds) == 5
