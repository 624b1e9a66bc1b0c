"""First milestone: the fixtures start an emulator that answers and runs a job."""

from __future__ import annotations

import time

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator, run_emulator
from hpcpack import HpcClient, HpcTimeout

from .helpers import V, add_task, create_job, parse_objects, submit, task_props, wait_state


def test_fixture_shape(hpc_emulator: RunningEmulator) -> None:
    assert hpc_emulator.url.startswith("http://127.0.0.1:")
    assert hpc_emulator.base_url == hpc_emulator.url + "/WindowsHpc"
    assert hpc_emulator.cluster_name == "EMULATED"
    assert hpc_emulator.data_dir.is_dir()


def test_get_clusters(client: httpx.Client) -> None:
    r = client.get("/Clusters", headers=V)
    assert r.status_code == 200
    assert parse_objects(r.text) == [{"Name": "EMULATED"}]


def test_job_runs_echo(client: httpx.Client) -> None:
    job = create_job(client, Name="smoke")
    task = add_task(client, job, CommandLine="echo hello-$CCP_JOBID")
    submit(client, job)
    assert wait_state(client, job, {"Finished", "Failed"})["State"] == "Finished"
    props = task_props(client, job, task, "State,ExitCode,Output")
    assert props == {"State": "Finished", "ExitCode": "0", "Output": f"hello-{job}\n"}


def test_run_emulator_latency_delays_every_answer() -> None:
    """`run_emulator(latency=)`: every answer waits; a client timeout shorter than it fires."""
    with run_emulator(latency=0.25) as emu, HpcClient(emu.url) as hpc:
        hpc.cluster.version()  # connect outside the timed part
        t0 = time.perf_counter()
        assert hpc.cluster.version()
        assert time.perf_counter() - t0 >= 0.25
        with HpcClient(emu.url, timeout=0.05, retries=0) as impatient, pytest.raises(HpcTimeout):
            impatient.cluster.version()
