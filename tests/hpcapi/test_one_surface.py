"""`HpcClient(api=...)`: one surface over both REST APIs of one emulator.

The same calls return the same typed models over WindowsHpc and `/hpc`; each request goes to
the API chosen (counted at the transport); "auto" asks once; `/hpc`-only operations raise
`ApiUnavailable` naming what they need on a head node without it.
"""

from __future__ import annotations

import asyncio
import datetime
from collections import Counter

import httpx
import pytest
from hpc_client.models import Job, JobState, Task, TaskState
from hpc_emulator.testing import RunningEmulator
from hpcpack import ApiUnavailable, AsyncHpcClient, Forbidden, HpcClient, NotFound

from tests.hpcapi.conftest import USERS, until


class Paths(httpx.HTTPTransport):
    """The network transport, counting requests per API root (`WindowsHpc` or `hpc`)."""

    def __init__(self) -> None:
        super().__init__()
        self.apis: Counter[str] = Counter()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.apis[request.url.path.split("/")[1].lower()] += 1
        return super().handle_request(request)


class AsyncPaths(httpx.AsyncHTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.apis: Counter[str] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.apis[request.url.path.split("/")[1].lower()] += 1
        return await super().handle_async_request(request)


def client(emu: RunningEmulator, user: str = "alice", **kw: object) -> HpcClient:
    return HpcClient(emu.url, username=user, password=USERS[user], allow_insecure_basic=True, **kw)  # type: ignore[arg-type]


@pytest.fixture(params=["windowshpc", "hpc"])
def api(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_same_calls_give_the_same_models_over_either_api(
    emulator: RunningEmulator, api: str
) -> None:
    net = Paths()
    with client(emulator, api=api, transport=net) as hpc:
        assert hpc.api == api
        job_id = hpc.jobs.create(
            Job(name=f"one surface {api}"),
            tasks=[Task(command_line="echo one"), Task(command_line="echo two")],
        )
        hpc.jobs.set_custom_properties(job_id, {"Color": "blue"})
        assert hpc.jobs.custom_properties(job_id, ["Color"]) == {"Color": "blue"}
        hpc.jobs.set_env_variables(job_id, {"GREETING": "hi"})
        assert hpc.jobs.env_variables(job_id)["GREETING"] == "hi"
        hpc.jobs.submit(job_id)
        seen: list[dict[TaskState, int]] = []
        done = hpc.jobs.wait(
            job_id, timeout=30, poll_interval=0.05, progress=lambda j, c: seen.append(dict(c))
        )
        assert done.state == JobState.FINISHED and done.name == f"one surface {api}"
        assert seen and seen[-1] == {TaskState.FINISHED: 2}
        tasks = list(hpc.tasks.list(job_id, rows_per_read=1))  # continuation, a page a task
        assert [t.command_line for t in tasks] == ["echo one", "echo two"]
        assert all(t.state == TaskState.FINISHED for t in tasks)
        assert hpc.tasks.get(job_id, 2, ["CommandLine"]).command_line == "echo two"
        mine = [j.id for j in hpc.jobs.list(owner=None, rows_per_read=2)]
        assert job_id in mine and mine == sorted(mine)
        nodes = list(hpc.nodes.list())
        assert [n.name for n in nodes] == ["NODE01", "NODE02"]
        assert hpc.nodes.get("NODE01").name == "NODE01"
        assert hpc.cluster.version()
        assert "Default" in hpc.cluster.templates()
        with pytest.raises(NotFound) as missing:
            hpc.jobs.get(987654)
        assert not isinstance(missing.value, ApiUnavailable)
    other = "windowshpc" if api == "hpc" else "hpc"
    assert net.apis[api] > 10 and net.apis[other] == 0, net.apis


def test_created_on_one_api_finished_and_waited_on_the_other(emulator: RunningEmulator) -> None:
    with client(emulator) as win, client(emulator, api="hpc") as rest:
        job_id = win.jobs.create(name="cross", tasks=[Task(command_line="sleep 30")])
        win.jobs.submit(job_id)
        until(lambda: rest.jobs.get(job_id, "State").state == JobState.RUNNING)
        win.jobs.finish(job_id, "done by hand")  # /hpc-only: always sent to /hpc
        assert rest.jobs.wait(job_id, timeout=20, poll_interval=0.05).state == JobState.FINISHED
        again = rest.jobs.create(name="cross back", tasks=[Task(command_line="sleep 30")])
        rest.jobs.submit(again)
        until(lambda: win.jobs.get(again, "State").state == JobState.RUNNING)
        win.jobs.cancel(again, "stop")
        assert rest.jobs.wait(again, timeout=20, poll_interval=0.05).state == JobState.CANCELED


def test_auto_asks_the_head_node_once(emulator: RunningEmulator) -> None:
    net = Paths()
    with client(emulator, api="auto", transport=net) as hpc:
        assert hpc.api == "auto"
        assert hpc.cluster.version()
        assert hpc.api == "hpc"
        list(hpc.nodes.list())
    # the probe and the version call, then the node list: all /hpc, no WindowsHpc
    assert net.apis == Counter({"hpc": 3}), net.apis


def _windowshpc_only(request: httpx.Request) -> httpx.Response:
    """A head node that serves WindowsHpc only: IIS answers its own 404 page for `/hpc`."""
    if request.url.path.lower().startswith("/hpc/"):
        return httpx.Response(404, html="<html><body>404 - File or directory not found.</body>")
    assert request.url.path == "/WindowsHpc/Version", request.url
    body = '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">4.0</string>'
    return httpx.Response(200, content=body, headers={"content-type": "application/xml"})


def test_auto_on_a_windowshpc_only_head_node_and_the_hpc_only_operations() -> None:
    seen: list[str] = []

    def head(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return _windowshpc_only(request)

    with HpcClient("https://head", api="auto", transport=httpx.MockTransport(head)) as hpc:
        assert hpc.cluster.version() == "4.0"
        assert hpc.cluster.version() == "4.0"
        assert hpc.api == "windowshpc"
        with pytest.raises(ApiUnavailable, match="HPC Pack 2016 Update 3") as finish:
            hpc.jobs.finish(7, "x")
        assert "/hpc/jobs/7/finish" in str(finish.value)
        with pytest.raises(ApiUnavailable, match="HPC Pack 2019"):
            hpc.nodes.take_offline("NODE01")
        with pytest.raises(ApiUnavailable, match="HPC Pack 2019"):
            hpc.node_groups.create("G")
    assert seen == [
        "/hpc/cluster/version",  # the one probe
        "/WindowsHpc/Version",
        "/WindowsHpc/Version",
        "/hpc/jobs/7/finish",
        "/hpc/cluster/nodes/NODE01/operations/takeOffline",
        "/hpc/cluster/nodeGroups",
    ]


def test_acting_as_needs_an_administrator_and_sends_everything_to_hpc(
    emulator: RunningEmulator,
) -> None:
    with client(emulator, "jadmin") as admin:
        as_alice = admin.acting_as("alice")
        assert as_alice.api == "hpc" and as_alice.as_user == "alice"
        job_id = as_alice.jobs.create(name="for alice")
        owner = as_alice.jobs.get(job_id, "Owner").owner
        assert isinstance(owner, str) and owner.lower().endswith("\\alice")
        with pytest.raises(ValueError, match="SOA sessions"):
            _ = as_alice.sessions
        assert admin.jobs.get(job_id, "Id").id == job_id  # the parent is unchanged
        as_alice.jobs.add_task(job_id, command_line="sleep 30")
        as_alice.jobs.submit(job_id)
        until(lambda: as_alice.tasks.get(job_id, 1, "State").state == TaskState.RUNNING)
        as_alice.tasks.finish(job_id, 1, "by hand")
        done = as_alice.jobs.wait(job_id, timeout=20, poll_interval=0.05)
        assert done.state == JobState.FINISHED
    with client(emulator, "bob") as bob:
        with pytest.raises(Forbidden):
            bob.acting_as("alice").jobs.create(name="not allowed")
        with pytest.raises(Forbidden):
            bob.nodes.take_offline("NODE01")
        assert bob.cluster.user_roles() == ["User"]


def test_node_operations_groups_and_metrics(emulator: RunningEmulator) -> None:
    with client(emulator, "admin") as hpc:
        hpc.nodes.take_offline("NODE02")  # 202: applied later
        until(lambda: hpc.nodes.describe("NODE02").state.value == "Offline")
        assert hpc.nodes.state_counts().get("Offline") == 1
        hpc.nodes.bring_online("NODE02")
        until(lambda: hpc.nodes.describe("NODE02").state.value == "Online")
        assert hpc.node_groups.create("Surface", "one surface").name == "Surface"
        assert hpc.node_groups.add("Surface", "NODE01", "NODE02") == ["NODE01", "NODE02"]
        assert hpc.node_groups.remove("Surface", "NODE02") == ["NODE01"]
        assert hpc.nodes.group_members("Surface") == ["NODE01"]  # read on WindowsHpc
        hpc.node_groups.delete("Surface")
        assert "Surface" not in [g.name for g in hpc.node_groups.list()]
        assert set(hpc.nodes.metrics("HPCCoresInUse")) == {"NODE01", "NODE02"}
        now = datetime.datetime.now(datetime.UTC)
        history = hpc.cluster.metrics("HPCSchedulerJobs", now - datetime.timedelta(hours=1), now)
        assert history.metric_name == "HPCSchedulerJobs"
        samples = [v.value for i in history.instances for v in i.values]
        assert samples and all(v >= 0 for v in samples)
        assert "Administrator" in hpc.cluster.user_roles()


def test_async_client_on_hpc_and_auto(emulator: RunningEmulator) -> None:
    async def scenario() -> Counter[str]:
        net = AsyncPaths()
        async with AsyncHpcClient(
            emulator.url,
            username="alice",
            password=USERS["alice"],
            allow_insecure_basic=True,
            api="auto",
            transport=net,
        ) as hpc:
            job_id = await hpc.jobs.create(name="async", tasks=[Task(command_line="echo a")])
            await hpc.jobs.submit(job_id)
            done = await hpc.jobs.wait(job_id, timeout=30, poll_interval=0.05, progress=print)
            assert done.state == JobState.FINISHED
            tasks = [t async for t in hpc.tasks.list(job_id, rows_per_read=1)]
            assert [t.command_line for t in tasks] == ["echo a"]
            window = await hpc.tasks.window(job_id, 0, 10, properties="CommandLine")
            assert window.total == 1 and window.rows[0].command_line == "echo a"
            assert hpc.api == "hpc"
            with pytest.raises(Forbidden):
                await hpc.nodes.take_offline("NODE01")  # alice is no administrator
        return net.apis

    apis = asyncio.run(scenario())
    assert apis["hpc"] > 4 and apis["windowshpc"] == 0, apis


def test_window_pages_by_offset_with_the_total(emulator: RunningEmulator) -> None:
    with client(emulator, "alice") as hpc:
        job_id = hpc.jobs.create(
            name="windows", tasks=[Task(command_line=f"echo {i}") for i in range(5)]
        )
        every = [t.task_id for t in hpc.tasks.list(job_id)]
        window = hpc.tasks.window(job_id, 1, 2, properties="CommandLine")
        assert window.total == 5 and window.start_row == 1
        assert [t.task_id for t in window.rows] == every[1:3]
        assert [t.command_line for t in window.rows] == ["echo 1", "echo 2"]
        backwards = hpc.tasks.window(job_id, 0, 5, sort_by="TaskId", ascending=False)
        assert [t.task_id for t in backwards.rows] == every[::-1]
        all_jobs = [j.id for j in hpc.jobs.list()]
        jobs = hpc.jobs.window(len(all_jobs) - 1, 10)
        assert jobs.total == len(all_jobs) and [j.id for j in jobs.rows] == all_jobs[-1:]


def test_old_hpc_servers_are_named_not_misread() -> None:
    """A server without offset paging (no `x-ms-row-count`) and Web API's no-route 404 (an
    `/hpc` older than the operation) raise `ApiUnavailable`; the API's own 404 is `NotFound`."""

    def old_hpc(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/hpc/jobs":
            assert request.url.params["startRow"] == "20"
            return httpx.Response(200, json=[{"Properties": [{"Name": "Id", "Value": "1"}]}])
        if path.endswith("/finish"):
            no_route = f"No HTTP resource was found that matches the request URI '{request.url}'."
            return httpx.Response(404, json={"Message": no_route})
        return httpx.Response(404, json={"Message": "The job 9 was not found."})

    with HpcClient("https://head", api="hpc", transport=httpx.MockTransport(old_hpc)) as hpc:
        with pytest.raises(ApiUnavailable, match="KB4537169"):
            hpc.jobs.window(20, 10)
        with pytest.raises(ApiUnavailable, match="2016 Update 3"):
            hpc.jobs.finish(9)
        with pytest.raises(NotFound, match="The job 9 was not found") as missing:
            hpc.jobs.get(9)
        assert not isinstance(missing.value, ApiUnavailable)
