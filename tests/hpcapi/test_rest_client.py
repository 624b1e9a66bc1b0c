"""`hpcpack.rest.HpcRestClient` with `hpcpack.HpcClient` on one emulator: one job, two APIs."""

from __future__ import annotations

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import HpcClient
from hpcpack.errors import Conflict, Forbidden, NotFound
from hpcpack.rest import ApiUnavailable, HpcRestClient

from tests.hpcapi.conftest import USERS, until


def rest_as(emu: RunningEmulator, user: str) -> HpcRestClient:
    return HpcRestClient(emu.url, username=user, password=USERS[user])


def test_windowshpc_job_finished_through_hpc_and_waited_on_windowshpc(
    emulator: RunningEmulator,
) -> None:
    with (
        HpcClient(
            emulator.url, username="alice", password=USERS["alice"], allow_insecure_basic=True
        ) as win,
        rest_as(emulator, "alice") as rest,
    ):
        job_id = win.jobs.create(name="two apis")
        win.jobs.add_task(job_id, command_line="sleep 30")
        win.jobs.submit(job_id)
        until(lambda: rest.job(job_id, "State")["State"] == "Running")
        rest.finish_job(job_id, "enough")
        done = win.jobs.wait(job_id, timeout=20, poll_interval=0.05)
        assert done.state is not None and done.state.value == "Finished"
        with pytest.raises(Conflict):
            rest.finish_job(job_id)


def test_task_finish_and_impersonation(emulator: RunningEmulator) -> None:
    with rest_as(emulator, "jadmin") as admin:
        as_alice = admin.acting_as("alice")
        job_id = as_alice.create_job(Name="mine")
        assert str(as_alice.job(job_id, "Owner")["Owner"]).lower().endswith("\\alice")
        as_alice.add_task(job_id, CommandLine="sleep 30")
        as_alice.submit(job_id)
        until(lambda: as_alice.job(job_id, "State")["State"] == "Running")
        as_alice.finish_task(job_id, 1, "by hand")
        until(lambda: as_alice.job(job_id, "State")["State"] == "Finished")
    with rest_as(emulator, "bob") as bob:
        with pytest.raises(Forbidden):
            bob.acting_as("alice").version()
        with pytest.raises(Forbidden):
            bob.take_offline("NODE01")
        with pytest.raises(NotFound) as missing:
            bob.job(99999, "State")
        assert not isinstance(missing.value, ApiUnavailable)
        assert bob.user_roles() == ["User"]


def test_groups_and_node_metrics(emulator: RunningEmulator) -> None:
    with rest_as(emulator, "admin") as admin:
        assert admin.create_group("Client", "made by HpcRestClient").name == "Client"
        assert admin.add_to_group("Client", "NODE01", "NODE02") == ["NODE01", "NODE02"]
        assert admin.remove_from_group("Client", "NODE02") == ["NODE01"]
        assert admin.group_nodes("Client") == ["NODE01"]
        admin.delete_group("Client")
        metrics = admin.node_metrics("HPCCoresInUse")
        assert set(metrics) == {"NODE01", "NODE02"}
        assert all(set(m) == {"HPCCoresInUse"} for m in metrics.values())


def test_windowshpc_only_head_node_raises_api_unavailable() -> None:
    def iis(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            404, html="<html><body>404 - File or directory not found.</body></html>"
        )

    with HpcRestClient("https://head", transport=httpx.MockTransport(iis)) as rest:
        with pytest.raises(ApiUnavailable, match="HPC Pack 2016 Update 3"):
            rest.finish_job(7, "x")
        with pytest.raises(ApiUnavailable, match="HPC Pack 2016 Update 1"):
            rest.version()
