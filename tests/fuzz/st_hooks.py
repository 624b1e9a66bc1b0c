"""Schemathesis hooks for the WindowsHpc spec (`SCHEMATHESIS_HOOKS=tests.fuzz.st_hooks`).

* An `application/xml` serializer writing what WCF's DataContractSerializer expects: the spec's
  element names and namespaces, `WebSessionStartInfo` members in ordinal order, `i:nil` nulls.
* Deserializers so answers are validated, not skipped: XML answers become the JSON form of
  their schema (`st_xml`); Get Responses streams must be a message array ending in
  EndOfGetResponse. Cases alternate `Accept: application/json` so both formats are checked.
* Path parameters aimed at real jobs, tasks, subtasks, sessions and batches (`st_seeds`), one
  case in 8 left unknown so the 404 paths are fuzzed too.
* Body/query maps for what JSON Schema cannot say (toolchain-notes §4): XML 1.0 cannot carry
  some characters; property names in `ArrayOfProperty` bodies and `Properties=` must be names of
  the operation's object (jobs, tasks, nodes) with values of the property's type; `$filter`
  state literals must be states; `JobXml` must be a job document; Send Requests bodies must be
  message arrays; sweep bounds must be ordered. Without these maps every such request is
  (rightly) a 400, which schemathesis reports as rejected positive data.
"""

from __future__ import annotations

import itertools
import random
import re
import xml.etree.ElementTree as ET
from typing import Any
from xml.sax.saxutils import escape

import schemathesis
from hpc_emulator.props import JOB_PROPS, NODE_PROPS, TASK_PROPS, Prop
from hpc_emulator.sessioninfo import FIELDS
from hpc_emulator.values import ENUMS
from hpcpack import _spec

from tests.fuzz import st_xml
from tests.fuzz.st_seeds import GROUPS, NODES, SEEDED_BATCH, SERVICES, Seeds, echo_requests

COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
HPC = "http://hpc.microsoft.com/"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SYSTEM = "http://schemas.datacontract.org/2004/07/System"
_ILLEGAL = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

JOB_BODY_OPS = {"createJob", "setJobProperties", "submitJob"}
TASK_BODY_OPS = {"addTask", "setTaskProperties", "setSubtaskProperties"}
PROPERTIES_QUERY = {
    "getJobList": JOB_PROPS,
    "getJob": JOB_PROPS,
    "getTaskList": TASK_PROPS,
    "getTask": TASK_PROPS,
    "getSubtask": TASK_PROPS,
    "getNodeList": NODE_PROPS,
}
FILTER_ENUM = {"getJobList": "JobState", "getTaskList": "TaskState", "getNodeList": "NodeState"}


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _value_for(prop: Prop, seed: int) -> str:
    rnd = random.Random(seed)
    if prop.kind == "int":
        if prop.name == "ExpandedPriority":
            return str(rnd.randint(0, 4000))
        if prop.name == "Progress":
            return str(rnd.randint(0, 100))
        return str(rnd.randint(0, 8))
    if prop.kind == "bool":
        return rnd.choice(["True", "false", "1"])
    if prop.kind == "datetime":
        return "2030-01-01T00:00:00"
    if prop.kind in ENUMS:
        members = [m for m in ENUMS[prop.kind] if m != "All"]
        return rnd.choice(members)
    if prop.name == "JobTemplate":
        return "Default"
    return "value"


def _settable(catalogue: dict[str, Prop]) -> list[Prop]:
    # Type/sweep values are exercised by the emulator tests; here keep tasks Basic
    return [p for p in catalogue.values() if p.settable and p.name not in ("Type", "HoldUntil")]


SWEEP = ("StartValue", "EndValue", "IncrementValue")


