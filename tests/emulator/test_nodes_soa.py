"""Node, node group and SOA operations over loopback HTTP, XML and JSON."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx
import pytest
from hpc_emulator.testing import run_emulator

from .helpers import XML, V, fault_code, job_props, parse_objects, parse_props

ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
HPC = "http://hpc.microsoft.com/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
J = {"Accept": "application/json", **V}
START_INFO = (
    f'<WebSessionStartInfo xmlns="{HPC}" xmlns:i="{XSI}">'
    '<MaxMessageSize>65536</MaxMessageSize><Password i:nil="true"/><Runtime>-1</Runtime>'
    "<ServiceName>EchoService</ServiceName><UseSessionPool>false</UseSessionPool>"
    "<Username>HPC\\u</Username></WebSessionStartInfo>"
)
ENVELOPE = (
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">'
    '<s:Header><a:Action s:mustUnderstand="1">http://tempuri.org/IService/Echo</a:Action>'
    "<a:MessageID>urn:uuid:{n}</a:MessageID></s:Header>"
    '<s:Body><Echo xmlns="http://tempuri.org/"><message>m{n}</message></Echo></s:Body></s:Envelope>'
)


def test_node_list_and_node() -> None:
    with (
        run_emulator(nodes=3, cores_per_node=8, json_extension=True) as emu,  # JSON rows below
        httpx.Client(base_url=emu.base_url, headers=V) as c,
    ):
        r = c.get("/Nodes", params={"RowsPerRead": "2"})
        rows = parse_objects(r.text)
        assert [row["Name"] for row in rows] == ["NODE01", "NODE02"]
        assert (
            rows[0]["NumCores"] == "8"
            and rows[0]["State"] == "Online"
            and rows[0]["Reachable"] == "True"
        )
        assert rows[0]["NodeGroups"] == "ComputeNodes"
        token = r.headers["x-ms-continuation-QueryId"]
        r = c.get("/Nodes", params={"RowsPerRead": "2", "QueryId": token})
        assert [row["Name"] for row in parse_objects(r.text)] == ["NODE03"]
        assert "x-ms-continuation-QueryId" not in r.headers
        r = c.get("/Nodes", params={"$filter": "NodeState eq draining", "Render": "RestPropRender"})
        assert parse_objects(r.text) == []
        r = c.get("/Nodes", params={"SortNodesBy": "Name", "Properties": "Name"}, headers=J)
        assert r.json()[2] == {"Properties": [{"Name": "Name", "Value": "NODE03"}]}
        props = parse_props(c.get("/node/node02").text)
        assert props["Name"] == "NODE02" and props["Id"] == "2" and props["MemorySize"] == "32768"
        assert props["Guid"] and len(props["Guid"] or "") == 36
        r = c.get("/Node/NOPE")
        assert r.status_code == 404 and fault_code(r) == 267386880


def test_node_groups(json_client: httpx.Client) -> None:
    client = json_client  # JSON on scheduler operations: the emulator's extension
    rows = parse_objects(client.get("/NodeGroups", headers=V).text)
    assert [list(r) for r in rows] == [["Name", "Description"]] * len(rows)
    assert {r["Name"] for r in rows} >= {"ComputeNodes", "HeadNodes"}
    r = client.get("/NodeGroup/ComputeNodes", headers=V)
    root = ET.fromstring(r.text)
    assert root.tag == f"{{{ARRAYS}}}ArrayOfstring"
    assert [e.text for e in root] == ["NODE01", "NODE02", "NODE03", "NODE04"]
    assert client.get("/NodeGroup/computenodes", headers=J).json()[0] == "NODE01"
    assert client.get("/NodeGroup/Missing", headers=V).status_code == 404


def _create(c: httpx.Client) -> int:
    r = c.post("/Sessions/Create", params={"durable": "False"}, content=START_INFO, headers=XML)
    assert r.status_code == 201, r.text
    root = ET.fromstring(r.text)
    assert root.tag == f"{{{HPC}}}WebSessionInfo"
    assert [e.tag.split("}")[1] for e in root] == [
        "BrokerNode", "Id", "IsDurable", "MaxMessageSize", "ServiceOperationTimeout", "ServiceVersion",
    ]  # fmt: skip
    assert root.find(f"{{{HPC}}}ServiceVersion").get(f"{{{XSI}}}nil") == "true"  # type: ignore[union-attr]
    return int(root.findtext(f"{{{HPC}}}Id") or "0")


def test_soa_session_round_trip_xml(client: httpx.Client) -> None:
    c = httpx.Client(base_url=client.base_url, headers=V)
    sid = _create(c)
    assert job_props(c, sid, "State,JobType,ServiceName") == {
        "State": "Running",
        "JobType": "Service",
        "ServiceName": "EchoService",
    }
    body = (
        "<HPCServer2008_WebAPI_MessageArray>"
        + "".join(ENVELOPE.format(n=i) for i in range(3))
        + "</HPCServer2008_WebAPI_MessageArray>"
    )
    octet = {"Content-Type": "application/octet-stream"}
    r = c.post(f"/Session/{sid}/batch/b1", params={"commit": "False"}, content=body, headers=octet)
    assert r.status_code == 200
    r = c.post(f"/session/{sid}/batch/b1/Commit", content=b"")
    assert r.status_code == 201
    r = c.post(
        f"/Session/{sid}/batch/b1/Response",
        params={"action": "", "clientdata": "cd", "count": "-1", "reset": "False"},
        content=b"",
    )
    assert r.status_code == 200 and r.headers["content-type"] == "application/octet-stream"
    text = r.text
    assert text.count("<EchoResult>") == 3 or text.count("EchoResponse") >= 3
    for i in range(3):
        assert f"m{i}" in text
    assert "http://hpc.microsoft.com/EndOfGetResponse" in text
    r = c.get(f"/session/{sid}/batch/b1/Status")
    assert (
        r.text
        == '<BrokerClientStatus xmlns="http://hpc.microsoft.com">Finished</BrokerClientStatus>'
    )
    assert (
        c.get(f"/session/{sid}/batch/b1/Status", headers={"Accept": "application/json"}).json() == 3
    )
    assert c.post(f"/session/{sid}/batch/b1/Purge", content=b"").status_code == 200
    r = c.get(f"/Session/{sid}/Attach", params={"durable": "false"})
    assert r.status_code == 200 and f"<Id>{sid}</Id>" in r.text
    assert c.post(f"/Session/{sid}/Close", content=b"").status_code == 200
    assert job_props(c, sid, "State")["State"] == "Finished"
    r = c.get(f"/Session/{sid}/Attach", params={"durable": "false"})
    assert r.status_code == 404


def test_soa_json_and_generic(client: httpx.Client) -> None:
    c = httpx.Client(base_url=client.base_url, headers=J)
    r = c.post(
        "/sessions/create",
        params={"durable": "false"},
        # 65536.0: JSON Schema (and .NET's reader) take an integral float as an integer
        json={"ServiceName": "EchoService", "MaxMessageSize": 65536.0},
    )
    assert r.status_code == 201 and r.headers["content-type"].startswith("application/json")
    info = r.json()
    assert set(info) == {
        "BrokerNode",
        "Id",
        "IsDurable",
        "MaxMessageSize",
        "ServiceOperationTimeout",
        "ServiceVersion",
    }
    assert info["MaxMessageSize"] == 65536
    sid = info["Id"]
    r = c.post(
        "/Sessions/Create",
        params={"durable": "false"},
        json={"ServiceName": "EchoService", "MaxUnits": 1.5},
    )
    assert r.status_code == 400 and "MaxUnits" in r.json()["Message"]
    body = "hello\uffffu1\u0000world\uffff\u0000".encode()
    r = c.post(
        f"/Session/{sid}/batch/g",
        params={"genericservice": "true", "commit": "true"},
        content=body,
        headers={"Content-Type": "application/octet-stream"},
    )
    assert r.status_code == 201
    r = c.post(f"/Session/{sid}/batch/g/Response", params={"genericservice": "true"}, content=b"")
    assert r.status_code == 200
    assert "hello" in r.text and "world" in r.text and "EndOfGetResponse" in r.text
    assert c.get("/SoaService/EchoService/Versions").json() == [
        {"_Build": -1, "_Major": 0, "_Minor": 0, "_Revision": -1}
    ]
    r = c.get("/SoaService/NoSuch/Versions")
    assert r.status_code == 404 and r.json()["Code"] == 267386880
    c.post(f"/Session/{sid}/Close", content=b"")


@pytest.mark.parametrize(
    ("params", "body", "status"),
    [
        ({}, START_INFO, 400),  # durable is required
        (
            {"durable": "false"},
            START_INFO.replace("<Runtime>-1</Runtime>", "").replace(
                "<MaxMessageSize>", "<Runtime>-1</Runtime><MaxMessageSize>"
            ),
            400,
        ),  # out of order
        ({"durable": "false"}, f'<WebSessionStartInfo xmlns="{HPC}"/>', 400),  # no ServiceName
        ({"durable": "false"}, START_INFO.replace("EchoService", "Unregistered"), 404),
        ({"durable": "false"}, "<WebSessionStartInfo", 400),
    ],
)
def test_create_session_errors(
    client: httpx.Client, params: dict[str, str], body: str, status: int
) -> None:
    r = client.post("/Sessions/Create", params=params, content=body, headers={**XML, **V})
    assert r.status_code == status, r.text


def test_soa_unknown_session_and_batch(client: httpx.Client) -> None:
    for method, path in [
        ("GET", "/Session/99999/Attach?durable=false"),
        ("POST", "/Session/99999/Close"),
        ("POST", "/Session/99999/batch/b"),
        ("POST", "/Session/99999/batch/b/Commit"),
        ("POST", "/Session/99999/batch/b/Response"),
        ("GET", "/Session/99999/batch/b/Status"),
        ("POST", "/Session/99999/batch/b/Purge"),
    ]:
        r = client.request(method, path, content=b"" if method == "POST" else None, headers=V)
        assert r.status_code == 404, (path, r.status_code, r.text)


def test_canceling_the_service_job_ends_the_session(client: httpx.Client) -> None:
    c = httpx.Client(base_url=client.base_url, headers=V)
    sid = _create(c)
    assert c.post(f"/Job/{sid}/Cancel", content=b"").status_code == 200
    assert job_props(c, sid, "State")["State"] == "Canceled"
    for _ in range(50):
        if c.get(f"/Session/{sid}/Attach", params={"durable": "false"}).status_code == 404:
            break
    else:
        raise AssertionError("session still attachable after its job was canceled")
