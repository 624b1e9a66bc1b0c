"""The strict wire, proven with raw httpx and sockets (no hpcpack): DataContract reading rules,
XML-only scheduler operations, 411/413 framing, SOA JSON kept (DESIGN.md, "Strict wire")."""

from __future__ import annotations

import json
import select
import socket
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hpc_emulator import xmlwire
from hpc_emulator.testing import RunningEmulator, run_emulator, start_emulator_process

from .helpers import COMMON, SER, XML, XSI, V, create_job, fault_code, job_props, props_xml

pytest_plugins = ["pytester"]
HDR = {**XML, **V}
SCHED = "http://schemas.microsoft.com/HPCS2008R2/scheduler/"


@pytest.fixture(scope="module")
def json_emulator() -> Iterator[RunningEmulator]:
    with run_emulator(json_extension=True) as emulator:
        yield emulator


def message(r: httpx.Response) -> str:
    root = ET.fromstring(r.content)
    assert root.tag == f"{{{COMMON}}}HpcWebServiceFault", r.text
    return root.findtext(f"{{{COMMON}}}Message") or ""


def post_props(client: httpx.Client, inner: str, root: str = "") -> httpx.Response:
    root = root or f'<ArrayOfProperty xmlns="{COMMON}" xmlns:i="{XSI}">{{}}</ArrayOfProperty>'
    return client.post("/Jobs", content=root.format(inner), headers=HDR)


def job_count(client: httpx.Client) -> int:
    r = client.get("/Jobs", params={"Properties": "Id", "RowsPerRead": 100000}, headers=V)
    assert r.status_code == 200, r.text
    return r.text.count("<Object>")


# ---------------------------------------------------------------- DataContract reading rules


@pytest.mark.parametrize(
    "document",
    [
        "<ArrayOfProperty><Property><Name>Name</Name><Value>x</Value></Property></ArrayOfProperty>",
        '<ArrayOfProperty xmlns="urn:wrong"><Property><Name>Name</Name><Value>x</Value>'
        "</Property></ArrayOfProperty>",
        f'<ArrayOfObject xmlns="{COMMON}"><Property><Name>Name</Name><Value>x</Value>'
        "</Property></ArrayOfObject>",
    ],
    ids=["no-namespace", "urn-wrong", "wrong-root-name"],
)
def test_root_name_and_namespace_must_match(client: httpx.Client, document: str) -> None:
    before = job_count(client)
    r = client.post("/Jobs", content=document, headers=HDR)
    assert r.status_code == 400, r.text
    text = message(r)
    assert "'ArrayOfProperty'" in text and COMMON in text
    assert job_count(client) == before  # nothing created from a refused body


def test_value_before_name_is_refused_naming_the_member(client: httpx.Client) -> None:
    r = post_props(client, "<Property><Value>lost</Value><Name>Name</Name></Property>")
    assert r.status_code == 400, r.text
    assert "'Name'" in message(r) and "silently" in message(r)


@pytest.mark.parametrize(
    ("inner", "member"),
    [
        ("<Property><Name>Name</Name><Value>x</Value><Comment>c</Comment></Property>", "Comment"),
        ("<Prop><Name>Name</Name><Value>x</Value></Prop>", "Prop"),
        ('<Property><Name xmlns="urn:other">Name</Name><Value>x</Value></Property>', "Name"),
        ("<Property><Name>Name</Name><Name>Project</Name></Property>", "Name"),
    ],
    ids=["unknown-member", "unknown-item", "member-namespace", "duplicate-member"],
)
def test_members_a_head_node_would_skip_are_refused(
    client: httpx.Client, inner: str, member: str
) -> None:
    r = post_props(client, inner)
    assert r.status_code == 400, r.text
    assert f"'{member}'" in message(r) and "silently" in message(r)


