"""The exact bytes `hpcpack` puts on the wire for every request body shape, XML and JSON.

Expected documents are written out by hand from the API catalogue (DataContract XML: default
namespace of the root contract, `i:` = XMLSchema-instance, members in ordinal order, nulls as
`i:nil="true"`, RestPropRender values as strings).
"""

from __future__ import annotations

import datetime
import json
import time
from collections.abc import Iterator

import httpx
import pytest
from hpcpack import (
    HpcClient,
    Job,
    JobPriority,
    JobUnitType,
    KeyValueOfstringstring,
    SessionStartInfo,
    Task,
    TaskState,
    TaskType,
    Version,
    XmlCharacterError,
    soa,
)

from .conftest import NS_COMMON, XSI, Wire, make_client, scalar_xml, xml

AOP = f'<ArrayOfProperty xmlns="{NS_COMMON}" xmlns:i="{XSI}">'


def prop(name: str, value: str) -> str:
    return f"<Property><Name>{name}</Name><Value>{value}</Value></Property>"


def body(wire: Wire) -> bytes:
    return wire.last.content


def test_create_job_properties(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(scalar_xml("int", "17")))
    job = Job(
        name="sweep <1> & co",
        min_cores=1,
        max_cores=4,
        is_exclusive=True,
        priority=JobPriority.ABOVENORMAL,
        unit_type=JobUnitType.CORE,
        hold_until=datetime.datetime(2026, 1, 2, 13, 4, 5),
        project=None,
    )
    assert hpc.jobs.create(job) == 17
    request = wire.last
    assert (request.method, request.url.path) == ("POST", "/WindowsHpc/Jobs")
    assert request.headers["content-type"] == "application/xml; charset=utf-8"
    assert request.headers["api-version"] == "2012-11-01.4.0"
    assert request.headers["accept"] == "application/xml"
    assert (
        body(wire)
        == (
            AOP
            + prop("HoldUntil", "1/2/2026 1:04:05 PM")
            + prop("IsExclusive", "True")
            + prop("MaxCores", "4")
            + prop("MinCores", "1")
            + prop("Name", "sweep &lt;1&gt; &amp; co")
            + prop("Priority", "AboveNormal")
            + '<Property><Name>Project</Name><Value i:nil="true"/></Property>'
            + prop("UnitType", "Core")
            + "</ArrayOfProperty>"
        ).encode()
    )
    assert request.headers["content-length"] == str(len(body(wire)))


def test_create_job_with_keyword_properties_and_empty_job(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(scalar_xml("int", "3")))
    hpc.jobs.create(name="k", run_until_canceled=False)
    assert (
        body(wire)
        == (
            AOP + prop("Name", "k") + prop("RunUntilCanceled", "False") + "</ArrayOfProperty>"
        ).encode()
    )
    hpc.jobs.create()
    assert body(wire) == f'<ArrayOfProperty xmlns="{NS_COMMON}" xmlns:i="{XSI}"/>'.encode()


def test_add_task_properties(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(scalar_xml("int", "1")))
    task = Task(
        command_line='echo "*" > out\r\n',
        type_=TaskType.PARAMETRICSWEEP,
        start_value=1,
        end_value=100,
        increment_value=1,
        work_directory="C:\\work",
    )
    assert hpc.jobs.add_task(17, task) == 1
    assert wire.last.url.path == "/WindowsHpc/Job/17/Tasks"
    assert (
        body(wire)
        == (
            AOP
            + prop("CommandLine", 'echo "*" &gt; out&#xD;\n')
            + prop("EndValue", "100")
            + prop("IncrementValue", "1")
            + prop("StartValue", "1")
            + prop("Type", "ParametricSweep")
            + prop("WorkDirectory", "C:\\work")
            + "</ArrayOfProperty>"
        ).encode()
    )


