"""The generated `hpc_rest_client` drives every /hpc operation against the emulator."""

from __future__ import annotations

import datetime
import importlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hpc_emulator.testing import RunningEmulator
from hpc_rest_client import Client
from hpc_rest_client.models import (
    NodeGroup,
    NodeGroupOperation,
    NodeGroupOperationKind,
    NodeOperationKind,
    Property,
)

from tests.hpcapi.conftest import USERS, until

SPEC = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "openapi" / "hpc-rest.yaml").read_text("utf-8")
)


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


MODULES = {
    op["operationId"]: f"hpc_rest_client.api.{snake(op['tags'][0])}.{snake(op['operationId'])}"
    for item in SPEC["paths"].values()
    for m, op in item.items()
    if m in {"get", "put", "post", "delete", "patch"}
}


@pytest.fixture
def call(emulator: RunningEmulator) -> Iterator[Callable[..., Any]]:
    clients = {
        u: Client(base_url=f"{emulator.url}/hpc", httpx_args={"auth": (u, USERS[u])})
        for u in ("alice", "admin")
    }
    called: set[str] = set()

    def invoke(op_id: str, *args: Any, status: int = 200, user: str = "alice", **kw: Any) -> Any:
        module = importlib.import_module(MODULES[op_id])
        response = module.sync_detailed(*args, client=clients[user], **kw)
        assert response.status_code == status, (op_id, response.status_code, response.content)
        called.add(op_id)
        return response.parsed

    yield invoke
    assert called == set(MODULES), sorted(set(MODULES) - called)


def p(name: str, value: str) -> Property:
    return Property(name=name, value=value)


