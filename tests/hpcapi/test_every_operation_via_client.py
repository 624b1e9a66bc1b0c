"""Every `/hpc` operation of `openapi/hpc-rest.yaml` is reachable through `HpcClient`.

One scenario against the emulator with `api="hpc"`; a recording transport matches each request
to its operation of the spec. The test fails when an operation has no client method or a
method reaches the wrong operation.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import httpx
import pytest
import yaml
from hpc_client.models import Job, JobState, Task, TaskState
from hpc_emulator.testing import RunningEmulator
from hpcpack import Conflict, HpcClient

from tests.hpcapi.conftest import USERS, until

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "hpc-rest.yaml"


def operations() -> list[tuple[str, re.Pattern[str], str]]:
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    out = []
    for path, item in doc["paths"].items():
        pattern = re.compile("^/hpc" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")
        for method, op in item.items():
            if method in ("get", "put", "post", "patch", "delete"):
                out.append((method.upper(), pattern, op["operationId"]))
    # literal paths before templated ones (`/nodes/groups` is not `/nodes/{name}`)
    return sorted(out, key=lambda o: o[1].pattern.count("[^/]+"))


class Recorder(httpx.HTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.ops = operations()
        self.hit: set[str] = set()
        self.other: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        match = next((o for m, p, o in self.ops if m == request.method and p.match(path)), None)
        if match is None:
            self.other.append(f"{request.method} {path}")
        else:
            self.hit.add(match)
        return super().handle_request(request)


def test_every_hpc_operation_has_a_client_method(emulator: RunningEmulator) -> None:
    net = Recorder()
    now = datetime.datetime.now(datetime.UTC)
    with HpcClient(
        emulator.url,
        username="admin",
        password=USERS["admin"],
        allow_insecure_basic=True,
        api="hpc",
        transport=net,
    ) as hpc:
        cluster, nodes, groups = hpc.cluster, hpc.nodes, hpc.node_groups
        assert cluster.version() and cluster.active_head_node() and cluster.date_time_format()
        assert "Administrator" in cluster.user_roles()
        assert cluster.templates() == ["Default"]
        assert cluster.metric_definitions()
        assert cluster.metrics("HPCSchedulerJobs", now - datetime.timedelta(minutes=5), now)
        assert cluster.job_metrics() is not None
        # jobs, tasks and a sweep's subtasks
        job_id = hpc.jobs.create(Job(name="every op"), tasks=[Task(command_line="sleep 30")])
        sweep = hpc.jobs.add_task(
            job_id, type_="ParametricSweep", command_line="sleep 30", start_value=1, end_value=8
        )
        hpc.jobs.set(job_id, name="every op, renamed")
        hpc.jobs.set_custom_properties(job_id, {"k": "v"})
        assert hpc.jobs.custom_properties(job_id) == {"k": "v"}
        hpc.jobs.set_env_variables(job_id, {"E": "1"})
        assert hpc.jobs.env_variables(job_id) == {"E": "1"}
        hpc.tasks.set(job_id, 1, name="first")
        hpc.tasks.set_custom_properties(job_id, 1, {"t": "1"})
        assert hpc.tasks.custom_properties(job_id, 1) == {"t": "1"}
        hpc.tasks.set_env_variables(job_id, 1, {"T": "2"})
        assert hpc.tasks.env_variables(job_id, 1) == {"T": "2"}
        hpc.jobs.submit(job_id)
        until(lambda: hpc.subtasks.get(job_id, sweep, 1, "State").state == TaskState.RUNNING)
        with pytest.raises(Conflict, match="Running"):  # the sweep runs: no changes
            hpc.subtasks.set(job_id, sweep, 8, name="last instance")
        hpc.subtasks.finish(job_id, sweep, 1, "done")
        hpc.tasks.finish(job_id, 1, "done")
        assert len(list(hpc.tasks.list(job_id))) >= 2
        assert hpc.tasks.window(job_id, 0, 1).total >= 2
        hpc.jobs.finish(job_id, "enough")
        assert hpc.jobs.wait(job_id, timeout=20, poll_interval=0.05).state == JobState.FINISHED
        # cancel and requeue at each level, on a job of its own (a canceled task fails a job)
        other = hpc.jobs.create(name="cancel me")
        swept = hpc.jobs.add_task(
            other, type_="ParametricSweep", command_line="sleep 30", start_value=1, end_value=2
        )
        hpc.jobs.submit(other)
        until(lambda: hpc.subtasks.get(other, swept, 2, "State").state == TaskState.RUNNING)
        hpc.subtasks.cancel(other, swept, 2, "stop")
        until(lambda: hpc.subtasks.get(other, swept, 2, "State").state == TaskState.CANCELED)
        hpc.subtasks.requeue(other, swept, 2)
        hpc.tasks.cancel(other, swept, "stop")
        until(lambda: hpc.tasks.get(other, swept, "State").state == TaskState.CANCELED)
        hpc.tasks.requeue(other, swept)
        until(lambda: hpc.jobs.get(other, "State").state == JobState.FAILED)
        hpc.jobs.requeue(other)  # Failed -> queued again
        hpc.jobs.cancel(other, "stop")
        until(lambda: hpc.jobs.get(other, "State").state == JobState.CANCELED)
        copy = hpc.jobs.create_from_xml(
            '<Job xmlns="http://schemas.microsoft.com/HPCS2008R2/scheduler/" Name="from xml">'
            '<Tasks><Task CommandLine="echo x" /></Tasks></Job>'
        )
        assert hpc.jobs.get(copy, "Name").name == "from xml"
        assert hpc.jobs.window(0, 1).total >= 3 and job_id in [j.id for j in hpc.jobs.list()]
        # nodes: the legacy views, the typed 2019 ones, operations and statistics
        assert [n.name for n in nodes.list()] == ["NODE01", "NODE02"]
        assert nodes.get("NODE01").name == "NODE01"
        assert nodes.describe("NODE01").name == "NODE01"
        assert len(nodes.describe_all()) == 2
        assert sum(nodes.state_counts().values()) == 2
        assert sum(nodes.health_counts().values()) == 2
        assert set(nodes.metrics("HPCCoresInUse")) == {"NODE01", "NODE02"}
        nodes.take_offline("NODE02")
        until(lambda: nodes.describe("NODE02").state.value == "Offline")
        nodes.bring_online("NODE02")
        until(lambda: nodes.describe("NODE02").state.value == "Online")
        # node groups
        assert groups.create("Every", "all ops").name == "Every"
        assert groups.update("Every", "changed").description == "changed"
        assert groups.get("Every").description == "changed"
        assert groups.add("Every", "NODE01") == ["NODE01"]
        assert groups.members("Every") == ["NODE01"]
        assert nodes.group_members("Every") == ["NODE01"]
        assert "Every" in [g.name for g in nodes.groups()]
        assert "Every" in [g.name for g in groups.list()]
        groups.delete("Every")
        # operation logs of what was just done
        logs = cluster.operations(limit=10, with_detail=True)
        assert logs and cluster.operation(logs[0].id).id == logs[0].id
        assert cluster.first_operation().id
    missing = sorted({o for _, _, o in net.ops} - net.hit)
    assert not missing, f"operations no client method reached: {missing}"
    assert not net.other, net.other
