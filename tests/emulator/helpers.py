"""Literal wire formats (as the catalogue shows them) and small readers for emulator tests."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import httpx

COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = {"Content-Type": "application/xml; charset=utf-8"}
JSON = {"Accept": "application/json", "Content-Type": "application/json; charset=utf-8"}
V = {"api-version": "2012-11-01.4.0"}


def props_xml(**props: object) -> str:
    body = "".join(
        f"<Property><Name>{k}</Name><Value>{escape(str(v))}</Value></Property>"
        for k, v in props.items()
    )
    return f'<ArrayOfProperty xmlns="{COMMON}" xmlns:i="{XSI}">{body}</ArrayOfProperty>'


def parse_props(text: str) -> dict[str, str | None]:
    root = ET.fromstring(text)
    assert root.tag == f"{{{COMMON}}}ArrayOfProperty", root.tag
    out: dict[str, str | None] = {}
    for prop in root.findall(f"{{{COMMON}}}Property"):
        value = prop.find(f"{{{COMMON}}}Value")
        assert value is not None
        nil = value.get(f"{{{XSI}}}nil") == "true"
        out[prop.findtext(f"{{{COMMON}}}Name") or ""] = None if nil else (value.text or "")
    return out


def parse_objects(text: str) -> list[dict[str, str | None]]:
    root = ET.fromstring(text)
    assert root.tag == f"{{{COMMON}}}ArrayOfObject", root.tag
    rows = []
    for obj in root.findall(f"{{{COMMON}}}Object"):
        props = obj.find(f"{{{COMMON}}}Properties")
        assert props is not None
        row: dict[str, str | None] = {}
        for prop in props:
            value = prop.find(f"{{{COMMON}}}Value")
            assert value is not None
            nil = value.get(f"{{{XSI}}}nil") == "true"
            row[prop.findtext(f"{{{COMMON}}}Name") or ""] = None if nil else (value.text or "")
        rows.append(row)
    return rows


def parse_int(text: str) -> int:
    root = ET.fromstring(text)
    assert root.tag == f"{{{SER}}}int", root.tag
    return int(root.text or "")


def fault_code(response: httpx.Response) -> int:
    root = ET.fromstring(response.text)
    assert root.tag == f"{{{COMMON}}}HpcWebServiceFault", response.text
    return int(root.findtext(f"{{{COMMON}}}Code") or "0")


def create_job(client: httpx.Client, **props: object) -> int:
    r = client.post("/Jobs", content=props_xml(**props), headers=XML)
    assert r.status_code == 200, r.text
    return parse_int(r.text)


def add_task(client: httpx.Client, job_id: int, **props: object) -> int:
    r = client.post(f"/Job/{job_id}/Tasks", content=props_xml(**props), headers=XML)
    assert r.status_code == 200, r.text
    return parse_int(r.text)


def submit(client: httpx.Client, job_id: int) -> None:
    r = client.post(f"/Job/{job_id}/Submit", content=props_xml(), headers=XML)
    assert r.status_code == 200, r.text


def job_props(
    client: httpx.Client, job_id: int, names: str = "Id,State,ErrorMessage"
) -> dict[str, str | None]:
    r = client.get(f"/Job/{job_id}", params={"Properties": names})
    assert r.status_code == 200, r.text
    return parse_props(r.text)


def task_props(
    client: httpx.Client, job_id: int, task_id: int, names: str | None = None
) -> dict[str, str | None]:
    params = {"Properties": names} if names else {}
    r = client.get(f"/Job/{job_id}/Task/{task_id}", params=params)
    assert r.status_code == 200, r.text
    return parse_props(r.text)


def wait_state(
    client: httpx.Client, job_id: int, states: set[str], timeout: float = 20.0
) -> dict[str, str | None]:
    deadline = time.monotonic() + timeout
    while True:
        props = job_props(client, job_id)
        if props["State"] in states:
            return props
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} stayed {props['State']}, wanted {states}")
        time.sleep(0.05)
