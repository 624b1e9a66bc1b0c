"""Every one of the spec's 43 operations, over loopback HTTP, in XML and in JSON (JSON runs use an
emulator with `json_extension`: a head node speaks XML on the scheduler operations), driven twice:

* `raw`: plain httpx with the catalogue's wire bytes written by hand (`wire.py`);
* `generated`: the generated client (`hpc_client.api.*.sync_detailed`) over the documented
  seam, an httpx client whose transport is `hpcpack.transport.HpcTransport(format=...)`.

One table row per operationId: how to set up its objects, the request, and what the answer
must say. Both drivers must satisfy the same check; a test asserts the table covers the spec.
"""

from __future__ import annotations

import functools
import importlib
import io
import re
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from hpc_client import Client
from hpc_client.types import File
from hpc_emulator.testing import RunningEmulator, run_emulator
from hpcpack.transport import HpcTransport

from .wire import as_dict, decode, encode

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "hpc.yaml"
API = {"api-version": "2012-11-01.4.0"}
TLS = ssl.create_default_context()  # one for all clients: each new one costs ~40 ms
ECHO = (
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    'xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header><a:Action s:mustUnderstand="1">'
    "http://tempuri.org/IService/Echo</a:Action></s:Header><s:Body>"
    '<Echo xmlns="http://tempuri.org/"><message>{m}</message></Echo></s:Body></s:Envelope>'
)


def messages(*texts: str) -> bytes:
    body = "".join(ECHO.format(m=t) for t in texts)
    return f"<HPCServer2008_WebAPI_MessageArray>{body}</HPCServer2008_WebAPI_MessageArray>".encode()


def props(**kv: object) -> list[dict[str, Any]]:
    return [{"Name": k, "Value": None if v is None else str(v)} for k, v in kv.items()]


@dataclass
class Call:
    """One request and the JSON form of the answer it must produce."""

    method: str
    path: str  # with {placeholders} named as in the spec
    path_params: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    body_kind: str | None = None  # props | string | session | jobxml | stream
    body: Any = None
    answer: str = "none"  # the answer's schema kind (see wire.decode)
    status: int = 200
    check: Callable[[Any], None] = lambda value: None


class World:
    """Creates the objects an operation needs, with raw XML over httpx."""

    def __init__(self, emulator: RunningEmulator) -> None:
        self.http = httpx.Client(base_url=emulator.base_url, headers=API, timeout=30)

    def post(self, path: str, kind: str | None, body: Any, **params: str) -> httpx.Response:
        content, ctype = encode(kind, body, "xml") if kind else (b"", "application/xml")
        r = self.http.post(path, content=content, params=params, headers={"Content-Type": ctype})
        assert r.status_code < 300, r.text
        return r

    def job(self, *, tasks: int = 0, sweep: bool = False, submit: bool = False, **p: Any) -> int:
        job = int(decode("int", self.post("/Jobs", "props", props(**p)).content, "xml"))
        for i in range(tasks):
            self.post(f"/Job/{job}/Tasks", "props", props(CommandLine=f"echo t{i + 1}"))
        if sweep:
            task = props(CommandLine="echo *", Type="ParametricSweep", StartValue=1, EndValue=3)
            self.post(f"/Job/{job}/Tasks", "props", task)
        if submit:
            self.post(f"/Job/{job}/Submit", "props", [])
        return job

    def state(self, job: int, task: int | None = None) -> str | None:
        path = f"/Job/{job}" if task is None else f"/Job/{job}/Task/{task}"
        r = self.http.get(path, params={"Properties": "State"})
        return as_dict(decode("props", r.content, "xml"))["State"]

    def wait(self, job: int, states: set[str], task: int | None = None) -> None:
        for _ in range(600):
            if self.state(job, task) in states:
                return
            self.http.get("/Version")  # a short pause that is a real round trip
        raise AssertionError(f"{job}/{task} never reached {states}")

    def batch_status(self, sid: int, name: str) -> int:
        r = self.http.get(
            f"/Session/{sid}/batch/{name}/Status", headers={"Accept": "application/json"}
        )
        return int(r.json())

    def cancel(self, job: int) -> None:
        """Clean up: stop what still runs (a job that already ended answers 409)."""
        r = self.http.post(f"/Job/{job}/Cancel", params={"Forced": "true"}, content=b"")
        assert r.status_code in (200, 409), r.text

    def running_job(self) -> tuple[int, int]:
        job = self.job(Name="long")
        self.post(f"/Job/{job}/Tasks", "props", props(CommandLine="sleep 30"))
        self.post(f"/Job/{job}/Submit", "props", [])
        self.wait(job, {"Running"}, task=1)
        return job, 1

    def session(self, durable: bool = False) -> int:
        info = {"ClientIdleTimeout": 2000, "ServiceName": "EchoService"}
        r = self.post("/Sessions/Create", "session", info, durable=str(durable).lower())
        return int(decode("session", r.content, "xml")["Id"])

    def batch(self, sid: int, name: str, *texts: str, commit: bool = True) -> None:
        content = messages(*texts)
        params = {"commit": "true"} if commit else {}
        r = self.http.post(
            f"/Session/{sid}/batch/{name}",
            content=content,
            params=params,
            headers={"Content-Type": "application/octet-stream"},
        )
        assert r.status_code in (200, 201), r.text