def test_rules_apply_to_every_property_body(client: httpx.Client) -> None:
    job = create_job(client, Name="strict")
    bad = props_xml(Name="x").replace(
        "<Name>Name</Name><Value>x</Value>", "<Value>x</Value><Name>Name</Name>"
    )
    for method, path in [
        ("PUT", f"/Job/{job}"),
        ("POST", f"/Job/{job}/CustomProperties"),
        ("POST", f"/Job/{job}/EnvVariables"),
        ("POST", f"/Job/{job}/Tasks"),
        ("POST", f"/Job/{job}/Submit"),
    ]:
        r = client.request(method, path, content=bad, headers=HDR)
        assert r.status_code == 400, (path, r.text)
        assert "'Name'" in message(r) and "silently" in message(r)
    assert job_props(client, job, "State")["State"] == "Configuring"  # Submit did not happen


def test_cancel_reason_string_namespace_and_children(client: httpx.Client) -> None:
    job = create_job(client, Name="cancel")
    for body in [
        "<string>why</string>",
        '<string xmlns="urn:wrong">why</string>',
        f'<string xmlns="{SER}"><b>why</b></string>',
    ]:
        r = client.post(f"/Job/{job}/Cancel", content=body, headers=HDR)
        assert r.status_code == 400, (body, r.text)
    nil = f'<string xmlns="{SER}" xmlns:i="{XSI}" i:nil="true"/>'
    assert client.post(f"/Job/{job}/Cancel", content=nil, headers=HDR).status_code == 200


def test_nil_value_is_honoured(client: httpx.Client) -> None:
    """A guard (the old reader honoured nil too): i:nil is a null value."""
    job = create_job(client, Name="nil")
    client.post(f"/Job/{job}/EnvVariables", content=props_xml(A="1"), headers=HDR)
    body = props_xml(A="1").replace("<Value>1</Value>", '<Value i:nil="true"/>')
    assert client.post(f"/Job/{job}/EnvVariables", content=body, headers=HDR).status_code == 200
    r = client.get(f"/Job/{job}/EnvVariables", params={"Names": "A"}, headers=V)
    assert '<Value i:nil="true"/>' in r.text or "<Value></Value>" in r.text or "<Value/>" in r.text


def test_job_xml_root_namespace(client: httpx.Client) -> None:
    r = client.post("/Jobs/JobFile", content='<Job Name="n" xmlns="urn:wrong"/>', headers=HDR)
    assert r.status_code == 400 and SCHED in message(r)
    ok = client.post("/Jobs/JobFile", content=f'<Job Name="n" xmlns="{SCHED}"/>', headers=HDR)
    assert ok.status_code == 200, ok.text


def session_xml(members: str) -> str:
    return f'<WebSessionStartInfo xmlns="http://hpc.microsoft.com/" xmlns:i="{XSI}">{members}</WebSessionStartInfo>'


@pytest.mark.parametrize(
    ("members", "named"),
    [
        ("<Bogus>1</Bogus><ServiceName>EchoService</ServiceName>", "Bogus"),
        ('<Runtime xmlns="urn:x">5</Runtime><ServiceName>EchoService</ServiceName>', "Runtime"),
        (
            "<Environments><a:KeyValueOfstringstring xmlns:a="
            '"http://schemas.microsoft.com/2003/10/Serialization/Arrays"><a:Value>v</a:Value>'
            "<a:Key>K</a:Key></a:KeyValueOfstringstring></Environments>"
            "<ServiceName>EchoService</ServiceName>",
            "Key",
        ),
    ],
    ids=["unknown-member", "member-namespace", "env-order"],
)
def test_session_start_info_members(client: httpx.Client, members: str, named: str) -> None:
    r = client.post(
        "/Sessions/Create", params={"durable": "false"}, content=session_xml(members), headers=HDR
    )
    assert r.status_code == 400, r.text
    assert f"'{named}'" in message(r) and "silently" in message(r)


# ---------------------------------------------------------------- media types


def test_json_on_create_job_is_refused_by_default(client: httpx.Client) -> None:
    body = json.dumps([{"Name": "Name", "Value": "j"}])
    r = client.post("/Jobs", content=body, headers={**V, "Content-Type": "application/json"})
    assert r.status_code == 415, r.text
    assert "XML only" in message(r) and "extension" in message(r)
    no_type = client.post("/Jobs", content=props_xml(Name="n"), headers=V)
    assert no_type.status_code == 415