def test_every_operation_through_the_generated_client(call: Callable[..., Any]) -> None:
    assert call("getClusterVersion").count(".") == 3
    assert call("getClusterActiveHeadNode") == "HEADNODE"
    assert call("getClusterDateTimeFormat") == "M/d/yyyy h:mm:ss tt"
    assert [r.value for r in call("getUserRoles", user="admin")] == ["User", "Administrator"]
    assert call("getJobTemplates") == ["Default"]
    job = call("createJob", body=[p("Name", "gen")])
    assert call("addTask", job, body=[p("CommandLine", "sleep 30")]) == 1
    sweep = [p("Type", "ParametricSweep"), p("CommandLine", "echo *"), p("StartValue", "1"),
             p("EndValue", "2")]  # fmt: skip
    assert call("addTask", job, body=sweep) == 2
    call("setJobProperties", job, body=[p("Priority", "Normal")], status=204)
    call("setJobCustomProperties", job, body=[p("k", "v")], status=204)
    call("setJobEnvironmentVariables", job, body=[p("E", "1")], status=204)
    assert {x.name: x.value for x in call("getJobCustomProperties", job)} == {"k": "v"}
    assert {x.name: x.value for x in call("getJobEnvironmentVariables", job)} == {"E": "1"}
    call("setTaskProperties", job, 1, body=[p("Name", "long")], status=204)
    call("setTaskCustomProperties", job, 1, body=[p("tk", "tv")], status=204)
    call("setTaskEnvironmentVariables", job, 1, body=[p("TE", "2")], status=204)
    assert {x.name: x.value for x in call("getTaskCustomProperties", job, 1)} == {"tk": "tv"}
    assert {x.name: x.value for x in call("getTaskEnvironmentVariables", job, 1)} == {"TE": "2"}
    call("submitJob", job, body=[], status=204)

    def running() -> bool:
        got = {x.name: x.value for x in call("getTask", job, 1, properties="State")}
        return got["State"] == "Running"

    until(running)
    rows = call("getTasks", job, properties="JobTaskId,InstanceId", start_row=0)
    assert len(rows) == 3  # the long task and two subtasks
    until(
        lambda: {x.name: x.value for x in call("getSubtask", job, 2, 1)}.get("State") == "Finished"
    )
    call("setSubtaskProperties", job, 2, 1, body=[p("Name", "s")], status=409)  # Finished
    call("requeueSubtask", job, 2, 1, status=409)  # only Failed/Canceled/Queued
    call("cancelSubtask", job, 2, 1, status=409)
    call("finishSubtask", job, 2, 1, status=409)
    call("finishTask", job, 1, body="by the generated client", status=204)
    call("cancelTask", job, 1, status=409)
    call("requeueTask", job, 1, status=409)
    until(
        lambda: (
            {x.name: x.value for x in call("getJob", job, properties="State")}["State"]
            == "Finished"
        )
    )
    ids = [
        dict((x.name, x.value) for x in r.properties)["Id"]
        for r in call("getJobs", rows_per_read=100)
    ]
    assert str(job) in ids
    xml_job = call(
        "createJobFromXml", body='<Job><Tasks><Task CommandLine="sleep 30"/></Tasks></Job>'
    )
    call("submitJob", xml_job, status=204)
    call("cancelJob", xml_job, body="stop", status=204)
    call("requeueJob", xml_job, status=204)
    call("finishJob", xml_job, body="done", status=204)
    # nodes, groups, metrics, logs
    nodes = call("getClusterNodes")
    assert [n.name for n in nodes] == ["NODE01", "NODE02"]
    assert call("getClusterNode", "NODE01").state.value in {"Online", "Draining"}
    call("operateClusterNode", "NODE02", NodeOperationKind.TAKEOFFLINE, user="admin", status=202)
    until(lambda: call("getClusterNode", "NODE02").state.value == "Offline")
    assert {s.name.value: s.value for s in call("getClusterNodeStatOfState")}["Offline"] == 1
    assert sum(s.value for s in call("getClusterNodeStatOfHealth")) == 2
    call("operateClusterNode", "NODE02", NodeOperationKind.BRINGONLINE, user="admin", status=202)
    until(lambda: call("getClusterNode", "NODE02").state.value == "Online")
    metrics = call("getClusterNodeMetrics", metric_names="HPCCoresInUse")
    assert [m.node_name for m in metrics] == ["NODE01", "NODE02"]
    assert call("getClusterMetricDefinitions")[0].name == "HPCSchedulerJobs"
    now = datetime.datetime.now(datetime.UTC)
    hist = call(
        "getClusterMetricHistory",
        "HPCSchedulerJobs",
        from_time=now - datetime.timedelta(minutes=3),
        to_time=now,
    )
    assert hist.metric_name == "HPCSchedulerJobs" and len(hist.instances[0].values) >= 3
    assert call("getClusterJobMetrics").metric_name == "Jobs"
    logs = call("getClusterOperations", with_detail=True, user="admin")
    assert logs[0].name == "Node operation bringOnline"
    first = call("getClusterFirstOperation")
    assert call("getClusterOperation", first.id).id == first.id
    group = call("createNodeGroup", body=NodeGroup(name="Gen", description="g"), user="admin")
    assert group.name == "Gen" and group.managed is False
    assert call("getNodeGroup", "Gen").description == "g"
    call("updateNodeGroup", "Gen", body=NodeGroup(name="Gen", description="h"), user="admin")
    op = NodeGroupOperation(
        group_name="Gen", operation=NodeGroupOperationKind.ADD, node_names=["NODE01"]
    )
    assert call("moveNodesOfGroup", "Gen", body=op, user="admin") == ["NODE01"]
    assert call("getNodesOfGroup", "Gen") == ["NODE01"]
    assert "Gen" in [g.name for g in call("getNodeGroups")]
    assert "Gen" in [g.name for g in call("getNodeGroupList")]
    assert call("getNodeGroupMembers", "Gen") == ["NODE01"]
    call("deleteNodeGroup", "Gen", user="admin", status=204)
    legacy = call("getNodeList", properties="Name", start_row=0)
    assert [r.properties[0].value for r in legacy] == ["NODE01", "NODE02"]
    assert {x.name: x.value for x in call("getNodeByName", "NODE01")}["Name"] == "NODE01"