# ------------------------------------------------------------------ one row per operation


def _eq(expected: Any) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        assert value == expected

    return check


def _props_check(**expected: str | None) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        got = as_dict(value)
        for k, v in expected.items():
            assert got.get(k) == v, (k, got)

    return check


def _after(w: World, probe: Callable[[], Any], expected: Any) -> Callable[[Any], None]:
    """Check a follow-up read (the write's effect), not just the empty answer."""

    def check(value: Any) -> None:
        assert value is None
        assert probe() == expected

    return check


def _read(w: World, path: str, **params: str) -> dict[str, Any]:
    return as_dict(decode("props", w.http.get(path, params=params).content, "xml"))


def get_clusters(w: World) -> Call:
    return Call(
        "GET", "/Clusters", answer="objects", check=_eq([{"Properties": props(Name="EMULATED")}])
    )


def get_version(w: World) -> Call:
    return Call("GET", "/Version", answer="string", check=_eq("5.3.6435.0"))


def get_active_head_node(w: World) -> Call:
    return Call("GET", "/ActiveHeadnode", answer="string", check=_eq("HEADNODE"))


def get_job_templates(w: World) -> Call:
    def check(value: Any) -> None:
        assert "Default" in value and all(isinstance(v, str) for v in value)

    return Call("GET", "/JobTemplates", answer="strings", check=check)


def get_job_list(w: World) -> Call:
    job = w.job(Name="listed", Project="ops")

    def check(value: Any) -> None:
        rows = [as_dict(o["Properties"]) for o in value]
        assert {"Id": str(job), "Name": "listed", "Project": "ops"} in rows

    query = {
        "Properties": "Id,Name,Project",
        "RowsPerRead": 1000,
        "$filter": "JobState eq Configuring",
    }
    return Call("GET", "/Jobs", query=query, answer="objects", check=check)


def create_job(w: World) -> Call:
    def check(value: Any) -> None:
        assert isinstance(value, int)
        assert _read(w, f"/Job/{value}", Properties="Name,MaxCores") == {
            "Name": "made",
            "MaxCores": "2",
        }

    body = props(Name="made", MaxCores=2, AutoCalculateMax="false")
    return Call("POST", "/Jobs", body_kind="props", body=body, answer="int", check=check)


def create_job_from_xml(w: World) -> Call:
    xml = (
        '<Job xmlns="http://schemas.microsoft.com/HPCS2008R2/scheduler/" Name="fromxml">'
        '<Tasks><Task CommandLine="echo x" Name="t"/></Tasks></Job>'
    )

    def check(value: Any) -> None:
        assert _read(w, f"/Job/{value}", Properties="Name")["Name"] == "fromxml"
        assert _read(w, f"/Job/{value}/Task/1", Properties="CommandLine")["CommandLine"] == "echo x"

    return Call("POST", "/Jobs/JobFile", body_kind="jobxml", body=xml, answer="int", check=check)