def test_set_job_properties_is_a_put(wire: Wire, hpc: HpcClient) -> None:
    hpc.jobs.set(5, Job(max_cores=8))
    assert (wire.last.method, wire.last.url.path) == ("PUT", "/WindowsHpc/Job/5")
    assert body(wire) == (AOP + prop("MaxCores", "8") + "</ArrayOfProperty>").encode()


def test_custom_properties_and_env_variables(wire: Wire, hpc: HpcClient) -> None:
    hpc.jobs.set_custom_properties(5, {"Color": "blue", "Count": 3, "Flag": True, "Gone": None})
    assert (wire.last.method, wire.last.url.path) == ("POST", "/WindowsHpc/Job/5/CustomProperties")
    custom = (
        AOP
        + prop("Color", "blue")
        + prop("Count", "3")
        + prop("Flag", "True")
        + '<Property><Name>Gone</Name><Value i:nil="true"/></Property>'
        + "</ArrayOfProperty>"
    ).encode()
    assert body(wire) == custom
    hpc.tasks.set_custom_properties(5, 2, {"Color": "blue", "Count": 3, "Flag": True, "Gone": None})
    assert wire.last.url.path == "/WindowsHpc/Job/5/Task/2/CustomProperties"
    assert body(wire) == custom

    env = (
        AOP + prop("PATH", "C:\\bin;D:\\bin") + prop("EMPTY", "") + "</ArrayOfProperty>"
    ).encode()
    hpc.jobs.set_env_variables(5, {"PATH": "C:\\bin;D:\\bin", "EMPTY": ""})
    assert (wire.last.method, wire.last.url.path) == ("POST", "/WindowsHpc/Job/5/EnvVariables")
    assert body(wire) == env
    hpc.tasks.set_env_variables(5, 2, {"PATH": "C:\\bin;D:\\bin", "EMPTY": ""})
    assert wire.last.url.path == "/WindowsHpc/Job/5/Task/2/EnvVariables"
    assert body(wire) == env


def test_submit_with_credentials_requeue_and_cancel(wire: Wire, hpc: HpcClient) -> None:
    hpc.jobs.submit(5, username="HPC\\bob", password="pw&<")
    assert (wire.last.method, wire.last.url.path) == ("POST", "/WindowsHpc/Job/5/Submit")
    assert (
        body(wire)
        == (
            AOP
            + prop("UserName", "HPC\\bob")
            + prop("Password", "pw&amp;&lt;")
            + "</ArrayOfProperty>"
        ).encode()
    )
    hpc.jobs.requeue(5)
    assert wire.last.url.path == "/WindowsHpc/Job/5/Requeue"
    assert body(wire) == f'<ArrayOfProperty xmlns="{NS_COMMON}" xmlns:i="{XSI}"/>'.encode()
    hpc.jobs.cancel(5, "no longer needed", forced=True)
    assert wire.last.url.path == "/WindowsHpc/Job/5/Cancel"
    assert wire.last.url.params["Forced"].lower() == "true"
    assert body(wire) == scalar_xml("string", "no longer needed")
    hpc.tasks.cancel(5, 2)
    assert wire.last.url.path == "/WindowsHpc/Job/5/Task/2/Cancel"
    assert body(wire) == b""
    assert "Forced" not in wire.last.url.params


def test_subtask_operations(wire: Wire, hpc: HpcClient) -> None:
    hpc.subtasks.set(5, 2, 7, Task(user_blob="x"))
    assert (wire.last.method, wire.last.url.path) == ("PUT", "/WindowsHpc/Job/5/Task/2/SubTask/7")
    assert body(wire) == (AOP + prop("UserBlob", "x") + "</ArrayOfProperty>").encode()
    hpc.subtasks.requeue(5, 2, 7)
    assert wire.last.url.path == "/WindowsHpc/Job/5/Task/2/SubTask/7/Requeue"


