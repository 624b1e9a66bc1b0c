"""`hpc job wait` on a 10,000-instance sweep: requests counted on the wire, not timed."""

from __future__ import annotations

import time
from collections import Counter

import httpx
import pytest
from hpcpack import HpcClient, Task, TaskType

from .conftest import Invoke

pytestmark = pytest.mark.timeout(120)
INSTANCES = 10_000


def test_job_wait_lists_a_big_sweep_in_a_few_pages(
    hpc: Invoke, emulator_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with HpcClient(emulator_url, allow_insecure_basic=True) as client:
        job_id = client.jobs.create(name="big sweep")
        sweep = Task(
            command_line="sleep 60",
            type_=TaskType.PARAMETRICSWEEP,
            start_value=1,
            end_value=INSTANCES,
        )
        client.jobs.add_task(job_id, sweep)
        client.jobs.submit(job_id)
        client.jobs.cancel(job_id, "done")
        # a job this big is Canceling for a few passes (emulator/scheduler.py ENDING_AT_ONCE)
        deadline = time.monotonic() + 60
        while str(client.jobs.get(job_id).state) != "Canceled" and time.monotonic() < deadline:
            time.sleep(0.05)
    sent: Counter[str] = Counter()
    real = httpx.HTTPTransport.handle_request

    def counting(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        sent[request.url.path.rsplit("/", 1)[-1]] += 1
        return real(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", counting)
    result = hpc("job", "wait", str(job_id))
    assert result.exit_code == 6, result.output  # Canceled
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == f"error: job {job_id} ended Canceled: done"
    assert lines[-2] == (
        f"job {job_id}: {INSTANCES}/{INSTANCES} done "
        f"(queued=0 running=0 finished=0 failed=0 canceled={INSTANCES})"
    )
    # one poll (the job had ended): Get Job, every task in 1,000-row pages, the final Get Job
    assert sent == {str(job_id): 2, "Tasks": INSTANCES // 1000}
