"""Calls that do not come back normally: canceled here or on the cluster, unreadable results,
workers that cannot run the call. Each ends in a typed outcome on its future, never a hang."""

from __future__ import annotations

import json
import re
import sys
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import HpcClient, JobState
from hpcpack.futures import (
    HpcPackExecutor,
    ResultCorrupted,
    ResultMissing,
    TaskCanceled,
    TaskFailed,
    WorkerError,
    WorkerVersionMismatch,
)
from typer.testing import CliRunner

from . import work
from .conftest import Counted, wait_until

pytestmark = pytest.mark.timeout(120)


def submitted_job(counted: Counted) -> int:
    return next(
        int(p.split("/")[-2]) for m, p in counted.requests if m == "POST" and p.endswith("/Submit")
    )


def test_cancel_before_the_flush_sends_nothing(
    hpc: HpcClient, share: Path, options: dict[str, Any], counted: Counted
) -> None:
    with HpcPackExecutor(hpc, share, flush_delay=3600, **options) as ex:
        future = ex.submit(work.add, 1)
        assert future.cancel() and future.cancelled()
        before = len(counted.requests)
    assert counted.requests[before:] == []  # nothing was left to flush


def test_cancel_while_running_cancels_the_task(
    hpc: HpcClient, share: Path, options: dict[str, Any], tmp_path: Path, counted: Counted
) -> None:
    gate = str(tmp_path / "gate")
    with HpcPackExecutor(hpc, share, **options) as ex:
        running = ex.submit(work.gated, gate, 1)
        other = ex.submit(work.add, 5)
        wait_until(lambda: Path(gate + ".started").exists())
        assert running.cancel()
        assert running.cancelled() and other.result(timeout=60) == 5
        job_id = submitted_job(counted)
        wait_until(lambda: hpc.tasks.get(job_id, 1).state.value == "Canceled")
    assert not Path(gate + ".finished").exists()


def test_a_job_canceled_through_the_rest_api_fails_its_futures_typed(
    hpc: HpcClient, share: Path, options: dict[str, Any], tmp_path: Path, counted: Counted
) -> None:
    gate = str(tmp_path / "gate")
    with HpcPackExecutor(hpc, share, **options) as ex:
        future = ex.submit(work.gated, gate, 1)
        wait_until(lambda: Path(gate + ".started").exists())
        job_id = submitted_job(counted)
        hpc.jobs.cancel(job_id, "stopped by the operator")
        with pytest.raises(TaskCanceled) as info:
            future.result(timeout=60)
    assert (info.value.job_id, info.value.task_id) == (job_id, 1)
    assert not future.cancelled()


def test_a_job_canceled_with_hpc_job_cancel_fails_the_map(
    hpc_emulator: RunningEmulator,
    hpc: HpcClient,
    share: Path,
    options: dict[str, Any],
    tmp_path: Path,
    counted: Counted,
) -> None:
    from hpc_cli.main import app

    gate = str(tmp_path / "gate")
    with HpcPackExecutor(hpc, share, **options) as ex:
        results = ex.map(work.gated, [gate], [7])
        wait_until(lambda: Path(gate + ".started").exists())
        job_id = submitted_job(counted)
        env = {"HPC_URL": hpc_emulator.url, "HPC_PROFILE": "", "HPC_USERNAME": ""}
        out = CliRunner().invoke(app, ["job", "cancel", str(job_id)], env=env)
        assert out.exit_code == 0, out.output
        with pytest.raises(TaskCanceled):
            next(results)
    assert hpc.jobs.get(job_id).state is JobState.CANCELED


def test_a_result_corrupted_on_disk_is_a_typed_error(
    hpc: HpcClient, share: Path, options: dict[str, Any]
) -> None:
    """The poller's Get Job is held until the test has truncated the written result."""
    release = threading.Event()

    def hold(request: httpx.Request) -> None:
        if request.method == "GET" and re.search(r"/Job/\d+$", request.url.path):
            release.wait(60)

    hpc.http.event_hooks["request"].append(hold)
    with HpcPackExecutor(hpc, share, **options) as ex:
        future = ex.submit(work.add, 1)
        results = lambda: list(share.glob("*/c*/out.pkl"))  # noqa: E731
        wait_until(lambda: bool(results()))
        data = results()[0].read_bytes()
        results()[0].write_bytes(data[: len(data) - 3])
        release.set()
        with pytest.raises(ResultCorrupted, match="truncated"):
            future.result(timeout=60)


def test_a_result_the_client_cannot_unpickle_is_a_typed_error(
    hpc: HpcClient, share: Path, options: dict[str, Any]
) -> None:
    with (
        HpcPackExecutor(hpc, share, **options) as ex,
        pytest.raises(ResultCorrupted, match="cannot be rebuilt"),
    ):
        ex.submit(work.unloadable).result(timeout=60)


def test_a_python_version_mismatch_names_both_versions(
    hpc: HpcClient, share: Path, options: dict[str, Any]
) -> None:
    with HpcPackExecutor(hpc, share, **options) as ex:
        run = next(share.iterdir())
        (run / "run.json").write_text(json.dumps({"python": "3.0.1", "cloudpickle": "0.1"}))
        with pytest.raises(WorkerVersionMismatch) as info:
            ex.submit(work.add, 1).result(timeout=60)
    text = str(info.value)
    assert f"worker: Python {'.'.join(map(str, sys.version_info[:3]))}" in text
    assert "client: Python" in text and info.value.remote_versions["cloudpickle"]


def test_a_call_the_worker_cannot_unpickle_says_so(
    hpc: HpcClient, share: Path, options: dict[str, Any], tmp_path: Path
) -> None:
    """A module the client imports but the node lacks (a package missing on the nodes)."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "clientonly_mod.py").write_text("def double(x):\n    return 2 * x\n")
    sys.path.insert(0, str(lib))
    try:
        import clientonly_mod

        with (
            HpcPackExecutor(hpc, share, **options) as ex,
            pytest.raises(WorkerError, match="cannot read the call") as info,
        ):
            ex.submit(clientonly_mod.double, 2).result(timeout=60)
        assert "clientonly_mod" in str(info.value) and "worker: Python" in str(info.value)
    finally:
        sys.path.remove(str(lib))
        sys.modules.pop("clientonly_mod", None)


def test_a_node_without_that_python_fails_typed_with_exit_code_and_output(
    hpc: HpcClient, share: Path, options: dict[str, Any]
) -> None:
    options["python"] = "/nonexistent/python3"
    with HpcPackExecutor(hpc, share, **options) as ex, pytest.raises(TaskFailed) as info:
        ex.submit(work.add, 1).result(timeout=60)
    assert not isinstance(info.value, TaskCanceled)
    assert info.value.exit_code not in (None, 0)
    assert "nonexistent" in info.value.output


def test_a_finished_task_without_a_result_file_is_result_missing(
    hpc: HpcClient, share: Path, options: dict[str, Any], counted: Counted
) -> None:
    """The result is deleted while the poller is held; the grace is 0 s, so 3 polls decide."""
    release = threading.Event()

    def hold(request: httpx.Request) -> None:
        if request.method == "GET" and re.search(r"/Job/\d+$", request.url.path):
            release.wait(60)

    hpc.http.event_hooks["request"].append(hold)
    with HpcPackExecutor(hpc, share, result_grace=0, **options) as ex:
        future = ex.submit(work.add, 1)
        wait_until(lambda: bool(list(share.glob("*/c*/out.pkl"))))
        next(share.glob("*/c*/out.pkl")).unlink()
        release.set()
        with pytest.raises(ResultMissing, match="left no result"):
            future.result(timeout=60)