def get_job(w: World) -> Call:
    job = w.job(Name="got", Priority="AboveNormal")
    return Call(
        "GET",
        "/Job/{jobId}",
        {"jobId": job},
        {"Properties": "Id,Name,Priority,State"},
        answer="props",
        check=_eq(props(Id=job, Name="got", Priority="AboveNormal", State="Configuring")),
    )


def set_job_properties(w: World) -> Call:
    job = w.job(Name="before")
    probe = lambda: _read(w, f"/Job/{job}", Properties="Name,Project")  # noqa: E731
    return Call(
        "PUT",
        "/Job/{jobId}",
        {"jobId": job},
        body_kind="props",
        body=props(Name="after", Project="p"),
        check=_after(w, probe, {"Name": "after", "Project": "p"}),
    )


def submit_job(w: World) -> Call:
    job = w.job(tasks=1)

    def check(value: Any) -> None:
        assert value is None
        w.wait(job, {"Finished"})
        assert _read(w, f"/Job/{job}/Task/1", Properties="Output")["Output"] == "t1\n"

    return Call(
        "POST", "/Job/{jobId}/Submit", {"jobId": job}, body_kind="props", body=[], check=check
    )


def cancel_job(w: World) -> Call:
    job, _ = w.running_job()

    def check(value: Any) -> None:
        assert value is None
        w.wait(job, {"Canceled"})

    return Call(
        "POST",
        "/Job/{jobId}/Cancel",
        {"jobId": job},
        {"Forced": "true"},
        body_kind="string",
        body="stop",
        check=check,
    )


def requeue_job(w: World) -> Call:
    job = w.job(tasks=1)
    w.post(f"/Job/{job}/Cancel", "string", "x")
    w.wait(job, {"Canceled"})

    def check(value: Any) -> None:
        assert value is None
        w.wait(job, {"Finished"})  # requeued, queued again, ran

    return Call(
        "POST", "/Job/{jobId}/Requeue", {"jobId": job}, body_kind="props", body=[], check=check
    )


def get_job_custom_properties(w: World) -> Call:
    job = w.job()
    w.post(f"/Job/{job}/CustomProperties", "props", props(a="1", b="2"))
    return Call(
        "GET",
        "/Job/{jobId}/CustomProperties",
        {"jobId": job},
        {"Names": "b"},
        answer="props",
        check=_eq(props(b="2")),
    )


def set_job_custom_properties(w: World) -> Call:
    job = w.job()
    probe = lambda: _read(w, f"/Job/{job}/CustomProperties")  # noqa: E731
    return Call(
        "POST",
        "/Job/{jobId}/CustomProperties",
        {"jobId": job},
        body_kind="props",
        body=props(k="v"),
        check=_after(w, probe, {"k": "v"}),
    )


def get_job_env_variables(w: World) -> Call:
    job = w.job()
    w.post(f"/Job/{job}/EnvVariables", "props", props(A="x"))
    return Call(
        "GET",
        "/Job/{jobId}/EnvVariables",
        {"jobId": job},
        {"Names": "A,MISSING"},
        answer="props",
        check=_eq([{"Name": "A", "Value": "x"}, {"Name": "MISSING", "Value": ""}]),
    )


def set_job_env_variables(w: World) -> Call:
    job = w.job()
    probe = lambda: _read(w, f"/Job/{job}/EnvVariables")  # noqa: E731
    return Call(
        "POST",
        "/Job/{jobId}/EnvVariables",
        {"jobId": job},
        body_kind="props",
        body=props(E="1"),
        check=_after(w, probe, {"E": "1"}),
    )


