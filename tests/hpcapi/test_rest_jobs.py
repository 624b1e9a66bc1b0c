"""The /hpc jobs, tasks and subtasks over loopback, raw httpx: one scheduler with WindowsHpc."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import httpx

from tests.emulator.helpers import parse_props
from tests.hpcapi.conftest import job_state, new_job, props, until

Rest = Callable[..., httpx.Client]


def win_state(windows: httpx.Client, job_id: int) -> str | None:
    r = windows.get(f"/Job/{job_id}", params={"Properties": "State,ErrorMessage"})
    assert r.status_code == 200, r.text
    return parse_props(r.text)["State"]


def test_created_on_hpc_runs_and_is_seen_by_windowshpc(rest: Rest, windows: httpx.Client) -> None:
    c = rest("alice")
    job_id = new_job(c, "echo hello", Name="cross")
    assert c.post(f"/jobs/{job_id}/submit").status_code == 204
    until(lambda: win_state(windows, job_id) == "Finished")
    r = windows.get(f"/Job/{job_id}", params={"Properties": "Name,Owner"})
    assert parse_props(r.text)["Name"] == "cross"
    tasks = c.get(f"/jobs/{job_id}/tasks", params={"properties": "TaskId,State,Output"})
    assert tasks.status_code == 200
    rows = [props(row["Properties"]) for row in tasks.json()]
    assert rows == [{"TaskId": f"{job_id}.1", "State": "Finished", "Output": "hello\n"}]


def test_created_on_windowshpc_finished_on_hpc(rest: Rest, windows: httpx.Client) -> None:
    body = (
        '<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common">'
        "<Property><Name>Name</Name><Value>long</Value></Property></ArrayOfProperty>"
    )
    xml = {"Content-Type": "application/xml"}
    job_id = int(ET.fromstring(windows.post("/Jobs", content=body, headers=xml).text).text or 0)
    task = body.replace("Name</Name><Value>long", "CommandLine</Name><Value>sleep 30")
    assert windows.post(f"/Job/{job_id}/Tasks", content=task, headers=xml).status_code == 200
    assert windows.post(f"/Job/{job_id}/Submit", headers={"Content-Length": "0"}).is_success
    c = rest("alice")
    until(lambda: job_state(c, job_id) == "Running")
    r = c.post(f"/jobs/{job_id}/finish", json="enough")
    assert r.status_code == 204, r.text
    assert win_state(windows, job_id) == "Finished"
    again = c.post(f"/jobs/{job_id}/finish", json="again")
    assert again.status_code == 409
    assert "Finished" in again.json()["Message"]


def test_finish_task_sets_its_message_and_job_completes(rest: Rest) -> None:
    c = rest("alice")
    job_id = new_job(c, "sleep 30", "echo two")
    assert c.post(f"/jobs/{job_id}/submit").status_code == 204
    until(lambda: "Running" in task_states(c, job_id))
    assert c.post(f"/jobs/{job_id}/tasks/1/finish", json="done by hand").status_code == 204
    t = props(c.get(f"/jobs/{job_id}/tasks/1", params={"properties": "State,ErrorMessage"}).json())
    assert t == {"State": "Finished", "ErrorMessage": "done by hand"}
    until(lambda: job_state(c, job_id) == "Finished")
    assert c.post(f"/jobs/{job_id}/tasks/1/finish").status_code == 409


def task_states(c: httpx.Client, job_id: int) -> list[str]:
    rows = c.get(f"/jobs/{job_id}/tasks", params={"properties": "State"}).json()
    return [props(r["Properties"])["State"] for r in rows]


def test_cancel_on_windowshpc_requeue_on_hpc(rest: Rest, windows: httpx.Client) -> None:
    c = rest("alice")
    job_id = new_job(c, "sleep 30")
    assert c.post(f"/jobs/{job_id}/submit").status_code == 204
    r = windows.post(f"/Job/{job_id}/Cancel", headers={"Content-Length": "0"})
    assert r.is_success, r.text
    assert job_state(c, job_id) == "Canceled"
    assert c.post(f"/jobs/{job_id}/requeue").status_code == 204
    assert win_state(windows, job_id) in {"Submitted", "Queued", "Running"}
    assert (
        c.post(f"/jobs/{job_id}/cancel", params={"forced": "true"}, json="stop").status_code == 204
    )
    assert win_state(windows, job_id) == "Canceled"


def test_offset_and_continuation_paging(rest: Rest) -> None:
    c = rest("alice")
    job_id = new_job(c, *[f"echo {i}" for i in range(5)])
    r = c.get(f"/jobs/{job_id}/tasks", params={"startRow": 1, "rowsPerRead": 2, "asc": "false"})
    assert r.status_code == 200
    assert r.headers["x-ms-row-count"] == "5"
    assert "x-ms-continuation-queryId" not in r.headers
    assert [props(x["Properties"])["JobTaskId"] for x in r.json()] == ["4", "3"]
    seen: list[str] = []
    params: dict[str, str | int] = {"rowsPerRead": 2}
    for _ in range(5):
        page = c.get(f"/jobs/{job_id}/tasks", params=params)
        seen += [props(x["Properties"])["JobTaskId"] for x in page.json()]
        token = page.headers.get("x-ms-continuation-queryId")
        if token is None:
            break
        params = {"rowsPerRead": 2, "queryId": token}
    assert seen == ["1", "2", "3", "4", "5"]


def test_task_filters(rest: Rest) -> None:
    c = rest("alice")
    job_id = new_job(c, "echo a", "echo b", "echo c")
    r = c.get(
        f"/jobs/{job_id}/tasks", params={"$filter": "TaskIds eq 1,3 and TaskState eq Configuring"}
    )
    assert [props(x["Properties"])["JobTaskId"] for x in r.json()] == ["1", "3"]
    bad = c.get(f"/jobs/{job_id}/tasks", params={"$filter": "Colour eq red"})
    assert bad.status_code == 400 and "Colour" in bad.json()["Message"]


def test_job_list_filters_and_owner(rest: Rest) -> None:
    c = rest("bob")
    job_id = new_job(c, Name="bobs")
    r = c.get(
        "/jobs", params={"owner": "bob", "$filter": "JobState eq Configuring", "rowsPerRead": 1000}
    )
    ids = [int(props(x["Properties"])["Id"]) for x in r.json()]
    assert job_id in ids
    assert all(props(x["Properties"])["Owner"].lower().endswith("bob") for x in r.json())


def test_impersonation_by_admin_and_refusals(rest: Rest) -> None:
    job_id = new_job(rest("jadmin", **{"x-ms-as-user": "alice"}), Name="for alice")
    owner = props(rest("alice").get(f"/jobs/{job_id}", params={"properties": "Owner"}).json())
    assert owner["Owner"].lower().endswith("alice")
    refused = rest("bob", **{"x-ms-as-user": "alice"}).get("/jobs")
    assert refused.status_code == 403
    as_bob = rest("admin", **{"x-ms-as-user": "bob"})
    assert as_bob.post(f"/jobs/{job_id}/cancel").status_code == 403  # bob may not
    assert rest("admin").post(f"/jobs/{job_id}/cancel").status_code == 204  # the admin may
    assert rest("bob").get("/cluster/userRoles").json() == ["User"]
    assert rest("admin").get("/cluster/userRoles").json() == ["User", "Administrator"]
    assert as_bob.get("/cluster/userRoles").json() == ["User"]


def test_job_file_is_a_json_string(rest: Rest) -> None:
    c = rest("alice")
    xml = '<Job Name="fromxml"><Tasks><Task CommandLine="echo x" /></Tasks></Job>'
    r = c.post("/jobs/jobFile", json=xml)
    assert r.status_code == 200, r.text
    job_id = r.json()
    assert props(c.get(f"/jobs/{job_id}", params={"properties": "Name"}).json()) == {
        "Name": "fromxml"
    }
    raw = c.post("/jobs/jobFile", content=xml, headers={"Content-Type": "application/json"})
    assert raw.status_code == 400


def test_wire_errors_are_typed(rest: Rest, emulator: object) -> None:
    c = rest("alice")
    missing = c.get("/jobs/99999")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/json")
    assert "99999" in missing.json()["Message"]
    xml_body = c.post("/jobs", content="<x/>", headers={"Content-Type": "application/xml"})
    assert xml_body.status_code == 415
    assert c.get("/jobs", headers={"Accept": "text/plain"}).status_code == 406
    assert (
        c.post("/jobs", content=b"[{", headers={"Content-Type": "application/json"}).status_code
        == 400
    )
    assert c.delete("/jobs").status_code == 405
    anon = httpx.get(str(c.base_url) + "/jobs", timeout=10)
    assert anon.status_code == 401 and "Basic" in anon.headers["www-authenticate"]


def test_xml_answers_on_request(rest: Rest) -> None:
    c = rest("alice", Accept="application/xml")
    job_id = new_job(rest("alice"), Name="x")
    r = c.get(f"/jobs/{job_id}", params={"properties": "Name"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/xml")
    assert parse_props(r.text) == {"Name": "x"}


def test_custom_properties_and_env(rest: Rest) -> None:
    c = rest("alice")
    job_id = new_job(c, "echo $COLOUR")
    assert (
        c.post(
            f"/jobs/{job_id}/envVariables", json=[{"Name": "COLOUR", "Value": "red"}]
        ).status_code
        == 204
    )
    assert (
        c.post(f"/jobs/{job_id}/customProperties", json=[{"name": "k", "value": "v"}]).status_code
        == 204
    )
    assert props(c.get(f"/jobs/{job_id}/customProperties").json()) == {"k": "v"}
    assert props(c.get(f"/jobs/{job_id}/envVariables", params={"names": "COLOUR"}).json()) == {
        "COLOUR": "red"
    }
    assert c.post(f"/jobs/{job_id}/submit").status_code == 204
    until(lambda: job_state(c, job_id) == "Finished")
    out = props(c.get(f"/jobs/{job_id}/tasks/1", params={"properties": "Output"}).json())
    assert out == {"Output": "red\n"}
