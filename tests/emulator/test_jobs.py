"""Job operations over loopback HTTP, XML and JSON: every job route, paging, filters, renders."""

from __future__ import annotations

import pathlib
import time
import xml.etree.ElementTree as ET

import httpx
import pytest
from hpc_emulator.testing import run_emulator

from .helpers import (
    JSON,
    SER,
    XML,
    V,
    add_task,
    create_job,
    fault_code,
    job_props,
    parse_int,
    parse_objects,
    parse_props,
    props_xml,
    submit,
    wait_state,
)

SCHED = "http://schemas.microsoft.com/HPCS2008R2/scheduler/"


def test_create_job_defaults(client: httpx.Client) -> None:
    r = client.post("/Jobs", content=props_xml(), headers=XML)
    assert r.status_code == 200
    assert r.text.startswith(f'<int xmlns="{SER}">')
    job = parse_int(r.text)
    props = parse_props(client.get(f"/Job/{job}").text)
    assert props["Id"] == str(job)
    assert props["State"] == "Configuring"
    assert props["Priority"] == "Normal" and props["UnitType"] == "Core"
    assert props["JobTemplate"] == "Default"
    assert props["IsExclusive"] == "False" and props["AutoCalculateMax"] == "True"
    assert props["EndTime"] is None  # nil
    assert "Password" not in props
    # en-US culture date: M/d/yyyy h:mm:ss AM|PM
    assert props["CreateTime"] and props["CreateTime"].split(" ")[-1] in ("AM", "PM")
    assert props["CreateTime"].count("/") == 2


def test_create_job_empty_body(client: httpx.Client) -> None:
    r = client.post("/Jobs", content=b"", headers=XML)
    assert r.status_code == 200 and parse_int(r.text) > 0


def test_enums_by_number_and_name(client: httpx.Client) -> None:
    job = create_job(client, UnitType="2", Priority="Highest", MinNodes="1", MaxNodes="2")
    props = job_props(client, job, "UnitType,Priority,ExpandedPriority,AutoCalculateMin,MaxNodes")
    assert props == {
        "UnitType": "Node",
        "Priority": "Highest",
        "ExpandedPriority": "4000",
        "AutoCalculateMin": "False",
        "MaxNodes": "2",
    }


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NoSuchProperty", "1"),
        ("State", "Running"),
        ("Priority", "Urgent"),
        ("MinCores", "many"),
        ("JobTemplate", "Nope"),
    ],
)
def test_create_job_bad_properties(client: httpx.Client, name: str, value: str) -> None:
    r = client.post("/Jobs", content=props_xml(**{name: value}), headers={**XML, **V})
    assert r.status_code == 400 and fault_code(r) == 251723775


def test_get_job_properties_param(client: httpx.Client) -> None:
    job = create_job(client, Name="props")
    r = client.get(f"/Job/{job}", params={"Properties": "Name,Id"})
    assert list(parse_props(r.text)) == ["Name", "Id"]
    r = client.get(f"/Job/{job}", params={"Properties": "Id,Bogus"}, headers=V)
    assert r.status_code == 400 and fault_code(r) == 251723775


def test_set_job_properties(json_client: httpx.Client) -> None:
    client = json_client  # JSON on scheduler operations: the emulator's extension
    job = create_job(client)
    r = client.put(f"/Job/{job}", content=props_xml(Name="renamed", Project="p1"), headers=XML)
    assert r.status_code == 200 and r.content == b""
    assert job_props(client, job, "Name,Project") == {"Name": "renamed", "Project": "p1"}
    r = client.put(f"/Job/{job}", json=[{"Name": "Name", "Value": "via-json"}], headers=JSON)
    assert r.status_code == 200
    assert job_props(client, job, "Name") == {"Name": "via-json"}


def test_job_not_found(client: httpx.Client) -> None:
    for method, path in [
        ("GET", "/Job/987654"),
        ("PUT", "/Job/987654"),
        ("POST", "/Job/987654/Submit"),
        ("POST", "/Job/987654/Cancel"),
        ("POST", "/Job/987654/Requeue"),
        ("GET", "/Job/987654/CustomProperties"),
        ("GET", "/Job/987654/EnvVariables"),
        ("GET", "/Job/987654/Tasks"),
    ]:
        r = client.request(
            method, path, content=props_xml() if method != "GET" else None, headers={**XML, **V}
        )
        assert r.status_code == 404, (method, path)
        assert fault_code(r) == 267386880


