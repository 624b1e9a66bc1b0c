"""/hpc nodes, node operations (202, asynchronous), groups, metrics and operation logs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator, run_emulator

from tests.hpcapi.conftest import ROLES, USERS, job_state, make, new_job, props, until

Rest = Callable[..., httpx.Client]


@pytest.fixture
def fresh(request: pytest.FixtureRequest) -> Iterator[RunningEmulator]:
    """Node state changes stay in this test's own emulator."""
    with run_emulator(users=USERS, roles=ROLES, nodes=2, cores_per_node=1) as emu:
        yield emu


def node_state(c: httpx.Client, name: str) -> str:
    r = c.get(f"/cluster/nodes/{name}")
    assert r.status_code == 200, r.text
    return str(r.json()["State"])


def test_take_offline_drains_then_offline_and_no_new_work(fresh: RunningEmulator) -> None:
    admin, alice = make(fresh, "admin"), make(fresh, "alice")
    busy = new_job(alice, "sleep 30")
    assert alice.post(f"/jobs/{busy}/submit").status_code == 204
    until(lambda: job_state(alice, busy) == "Running")
    running_on = [n["Name"] for n in admin.get("/cluster/nodes", params={"jobs": str(busy)}).json()]
    assert len(running_on) == 1
    node = running_on[0]
    r = admin.post(f"/cluster/nodes/{node}/operations/takeOffline")
    assert r.status_code == 202 and r.content == b""
    until(lambda: node_state(admin, node) == "Draining")
    assert admin.get(f"/cluster/nodes/{node}").json()["Health"] == "Transitional"
    assert alice.post(f"/jobs/{busy}/cancel").status_code == 204
    until(lambda: node_state(admin, node) == "Offline")
    other = next(n["Name"] for n in admin.get("/cluster/nodes").json() if n["Name"] != node)
    assert admin.post(f"/cluster/nodes/{other}/operations/takeOffline").status_code == 202
    until(lambda: node_state(admin, other) == "Offline")
    waiting = new_job(alice, "echo queued")
    assert alice.post(f"/jobs/{waiting}/submit").status_code == 204
    stats = {s["Name"]: s["Value"] for s in admin.get("/cluster/nodes/stats/state").json()}
    assert stats == {"Offline": 2}
    task = alice.get(f"/jobs/{waiting}/tasks/1", params={"properties": "State"}).json()
    assert props(task)["State"] in {"Submitted", "Queued"}  # no Online node to run on
    assert admin.post(f"/cluster/nodes/{node}/operations/bringOnline").status_code == 202
    until(lambda: job_state(alice, waiting) == "Finished")
    assert node_state(admin, node) == "Online"
    legacy = props(admin.get(f"/nodes/{other}").json())
    assert legacy["State"] == "Offline"
    offline = admin.get("/nodes", params={"$filter": "NodeState eq Offline", "properties": "Name"})
    assert [props(r["Properties"]) for r in offline.json()] == [{"Name": other}]
    logs = admin.get("/cluster/operations", params={"withDetail": "true", "nodeNames": node}).json()
    assert [log["Name"] for log in logs] == [
        "Node operation bringOnline",
        "Node operation takeOffline",
    ]
    assert all(log["State"] == "Committed" and log["Entries"] for log in logs)
    first = admin.get("/cluster/operations/first").json()
    assert first["Name"] == "Node operation takeOffline" and first["Node"] == node
    assert admin.get(f"/cluster/operations/{first['Id']}").json()["Id"] == first["Id"]
    assert admin.get("/cluster/operations/nope").status_code == 404


def test_stop_start_and_metrics_of_unreachable_nodes(fresh: RunningEmulator) -> None:
    admin = make(fresh, "admin")
    assert admin.post("/cluster/nodes/NODE02/operations/shutdown").status_code == 202
    until(lambda: node_state(admin, "NODE02") == "Offline")
    metrics = admin.get("/cluster/nodes/metrics", params={"metricNames": "HPCCoresInUse"}).json()
    assert metrics == [
        {"NodeName": "NODE01", "Metrics": {"HPCCoresInUse": 0.0}},
        {"NodeName": "NODE02", "Metrics": {}},
    ]
    health = {s["Name"]: s["Value"] for s in admin.get("/cluster/nodes/stats/health").json()}
    assert health == {"Error": 1, "OK": 1}
    assert admin.post("/cluster/nodes/NODE02/operations/start").status_code == 202
    until(lambda: node_state(admin, "NODE02") == "Online")
    assert admin.post("/cluster/nodes/NODE02/operations/explode").status_code == 404
    assert admin.post("/cluster/nodes/NODE99/operations/start").status_code == 404