def get_task_list(w: World) -> Call:
    job = w.job(tasks=1, sweep=True, submit=True)
    w.wait(job, {"Finished"})

    def check(value: Any) -> None:
        ids = [as_dict(o["Properties"])["TaskId"] for o in value]
        assert ids == [f"{job}.1", f"{job}.2.1", f"{job}.2.2", f"{job}.2.3"]

    return Call(
        "GET",
        "/Job/{jobId}/Tasks",
        {"jobId": job},
        {"Properties": "TaskId", "ExpandParametric": "true"},
        answer="objects",
        check=check,
    )


def add_task(w: World) -> Call:
    job = w.job(tasks=1)

    def check(value: Any) -> None:
        assert value == 2
        assert _read(w, f"/Job/{job}/Task/2", Properties="CommandLine")["CommandLine"] == "echo new"

    return Call(
        "POST",
        "/Job/{jobId}/Tasks",
        {"jobId": job},
        body_kind="props",
        body=props(CommandLine="echo new"),
        answer="int",
        check=check,
    )


def get_task(w: World) -> Call:
    job = w.job(tasks=1)
    return Call(
        "GET",
        "/Job/{jobId}/Task/{taskId}",
        {"jobId": job, "taskId": 1},
        {"Properties": "TaskId,CommandLine"},
        answer="props",
        check=_eq(props(TaskId=f"{job}.1", CommandLine="echo t1")),
    )


def set_task_properties(w: World) -> Call:
    job = w.job(tasks=1)
    probe = lambda: _read(w, f"/Job/{job}/Task/1", Properties="Name")  # noqa: E731
    return Call(
        "PUT",
        "/Job/{jobId}/Task/{taskId}",
        {"jobId": job, "taskId": 1},
        body_kind="props",
        body=props(Name="renamed"),
        check=_after(w, probe, {"Name": "renamed"}),
    )


def cancel_task(w: World) -> Call:
    job, task = w.running_job()

    def check(value: Any) -> None:
        assert value is None
        w.wait(job, {"Canceled"}, task=task)
        w.cancel(job)

    return Call(
        "POST",
        "/Job/{jobId}/Task/{taskId}/Cancel",
        {"jobId": job, "taskId": task},
        {"Forced": "true"},
        body_kind="string",
        body="enough",
        check=check,
    )


def requeue_task(w: World) -> Call:
    job = w.job(FailOnTaskFailure="false")
    w.post(f"/Job/{job}/Tasks", "props", props(CommandLine="exit 3"))
    w.post(f"/Job/{job}/Tasks", "props", props(CommandLine="sleep 30"))
    w.post(f"/Job/{job}/Submit", "props", [])
    w.wait(job, {"Failed"}, task=1)
    probe = lambda: _read(w, f"/Job/{job}/Task/1", Properties="RequeueCount")  # noqa: E731

    def check(value: Any) -> None:
        assert value is None
        assert probe() == {"RequeueCount": "1"}
        w.cancel(job)

    return Call(
        "POST",
        "/Job/{jobId}/Task/{taskId}/Requeue",
        {"jobId": job, "taskId": 1},
        body_kind="props",
        body=[],
        check=check,
    )


def get_task_custom_properties(w: World) -> Call:
    job = w.job(tasks=1)
    w.post(f"/Job/{job}/Task/1/CustomProperties", "props", props(tc="1"))
    return Call(
        "GET",
        "/Job/{jobId}/Task/{taskId}/CustomProperties",
        {"jobId": job, "taskId": 1},
        answer="props",
        check=_eq(props(tc="1")),
    )


def set_task_custom_properties(w: World) -> Call:
    job = w.job(tasks=1)
    probe = lambda: _read(w, f"/Job/{job}/Task/1/CustomProperties")  # noqa: E731
    return Call(
        "POST",
        "/Job/{jobId}/Task/{taskId}/CustomProperties",
        {"jobId": job, "taskId": 1},
        body_kind="props",
        body=props(x="y"),
        check=_after(w, probe, {"x": "y"}),
    )