def test_create_job_from_xml_is_sent_verbatim(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(scalar_xml("int", "9")))
    doc = '<Job Version="3.000" Name="x"><Tasks><Task CommandLine="hostname"/></Tasks></Job>'
    assert hpc.jobs.create_from_xml(doc) == 9
    assert wire.last.url.path == "/WindowsHpc/Jobs/JobFile"
    assert body(wire) == doc.encode()
    assert wire.last.headers["content-type"].startswith("application/xml")


START_INFO_ORDERED = (
    f'<WebSessionStartInfo xmlns="http://hpc.microsoft.com/" xmlns:i="{XSI}">'
    "<AdminJobForHostInDiag>false</AdminJobForHostInDiag>"
    "<CanPreempt>true</CanPreempt>"
    '<Environments xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
    "<a:KeyValueOfstringstring><a:Key>A</a:Key><a:Value>1</a:Value></a:KeyValueOfstringstring>"
    "</Environments>"
    '<JobTemplate i:nil="true"/>'
    "<MaxMessageSize>65536</MaxMessageSize>"
    "<MinUnits>1</MinUnits>"
    "<Password>pw</Password>"
    "<ResourceUnitType>0</ResourceUnitType>"
    "<Runtime>-1</Runtime>"
    "<ServiceName>EchoService</ServiceName>"
    '<ServiceVersion xmlns:a="http://schemas.datacontract.org/2004/07/System">'
    "<a:_Build>-1</a:_Build><a:_Major>1</a:_Major><a:_Minor>0</a:_Minor>"
    "<a:_Revision>-1</a:_Revision></ServiceVersion>"
    "<SessionIdleTimeout>0</SessionIdleTimeout>"
    "<ShareSession>false</ShareSession>"
    "<UseSessionPool>false</UseSessionPool>"
    "<Username>HPC\\bob</Username>"
    "</WebSessionStartInfo>"
)

SESSION_INFO = (
    f'<WebSessionInfo xmlns="http://hpc.microsoft.com/" xmlns:i="{XSI}"><BrokerNode>head'
    "</BrokerNode><Id>7</Id><IsDurable>false</IsDurable><MaxMessageSize>65536</MaxMessageSize>"
    "<ServiceOperationTimeout>86400000</ServiceOperationTimeout>"
    '<ServiceVersion i:nil="true"/></WebSessionInfo>'
)


def full_start_info() -> SessionStartInfo:
    # keyword order deliberately not alphabetical: the wire order must not depend on it
    return SessionStartInfo(
        username="HPC\\bob",
        service_name="EchoService",
        use_session_pool=False,
        share_session=False,
        session_idle_timeout=0,
        service_version=Version(field_major=1, field_minor=0, field_build=-1, field_revision=-1),
        runtime=-1,
        resource_unit_type=0,  # type: ignore[arg-type]
        password="pw",
        min_units=1,
        max_message_size=65536,
        job_template=None,
        environments=[KeyValueOfstringstring(key="A", value="1")],
        can_preempt=True,
        admin_job_for_host_in_diag=False,
    )


def test_web_session_start_info_in_ordinal_order(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION_INFO.encode(), 201))
    session = hpc.sessions.create(full_start_info())
    request = wire.requests[0]
    assert (request.method, request.url.path) == ("POST", "/WindowsHpc/Sessions/Create")
    assert request.url.params["durable"].lower() == "false"
    assert request.content == START_INFO_ORDERED.encode()
    assert session.id == 7
    # ordinal, not case-insensitive: UseSessionPool sorts before Username
    assert request.content.index(b"<UseSessionPool>") < request.content.index(b"<Username>")


def test_start_info_takes_the_client_credentials_when_it_names_none(
    wire: Wire, hpc: HpcClient
) -> None:
    wire.answer(xml(SESSION_INFO.encode(), 201))
    hpc.sessions.create(SessionStartInfo(service_name="EchoService"))
    assert (
        wire.requests[0].content
        == (
            f'<WebSessionStartInfo xmlns="http://hpc.microsoft.com/" xmlns:i="{XSI}">'
            "<Password>s3cret-pw</Password><ServiceName>EchoService</ServiceName>"
            "<Username>HPC\\alice</Username></WebSessionStartInfo>"
        ).encode()
    )


