"""Cross-cutting wire rules: URI forms, case, api-version, formats, faults, auth, TLS."""

from __future__ import annotations

import base64
import json
import ssl

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator, run_emulator

from .helpers import (
    COMMON,
    SER,
    XML,
    V,
    create_job,
    fault_code,
    parse_int,
    parse_objects,
    props_xml,
)

SP3_GETS = [
    "/Clusters",
    "/ActiveHeadnode",
    "/Nodes",
    "/Node/NODE01",
    "/NodeGroups",
    "/NodeGroup/ComputeNodes",
]


def test_both_uri_forms_and_case(client: httpx.Client, hpc_emulator: RunningEmulator) -> None:
    job = create_job(client, Name="uri")
    root = httpx.Client(base_url=hpc_emulator.url)
    for path in [
        f"/WindowsHpc/Job/{job}",
        f"/WindowsHpc/EMULATED/Job/{job}",
        f"/windowshpc/emulated/job/{job}",
        f"/WINDOWSHPC/JOB/{job}?properties=Id",
    ]:
        r = root.get(path)
        assert r.status_code == 200, (path, r.text)
        assert f"<Value>{job}</Value>" in r.text
    assert root.get("/windowshpc/jobs").status_code == 200


def test_unknown_cluster_segment_is_404(client: httpx.Client) -> None:
    r = client.get("/OTHER/Jobs", headers=V)
    assert r.status_code == 404
    assert fault_code(r) == 267386880
    assert "OTHER" in r.text


def test_clusters_never_has_a_cluster_segment(client: httpx.Client) -> None:
    assert client.get("/EMULATED/Clusters", headers=V).status_code == 404
    assert parse_objects(client.get("/Clusters", headers=V).text) == [{"Name": "EMULATED"}]