def get_task_env_variables(w: World) -> Call:
    job = w.job(tasks=1)
    w.post(f"/Job/{job}/Task/1/EnvVariables", "props", props(TV="v"))
    return Call(
        "GET",
        "/Job/{jobId}/Task/{taskId}/EnvVariables",
        {"jobId": job, "taskId": 1},
        answer="props",
        check=_eq(props(TV="v")),
    )


def set_task_env_variables(w: World) -> Call:
    job = w.job(tasks=1)
    probe = lambda: _read(w, f"/Job/{job}/Task/1/EnvVariables")  # noqa: E731
    return Call(
        "POST",
        "/Job/{jobId}/Task/{taskId}/EnvVariables",
        {"jobId": job, "taskId": 1},
        body_kind="props",
        body=props(V="2"),
        check=_after(w, probe, {"V": "2"}),
    )


def _sweep(w: World) -> int:
    job = w.job(sweep=True, submit=True)
    w.wait(job, {"Finished"})
    return job


def get_subtask(w: World) -> Call:
    job = _sweep(w)
    return Call(
        "GET",
        "/Job/{jobId}/Task/{taskId}/SubTask/{subtaskId}",
        {"jobId": job, "taskId": 1, "subtaskId": 2},
        {"Properties": "TaskId,Output,State"},
        answer="props",
        check=_eq(props(TaskId=f"{job}.1.2", Output="2\n", State="Finished")),
    )


def set_subtask_properties(w: World) -> Call:
    job = w.job()
    w.post(f"/Job/{job}/Tasks", "props", props(CommandLine="sleep 30", Name="first"))
    sweep = props(
        CommandLine="echo *", Type="ParametricSweep", StartValue=1, EndValue=2, DependsOn="first"
    )
    w.post(f"/Job/{job}/Tasks", "props", sweep)
    w.post(f"/Job/{job}/Submit", "props", [])
    w.wait(job, {"Queued"}, task=2)  # expanded, waiting for `first`
    probe = lambda: _read(w, f"/Job/{job}/Task/2", Properties="Name")  # noqa: E731

    def check(value: Any) -> None:
        assert value is None
        assert probe() == {"Name": "sweep-renamed"}  # sets the task holding the subtask [D]
        w.cancel(job)

    return Call(
        "PUT",
        "/Job/{jobId}/Task/{taskId}/SubTask/{subtaskId}",
        {"jobId": job, "taskId": 2, "subtaskId": 1},
        body_kind="props",
        body=props(Name="sweep-renamed"),
        check=check,
    )


def cancel_subtask(w: World) -> Call:
    job = w.job()
    w.post(
        f"/Job/{job}/Tasks",
        "props",
        props(CommandLine="sleep 30", Type="ParametricSweep", StartValue=1, EndValue=2),
    )
    w.post(f"/Job/{job}/Submit", "props", [])
    w.wait(job, {"Running"}, task=1)
    probe = lambda: _read(w, f"/Job/{job}/Task/1/SubTask/1", Properties="State")  # noqa: E731

    def check(value: Any) -> None:
        assert value is None
        for _ in range(600):
            if probe() == {"State": "Canceled"}:
                break
        assert probe() == {"State": "Canceled"}
        w.cancel(job)

    return Call(
        "POST",
        "/Job/{jobId}/Task/{taskId}/SubTask/{subtaskId}/Cancel",
        {"jobId": job, "taskId": 1, "subtaskId": 1},
        {"Forced": "true"},
        body_kind="string",
        body="one",
        check=check,
    )


def requeue_subtask(w: World) -> Call:
    job = w.job(FailOnTaskFailure="false")
    w.post(
        f"/Job/{job}/Tasks",
        "props",
        props(CommandLine="exit *", Type="ParametricSweep", StartValue=0, EndValue=1),
    )
    w.post(f"/Job/{job}/Submit", "props", [])
    w.wait(job, {"Failed", "Finished"})
    probe = lambda: _read(w, f"/Job/{job}/Task/1/SubTask/2", Properties="State,RequeueCount")  # noqa: E731
    assert probe()["State"] == "Failed"  # `exit 1`

    def check(value: Any) -> None:
        assert value is None
        assert probe()["RequeueCount"] == "1"

    return Call(
        "POST",
        "/Job/{jobId}/Task/{taskId}/SubTask/{subtaskId}/Requeue",
        {"jobId": job, "taskId": 1, "subtaskId": 2},
        body_kind="props",
        body=[],
        check=check,
    )