def test_custom_properties_and_env(json_client: httpx.Client) -> None:
    client = json_client  # JSON on scheduler operations: the emulator's extension
    job = create_job(client)
    r = client.post(
        f"/Job/{job}/CustomProperties", content=props_xml(color="blue", size="L"), headers=XML
    )
    assert r.status_code == 200
    assert parse_props(client.get(f"/Job/{job}/CustomProperties").text) == {
        "color": "blue",
        "size": "L",
    }
    assert parse_props(
        client.get(f"/Job/{job}/CustomProperties", params={"Names": "size"}).text
    ) == {"size": "L"}
    r = client.post(f"/Job/{job}/EnvVariables", json=[{"Name": "A", "Value": "1"}], headers=JSON)
    assert r.status_code == 200
    r = client.get(
        f"/Job/{job}/EnvVariables",
        params={"Names": "A,MISSING"},
        headers={"Accept": "application/json"},
    )
    assert r.json() == [{"Name": "A", "Value": "1"}, {"Name": "MISSING", "Value": ""}]


def test_submit_twice_is_409(client: httpx.Client) -> None:
    job = create_job(client)
    add_task(client, job, CommandLine="true")
    submit(client, job)
    r = client.post(f"/Job/{job}/Submit", content=props_xml(), headers={**XML, **V})
    assert r.status_code == 409 and fault_code(r) == -2147220984


def test_cancel_and_requeue(client: httpx.Client) -> None:
    job = create_job(client, Name="cancel-me")
    add_task(client, job, CommandLine="sleep 30")
    submit(client, job)
    wait_state(client, job, {"Running"})
    r = client.post(f"/Job/{job}/Requeue", content=props_xml(), headers={**XML, **V})
    assert r.status_code == 409 and "Canceled or Failed" in r.text
    reason = f'<string xmlns="{SER}">no longer needed</string>'
    r = client.post(f"/Job/{job}/Cancel", params={"Forced": "True"}, content=reason, headers=XML)
    assert r.status_code == 200 and r.content == b""
    props = job_props(client, job, "State,ErrorMessage")
    assert props == {"State": "Canceled", "ErrorMessage": "no longer needed"}
    r = client.post(f"/Job/{job}/Cancel", content=b"", headers=V)
    assert r.status_code == 409
    assert "Jobs in the Canceled state cannot be canceled." in r.text
    r = client.post(f"/Job/{job}/Requeue", content=props_xml(), headers=XML)
    assert r.status_code == 200
    assert job_props(client, job, "RequeueCount")["RequeueCount"] == "1"
    wait_state(client, job, {"Running", "Queued"})
    client.post(f"/Job/{job}/Cancel", params={"forced": "true"}, content=b"")


def test_render_hpc_job_xml_and_create_from_it(client: httpx.Client) -> None:
    job = create_job(client, Name="xml-src", Priority="AboveNormal")
    add_task(client, job, Name="t1", CommandLine="echo one")
    add_task(client, job, Name="t2", CommandLine="echo two", DependsOn="t1")
    client.post(f"/Job/{job}/CustomProperties", content=props_xml(k="v"), headers=XML)
    r = client.get(f"/Job/{job}", params={"Render": "HpcJobXml"})
    assert r.status_code == 200
    root = ET.fromstring(r.text)
    assert root.tag == f"{{{SCHED}}}Job" and root.get("Version") == "3.000"
    assert root.get("Name") == "xml-src" and root.get("Priority") == "AboveNormal"
    tasks = root.findall(f"{{{SCHED}}}Tasks/{{{SCHED}}}Task")
    assert [t.get("CommandLine") for t in tasks] == ["echo one", "echo two"]
    r = client.post("/Jobs/JobFile", content=r.content, headers={"Content-Type": "text/xml"})
    assert r.status_code == 200
    copy = parse_int(r.text)
    assert copy != job
    assert job_props(client, copy, "Name,Priority,State") == {
        "Name": "xml-src",
        "Priority": "AboveNormal",
        "State": "Configuring",
    }
    rows = parse_objects(
        client.get(f"/Job/{copy}/Tasks", params={"Properties": "Name,CommandLine,DependsOn"}).text
    )
    assert rows == [
        {"Name": "t1", "CommandLine": "echo one", "DependsOn": None},
        {"Name": "t2", "CommandLine": "echo two", "DependsOn": "t1"},
    ]
    assert parse_props(client.get(f"/Job/{copy}/CustomProperties").text) == {"k": "v"}
    # a name asked twice is still one attribute (duplicates made the document malformed)
    for path in (f"/Job/{job}", f"/Job/{job}/Task/1"):
        r = client.get(path, params={"Render": "HpcJobXml", "Properties": "Name,name,Name"})
        assert ET.fromstring(r.text).get("Name") in ("xml-src", "t1"), r.text