def test_web_session_start_info_as_json(wire: Wire) -> None:
    wire.answer(
        httpx.Response(
            201,
            json={
                "BrokerNode": "head",
                "Id": 7,
                "IsDurable": False,
                "MaxMessageSize": 65536,
                "ServiceOperationTimeout": 86400000,
                "ServiceVersion": None,
            },
        )
    )
    with make_client(wire, format="json") as hpc:
        hpc.sessions.create(full_start_info())
    request = wire.requests[0]
    assert request.headers["content-type"] == "application/json; charset=utf-8"
    assert request.headers["accept"] == "application/json"
    assert json.loads(request.content) == {
        "AdminJobForHostInDiag": False,
        "CanPreempt": True,
        "Environments": [{"Key": "A", "Value": "1"}],
        "JobTemplate": None,
        "MaxMessageSize": 65536,
        "MinUnits": 1,
        "Password": "pw",
        "ResourceUnitType": 0,
        "Runtime": -1,
        "ServiceName": "EchoService",
        "ServiceVersion": {"_Build": -1, "_Major": 1, "_Minor": 0, "_Revision": -1},
        "SessionIdleTimeout": 0,
        "ShareSession": False,
        "UseSessionPool": False,
        "Username": "HPC\\bob",
    }


def test_format_json_leaves_scheduler_operations_in_xml(wire: Wire) -> None:
    """`format="json"` applies to the SOA operations only: a head node's scheduler API is XML
    only, so a job is still created with an XML body and an XML Accept."""
    wire.answer(xml(scalar_xml("int", "17")), httpx.Response(200))
    with make_client(wire, format="json") as hpc:
        assert hpc.jobs.create(Job(name="j", min_cores=2, is_exclusive=False)) == 17
        hpc.jobs.cancel(17, "stop")
    create, cancel = wire.requests[0], wire.requests[1]
    assert create.headers["content-type"] == "application/xml; charset=utf-8"
    assert create.content.startswith(b"<ArrayOfProperty")
    assert cancel.headers["content-type"] == "application/xml; charset=utf-8"
    assert cancel.content.startswith(b"<string")
    assert {r.headers["accept"] for r in wire.requests} == {"application/xml"}


ENVELOPE = (
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    'xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header>'
    '<a:Action s:mustUnderstand="1">http://tempuri.org/IService/Echo</a:Action>'
    "<a:MessageID>urn:uuid:id-{n}</a:MessageID>"
    '<HPCServer2008_Broker_UserDataNS xmlns="http://www.microsoft.com/hpc">{n}'
    "</HPCServer2008_Broker_UserDataNS>"
    '<HPCServer2008_Broker_ClientIdNS xmlns="http://www.microsoft.com/hpc">b1'
    "</HPCServer2008_Broker_ClientIdNS>"
    '</s:Header><s:Body><Echo xmlns="http://tempuri.org/"><message>{text}</message></Echo>'
    "</s:Body></s:Envelope>"
)