def get_node_list(w: World) -> Call:
    def check(value: Any) -> None:
        assert [as_dict(o["Properties"]) for o in value] == [
            {"Name": f"NODE0{i}", "NumCores": "4"} for i in (1, 2, 3, 4)
        ]

    return Call(
        "GET", "/Nodes", query={"Properties": "Name,NumCores"}, answer="objects", check=check
    )


def get_node(w: World) -> Call:
    return Call(
        "GET",
        "/Node/{nodeName}",
        {"nodeName": "NODE02"},
        answer="props",
        check=_props_check(Name="NODE02", NumCores="4"),
    )


def get_node_group_list(w: World) -> Call:
    def check(value: Any) -> None:
        assert "ComputeNodes" in [as_dict(o["Properties"])["Name"] for o in value]

    return Call("GET", "/NodeGroups", answer="objects", check=check)


def get_node_group_members(w: World) -> Call:
    return Call(
        "GET",
        "/NodeGroup/{groupName}",
        {"groupName": "ComputeNodes"},
        answer="strings",
        check=_eq(["NODE01", "NODE02", "NODE03", "NODE04"]),
    )


def _session_check(durable: bool) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        assert value["IsDurable"] is durable and value["MaxMessageSize"] > 0
        assert isinstance(value["Id"], int) and value["BrokerNode"]

    return check


def create_session(w: World) -> Call:
    body = {"ClientIdleTimeout": 2000, "ServiceName": "EchoService"}
    return Call(
        "POST",
        "/Sessions/Create",
        query={"durable": "true"},
        body_kind="session",
        body=body,
        answer="session",
        status=201,
        check=_session_check(True),
    )


def attach_session(w: World) -> Call:
    sid = w.session()
    return Call(
        "GET",
        "/Session/{sessionId}/Attach",
        {"sessionId": sid},
        {"durable": "false"},
        answer="session",
        check=_session_check(False),
    )


def close_session(w: World) -> Call:
    sid = w.session()

    def check(value: Any) -> None:
        assert value is None
        assert w.http.get(f"/Session/{sid}/Attach", params={"durable": "false"}).status_code == 404

    return Call("POST", "/Session/{sessionId}/Close", {"sessionId": sid}, check=check)


def send_requests(w: World) -> Call:
    sid = w.session()

    def check(value: Any) -> None:
        assert value is None
        r = w.http.post(f"/Session/{sid}/batch/b/Response", content=b"")
        assert sorted(re.findall(r"<EchoResult>(\w+)</EchoResult>", r.text)) == ["hi", "yo"]

    return Call(
        "POST",
        "/Session/{sessionId}/batch/{batchName}",
        {"sessionId": sid, "batchName": "b"},
        {"commit": "true"},
        body_kind="stream",
        body=messages("hi", "yo"),
        status=201,
        check=check,
    )


def commit_requests(w: World) -> Call:
    sid = w.session()
    w.batch(sid, "open", "m", commit=False)
    probe = lambda: w.batch_status(sid, "open")  # noqa: E731
    assert probe() == 1  # Ready: still open

    def check(value: Any) -> None:
        assert value is None
        assert probe() in (2, 3)  # Processing / Finished

    return Call(
        "POST",
        "/Session/{sessionId}/batch/{batchName}/Commit",
        {"sessionId": sid, "batchName": "open"},
        status=201,
        check=check,
    )


