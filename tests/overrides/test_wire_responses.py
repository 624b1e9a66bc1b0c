"""Every success response shape of the API catalogue, in XML and in JSON, parsed into the typed
results the resource helpers return (values coerced to the schema types)."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

import httpx
import pytest
from hpcpack import (
    BrokerClientStatusCode,
    HpcClient,
    JobPriority,
    JobState,
    JobUnitType,
    NodeState,
    TaskState,
    TaskType,
)

from .conftest import NS_COMMON, NS_SER, XSI, Wire, make_client, objects_xml, props_xml, xml

FORMATS = ["xml", "json"]


def answer(wire: Wire, fmt: str, xml_body: bytes, json_value: Any, status: int = 200) -> None:
    if fmt == "xml":
        wire.answer(xml(xml_body, status))
    else:
        wire.answer(
            httpx.Response(
                status,
                content=json.dumps(json_value).encode(),
                headers={"Content-Type": "application/json; charset=utf-8"},
            )
        )


def props_json(pairs: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    return [{"Name": n, "Value": v} for n, v in pairs]


@pytest.fixture(params=FORMATS)
def fmt(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def client(wire: Wire, fmt: str) -> HpcClient:
    return make_client(wire, format=fmt)


JOB_PROPS: list[tuple[str, str | None]] = [
    ("Id", "14"),
    ("Name", "sweep & co"),
    ("State", "Running"),
    ("PreviousState", "16"),  # flags enum by number: Queued
    ("Priority", "2"),  # by number: Normal
    ("UnitType", "core"),  # names match case-insensitively
    ("IsExclusive", "True"),
    ("RunUntilCanceled", "false"),
    ("FailOnTaskFailure", "1"),
    ("SubmitTime", "9/27/2011 9:53:26 PM"),
    ("CreateTime", "2011-09-27T21:50:00"),
    ("EndTime", None),
    ("StartTime", ""),
    ("Owner", "HPC\\alice"),
    ("MinCores", "1"),
    ("RequeueCount", "0"),
    ("SomeFutureProperty", "kept"),
]


def test_get_job(wire: Wire, client: HpcClient, fmt: str) -> None:
    answer(wire, fmt, props_xml(JOB_PROPS), props_json(JOB_PROPS))
    job = client.jobs.get(14)
    assert wire.last.url.path == "/WindowsHpc/Job/14"
    assert job.id == 14
    assert job.name == "sweep & co"
    assert job.state is JobState.RUNNING
    assert job.previous_state is JobState.QUEUED
    assert job.priority is JobPriority.NORMAL
    assert job.unit_type is JobUnitType.CORE
    assert (job.is_exclusive, job.run_until_canceled, job.fail_on_task_failure) == (
        True,
        False,
        True,
    )
    assert job.submit_time == datetime.datetime(2011, 9, 27, 21, 53, 26)
    assert job.create_time == datetime.datetime(2011, 9, 27, 21, 50)
    assert job.end_time is None
    assert job.start_time is None
    assert job.owner == "HPC\\alice"
    assert (job.min_cores, job.requeue_count) == (1, 0)
    assert job.additional_properties == {"SomeFutureProperty": "kept"}


def test_get_task_and_subtask(wire: Wire, client: HpcClient, fmt: str) -> None:
    rows = [
        ("TaskId", "14.2.3"),
        ("State", "Finished"),
        ("Type", "ParametricSweep"),
        ("ExitCode", "-1"),
        ("Output", "line 1\r\nline <2>"),
        ("InstanceId", "3"),
    ]
    answer(wire, fmt, props_xml(rows), props_json(rows))
    task = client.subtasks.get(14, 2, 3)
    assert wire.last.url.path == "/WindowsHpc/Job/14/Task/2/SubTask/3"
    assert task.task_id == "14.2.3"
    assert task.state is TaskState.FINISHED
    assert task.type_ is TaskType.PARAMETRICSWEEP
    assert task.exit_code == -1
    assert task.output == "line 1\r\nline <2>"
    assert task.instance_id == 3
    assert client.tasks.output(14, 2) == "line 1\r\nline <2>"
    assert wire.last.url.params["Properties"] == "TaskId,Output,ExitCode"


def test_custom_properties_and_env_variables(wire: Wire, client: HpcClient, fmt: str) -> None:
    rows: list[tuple[str, str | None]] = [("Color", "blue"), ("Missing", ""), ("Nil", None)]
    answer(wire, fmt, props_xml(rows), props_json(rows))
    assert client.jobs.custom_properties(1, ["Color", "Missing", "Nil"]) == {
        "Color": "blue",
        "Missing": "",
        "Nil": None,
    }
    assert wire.last.url.params["Names"] == "Color,Missing,Nil"
    assert client.tasks.env_variables(1, 2) == {"Color": "blue", "Missing": "", "Nil": None}
    assert wire.last.url.path == "/WindowsHpc/Job/1/Task/2/EnvVariables"


def test_job_list_rows(wire: Wire, client: HpcClient, fmt: str) -> None:
    rows = [[("Id", "1"), ("State", "Finished")], [("Id", "2"), ("State", "Queued")]]
    answer(wire, fmt, objects_xml(rows), [{"Properties": props_json(r)} for r in rows])
    jobs = list(client.jobs.list())
    assert [(j.id, j.state) for j in jobs] == [(1, JobState.FINISHED), (2, JobState.QUEUED)]


def test_node_list_node_and_groups(wire: Wire, client: HpcClient, fmt: str) -> None:
    node = [
        ("Id", "1"),
        ("Name", "NODE01"),
        ("State", "Online"),
        ("NumCores", "4"),
        ("Reachable", "True"),
        ("Guid", "56f2b7f4-f333-54f2-9b5e-fa4fd9e59435"),
        ("OnlineTime", "11/23/2026 10:37:41 AM"),
    ]
    answer(wire, fmt, objects_xml([node]), [{"Properties": props_json(node)}])
    (got,) = list(client.nodes.list())
    assert (got.name, got.state, got.num_cores, got.reachable) == (
        "NODE01",
        NodeState.ONLINE,
        4,
        True,
    )
    assert got.guid == uuid.UUID("56f2b7f4-f333-54f2-9b5e-fa4fd9e59435")
    assert got.online_time == datetime.datetime(2026, 11, 23, 10, 37, 41)
    answer(wire, fmt, props_xml(node), props_json(node))
    assert client.nodes.get("NODE01").id == 1
    assert wire.last.url.path == "/WindowsHpc/Node/NODE01"
    groups = [[("Name", "ComputeNodes"), ("Description", "all")]]
    answer(wire, fmt, objects_xml(groups), [{"Properties": props_json(groups[0])}])
    assert [(g.name, g.description) for g in client.nodes.groups()] == [("ComputeNodes", "all")]


def test_string_arrays(wire: Wire, client: HpcClient, fmt: str) -> None:
    arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
    body = f'<ArrayOfstring xmlns="{arrays}" xmlns:i="{XSI}"><string>Default</string><string>GPU &amp; more</string></ArrayOfstring>'
    answer(wire, fmt, body.encode(), ["Default", "GPU & more"])
    assert client.cluster.templates() == ["Default", "GPU & more"]
    answer(wire, fmt, body.encode(), ["Default", "GPU & more"])
    assert client.nodes.group_members("ComputeNodes") == ["Default", "GPU & more"]
    assert wire.last.url.path == "/WindowsHpc/NodeGroup/ComputeNodes"


def test_scalars(wire: Wire, client: HpcClient, fmt: str) -> None:
    answer(wire, fmt, f'<string xmlns="{NS_SER}">5.3.6435.0</string>'.encode(), "5.3.6435.0")
    assert client.cluster.version() == "5.3.6435.0"
    answer(wire, fmt, f'<string xmlns="{NS_SER}">HEADNODE</string>'.encode(), "HEADNODE")
    assert client.cluster.active_head_node() == "HEADNODE"
    answer(wire, fmt, f'<int xmlns="{NS_SER}">42</int>'.encode(), 42)
    assert client.jobs.add_task(1, command_line="x") == 42


def test_clusters(wire: Wire, client: HpcClient, fmt: str) -> None:
    row = [("Name", "CLUSTER1")]
    answer(wire, fmt, objects_xml([row]), [{"Properties": props_json(row)}])
    assert [c.name for c in client.cluster.clusters()] == ["CLUSTER1"]


SESSION_JSON = {
    "BrokerNode": "broker.example",
    "Id": 5,
    "IsDurable": True,
    "MaxMessageSize": 65536,
    "ServiceOperationTimeout": 86400000,
    "ServiceVersion": {"_Build": 0, "_Major": 1, "_Minor": 2, "_Revision": 3},
}
SESSION_XML = (
    f'<WebSessionInfo xmlns="http://hpc.microsoft.com/" xmlns:i="{XSI}">'
    "<BrokerNode>broker.example</BrokerNode><Id>5</Id><IsDurable>true</IsDurable>"
    "<MaxMessageSize>65536</MaxMessageSize><ServiceOperationTimeout>86400000"
    "</ServiceOperationTimeout>"
    '<ServiceVersion xmlns:a="http://schemas.datacontract.org/2004/07/System"><a:_Build>0'
    "</a:_Build><a:_Major>1</a:_Major><a:_Minor>2</a:_Minor><a:_Revision>3</a:_Revision>"
    "</ServiceVersion></WebSessionInfo>"
).encode()


def test_session_info_create_and_attach(wire: Wire, client: HpcClient, fmt: str) -> None:
    answer(wire, fmt, SESSION_XML, SESSION_JSON, status=201)
    session = client.sessions.create("EchoService", durable=True)
    assert wire.last.url.params["durable"].lower() == "true"
    info = session.info
    assert (info.broker_node, info.id, info.is_durable, info.max_message_size) == (
        "broker.example",
        5,
        True,
        65536,
    )
    assert info.service_version is not None
    assert (info.service_version.field_major, info.service_version.field_revision) == (1, 3)
    answer(wire, fmt, SESSION_XML.replace(b"<Id>5</Id>", b"<Id>6</Id>"), {**SESSION_JSON, "Id": 6})
    assert client.sessions.attach(6).id == 6
    assert (wire.last.method, wire.last.url.path) == ("GET", "/WindowsHpc/Session/6/Attach")


@pytest.mark.parametrize(
    ("name", "code"), [("Unknown", 0), ("Ready", 1), ("Processing", 2), ("Finished", 3)]
)
def test_batch_status(wire: Wire, client: HpcClient, fmt: str, name: str, code: int) -> None:
    answer(wire, fmt, SESSION_XML, SESSION_JSON, status=201)
    session = client.sessions.create("EchoService")
    status_xml = f'<BrokerClientStatus xmlns="http://hpc.microsoft.com">{name}</BrokerClientStatus>'
    answer(wire, fmt, status_xml.encode(), code)
    assert session.status("b") is BrokerClientStatusCode(code)
    assert wire.last.url.path == "/WindowsHpc/Session/5/batch/b/Status"


def test_service_versions(wire: Wire, client: HpcClient, fmt: str) -> None:
    body = (
        '<ArrayOfVersion xmlns="http://schemas.datacontract.org/2004/07/System">'
        "<Version><_Build>-1</_Build><_Major>0</_Major><_Minor>0</_Minor><_Revision>-1</_Revision>"
        "</Version></ArrayOfVersion>"
    )
    answer(wire, fmt, body.encode(), [{"_Build": -1, "_Major": 0, "_Minor": 0, "_Revision": -1}])
    (version,) = client.cluster.service_versions("EchoService")
    assert (version.field_major, version.field_minor, version.field_build) == (0, 0, -1)
    assert wire.last.url.path == "/WindowsHpc/SoaService/EchoService/Versions"


def reply_envelope(n: int, text: str) -> str:
    return (
        '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
        'xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header>'
        '<a:Action s:mustUnderstand="1">http://tempuri.org/IService/EchoResponse</a:Action>'
        f"<a:RelatesTo>urn:uuid:{n}</a:RelatesTo>"
        '<a:To s:mustUnderstand="1">http://www.w3.org/2005/08/addressing/anonymous</a:To>'
        '<HPCServer2008_Broker_UserDataNS xmlns="http://www.microsoft.com/hpc">'
        f"{n}</HPCServer2008_Broker_UserDataNS></s:Header><s:Body>"
        f'<EchoResponse xmlns="http://tempuri.org/"><EchoResult>{text}</EchoResult>'
        "</EchoResponse></s:Body></s:Envelope>"
    )


END = (
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    'xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header>'
    '<a:Action s:mustUnderstand="1">http://hpc.microsoft.com/EndOfGetResponse</a:Action>'
    '</s:Header><s:Body><EndOfResponses xmlns="http://tempuri.org/"><Count>{count}</Count>'
    "<Reason>Success</Reason></EndOfResponses></s:Body></s:Envelope>"
)


def stream(*parts: str, chunk: int = 7) -> httpx.Response:
    """A chunked application/octet-stream body, split at awkward places."""
    data = "".join(parts).encode()
    return httpx.Response(
        200,
        headers={"Content-Type": "application/octet-stream"},
        stream=httpx.ByteStream(data) if chunk <= 0 else _Chunks(data, chunk),
    )


class _Chunks(httpx.SyncByteStream):
    def __init__(self, data: bytes, size: int) -> None:
        self.data, self.size = data, size

    def __iter__(self):  # type: ignore[no-untyped-def]
        for i in range(0, len(self.data), self.size):
            yield self.data[i : i + self.size]


def test_soa_response_stream(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION_XML, 201))
    session = hpc.sessions.create("EchoService")
    wire.answer(
        stream(
            "<HPCServer2008_WebAPI_MessageArray>",
            reply_envelope(0, "hé &amp; <![CDATA[<x>]]>"),
            reply_envelope(1, "two"),
            END.format(count=2),
            "</HPCServer2008_WebAPI_MessageArray>",
        )
    )
    replies = list(session.responses("b1"))
    request = wire.last
    assert (request.method, request.url.path) == ("POST", "/WindowsHpc/Session/5/batch/b1/Response")
    assert request.url.params["count"] == "-1"
    assert request.url.params["reset"] == "false"
    assert [(r.user_data, r.value, r.relates_to) for r in replies] == [
        ("0", "hé & <x>", "urn:uuid:0"),
        ("1", "two", "urn:uuid:1"),
    ]
    assert replies[0].action == "http://tempuri.org/IService/EchoResponse"
    assert str(replies[1]) == "two"


def test_soa_fault_reply_is_marked(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION_XML, 201))
    session = hpc.sessions.create("EchoService")
    fault = (
        '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
        'xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header>'
        "<a:Action>http://www.w3.org/2005/08/addressing/soap/fault</a:Action></s:Header>"
        "<s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason>"
        '<s:Text xml:lang="en-US">boom</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>'
    )
    wire.answer(stream("<A>", fault, END.format(count=1), "</A>"))
    (reply,) = list(session.responses("b1"))
    assert reply.fault
    assert reply.value is not None and "boom" in reply.value


def test_generic_response_stream(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION_XML, 201))
    session = hpc.sessions.create("EchoService", generic=True)
    body = (
        "GenericOperationResponse\uffffone é\uffff0\u0000"
        "GenericOperationResponse\uffffsecond\uffffu1\u0000"
        "http://hpc.microsoft.com/EndOfGetResponse\uffff2\uffffSuccess\u0000"
    )
    wire.answer(stream(body, chunk=3))  # splits multi-byte characters too
    replies = list(session.responses("g"))
    assert wire.last.url.params["genericservice"] == "true"
    assert [(r.value, r.user_data) for r in replies] == [("one é", "0"), ("second", "u1")]


def test_namespace_prefixes_do_not_matter(wire: Wire, hpc: HpcClient) -> None:
    body = (
        f'<c:ArrayOfProperty xmlns:c="{NS_COMMON}" xmlns:x="{XSI}"><c:Property><c:Name>Id</c:Name>'
        '<c:Value>3</c:Value></c:Property><c:Property><c:Name>Name</c:Name><c:Value x:nil="true"/>'
        "</c:Property></c:ArrayOfProperty>"
    )
    wire.answer(xml(body.encode()))
    job = hpc.jobs.get(3)
    assert (job.id, job.name) == (3, None)


def test_soa_response_stream_timeout_is_per_call(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION_XML, 201))
    session = hpc.sessions.create("EchoService")
    wire.answer(
        stream("<A>", END.format(count=0), "</A>"), stream("<A>", END.format(count=0), "</A>")
    )
    assert list(session.responses("b", timeout=httpx.Timeout(None))) == []
    assert wire.last.extensions["timeout"]["read"] is None
    assert list(session.responses("b")) == []
    assert wire.last.extensions["timeout"]["read"] == 30.0


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),  # UTF-8 with a byte order mark
        lambda text: ('<?xml version="1.0" encoding="utf-16"?>' + text).encode("utf-16"),
    ],
)
def test_encodings_a_dotnet_server_may_use(wire: Wire, hpc: HpcClient, encode: Any) -> None:
    text = props_xml([("Id", "5"), ("Name", "é ü 漢")]).decode()
    wire.answer(xml(encode(text)))
    job = hpc.jobs.get(5)
    assert (job.id, job.name) == (5, "é ü 漢")