def test_soa_message_batch(wire: Wire, hpc: HpcClient, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = iter(range(100))
    monkeypatch.setattr(soa, "new_message_id", lambda: f"urn:uuid:id-{next(counter)}")
    wire.answer(xml(SESSION_INFO.encode(), 201), httpx.Response(201))
    session = hpc.sessions.create("EchoService")
    session.send("b1", [{"message": "hi"}, {"message": "a<b&c"}], action="Echo", commit=True)
    request = wire.last
    assert (request.method, request.url.path) == ("POST", "/WindowsHpc/Session/7/batch/b1")
    assert request.url.params["commit"] == "true"
    assert request.headers["content-type"] == "application/octet-stream"
    assert (
        request.content
        == (
            "<HPCServer2008_WebAPI_MessageArray>"
            + ENVELOPE.format(n=0, text="hi")
            + ENVELOPE.format(n=1, text="a&lt;b&amp;c")
            + "</HPCServer2008_WebAPI_MessageArray>"
        ).encode()
    )


def test_soa_generic_batch_commit_and_purge(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION_INFO.encode(), 201), httpx.Response(200))
    session = hpc.sessions.create("EchoService", generic=True)
    session.send("b2", ["one", ("two", "u2")], action="ignored", commit=False)
    assert wire.last.url.params["genericservice"] == "true"
    assert wire.last.url.params["commit"] == "false"
    assert wire.last.content == "one\uffff0\u0000two\uffffu2\u0000".encode()
    wire.answer(httpx.Response(201))
    session.commit("b2")
    assert (wire.last.method, wire.last.url.path) == (
        "POST",
        "/WindowsHpc/Session/7/batch/b2/Commit",
    )
    assert wire.last.content == b""
    assert wire.last.headers["content-length"] == "0"  # required by Commit, Purge, Close
    wire.answer(httpx.Response(200))
    session.purge("b2")
    assert wire.last.headers["content-length"] == "0"
    assert wire.last.url.path == "/WindowsHpc/Session/7/batch/b2/Purge"
    session.close()
    assert wire.last.url.path == "/WindowsHpc/Session/7/Close"