def _consistent_sweep(props: list[dict[str, str]]) -> list[dict[str, str]]:
    """Sweep bounds set together, StartValue <= EndValue, IncrementValue >= 1 (a 400 otherwise)."""
    if not any(p["Name"] in SWEEP for p in props):
        return props
    start = sum(len(p["Value"]) for p in props) % 5
    kept = [p for p in props if p["Name"] not in SWEEP]
    bounds = (str(start), str(start + len(props) % 4), str(1 + len(kept) % 2))
    return kept + [{"Name": n, "Value": v} for n, v in zip(SWEEP, bounds, strict=True)]


def fix_body(op: str, body: Any) -> Any:
    body = _clean(body)
    if op in JOB_BODY_OPS | TASK_BODY_OPS and isinstance(body, list):
        props = _settable(JOB_PROPS if op in JOB_BODY_OPS else TASK_PROPS)
        out = []
        for index, item in enumerate(body):
            prop = props[(len(str(item)) * 31 + index) % len(props)]
            out.append({"Name": prop.name, "Value": _value_for(prop, len(str(item)) + index)})
        return _consistent_sweep(out)
    if op == "createJobFromXml":
        name = escape(body if isinstance(body, str) else "")[:40].replace('"', "")
        return (
            '<Job xmlns="http://schemas.microsoft.com/HPCS2008R2/scheduler/" '
            f'Name="{name}"><Tasks><Task CommandLine="true"/></Tasks></Job>'
        )
    if op == "createSession" and isinstance(body, dict):
        body = dict(body)
        body["ServiceName"] = "EchoService"  # the registered service
        body.pop("ServiceVersion", None)  # unregistered versions are a 400 by design
    return body


def fix_query(op: str, query: Any) -> Any:
    if not isinstance(query, dict):
        return query
    query = dict(query)
    if query.get("Render") == "HpcJobXml":
        # That answer is the media type's `x-hpc-alternatives` document, not its schema (one
        # schema per media type, for generators); schemathesis checks the schema only.
        # tests/emulator/test_jobs.py and test_scheduler.py cover the HpcJobXml rendering.
        query["Render"] = "RestPropRender"
    catalogue = PROPERTIES_QUERY.get(op)
    if catalogue is not None and isinstance(query.get("Properties"), str):
        names = [p.name for p in catalogue.values() if p.readable]
        parts = query["Properties"].split(",")
        query["Properties"] = ",".join(names[len(p) % len(names)] for p in parts)
    enum = FILTER_ENUM.get(op)
    if enum is not None and isinstance(query.get("$filter"), str):
        members = [m for m in ENUMS[enum] if m != "All"]
        clauses = []
        for clause in query["$filter"].split(" and "):
            if clause.startswith("ChangeTimeFrom"):
                clauses.append("ChangeTimeFrom eq 2015-10-16")
            else:
                clauses.append(
                    f"{clause.split(' ', 1)[0]} eq {members[len(clause) % len(members)]}"
                )
        query["$filter"] = " and ".join(clauses)
    return query


# ---------------------------------------------------------------- real targets

SEEDS: Seeds | None = None  # set by the pytest fixture; the CLI run reads the environment
_FROM_ENV = False
# Operations that change their object's state get a fresh one per case (see st_seeds)
FRESH_JOB = {
    "setJobProperties", "submitJob", "cancelJob", "requeueJob", "addTask", "setTaskProperties",
    "cancelTask", "requeueTask", "setSubtaskProperties", "cancelSubtask", "requeueSubtask",
}  # fmt: skip
REQUEUE = {"requeueJob", "requeueTask", "requeueSubtask"}  # mostly on canceled jobs
FRESH_SESSION = {"closeSession", "purgeBatch"}
KEEP_ONE_IN = 8  # one case in 8 keeps its generated (unknown) id: the 404 paths stay covered


def seeds() -> Seeds | None:
    global SEEDS, _FROM_ENV
    if SEEDS is None and not _FROM_ENV:
        _FROM_ENV = True
        SEEDS = Seeds.from_env()
    return SEEDS