@pytest.mark.parametrize("path", SP3_GETS)
def test_sp3_operations_require_api_version(client: httpx.Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 400
    assert fault_code(r) == 50331700
    assert client.get(path, headers=V).status_code == 200
    assert client.get(path, params={"api-version": "2011-11-01"}).status_code == 200
    assert client.get(path, params={"API-VERSION": "2012-03-31.3.4"}).status_code == 200


def test_soa_operations_require_api_version(client: httpx.Client) -> None:
    r = client.post("/Sessions/Create?durable=false", json={"ServiceName": "EchoService"})
    assert r.status_code == 400 and fault_code(r) == 50331700
    r = client.get("/SoaService/EchoService/Versions")
    assert r.status_code == 400 and fault_code(r) == 50331700


def test_unknown_api_version_is_rejected(client: httpx.Client) -> None:
    r = client.get("/Version", headers={"api-version": "2016-11-01.5.0"})
    assert r.status_code == 400 and fault_code(r) == 50331700


def test_header_wins_over_uri_parameter(client: httpx.Client) -> None:
    r = client.get("/Clusters", headers=V, params={"api-version": "bogus"})
    assert r.status_code == 200
    r = client.get(
        "/Clusters", headers={"api-version": "bogus"}, params={"api-version": "2011-11-01"}
    )
    assert r.status_code == 400


def test_sp2_error_format_without_api_version(client: httpx.Client) -> None:
    r = client.get("/Job/999999")
    assert r.status_code == 404
    assert r.text.startswith(f'<string xmlns="{SER}">')
    r = client.get("/Job/999999", headers=V)
    assert r.status_code == 404
    assert fault_code(r) == 267386880
    assert f'<HpcWebServiceFault xmlns="{COMMON}"' in r.text
    assert '<Values i:nil="true"' in r.text


def test_json_fault(json_client: httpx.Client) -> None:
    client = json_client  # JSON on scheduler operations: the emulator's extension
    r = client.get("/Job/999999", headers={**V, "Accept": "application/json"})
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["Code"] == 267386880 and body["Values"] is None and "999999" in body["Message"]


@pytest.mark.parametrize(
    "content_type",
    ["application/xml", "text/xml", "application/xml; charset=utf-8", "text/xml; charset=utf-8"],
)
def test_xml_content_types_accepted(client: httpx.Client, content_type: str) -> None:
    r = client.post("/Jobs", content=props_xml(Name="ct"), headers={"Content-Type": content_type})
    assert r.status_code == 200
    assert parse_int(r.text) > 0


def test_json_bodies_and_answers(json_client: httpx.Client) -> None:
    client = json_client  # JSON on scheduler operations: the emulator's extension
    r = client.post(
        "/Jobs",
        json=[{"Name": "Name", "Value": "json-job"}, {"Name": "priority", "Value": "3"}],
        headers={"Accept": "application/json"},
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    job = r.json()
    assert isinstance(job, int)
    r = client.get(
        f"/Job/{job}",
        params={"Properties": "Name,Priority,ExpandedPriority"},
        headers={"Accept": "application/json"},
    )
    assert r.json() == [
        {"Name": "Name", "Value": "json-job"},
        {"Name": "Priority", "Value": "AboveNormal"},
        {"Name": "ExpandedPriority", "Value": "3000"},
    ]


@pytest.mark.parametrize(
    "body",
    [
        b"<ArrayOfProperty",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><ArrayOfProperty>&b;</ArrayOfProperty>',
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ArrayOfProperty>&e;</ArrayOfProperty>',
        b"<Wrong/>",
        b"\xff\xfe garbage",
    ],
)
def test_hostile_or_bad_xml_is_a_400_fault(client: httpx.Client, body: bytes) -> None:
    r = client.post("/Jobs", content=body, headers={**XML, **V})
    assert r.status_code == 400
    assert fault_code(r) == 251723775


def test_bad_json_is_a_400_fault(json_client: httpx.Client) -> None:
    client = json_client  # JSON on scheduler operations: the emulator's extension
    r = client.post(
        "/Jobs", content=b"{not json", headers={"Content-Type": "application/json", **V}
    )
    assert r.status_code == 400 and fault_code(r) == 251723775


def test_unknown_path_and_method(client: httpx.Client) -> None:
    assert client.get("/NoSuchThing", headers=V).status_code == 404
    r = client.delete("/Jobs", headers=V)
    assert r.status_code == 405
    assert r.headers["Allow"] == "GET, POST"  # RFC 9110: a 405 lists the supported methods
    r = client.post("/EMULATED/Job/1/CustomProperties/x", headers=V)
    assert r.status_code == 404
    r = client.delete("/EMULATED/Job/1", headers=V)
    assert r.status_code == 405 and r.headers["Allow"] == "GET, PUT"


def test_booleans_and_names_case_insensitive(client: httpx.Client) -> None:
    job = create_job(client, isexclusive="TRUE", RUNUNTILCANCELED="1", FailOnTaskFailure="false")
    r = client.get(
        f"/Job/{job}", params={"properties": "IsExclusive,RunUntilCanceled,FailOnTaskFailure"}
    )
    assert "<Value>True</Value><" in r.text
    assert r.text.count("<Value>True</Value>") == 2 and "<Value>False</Value>" in r.text


def _basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_basic_auth_when_users_configured() -> None:
    with run_emulator(users={"HPC\\alice": "secret", "bob": "pw"}) as emu:
        c = httpx.Client(base_url=emu.base_url)
        r = c.get("/Version")
        assert r.status_code == 401
        assert r.headers["WWW-Authenticate"] == 'Basic realm="127.0.0.1"'  # IIS: the host [I]
        assert c.get("/Version", headers=_basic("HPC\\alice", "wrong")).status_code == 401
        alice = _basic("HPC\\alice", "secret")
        r = c.post("/Jobs", content=props_xml(Name="a"), headers={**alice, **XML})
        assert r.status_code == 200
        job = parse_int(r.text)
        r = c.get(f"/Job/{job}", params={"Properties": "Owner"}, headers=alice)
        assert "<Value>HPC\\alice</Value>" in r.text
        bob = _basic("bob", "pw")
        r = c.put(f"/Job/{job}", content=props_xml(Name="stolen"), headers={**bob, **XML, **V})
        assert r.status_code == 403 and fault_code(r) == 50331701
        r = c.get("/Jobs", params={"Owner": "EMULATOR\\bob"}, headers=bob)
        assert parse_objects(r.text) == []


def test_open_mode_owner(client: httpx.Client) -> None:
    job = create_job(client)
    assert (
        "<Value>EMULATOR\\user</Value>"
        in client.get(f"/Job/{job}", params={"Properties": "Owner"}).text
    )
    r = client.post("/Jobs", content=props_xml(), headers={**XML, **_basic("CONTOSO\\carol", "x")})
    job = parse_int(r.text)
    assert (
        "<Value>CONTOSO\\carol</Value>"
        in client.get(f"/Job/{job}", params={"Properties": "Owner"}).text
    )


def test_tls_self_signed() -> None:
    with run_emulator(tls=True) as emu:
        assert emu.url.startswith("https://") and emu.cert_file is not None
        ctx = ssl.create_default_context(cafile=str(emu.cert_file))
        r = httpx.get(emu.base_url + "/Version", verify=ctx)
        assert r.status_code == 200
        with pytest.raises(httpx.ConnectError):
            httpx.get(emu.base_url + "/Version")


def test_json_scalar_forms(json_client: httpx.Client) -> None:
    client = json_client  # JSON on scheduler operations: the emulator's extension
    j = {"Accept": "application/json", **V}
    assert client.get("/Version", headers=j).json() == "5.3.6435.0"
    assert client.get("/ActiveHeadnode", headers=j).json() == "HEADNODE"
    assert client.get("/JobTemplates", headers=j).json() == ["Default"]
    assert json.loads(client.get("/Clusters", headers=j).text) == [
        {"Properties": [{"Name": "Name", "Value": "EMULATED"}]}
    ]