def test_node_operations_need_an_administrator(rest: Rest) -> None:
    r = rest("jadmin").post("/cluster/nodes/NODE01/operations/takeOffline")
    assert r.status_code == 403 and "administrator" in r.json()["Message"]
    assert rest("alice").post("/cluster/nodeGroups", json={"Name": "g"}).status_code == 403


def test_node_groups_lifecycle(rest: Rest) -> None:
    admin = rest("admin")
    r = admin.post("/cluster/nodeGroups", json={"Name": "Big", "Description": "big ones"})
    assert r.status_code == 200
    assert r.json() == {"Name": "Big", "Description": "big ones", "Managed": False}
    assert admin.post("/cluster/nodeGroups", json={"Name": "big"}).status_code == 409
    move = {"GroupName": "Big", "Operation": "add", "NodeNames": ["NODE01", "NODE02"]}
    assert admin.patch("/cluster/nodeGroups/Big/nodes", json=move).json() == ["NODE01", "NODE02"]
    move["Operation"], move["NodeNames"] = "remove", ["NODE01"]
    assert admin.patch("/cluster/nodeGroups/Big/nodes", json=move).json() == ["NODE02"]
    assert admin.get("/cluster/nodeGroups/big/nodes").json() == ["NODE02"]
    assert admin.get("/nodes/groups/Big").json() == ["NODE02"]
    assert "Big" in admin.get("/cluster/nodes/NODE02").json()["Groups"]
    bad = {"GroupName": "Big", "Operation": "add", "NodeNames": ["NODE77"]}
    assert admin.patch("/cluster/nodeGroups/Big/nodes", json=bad).status_code == 404
    upd = admin.put("/cluster/nodeGroups/Big", json={"Name": "Bigger", "Description": "d"})
    assert upd.status_code == 200 and upd.json()["Name"] == "Bigger"
    assert admin.get("/cluster/nodes", params={"group": "Bigger"}).json()[0]["Name"] == "NODE02"
    assert admin.delete("/cluster/nodeGroups/ComputeNodes").status_code == 400
    assert admin.delete("/cluster/nodeGroups/Bigger").status_code == 204
    assert admin.get("/cluster/nodeGroups/Bigger").status_code == 404
    names = [g["Name"] for g in admin.get("/cluster/nodeGroups").json()]
    assert "Bigger" not in names and "ComputeNodes" in names


def test_cluster_information_and_job_metrics(rest: Rest) -> None:
    c = rest("alice")
    assert c.get("/cluster/version").json().count(".") == 3
    assert c.get("/cluster/activeHeadNode").json() == "HEADNODE"
    assert c.get("/cluster/info/dateTimeFormat").json() == "M/d/yyyy h:mm:ss tt"
    assert c.get("/jobs/templates").json() == ["Default"]
    names = [d["Name"] for d in c.get("/cluster/metrics/definitions").json()]
    assert "HPCSchedulerJobs" in names
    job_id = new_job(c, "echo m")
    assert c.post(f"/jobs/{job_id}/submit").status_code == 204
    until(lambda: job_state(c, job_id) == "Finished")
    metrics = c.get("/cluster/metrics/jobs").json()
    finished = next(
        i for i in metrics["Instances"] if i["InstanceName"] == "Number of finished jobs"
    )
    assert sum(v["Value"] for v in finished["Values"]) >= 1
    missing = c.get("/cluster/metrics/history/HPCSchedulerJobs")
    assert missing.status_code == 400
    assert (
        c.get(
            "/cluster/metrics/history/Nope",
            params={"fromTime": "2020-01-01T00:00:00Z", "toTime": "2020-01-01T00:05:00Z"},
        ).status_code
        == 404
    )


def test_typed_answers_in_xml_on_request(rest: Rest) -> None:
    import xml.etree.ElementTree as ET

    r = rest("alice", Accept="application/xml").get("/cluster/nodes/NODE01")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(r.text)
    assert root.tag == "Node" and root.findtext("Name") == "NODE01"
    assert root.findtext("OnAzure") == "false"
    err = rest("alice", Accept="application/xml").get("/cluster/nodes/NODE99")
    assert err.status_code == 404 and ET.fromstring(err.text).findtext("Message")


def test_roles_from_the_command_line_and_bad_roles(tmp_path: Path) -> None:
    from hpc_emulator.__main__ import roles_from
    from hpc_emulator.app import Emulator
    from hpc_emulator.config import EmulatorConfig

    assert roles_from("ann, bo", "cy,bo") == {
        "ann": "Administrator",
        "bo": "Administrator",
        "cy": "JobAdministrator",
    }
    with pytest.raises(ValueError, match="role of 'x'"):
        Emulator(EmulatorConfig(data_dir=tmp_path, roles={"x": "Wizard"}))