def test_create_from_minimal_job_xml_with_quirks(client: httpx.Client) -> None:
    doc = (
        f'<Job xmlns="{SCHED}" Name="mini" priority="Normal+5" Runtime="1:30" MinCores="2" MaxCores="4">'
        '<Dependencies><Parent GroupId="1"><Child GroupId="2"/></Parent></Dependencies>'
        '<Tasks><Task CommandLine="hostname" GroupId="1"/><Task CommandLine="date" GroupId="2"/></Tasks></Job>'
    )
    r = client.post("/Jobs/JobFile", content=doc, headers=XML)
    assert r.status_code == 200, r.text
    job = parse_int(r.text)
    props = job_props(
        client, job, "Name,ExpandedPriority,RuntimeSeconds,MinCores,AutoCalculateMin,UnitType"
    )
    assert props == {
        "Name": "mini",
        "ExpandedPriority": "2005",
        "RuntimeSeconds": "5400",
        "MinCores": "2",
        "AutoCalculateMin": "False",
        "UnitType": "Core",
    }
    rows = parse_objects(
        client.get(f"/Job/{job}/Tasks", params={"Properties": "Name,DependsOn"}).text
    )
    assert rows[1]["DependsOn"] == rows[0]["Name"]
    r = client.post("/Jobs/JobFile", content=b"<NotAJob/>", headers={**XML, **V})
    assert r.status_code == 400


def test_paging_through_25_jobs() -> None:
    with run_emulator() as emu, httpx.Client(base_url=emu.base_url) as c:
        ids = [create_job(c, Name=f"page-{i}") for i in range(27)]
        seen: list[int] = []
        pages = 0
        params: dict[str, str] = {"RowsPerRead": "7", "Properties": "Id,Name"}
        while True:
            r = c.get("/Jobs", params=params)
            assert r.status_code == 200
            rows = parse_objects(r.text)
            seen += [int(row["Id"] or 0) for row in rows]
            pages += 1
            token = r.headers.get("x-ms-continuation-QueryId")
            if token is None:
                break
            assert len(rows) == 7
            params = {**params, "QueryId": token}
        assert seen == ids and pages == 4
        # default page size is 10
        r = c.get("/Jobs")
        assert len(parse_objects(r.text)) == 10 and "x-ms-continuation-QueryId" in r.headers
        assert list(parse_objects(r.text)[0]) == ["Id", "Owner", "Name", "State", "Priority"]
        r = c.get("/Jobs", params={"QueryId": "no-such-query"}, headers=V)
        assert r.status_code == 404 and fault_code(r) == 267386880
        r = c.get("/Jobs", params={"RowsPerRead": "0"}, headers=V)
        assert r.status_code == 400
        r = c.get(
            "/Jobs",
            params={"RowsPerRead": "1000", "Properties": "Id"},
            headers={"Accept": "application/json"},  # not honoured: the scheduler speaks XML
        )
        assert len(parse_objects(r.text)) == 27 and "x-ms-continuation-QueryId" not in r.headers