def _n(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else len(str(value))


def fix_path(op: str, path: dict[str, Any], query: dict[str, Any] | None) -> dict[str, Any]:
    """Point the case's path parameters at objects that exist (most of the time)."""
    s = seeds()
    if s is None or not path:
        return path
    path = dict(path)
    pick = {k: _n(v) for k, v in path.items()}
    if "jobId" in path and pick["jobId"] % KEEP_ONE_IN:
        if op in FRESH_JOB:
            # submitted (sweep expanded: subtasks exist) or still configuring
            path["jobId"] = s.fresh_job(
                bool(pick["jobId"] % 2),
                subtasks="subtaskId" in path,
                canceled=op in REQUEUE and bool(pick["jobId"] % 3),
            )
        else:
            path["jobId"] = s.jobs[pick["jobId"] % len(s.jobs)]
        if "taskId" in path:
            path["taskId"] = 1 + pick["taskId"] % 2 if "subtaskId" not in path else 2
        if "subtaskId" in path:
            path["subtaskId"] = 1 + pick["subtaskId"] % 3
    if op == "attachSession" and not pick["sessionId"] % KEEP_ONE_IN:
        # a drawn id may name a session a fuzzed Create Session made, of unknown durability
        path["sessionId"] = 2_000_000_000 + pick["sessionId"] % 1000  # surely unknown: 404
    elif "sessionId" in path and pick["sessionId"] % KEEP_ONE_IN:
        fresh = op in FRESH_SESSION
        if fresh:
            path["sessionId"] = s.fresh_session()
        elif op == "attachSession":  # attaching needs the session's own durability
            durable = str((query or {}).get("durable", "")).lower() in ("true", "1")
            path["sessionId"] = s.sessions[1 if durable else 0]
        else:
            path["sessionId"] = s.sessions[pick["sessionId"] % len(s.sessions)]
        if "batchName" in path and (pick["batchName"] % 2 or fresh) and op != "sendRequests":
            path["batchName"] = SEEDED_BATCH
    if "nodeName" in path and pick["nodeName"] % KEEP_ONE_IN:
        path["nodeName"] = NODES[pick["nodeName"] % len(NODES)]
    if "groupName" in path and pick["groupName"] % KEEP_ONE_IN:
        path["groupName"] = GROUPS[pick["groupName"] % len(GROUPS)]
    if "serviceName" in path and pick["serviceName"] % KEEP_ONE_IN:
        path["serviceName"] = SERVICES[0]
    return path


def fix_messages(body: Any, query: dict[str, Any] | None) -> bytes:
    """Send Requests bodies: the generated bytes become message text, in the requested format."""
    raw = body if isinstance(body, bytes) else str(body).encode()
    text = _ILLEGAL.sub("", raw.decode("utf-8", "replace"))  # also drops U+FFFF and NUL
    words = [text[i : i + 16] for i in range(0, len(text), 16)][:8]
    generic = str((query or {}).get("genericservice", "")).lower() in ("true", "1")
    if generic:
        return "".join(f"{w}\uffffud\u0000" for w in words).encode()
    return echo_requests(words)


@schemathesis.deserializer("application/octet-stream")
def response_stream(ctx: Any, response: Any) -> str:
    """Get Responses: a message array ending with EndOfGetResponse (or its generic form)."""
    text = bytes(response.content).decode("utf-8")
    if "http://hpc.microsoft.com/EndOfGetResponse" not in text:
        raise ValueError("the response stream has no EndOfGetResponse record")
    if not text.startswith("<"):
        return text  # generic: `action U+FFFF output U+FFFF userdata U+0000 ...`
    root = ET.fromstring(text)
    if root.tag != "HPCServer2008_WebAPI_MessageArray":
        raise ValueError(f"unexpected response stream root {root.tag}")
    return text


@schemathesis.deserializer("application/xml")
def xml_answer(ctx: Any, response: Any) -> Any:
    """XML answers as their JSON form, so their schema is checked too (see st_xml)."""
    return st_xml.deserialize(bytes(response.content))


_ACCEPT = itertools.count()


@schemathesis.hook
def map_case(context: Any, case: Any) -> Any:
    """Applied in every phase (coverage included, unlike map_body/map_query)."""
    if next(_ACCEPT) % 2:  # answers in both formats (with no Accept the service answers XML)
        case.headers = {**(case.headers or {}), "Accept": "application/json"}
    meta = getattr(case, "meta", None)
    if meta is not None and meta.generation.mode.is_negative:
        # Invalid on purpose (e.g. a stateful link fed a name into {jobId}): leave it invalid,
        # or schemathesis reports the repaired request as "invalid data accepted"
        return case
    known = _spec.schemas()["ApiVersion"]["examples"]
    if (case.headers or {}).get("api-version") not in known:
        # A string matching the pattern is schema-valid, but a head node knows its versions
        # only (the spec lists them as examples): pick one of those. Always sent, as the
        # spec's client notes say: without it SP2-era operations answer the bare `<string>`
        # fault, which the spec lists in `x-hpc-alternatives` (schemathesis validates against
        # the schema only); tests/overrides/test_emulator.py covers that SP2 form.
        case.headers = {**(case.headers or {}), "api-version": known[next(_ACCEPT) % len(known)]}
    op = str(case.operation.definition.raw.get("operationId", ""))
    if case.path_parameters:
        case.path_parameters = fix_path(op, case.path_parameters, case.query)
    has_body = case.body is not None and type(case.body).__name__ != "NotSet"
    if op == "sendRequests" and has_body:
        case.body = fix_messages(case.body, case.query)
    elif has_body:
        case.body = fix_body(op, case.body)
    if case.query:
        case.query = fix_query(op, case.query)
    return case


# ---------------------------------------------------------------- XML serializer


def _props_xml(items: list[Any]) -> str:
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        value = item.get("Value")
        val = '<Value i:nil="true"/>' if value is None else f"<Value>{escape(str(value))}</Value>"
        out.append(f"<Property><Name>{escape(str(item.get('Name', '')))}</Name>{val}</Property>")
    return "".join(out)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(str(value))


def _session_xml(body: dict[str, Any]) -> str:
    parts = []
    for key in sorted(body):  # ordinal order, as DataContractSerializer requires
        if key not in FIELDS:
            continue  # not a data member: XML cannot even name most generated extras
        value = body[key]
        if value is None:
            parts.append(f'<{key} i:nil="true"/>')
        elif key == "Environments" and isinstance(value, list):
            inner = "".join(
                f"<b:KeyValueOfstringstring><b:Key>{escape(str(kv.get('Key', '')))}</b:Key>"
                f"<b:Value>{escape(str(kv.get('Value', '')))}</b:Value></b:KeyValueOfstringstring>"
                for kv in value
                if isinstance(kv, dict)
            )
            parts.append(f'<Environments xmlns:b="{ARRAYS}">{inner}</Environments>')
        elif key == "ServiceVersion" and isinstance(value, dict):
            inner = "".join(f"<c:{k}>{_scalar(value[k])}</c:{k}>" for k in sorted(value))
            parts.append(f'<ServiceVersion xmlns:c="{SYSTEM}">{inner}</ServiceVersion>')
        else:
            parts.append(f"<{key}>{_scalar(value)}</{key}>")
    return (
        f'<WebSessionStartInfo xmlns="{HPC}" xmlns:i="{XSI}">{"".join(parts)}</WebSessionStartInfo>'
    )


@schemathesis.serializer("application/xml")
def xml_serializer(ctx: Any, value: Any) -> bytes:
    op = str(ctx.case.operation.definition.raw.get("operationId", ""))
    if op == "createJobFromXml" and isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, list):
        return f'<ArrayOfProperty xmlns="{COMMON}" xmlns:i="{XSI}">{_props_xml(value)}</ArrayOfProperty>'.encode()
    if isinstance(value, dict):
        return _session_xml(value).encode("utf-8")
    if value is None:
        return b""
    return f'<string xmlns="{SER}">{escape(str(value))}</string>'.encode()