def get_responses(w: World) -> Call:
    sid = w.session()
    w.batch(sid, "r", "one", "two", "three")

    def check(value: Any) -> None:
        assert sorted(re.findall(r"<EchoResult>(\w+)</EchoResult>", value)) == [
            "one",
            "three",
            "two",
        ]
        assert "<Count>3</Count><Reason>Success</Reason>" in value

    return Call(
        "POST",
        "/Session/{sessionId}/batch/{batchName}/Response",
        {"sessionId": sid, "batchName": "r"},
        {"count": "-1", "clientdata": "cd"},
        answer="stream",
        check=check,
    )


def get_batch_status(w: World) -> Call:
    sid = w.session()
    w.batch(sid, "s", "x", commit=False)
    return Call(
        "GET",
        "/Session/{sessionId}/batch/{batchName}/Status",
        {"sessionId": sid, "batchName": "s"},
        answer="status",
        check=_eq(1),
    )


def purge_batch(w: World) -> Call:
    sid = w.session()
    w.batch(sid, "p", "x")
    probe = lambda: w.batch_status(sid, "p")  # noqa: E731

    def check(value: Any) -> None:
        assert value is None
        assert probe() == 0  # Unknown once purged

    return Call(
        "POST",
        "/Session/{sessionId}/batch/{batchName}/Purge",
        {"sessionId": sid, "batchName": "p"},
        check=check,
    )


def get_service_versions(w: World) -> Call:
    return Call(
        "GET",
        "/SoaService/{serviceName}/Versions",
        {"serviceName": "EchoService"},
        answer="versions",
        check=_eq([{"_Build": -1, "_Major": 0, "_Minor": 0, "_Revision": -1}]),
    )


OPERATIONS: dict[str, Callable[[World], Call]] = {
    "getClusters": get_clusters,
    "getVersion": get_version,
    "getActiveHeadNode": get_active_head_node,
    "getJobTemplates": get_job_templates,
    "getJobList": get_job_list,
    "createJob": create_job,
    "createJobFromXml": create_job_from_xml,
    "getJob": get_job,
    "setJobProperties": set_job_properties,
    "submitJob": submit_job,
    "cancelJob": cancel_job,
    "requeueJob": requeue_job,
    "getJobCustomProperties": get_job_custom_properties,
    "setJobCustomProperties": set_job_custom_properties,
    "getJobEnvVariables": get_job_env_variables,
    "setJobEnvVariables": set_job_env_variables,
    "getTaskList": get_task_list,
    "addTask": add_task,
    "getTask": get_task,
    "setTaskProperties": set_task_properties,
    "cancelTask": cancel_task,
    "requeueTask": requeue_task,
    "getTaskCustomProperties": get_task_custom_properties,
    "setTaskCustomProperties": set_task_custom_properties,
    "getTaskEnvVariables": get_task_env_variables,
    "setTaskEnvVariables": set_task_env_variables,
    "getSubtask": get_subtask,
    "setSubtaskProperties": set_subtask_properties,
    "cancelSubtask": cancel_subtask,
    "requeueSubtask": requeue_subtask,
    "getNodeList": get_node_list,
    "getNode": get_node,
    "getNodeGroupList": get_node_group_list,
    "getNodeGroupMembers": get_node_group_members,
    "createSession": create_session,
    "attachSession": attach_session,
    "closeSession": close_session,
    "sendRequests": send_requests,
    "commitRequests": commit_requests,
    "getResponses": get_responses,
    "getBatchStatus": get_batch_status,
    "purgeBatch": purge_batch,
    "getServiceVersions": get_service_versions,
}


