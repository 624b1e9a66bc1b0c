"""Property tests of what the public API puts on the wire, for arbitrary text values.

Through `httpx.MockTransport` (the bytes matter): for any unicode string given as a job name,
task command line, environment variable, custom property or SOA payload, either the request
goes out and its body, parsed back as the server would (defusedxml / json), carries exactly
that string; or a typed error is raised and nothing is sent at all.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from defusedxml import ElementTree as DET
from hpcpack import HpcClient, Job, SessionStartInfo, Task, WebSessionInfo, errors, soa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import strategies as S

pytestmark = pytest.mark.timeout(120)

NS = "{http://schemas.microsoft.com/HPCS2008R2/common}"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANY_TEXT = st.text(max_size=40) | st.text(S.INVALID_XML_CHARS, min_size=1, max_size=3)


class Recorder:
    """MockTransport handler remembering every request it was sent."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        path = request.url.path
        if request.method == "POST" and path.endswith("/Jobs"):
            return httpx.Response(200, json=7)
        if request.method == "POST" and path.endswith("/Tasks"):
            return httpx.Response(200, json=1)
        if path.endswith("/Sessions/Create"):
            info = {"Id": 3, "BrokerNode": "localhost", "IsDurable": False, "ServiceVersion": None}
            return httpx.Response(
                201, json={**info, "MaxMessageSize": 65536, "ServiceOperationTimeout": 1000}
            )
        return httpx.Response(200 if request.method != "POST" else 201)


def xml_properties(body: bytes) -> dict[str | None, str | None]:
    root = DET.fromstring(body)
    return {p.findtext(f"{NS}Name"): p.findtext(f"{NS}Value") for p in root}


def sent(fmt: str, action: Any) -> tuple[Recorder, Exception | None]:
    recorder = Recorder()
    with HpcClient(
        "http://head.example", transport=httpx.MockTransport(recorder), format=fmt
    ) as hpc:
        try:
            action(hpc)
        except errors.HpcError as exc:
            return recorder, exc
    return recorder, None


def xml_can_carry(text: str) -> bool:
    return not S.INVALID_XML_RE.search(text)


def json_can_carry(text: str) -> bool:
    return not any(0xD800 <= ord(c) <= 0xDFFF for c in text)  # lone surrogates: not UTF-8


def check(fmt: str, text: str, recorder: Recorder, error: Exception | None) -> bytes | None:
    """The body sent, if any; and the rule: carried exactly, or refused before sending."""
    can = xml_can_carry(text) if fmt == "xml" else json_can_carry(text)
    if error is not None:
        assert not can, f"{text!r} is representable but was refused: {error!r}"
        assert recorder.requests == [], "a refused value must not be sent"
        return None
    assert can, f"{text!r} cannot be carried in {fmt} but a request was sent"
    return recorder.requests[-1].content


@pytest.mark.parametrize("fmt", ["xml", "json"])
@SETTINGS
@given(text=ANY_TEXT)
def test_job_name_is_sent_exactly_or_refused(fmt: str, text: str) -> None:
    """With either client format the job goes as XML: `format="json"` is for SOA only."""
    recorder, error = sent(fmt, lambda hpc: hpc.jobs.create(Job(name=text)))
    body = check("xml", text, recorder, error)
    if body is not None:
        assert xml_properties(body)["Name"] == text


@SETTINGS
@given(command=ANY_TEXT, key=S.xml_text(1, 10), value=ANY_TEXT)
def test_task_and_environment_values_are_sent_exactly_or_refused(
    command: str, key: str, value: str
) -> None:
    recorder, error = sent("xml", lambda hpc: hpc.jobs.add_task(7, Task(command_line=command)))
    body = check("xml", command, recorder, error)
    if body is not None:
        assert xml_properties(body)["CommandLine"] == command
    recorder, error = sent("xml", lambda hpc: hpc.jobs.set_env_variables(7, {key: value}))
    body = check("xml", value, recorder, error)
    if body is not None:
        assert xml_properties(body)[key] == value


@pytest.mark.parametrize("fmt", ["xml", "json"])
@SETTINGS
@given(service=ANY_TEXT)
def test_session_start_info_is_sent_exactly_or_refused(fmt: str, service: str) -> None:
    recorder, error = sent(
        fmt, lambda hpc: hpc.sessions.create(SessionStartInfo(service_name=service))
    )
    body = check(fmt, service, recorder, error)
    if body is not None and fmt == "json":
        assert json.loads(body)["ServiceName"] == service
    elif body is not None:
        root = DET.fromstring(body)
        assert root.findtext("{http://hpc.microsoft.com/}ServiceName") == service


def _session(hpc: HpcClient) -> soa.Session:
    info = WebSessionInfo(
        id=3, broker_node="localhost", is_durable=False, max_message_size=65536,
        service_operation_timeout=1000, service_version=None,
    )  # fmt: skip
    return soa.Session(hpc, info)


@SETTINGS
@given(messages=st.lists(ANY_TEXT, min_size=1, max_size=4))
def test_soa_payloads_are_sent_exactly_or_refused(messages: list[str]) -> None:
    payloads = [{"message": m} for m in messages]
    recorder, error = sent("xml", lambda hpc: _session(hpc).send("b", payloads, action="Echo"))
    if not all(xml_can_carry(m) for m in messages):
        assert isinstance(error, errors.XmlCharacterError)
        assert recorder.requests == []
        return
    assert error is None
    array = DET.fromstring(recorder.requests[-1].content)
    got = [e.findtext(".//{http://tempuri.org/}message") for e in array]
    assert [g or "" for g in got] == messages
