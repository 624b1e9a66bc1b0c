"""Real objects for the fuzzer to aim at, so generated requests reach the emulator's logic.

Without them nearly every `{jobId}`/`{sessionId}` schemathesis draws is unknown and the request
ends in a 404 before any interesting code runs. `Seeds` creates, over plain httpx with the
catalogue's XML, a finished job whose sweep task has subtasks, an unsubmitted job, and an Echo
session with a committed batch; operations that change an object's state get a fresh victim
each time (`fresh_job`, `fresh_session`), so one cancel does not turn every later case into a 409.

The CLI run (`run_schemathesis.py`) passes the emulator to the hooks process in the environment:
`HPC_FUZZ_URL` (base URL, `.../WindowsHpc`) and `HPC_FUZZ_AUTH` (`user:password`).
"""

from __future__ import annotations

import os
import threading
import time
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import httpx

COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
HPC = "http://hpc.microsoft.com/"
SOAP = "http://www.w3.org/2003/05/soap-envelope"
WSA = "http://www.w3.org/2005/08/addressing"
XML = {"Content-Type": "application/xml; charset=utf-8", "api-version": "2012-11-01.4.0"}
SEEDED_BATCH = "seeded"
NODES = ["NODE01", "NODE02", "NODE03", "NODE04"]
GROUPS = ["ComputeNodes", "HeadNodes", "WCFBrokerNodes"]
SERVICES = ["EchoService"]


def props_xml(**props: object) -> str:
    body = "".join(
        f"<Property><Name>{k}</Name><Value>{escape(str(v))}</Value></Property>"
        for k, v in props.items()
    )
    return f'<ArrayOfProperty xmlns="{COMMON}" xmlns:i="{XSI}">{body}</ArrayOfProperty>'


def echo_requests(messages: list[str]) -> bytes:
    """A message array of Echo requests, as the SOA client sends it."""
    envelopes = "".join(
        f'<s:Envelope xmlns:s="{SOAP}" xmlns:a="{WSA}"><s:Header>'
        '<a:Action s:mustUnderstand="1">http://tempuri.org/IService/Echo</a:Action></s:Header>'
        f'<s:Body><Echo xmlns="http://tempuri.org/"><message>{escape(m)}</message></Echo>'
        "</s:Body></s:Envelope>"
        for m in messages
    )
    return f"<HPCServer2008_WebAPI_MessageArray>{envelopes}</HPCServer2008_WebAPI_MessageArray>".encode()


def session_start(idle_ms: int = 300) -> str:
    # A short ClientIdleTimeout: a response stream on an open batch ends fast (ClientTimeout)
    return (
        f'<WebSessionStartInfo xmlns="{HPC}" xmlns:i="{XSI}"><ClientIdleTimeout>{idle_ms}'
        "</ClientIdleTimeout><ServiceName>EchoService</ServiceName></WebSessionStartInfo>"
    )


class Seeds:
    """Creates and hands out real jobs, tasks and sessions on one emulator."""

    def __init__(self, base_url: str, auth: tuple[str, str] | None) -> None:
        self.client = httpx.Client(base_url=base_url, auth=auth, timeout=30)
        self._lock = threading.Lock()
        self.jobs: list[int] = []
        self.sessions: list[int] = []

    @classmethod
    def from_env(cls) -> Seeds | None:
        url = os.environ.get("HPC_FUZZ_URL")
        if not url:
            return None
        user, _, password = os.environ.get("HPC_FUZZ_AUTH", "").partition(":")
        seeds = cls(url, (user, password) if user else None)
        seeds.create()
        return seeds

    def _post(self, path: str, body: str | bytes, **params: str) -> httpx.Response:
        r = self.client.post(path, content=body, headers=XML, params=params)
        if r.status_code >= 300:
            raise RuntimeError(f"seeding {path} failed: {r.status_code} {r.text[:300]}")
        return r

    def _int(self, r: httpx.Response) -> int:
        return int(ET.fromstring(r.text).text or "0")

    def job(self, submit: bool) -> int:
        """A job with a basic task (1) and a three-step sweep task (2)."""
        job = self._int(self._post("/Jobs", props_xml(Name="fuzz-target")))
        self._post(f"/Job/{job}/Tasks", props_xml(CommandLine="true"))
        self._post(
            f"/Job/{job}/Tasks",
            props_xml(CommandLine="echo *", Type="ParametricSweep", StartValue=1, EndValue=3),
        )
        if submit:
            self._post(f"/Job/{job}/Submit", props_xml())
        return job

    def session(self, durable: bool = False) -> int:
        r = self._post("/Sessions/Create", session_start(), durable=str(durable).lower())
        sid = int(ET.fromstring(r.text).findtext(f"{{{HPC}}}Id") or "0")
        self._post(f"/Session/{sid}/batch/{SEEDED_BATCH}", echo_requests(["a", "b"]), commit="true")
        return sid

    def create(self) -> None:
        with self._lock:
            self.jobs = [self.job(submit=True), self.job(submit=False)]
            self.sessions = [self.session(durable=False), self.session(durable=True)]

    def fresh_job(self, submit: bool, subtasks: bool = False, canceled: bool = False) -> int:
        """A new job; with `subtasks`, submitted and returned once its sweep is expanded;
        `canceled`: then canceled, so it and its tasks can be requeued."""
        with self._lock:
            job = self.job(submit or subtasks or canceled)
        deadline = time.monotonic() + 5
        while subtasks and time.monotonic() < deadline:
            r = self.client.get(f"/Job/{job}/Task/2/SubTask/1", headers=XML)
            if r.status_code == 200:
                break
            time.sleep(0.005)
        if canceled:  # unless it already ended (its tasks are quick): 409, still a target
            params = {"Forced": "true"}
            self.client.post(f"/Job/{job}/Cancel", content=b"", headers=XML, params=params)
        return job

    def fresh_session(self) -> int:
        with self._lock:
            return self.session()

    def close(self) -> None:
        self.client.close()