@functools.cache
def spec_operations() -> dict[str, tuple[str, str, str]]:
    """operationId -> (method, path, tag) from openapi/hpc.yaml."""
    spec = yaml.load(SPEC.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    out = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "operationId" in op:
                out[op["operationId"]] = (method.upper(), path, op["tags"][0])
    return out


# ------------------------------------------------------------------ the two drivers


def snake(name: str) -> str:
    name = name.lstrip("$")
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
    return s + "_" if s == "filter" else s


def run_raw(http: httpx.Client, call: Call, fmt: str) -> tuple[int, Any]:
    headers = {"Accept": "application/json" if fmt == "json" else "application/xml"}
    content = b""
    if call.body_kind is not None:
        content, headers["Content-Type"] = encode(call.body_kind, call.body, fmt)
    path = call.path.format(**call.path_params)
    r = http.request(call.method, path, params=call.query, content=content, headers=headers)
    if r.status_code >= 300:
        return r.status_code, r.text
    if call.answer not in ("none", "stream"):
        media = "json" if fmt == "json" else "xml"
        assert media in r.headers["content-type"], r.headers
    return r.status_code, decode(call.answer, r.content, fmt)


def _plain(value: Any) -> Any:
    """A generated model (or list of them) as its JSON form."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, File):
        return value.payload.read().decode("utf-8")
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)  # IntEnum (BrokerClientStatusCode) -> its number
    return value


def run_generated(client: Client, op_id: str, call: Call) -> tuple[int, Any]:
    from hpc_client.models import Property, WebSessionStartInfo

    _, _, tag = spec_operations()[op_id]
    module = importlib.import_module(f"hpc_client.api.{tag}.{snake(op_id)}")
    kwargs: dict[str, Any] = {snake(k): v for k, v in call.path_params.items()}
    for k, v in call.query.items():
        kwargs[snake(k)] = {"true": True, "false": False}.get(v, v) if isinstance(v, str) else v
    if "count" in kwargs:
        kwargs["count"] = int(kwargs["count"])
    if call.body_kind == "props":
        kwargs["body"] = [Property.from_dict(p) for p in call.body]
    elif call.body_kind == "session":
        kwargs["body"] = WebSessionStartInfo.from_dict(call.body)
    elif call.body_kind == "stream":
        kwargs["body"] = File(payload=io.BytesIO(call.body), mime_type="application/octet-stream")
    elif call.body_kind is not None:
        kwargs["body"] = call.body
    response = module.sync_detailed(client=client, **kwargs)
    if response.status_code >= 300:
        return response.status_code, response.content.decode()
    return response.status_code, _plain(response.parsed)


# ------------------------------------------------------------------ tests


@pytest.fixture(scope="module", params=["xml", "json"])
def fmt(request: pytest.FixtureRequest) -> str:
    """The wire format of a run. JSON on the scheduler operations is the emulator's extension
    (a head node speaks XML there), so JSON runs get an emulator with `json_extension`."""
    return str(request.param)


@pytest.fixture(scope="module")
def emulator(fmt: str) -> Iterator[RunningEmulator]:
    with run_emulator(json_extension=fmt == "json") as emu:
        yield emu


@pytest.fixture(scope="module")
def world(emulator: RunningEmulator) -> Iterator[World]:
    w = World(emulator)
    yield w
    w.http.close()


def test_table_covers_every_operation_of_the_spec() -> None:
    assert set(OPERATIONS) == set(spec_operations())
    assert len(OPERATIONS) == 43


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_raw_httpx(world: World, emulator: RunningEmulator, op_id: str, fmt: str) -> None:
    call = OPERATIONS[op_id](world)
    method, path, _ = spec_operations()[op_id]
    assert (call.method, call.path) == (method, path)
    with httpx.Client(base_url=emulator.base_url, headers=API, timeout=30, verify=TLS) as http:
        status, value = run_raw(http, call, fmt)
    assert status == call.status, value
    call.check(value)


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_generated_client(world: World, emulator: RunningEmulator, op_id: str, fmt: str) -> None:
    call = OPERATIONS[op_id](world)
    accept = "application/json" if fmt == "json" else "application/xml"
    http = httpx.Client(
        base_url=emulator.base_url,
        headers={**API, "Accept": accept},
        transport=HpcTransport(httpx.HTTPTransport(verify=TLS), format=fmt, retries=0),
        timeout=30,
    )
    client = Client(base_url=emulator.base_url)
    client.set_httpx_client(http)
    with http:
        status, value = run_generated(client, op_id, call)
    assert status == call.status, value
    call.check(value)