def test_json_extension_accepts_json(json_emulator: RunningEmulator) -> None:
    with httpx.Client(base_url=json_emulator.base_url, timeout=30) as c:
        r = c.post(
            "/Jobs",
            json=[{"Name": "Name", "Value": "j"}],
            headers={**V, "Accept": "application/json"},
        )
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
        job = r.json()
        r = c.get(
            f"/Job/{job}", params={"Properties": "Name"}, headers={"Accept": "application/json"}
        )
        assert r.json() == [{"Name": "Name", "Value": "j"}]


def test_accept_json_on_scheduler_answers_xml(client: httpx.Client) -> None:
    job = create_job(client, Name="acc")
    r = client.get(
        f"/Job/{job}", params={"Properties": "Name"}, headers={"Accept": "application/json"}
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/xml")
    assert ET.fromstring(r.content).tag == f"{{{COMMON}}}ArrayOfProperty"


@pytest.mark.parametrize(
    "content_type",
    ["text/xml", "text/xml; charset=utf-8", "application/xml;charset=UTF-8", "Application/XML"],
)
def test_xml_media_types_with_charset_and_bom(client: httpx.Client, content_type: str) -> None:
    """A guard: what must stay accepted (both XML types, any charset, a BOM)."""
    body = b"\xef\xbb\xbf" + props_xml(Name="bom").encode()
    r = client.post("/Jobs", content=body, headers={**V, "Content-Type": content_type})
    assert r.status_code == 200, r.text
    job = int(ET.fromstring(r.content).text or "")
    assert job_props(client, job, "Name") == {"Name": "bom"}


def test_soa_json_still_accepted(client: httpx.Client) -> None:
    """A guard: JSON is documented for the SOA operations [D]."""
    r = client.post(
        "/Sessions/Create",
        params={"durable": "false"},
        json={"ServiceName": "EchoService"},
        headers={**V, "Accept": "application/json"},
    )
    assert r.status_code == 201, r.text
    info = r.json()
    assert info["Id"] > 0
    close = client.post(f"/Session/{info['Id']}/Close", headers=V)
    assert close.status_code == 200


# ---------------------------------------------------------------- framing and size


def raw_exchange(emulator: RunningEmulator, request: bytes) -> tuple[int, bytes]:
    host, port = httpx.URL(emulator.url).host, httpx.URL(emulator.url).port
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        length = next(
            (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
             if line.lower().startswith(b"content-length:")),
            0,
        )  # fmt: skip
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
    return int(head.split(b" ", 2)[1]), rest


def test_void_post_without_length_is_411(
    client: httpx.Client, hpc_emulator: RunningEmulator
) -> None:
    job = create_job(client, Name="len")
    req = (
        f"POST /WindowsHpc/Job/{job}/Submit HTTP/1.1\r\nHost: x\r\n"
        "api-version: 2012-11-01.4.0\r\nConnection: close\r\n\r\n"
    ).encode()
    status, body = raw_exchange(hpc_emulator, req)
    assert status == 411, body
    assert job_props(client, job, "State")["State"] == "Configuring"
    with_length = client.post(f"/Job/{job}/Submit", headers=V)  # httpx sends Content-Length: 0
    assert with_length.status_code == 200, with_length.text


def test_declared_body_over_the_limit_is_413_unread(hpc_emulator: RunningEmulator) -> None:
    req = (
        b"POST /WindowsHpc/Jobs HTTP/1.1\r\nHost: x\r\napi-version: 2012-11-01.4.0\r\n"
        b"Content-Type: application/xml\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n"
    )
    status, body = raw_exchange(hpc_emulator, req)  # not one body byte sent
    assert status == 413, body
    assert "4 MiB" in body.decode()


def test_chunked_body_is_refused_while_it_streams() -> None:
    """The server answers 413 after reading about the limit, not after the whole body: the
    client is still sending when the answer arrives (bytes counted, not time)."""
    limit, total, piece = 64 * 1024, 256 * 1024 * 1024, b"<a>" + b"x" * 65530 + b"</a>"
    with run_emulator(max_body=limit) as emu:
        url = httpx.URL(emu.url)
        with socket.create_connection((url.host, url.port), timeout=30) as sock:
            sock.sendall(
                b"POST /WindowsHpc/Jobs HTTP/1.1\r\nHost: x\r\napi-version: 2012-11-01.4.0\r\n"
                b"Content-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            sock.setblocking(False)
            sent, answer = 0, b""
            chunk = b"%x\r\n" % len(piece) + piece + b"\r\n"
            pending = chunk
            while sent < total:
                readable, writable, _ = select.select([sock], [sock], [], 30)
                assert readable or writable, "no progress within 30 s"
                if readable:
                    answer = sock.recv(65536)
                    break
                try:
                    n = sock.send(pending)
                except BlockingIOError:
                    continue
                except OSError:
                    break  # the server closed after answering
                sent += n
                pending = pending[n:] or chunk
            if not answer:
                sock.setblocking(True)
                answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < total // 4  # refused long before the body ended


def test_large_bodies_are_parsed_off_the_event_loop(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    original = xmlwire.parse_xml

    def spy(body: bytes) -> Any:
        threads.append(threading.current_thread().name)
        return original(body)

    monkeypatch.setattr(xmlwire, "parse_xml", spy)
    small = props_xml(Name="small")
    big = props_xml(Name="big", Project="p" * 80) + "<!--" + "x" * (128 * 1024) + "-->"
    assert client.post("/Jobs", content=small, headers=HDR).status_code == 200
    assert client.post("/Jobs", content=big, headers=HDR).status_code == 200
    assert threads[0] == "hpc-emulator"  # the event loop's thread (run_emulator names it)
    assert threads[1] != "hpc-emulator"


def test_fault_code_of_strict_refusals_is_argument_error(client: httpx.Client) -> None:
    r = post_props(client, "<Property><Value>x</Value><Name>Name</Name></Property>")
    assert fault_code(r) == 251723775


def test_soa_bodies_have_their_own_bound() -> None:
    """`soa_max_body` bounds SOA bodies only: the same 2 KB body is a 413 on Create Session
    and accepted on Create Job (scheduler bound, 4 MiB)."""
    padding = "<!--" + "x" * 2048 + "-->"
    start = session_xml("<ServiceName>EchoService</ServiceName>") + padding
    with run_emulator(soa_max_body=1024) as emu, httpx.Client(base_url=emu.base_url) as c:
        r = c.post("/Sessions/Create", params={"durable": "false"}, content=start, headers=HDR)
        assert r.status_code == 413 and "1024 bytes" in message(r)
        assert (
            c.post("/Jobs", content=props_xml(Name="n") + padding, headers=HDR).status_code == 200
        )


def test_pytest_plugin_option_switches_the_extension_on(pytester: pytest.Pytester) -> None:
    """Plugin users get the strict emulator by default and the extension when they ask."""
    test = (
        "import httpx\n"
        "def test_json(fresh_hpc_emulator):\n"
        "    r = httpx.post(fresh_hpc_emulator.base_url + '/Jobs', timeout=30,\n"
        "                   json=[{'Name': 'Name', 'Value': 'p'}])\n"
        "    assert r.status_code == {status}, r.text\n"
    )
    on = pytester.mkpydir("on")
    (on / "conftest.py").write_text(
        "import pytest\n"
        "@pytest.fixture(scope='session')\n"
        "def hpc_emulator_json_extension():\n"
        "    return True\n"
    )
    (on / "test_on.py").write_text(test.replace("{status}", "200"))
    off = pytester.mkpydir("off")
    (off / "test_off.py").write_text(test.replace("{status}", "415"))
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_command_line_flag_turns_the_extension_on(tmp_path: Path) -> None:
    """`hpc-emulator --json-extension` (what `start_emulator_process` passes)."""
    proc = start_emulator_process(data_dir=tmp_path, json_extension=True)
    try:
        with httpx.Client(base_url=proc.base_url, timeout=30) as c:
            r = c.post("/Jobs", json=[{"Name": "Name", "Value": "cli"}], headers=V)
            assert r.status_code == 200, r.text
    finally:
        proc.terminate()