def test_filter_sort_owner() -> None:
    with run_emulator() as emu, httpx.Client(base_url=emu.base_url) as c:
        a = create_job(c, Name="b-job", Priority="Lowest")
        b = create_job(c, Name="a-job", Priority="Highest")
        add_task(c, b, CommandLine="true")
        submit(c, b)
        wait_state(c, b, {"Finished"})
        params = {
            "$filter": "JobState eq finished and ChangeTimeFrom eq 2015-10-16",
            "Render": "RestPropRender",
            "api-version": "2012-11-01",
            "Properties": "Id",
        }
        assert parse_objects(c.get("/Jobs", params=params).text) == [{"Id": str(b)}]
        params["$filter"] = "JobState eq Configuring"
        assert parse_objects(c.get("/Jobs", params=params).text) == [{"Id": str(a)}]
        params["$filter"] = "ChangeTimeFrom eq 2999-01-01"
        assert parse_objects(c.get("/Jobs", params=params).text) == []
        params["$filter"] = "Bogus eq 1"
        assert c.get("/Jobs", params=params).status_code == 400
        rows = parse_objects(
            c.get("/Jobs", params={"SortJobsBy": "Name", "Properties": "Name"}).text
        )
        assert [r["Name"] for r in rows] == ["a-job", "b-job"]
        rows = parse_objects(
            c.get("/Jobs", params={"SortJobsBy": "Nonsense", "Properties": "Id"}).text
        )
        assert [r["Id"] for r in rows] == [str(a), str(b)]
        assert len(parse_objects(c.get("/Jobs", params={"Owner": "EMULATOR\\user"}).text)) == 2
        assert parse_objects(c.get("/Jobs", params={"Owner": "HPC\\nobody"}).text) == []


def test_custom_and_env_names_follow_property_name_rules(json_client: httpx.Client) -> None:
    client = json_client  # JSON on scheduler operations: the emulator's extension
    """Names outside `Property.Name` (spec) are refused: they could not be answered in-spec."""
    job = create_job(client)
    long_ok = "N" + "x" * 127
    body = [{"Name": long_ok, "Value": "1"}, {"Name": "bad name", "Value": "2"}]
    r = client.post(f"/Job/{job}/CustomProperties", json=body, headers=JSON)
    assert r.status_code == 400 and "bad name" in r.text
    assert parse_props(client.get(f"/Job/{job}/CustomProperties").text) == {}  # all or nothing
    r = client.post(f"/Job/{job}/EnvVariables", json=body[:1], headers=JSON)
    assert r.status_code == 200
    r = client.get(f"/Job/{job}/EnvVariables", params={"Names": f"{long_ok},_unset"})
    assert parse_props(r.text) == {long_ok: "1", "_unset": ""}
    for bad in ("0abc", "a-b", "x" * 129):
        r = client.get(f"/Job/{job}/EnvVariables", params={"Names": bad}, headers=V)
        assert r.status_code == 400, bad
        assert fault_code(r) == 251723775


def test_progress_is_maintained_from_task_completion(
    client: httpx.Client, tmp_path: pathlib.Path
) -> None:
    """Progress = share of ended tasks while no client set it [D]: 0, then 50 with one of two
    tasks done, then 100."""
    gate = tmp_path / "go"
    job_id = create_job(client, Name="progress")
    add_task(client, job_id, CommandLine="echo quick")
    add_task(client, job_id, CommandLine=f"sh -c 'while [ ! -f {gate} ]; do sleep 0.05; done'")
    assert job_props(client, job_id, "Progress")["Progress"] == "0"
    submit(client, job_id)
    deadline = time.monotonic() + 20
    while job_props(client, job_id, "Progress")["Progress"] != "50":
        assert time.monotonic() < deadline, "Progress never reached 50"
        time.sleep(0.05)
    assert job_props(client, job_id, "State")["State"] == "Running"
    gate.touch()
    wait_state(client, job_id, {"Finished"})
    assert job_props(client, job_id, "Progress")["Progress"] == "100"


def test_progress_set_by_a_client_is_no_longer_maintained(client: httpx.Client) -> None:
    job_id = create_job(client, Name="own progress")
    add_task(client, job_id, CommandLine="echo one")
    r = client.put(f"/Job/{job_id}", content=props_xml(Progress=30), headers=XML)
    assert r.status_code == 200, r.text
    submit(client, job_id)
    wait_state(client, job_id, {"Finished"})
    assert job_props(client, job_id, "Progress")["Progress"] == "30"