@pytest.mark.parametrize(
    "call",
    [
        lambda h: h.jobs.create(Job(name="bad\x01name")),
        lambda h: h.jobs.set_env_variables(1, {"X": "nul\x00"}),
        lambda h: h.tasks.set_custom_properties(1, 2, {"K": "\ufffe"}),
        lambda h: h.sessions.create(SessionStartInfo(service_name="Echo\x1b")),
        lambda h: h.jobs.cancel(1, "bell\x07"),
        lambda h: h.jobs.create_from_xml("<Job Name='\x02'/>"),
        lambda h: h.jobs.create(Job(name="lone \ud800 surrogate")),
        lambda h: h.tasks.set_env_variables(1, 2, {"X": "\udfff"}),
    ],
)
def test_characters_xml_cannot_carry_fail_before_sending(wire: Wire, hpc: HpcClient, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(XmlCharacterError, match="U\\+"):
        call(hpc)
    assert wire.requests == []


@pytest.mark.parametrize("value", ["\ud800", "a\udc00b"])
def test_lone_surrogates_fail_before_sending_in_json_too(wire: Wire, value: str) -> None:
    with make_client(wire, format="json") as hpc, pytest.raises(XmlCharacterError, match="U\\+D"):
        hpc.jobs.create(Job(name=value))
    assert wire.requests == []


def test_soa_payload_characters_fail_before_sending(
    wire: Wire, hpc: HpcClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    wire.answer(xml(SESSION_INFO.encode(), 201))
    session = hpc.sessions.create("EchoService")
    sent = len(wire.requests)
    with pytest.raises(XmlCharacterError):
        session.send("b", [{"message": "ok"}, {"message": "\x00"}], action="Echo")
    assert len(wire.requests) == sent


def test_cluster_uri_form_and_get_clusters_at_the_root(wire: Wire) -> None:
    wire.answer(xml(scalar_xml("string", "5.3.0.0")))
    with make_client(wire, cluster="HEAD CL") as hpc:
        hpc.cluster.version()
        assert wire.last.url.raw_path == b"/WindowsHpc/HEAD%20CL/Version"
        wire.answer(xml(b'<ArrayOfObject xmlns="' + NS_COMMON.encode() + b'"/>'))
        assert hpc.cluster.clusters() == []
        assert wire.last.url.path == "/WindowsHpc/Clusters"


def test_per_call_api_version(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(scalar_xml("string", "5.3.0.0")))
    hpc.with_api_version("2011-11-01").cluster.version()
    assert wire.last.headers["api-version"] == "2011-11-01"
    hpc.cluster.version()
    assert wire.last.headers["api-version"] == "2012-11-01.4.0"
    assert wire.last.headers.get_list("api-version") == ["2012-11-01.4.0"]


def test_list_parameters_on_the_wire(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(b'<ArrayOfObject xmlns="' + NS_COMMON.encode() + b'"/>'))
    list(hpc.jobs.list(owner="HPC\\bob", state="Running", properties=["Name"], rows_per_read=5))
    params = wire.last.url.params
    assert params["Owner"] == "HPC\\bob"
    assert params["Properties"] == "Id,Name"
    assert params["$filter"] == "JobState eq Running"
    assert params["Render"] == "RestPropRender"
    assert params["RowsPerRead"] == "5"
    assert "QueryId" not in params


def test_task_and_node_list_parameters_on_the_wire(wire: Wire, hpc: HpcClient) -> None:
    """Each list's own parameters (sort, parametric expansion), the row key added to the asked
    properties, and no `$filter`/`Render` when nothing is filtered."""
    wire.answer(xml(b'<ArrayOfObject xmlns="' + NS_COMMON.encode() + b'"/>'))
    list(
        hpc.tasks.list(
            4, properties="Name", expand_parametric=True, sort_by="Name", rows_per_read=7
        )
    )
    assert wire.last.url.path == "/WindowsHpc/Job/4/Tasks"
    params = wire.last.url.params
    assert params["Properties"] == "TaskId,Name"
    assert params["ExpandParametric"].lower() == "true"
    assert (params["SortTasksBy"], params["RowsPerRead"]) == ("Name", "7")
    assert not {"$filter", "Render", "QueryId", "Owner"} & set(params.keys())
    list(hpc.nodes.list(state="Online", properties=["Id", "Name"], sort_by="Name"))
    assert wire.last.url.path == "/WindowsHpc/Nodes"
    params = wire.last.url.params
    assert params["Properties"] == "Id,Name"
    assert params["SortNodesBy"] == "Name"
    assert (params["$filter"], params["Render"]) == ("NodeState eq Online", "RestPropRender")
    assert "RowsPerRead" not in params


def test_create_job_with_tasks(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(
        xml(scalar_xml("int", "8")), xml(scalar_xml("int", "1")), xml(scalar_xml("int", "2"))
    )
    job_id = hpc.jobs.create(Job(name="j"), tasks=[Task(command_line="a"), Task(command_line="b")])
    assert job_id == 8
    assert [(r.method, r.url.path) for r in wire.requests] == [
        ("POST", "/WindowsHpc/Jobs"),
        ("POST", "/WindowsHpc/Job/8/Tasks"),
        ("POST", "/WindowsHpc/Job/8/Tasks"),
    ]
    assert (
        wire.requests[2].content == (AOP + prop("CommandLine", "b") + "</ArrayOfProperty>").encode()
    )


@pytest.mark.parametrize("name", ["a><b", "x y", "1abc", "", "a/b"])
def test_soa_parameter_names_must_be_xml_names(wire: Wire, hpc: HpcClient, name: str) -> None:
    wire.answer(xml(SESSION_INFO.encode(), 201))
    session = hpc.sessions.create("EchoService")
    sent = len(wire.requests)
    with pytest.raises(XmlCharacterError, match="element name"):
        session.send("b", [{name: "v"}], action="Echo")
    assert len(wire.requests) == sent


def test_filter_clauses(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(b'<ArrayOfObject xmlns="' + NS_COMMON.encode() + b'"/>'))
    list(hpc.tasks.list(3, state=TaskState.FAILED, changed_since=datetime.date(2015, 10, 16)))
    assert wire.last.url.params["$filter"] == "TaskState eq Failed and ChangeTimeFrom eq 2015-10-16"
    list(hpc.nodes.list(changed_since=datetime.datetime(2015, 10, 16, 13, 5)))
    assert wire.last.url.params["$filter"] == "ChangeTimeFrom eq 2015-10-16T13:05:00"
    assert wire.last.url.params["Render"] == "RestPropRender"


def test_large_batches_go_in_several_posts_committed_by_the_last(
    wire: Wire, hpc: HpcClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = iter(range(100))
    monkeypatch.setattr(soa, "new_message_id", lambda: f"urn:uuid:id-{next(counter)}")
    wire.answer(xml(SESSION_INFO.encode(), 201), httpx.Response(200))
    session = hpc.sessions.create("EchoService")
    session.send("b1", ({"message": f"m{i}"} for i in range(7)), action="Echo", per_post=3)
    posts = wire.requests[1:]
    assert [p.url.params["commit"] for p in posts] == ["false", "false", "true"]
    assert (
        posts[2].content
        == (
            "<HPCServer2008_WebAPI_MessageArray>"
            + ENVELOPE.format(n=6, text="m6")
            + "</HPCServer2008_WebAPI_MessageArray>"
        ).encode()
    )
    user_data = [
        int(part.split(b"<", 1)[0])
        for p in posts
        for part in p.content.split(
            b'<HPCServer2008_Broker_UserDataNS xmlns="http://www.microsoft.com/hpc">'
        )[1:]
    ]
    assert user_data == list(range(7))


def test_a_bad_payload_stops_the_batch_before_its_post(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(xml(SESSION_INFO.encode(), 201), httpx.Response(200))
    session = hpc.sessions.create("EchoService")
    payloads = [{"message": "ok"}] * 3 + [{"message": "bad\x00"}]
    with pytest.raises(XmlCharacterError):
        session.send("b1", payloads, action="Echo", per_post=3)
    assert [p.url.params["commit"] for p in wire.requests[1:]] == ["false"]  # never committed


@pytest.mark.parametrize("item", ["a\uffffb", "a\u0000b", ("x", "u\uffff"), "lone \ud800"])
def test_generic_inputs_that_cannot_be_sent(wire: Wire, hpc: HpcClient, item: object) -> None:
    wire.answer(xml(SESSION_INFO.encode(), 201))
    session = hpc.sessions.create("EchoService", generic=True)
    with pytest.raises(XmlCharacterError):
        session.send("g", [item], action="x")
    assert len(wire.requests) == 1


@pytest.fixture
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process's local time zone is UTC for the test."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_aware_datetime_is_sent_as_local_time(
    wire: Wire, hpc: HpcClient, utc_local_time: None
) -> None:
    """The en-US rendering has no offset: 12:00+05:00 goes out as the local (here UTC) 7:00 AM,
    not as 12:00 with the offset dropped; a naive value is sent unchanged."""
    plus5 = datetime.timezone(datetime.timedelta(hours=5))
    wire.answer(xml(scalar_xml("int", "17")))
    hpc.jobs.create(Job(hold_until=datetime.datetime(2026, 1, 1, 12, 0, tzinfo=plus5)))
    hold = prop("HoldUntil", "1/1/2026 7:00:00 AM")
    assert body(wire) == f"{AOP}{hold}</ArrayOfProperty>".encode()
    wire.answer(xml(scalar_xml("int", "18")))
    hpc.jobs.create(Job(hold_until=datetime.datetime(2026, 1, 1, 12, 0)))
    hold = prop("HoldUntil", "1/1/2026 12:00:00 PM")
    assert body(wire) == f"{AOP}{hold}</ArrayOfProperty>".encode()


def test_void_posts_send_content_length_zero(wire: Wire, hpc: HpcClient) -> None:
    """A head node (IIS) answers 411 to a POST without a length: every POST states one
    (`0` for the bodiless cancel)."""
    hpc.jobs.submit(5)
    hpc.jobs.requeue(5)
    hpc.jobs.cancel(5)
    for request in wire.requests:
        assert request.method == "POST"
        assert request.headers.get("content-length") == str(len(request.content)), request.url
        assert "transfer-encoding" not in request.headers
    assert wire.requests[-1].headers["content-length"] == "0"
