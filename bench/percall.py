"""Per-call client cost, no network: hpcpack vs raw httpx + defusedxml on the same bytes.

Both clients talk to the same `httpx.MockTransport` handler serving response bodies captured
from the emulator, so the only difference is what each client does per call: hpcpack encodes
typed models to XML, goes through its transport, fault hook and generated parser and returns
typed models; the baseline builds the same XML with an f-string, sends it with plain httpx and
turns the answer into dicts of strings with defusedxml (what a careful hand-written client does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

import httpx
from common import Row, compare, fmt_time
from defusedxml import ElementTree as DET

NS = "{http://schemas.microsoft.com/HPCS2008R2/common}"
NS_HPC = "{http://hpc.microsoft.com/}"
HEADERS = {"api-version": "2012-11-01.4.0", "Accept": "application/xml"}
XML_CT = {"Content-Type": "application/xml; charset=utf-8"}
PAGE_ROWS = 1000


@dataclass
class Captured:
    """Real response bodies (status, content type, bytes) keyed by (method, path)."""

    job: bytes
    page: bytes  # 1,000 jobs of Get Job List (RowsPerRead=1000)
    session: bytes  # WebSessionInfo of Create Session
    set_status: int


def capture(base_url: str) -> Captured:
    """Fetch the bodies from a running emulator holding at least 1,000 jobs."""
    with httpx.Client(base_url=base_url, headers=HEADERS, timeout=60) as http:
        job = http.get("/Job/1")
        page = http.get("/Jobs", params={"RowsPerRead": PAGE_ROWS})
        put = http.put("/Job/1", content=set_body("renamed"), headers=XML_CT)
        session = http.post(
            "/Sessions/Create",
            params={"durable": "false"},
            content=start_info("EchoService"),
            headers=XML_CT,
        )
        for r in (job, page, put, session):
            r.raise_for_status()
        if page.content.count(b"<Object>") != PAGE_ROWS:
            raise RuntimeError("the emulator must hold at least 1,000 jobs")
        http.post(f"/Session/{session_id(session.content)}/Close")
    return Captured(job.content, page.content, session.content, put.status_code)


def handler(bodies: Captured) -> Callable[[httpx.Request], httpx.Response]:
    xml = {"content-type": "application/xml; charset=utf-8"}

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.method == "GET" and path.endswith("/Job/1"):
            return httpx.Response(200, headers=xml, content=bodies.job)
        if request.method == "GET" and path.endswith("/Jobs"):
            return httpx.Response(200, headers=xml, content=bodies.page)
        if request.method == "PUT" and path.endswith("/Job/1"):
            request.read()
            return httpx.Response(bodies.set_status)
        if request.method == "POST" and path.endswith("/Sessions/Create"):
            request.read()
            return httpx.Response(201, headers=xml, content=bodies.session)
        return httpx.Response(404)

    return handle


# -- the baseline: plain httpx + defusedxml --------------------------------------------------


def set_body(name: str) -> bytes:
    return (
        f'<ArrayOfProperty xmlns="{NS[1:-1]}"><Property><Name>Name</Name>'
        f"<Value>{escape(name)}</Value></Property></ArrayOfProperty>"
    ).encode()


def start_info(service: str) -> bytes:
    return (
        f'<WebSessionStartInfo xmlns="{NS_HPC[1:-1]}"><ServiceName>{escape(service)}'
        "</ServiceName></WebSessionStartInfo>"
    ).encode()


def session_id(body: bytes) -> str:
    return DET.fromstring(body).findtext(f"{NS_HPC}Id") or ""


def props_of(parent: object) -> dict[str, str | None]:
    return {p.findtext(f"{NS}Name"): p.findtext(f"{NS}Value") for p in parent}  # type: ignore[attr-defined]


def raw_get_job(http: httpx.Client) -> dict[str, str | None]:
    r = http.get("/Job/1")
    r.raise_for_status()
    return props_of(DET.fromstring(r.content))


def raw_set_job(http: httpx.Client) -> None:
    http.put("/Job/1", content=set_body("renamed"), headers=XML_CT).raise_for_status()


def raw_create_session(http: httpx.Client) -> dict[str, str | None]:
    r = http.post(
        "/Sessions/Create",
        params={"durable": "false"},
        content=start_info("EchoService"),
        headers=XML_CT,
    )
    r.raise_for_status()
    return {child.tag[len(NS_HPC) :]: child.text for child in DET.fromstring(r.content)}


def raw_list_page(http: httpx.Client) -> list[dict[str, str | None]]:
    r = http.get("/Jobs", params={"RowsPerRead": PAGE_ROWS})
    r.raise_for_status()
    return [props_of(obj.find(f"{NS}Properties")) for obj in DET.fromstring(r.content)]


# -- the run ---------------------------------------------------------------------------------


def run(bodies: Captured) -> list[Row]:
    from hpcpack import HpcClient, Job, SessionStartInfo

    transport = httpx.MockTransport(handler(bodies))
    hpc = HpcClient("http://head.bench", transport=transport)
    raw = httpx.Client(
        base_url="http://head.bench/WindowsHpc", headers=HEADERS, transport=transport
    )
    start = SessionStartInfo(service_name="EchoService")

    def our_list_page() -> object:
        jobs = list(hpc.jobs.list(rows_per_read=PAGE_ROWS))
        assert len(jobs) == PAGE_ROWS
        return jobs

    cases: list[tuple[str, Callable[[], object], Callable[[], object], int]] = [
        ("get job", lambda: hpc.jobs.get(1), lambda: raw_get_job(raw), 300),
        (
            "set job properties",
            lambda: hpc.jobs.set(1, Job(name="renamed")),
            lambda: raw_set_job(raw),
            300,
        ),
        (
            "create session",
            lambda: hpc.sessions.create(start),
            lambda: raw_create_session(raw),
            300,
        ),
        ("parse a 1,000-job list page", our_list_page, lambda: raw_list_page(raw), 3),
    ]
    rows = []
    for what, ours, base, calls in cases:
        try:
            t_ours, t_base = compare(ours, base, calls=calls)
        except Exception as exc:  # a broken call is a row, not a crashed bench
            rows.append(
                Row(
                    "per call (MockTransport)",
                    what,
                    "error",
                    "",
                    None,
                    "<= 1.5x",
                    False,
                    f"{type(exc).__name__}: {exc}"[:160],
                )
            )
            continue
        ratio = t_ours / t_base
        rows.append(
            Row(
                "per call (MockTransport)",
                what,
                fmt_time(t_ours),
                fmt_time(t_base),
                ratio,
                "<= 1.5x",
                ratio <= 1.5,
            )
        )
    hpc.close()
    raw.close()
    return rows
