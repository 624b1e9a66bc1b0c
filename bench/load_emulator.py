"""Load test of the emulator: N concurrent clients create and submit jobs and send SOA requests.

    python bench/load_emulator.py --duration 60 --clients 50

Starts `python -m hpc_emulator` (its own process, fresh temp data dir, Basic auth on, and the
JSON extension on, since JSON on scheduler operations is the emulator's extension), then
runs `--clients` asyncio clients for `--duration` seconds over raw httpx with the catalogue's
wire formats (even clients XML, odd clients JSON). Each client owns one Echo session and loops:

    create job -> add task (`echo`) -> submit -> get job -> send N requests (commit) -> responses

After the clock stops, every submitted job must reach Finished (bounded wait) and every SOA
batch must have returned each of its messages exactly once. Prints throughput (ops/s by kind)
and p50/p99 latency; exits 1 on any error (status, exception, wrong answer, job not Finished).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import ssl
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

# httpcore asks sniffio which event loop runs on every request; without sniffio installed that
# is a failed import (a file system search) per request, which made this client, not the
# emulator, the bottleneck. A None entry makes the failed import instant; behaviour is the same.
sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]

import httpx  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "emulator"))

from hpc_emulator.testing import start_emulator_process  # noqa: E402

COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
HPC = "http://hpc.microsoft.com/"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
SOAP = "http://www.w3.org/2003/05/soap-envelope"
WSA = "http://www.w3.org/2005/08/addressing"
API = {"api-version": "2012-11-01.4.0"}
USER, PASSWORD = "loaduser", "load-secret"
RESULT = re.compile(r"<EchoResult>([^<]*)</EchoResult>")
TERMINAL = {"Finished", "Failed", "Canceled"}


# ------------------------------------------------------------------ wire formats


def props_body(fmt: str, **props: object) -> tuple[bytes, str]:
    if fmt == "json":
        data = [{"Name": k, "Value": str(v)} for k, v in props.items()]
        return json.dumps(data).encode(), "application/json; charset=utf-8"
    items = "".join(
        f"<Property><Name>{k}</Name><Value>{escape(str(v))}</Value></Property>"
        for k, v in props.items()
    )
    xml = f'<ArrayOfProperty xmlns="{COMMON}">{items}</ArrayOfProperty>'
    return xml.encode(), "application/xml; charset=utf-8"


def read_int(fmt: str, r: httpx.Response) -> int:
    if fmt == "json":
        return int(r.json())
    return int(ET.fromstring(r.content).text or "")


def read_props(fmt: str, r: httpx.Response) -> dict[str, str | None]:
    if fmt == "json":
        return {p["Name"]: p["Value"] for p in r.json()}
    root = ET.fromstring(r.content)
    out: dict[str, str | None] = {}
    for prop in root.iter(f"{{{COMMON}}}Property"):
        value = prop.find(f"{{{COMMON}}}Value")
        out[prop.findtext(f"{{{COMMON}}}Name") or ""] = None if value is None else value.text
    return out


def session_body(fmt: str) -> tuple[bytes, str]:
    if fmt == "json":
        return b'{"ServiceName": "EchoService"}', "application/json; charset=utf-8"
    xml = f'<WebSessionStartInfo xmlns="{HPC}"><ServiceName>EchoService</ServiceName></WebSessionStartInfo>'
    return xml.encode(), "application/xml; charset=utf-8"


def echo_requests(messages: list[str]) -> bytes:
    envelopes = "".join(
        f'<s:Envelope xmlns:s="{SOAP}" xmlns:a="{WSA}"><s:Header><a:Action s:mustUnderstand="1">'
        "http://tempuri.org/IService/Echo</a:Action></s:Header><s:Body>"
        f'<Echo xmlns="http://tempuri.org/"><message>{m}</message></Echo></s:Body></s:Envelope>'
        for m in messages
    )
    return f"<HPCServer2008_WebAPI_MessageArray>{envelopes}</HPCServer2008_WebAPI_MessageArray>".encode()


# ------------------------------------------------------------------ measurement


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)  # first few error descriptions
    jobs: list[int] = field(default_factory=list)
    soa_messages: int = 0
    elapsed: float = 0.0  # seconds of load
    drain: float = 0.0  # seconds until every submitted job had ended
    server_cpu: float = 0.0  # CPU seconds the emulator process used (its task processes apart)

    def error(self, kind: str, what: str) -> None:
        self.errors[kind] += 1
        if len(self.samples) < 10:
            self.samples.append(f"{kind}: {what}")


class LoadClient:
    def __init__(self, index: int, http: httpx.AsyncClient, stats: Stats, batch: int) -> None:
        self.index = index
        self.fmt = "json" if index % 2 else "xml"
        self.http = http
        self.stats = stats
        self.batch = batch
        self.accept = {"Accept": "application/json" if self.fmt == "json" else "application/xml"}
        self.session: int | None = None

    async def call(
        self, kind: str, method: str, path: str, expect: int, body: bytes = b"", ctype: str = "",
        params: dict[str, str] | None = None,
    ) -> httpx.Response | None:  # fmt: skip
        headers = {**API, **self.accept}
        if ctype:
            headers["Content-Type"] = ctype
        start = time.perf_counter()
        try:
            r = await self.http.request(method, path, content=body, headers=headers, params=params)
        except httpx.HTTPError as exc:
            self.stats.error(kind, f"{type(exc).__name__}: {exc}")
            return None
        self.stats.latencies[kind].append(time.perf_counter() - start)
        if r.status_code != expect:
            self.stats.error(kind, f"HTTP {r.status_code}: {r.text[:200]}")
            return None
        return r

    async def open_session(self) -> None:
        body, ctype = session_body(self.fmt)
        r = await self.call(
            "create_session", "POST", "/Sessions/Create", 201, body, ctype, {"durable": "false"}
        )
        if r is not None:
            self.session = int(r.json()["Id"] if self.fmt == "json" else _xml_id(r))

    async def job_round(self, n: int) -> None:
        body, ctype = props_body(self.fmt, Name=f"load-{self.index}-{n}")
        r = await self.call("create_job", "POST", "/Jobs", 200, body, ctype)
        if r is None:
            return
        job = read_int(self.fmt, r)
        body, ctype = props_body(self.fmt, CommandLine=f"echo {self.index}-{n}")
        if await self.call("add_task", "POST", f"/Job/{job}/Tasks", 200, body, ctype) is None:
            return
        body, ctype = props_body(self.fmt)
        if await self.call("submit_job", "POST", f"/Job/{job}/Submit", 200, body, ctype) is None:
            return
        self.stats.jobs.append(job)
        r = await self.call("get_job", "GET", f"/Job/{job}", 200, params={"Properties": "Id,State"})
        if r is not None and read_props(self.fmt, r).get("Id") != str(job):
            self.stats.error("get_job", f"job {job}: wrong answer {r.text[:200]}")

    async def soa_round(self, n: int) -> None:
        if self.session is None:
            return
        batch = f"b{n}"
        messages = [f"c{self.index}n{n}m{i}" for i in range(self.batch)]
        octet = "application/octet-stream"
        path = f"/Session/{self.session}/batch/{batch}"
        r = await self.call(
            "soa_send", "POST", path, 201, echo_requests(messages), octet, {"commit": "true"}
        )
        if r is None:
            return
        r = await self.call(
            "soa_responses", "POST", f"{path}/Response", 200, params={"count": "-1"}
        )
        if r is None:
            return
        got = RESULT.findall(r.text)
        if sorted(got) != sorted(messages) or "<Reason>Success</Reason>" not in r.text:
            self.stats.error("soa_responses", f"{path}: {len(got)} of {len(messages)} replies")
            return
        self.stats.soa_messages += len(messages)

    async def run(self, deadline: float) -> None:
        await self.open_session()
        n = 0
        while time.monotonic() < deadline:
            await self.job_round(n)
            await self.soa_round(n)
            n += 1
        if self.session is not None:
            await self.call("close_session", "POST", f"/Session/{self.session}/Close", 200)


def _xml_id(r: httpx.Response) -> str:
    return ET.fromstring(r.content).findtext(f"{{{HPC}}}Id") or ""


async def wait_finished(http: httpx.AsyncClient, stats: Stats, timeout: float) -> float:
    """Every submitted job must end Finished; returns the seconds it took after the clock."""
    start = time.monotonic()
    pending = set(stats.jobs)
    headers = {**API, "Accept": "application/json"}
    while pending and time.monotonic() - start < timeout:
        params = {"Properties": "Id,State", "RowsPerRead": "100000"}
        r = await http.get("/Jobs", params=params, headers=headers)
        rows = {
            int(row["Properties"][0]["Value"]): row["Properties"][1]["Value"] for row in r.json()
        }
        for job in list(pending):
            state = rows.get(job)
            if state in TERMINAL:
                pending.discard(job)
                if state != "Finished":
                    stats.error("job_end", f"job {job} ended {state}")
        if pending:
            await asyncio.sleep(0.5)
    for job in pending:
        stats.error("job_end", f"job {job} not finished {timeout:.0f} s after the load")
    return time.monotonic() - start


def pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1] if q < 100 else max(values)
    )


async def load(url: str, args: argparse.Namespace) -> Stats:
    """One httpx.AsyncClient (one keep-alive connection) per load client, as 50 users would."""
    stats = Stats()
    base = f"{url}/WindowsHpc"
    auth = (USER, PASSWORD)
    tls = ssl.create_default_context()  # one for all: building one per client costs seconds
    https = [
        httpx.AsyncClient(base_url=base, auth=auth, timeout=60, verify=tls)
        for _ in range(args.clients)
    ]
    try:
        clients = [LoadClient(i, h, stats, args.batch) for i, h in enumerate(https)]
        started = time.monotonic()
        deadline = started + args.duration
        await asyncio.gather(*(c.run(deadline) for c in clients))
        stats.elapsed = time.monotonic() - started
        stats.drain = await wait_finished(https[0], stats, args.drain_timeout)
    finally:
        for h in https:
            await h.aclose()
    return stats


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(stats: Stats, args: argparse.Namespace) -> None:
    elapsed = stats.elapsed
    print(
        f"\n{args.clients} clients, {elapsed:.1f} s (requested {args.duration:g} s), "
        f"SOA batches of {args.batch}\n"
    )
    print(f"{'operation':<16}{'count':>9}{'ops/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    total = 0
    for kind in sorted(set(stats.latencies) | set(stats.errors)):
        lat = stats.latencies.get(kind, [])
        total += len(lat)
        p50 = f"{pct(lat, 50) * 1000:.1f}" if lat else "-"
        p99 = f"{pct(lat, 99) * 1000:.1f}" if lat else "-"
        print(
            f"{kind:<16}{len(lat):>9}{len(lat) / elapsed:>10.1f}{p50:>10}{p99:>10}"
            f"{stats.errors.get(kind, 0):>8}"
        )
    print(f"{'all HTTP calls':<16}{total:>9}{total / elapsed:>10.1f}")
    print(
        f"\njobs submitted: {len(stats.jobs)} ({len(stats.jobs) / elapsed:.1f}/s), all ended "
        f"within {stats.drain:.1f} s after the load"
    )
    print(f"SOA messages echoed: {stats.soa_messages} ({stats.soa_messages / elapsed:.0f}/s)")
    if stats.server_cpu:
        print(
            f"emulator CPU: {stats.server_cpu:.1f} s ({stats.server_cpu / elapsed:.0%} of one "
            f"core), {stats.server_cpu / max(total, 1) * 1000:.2f} ms per HTTP call; "
            f"{os.cpu_count()} CPUs, client and emulator share them"
        )
    errors = sum(stats.errors.values())
    print(f"errors: {errors}")
    for sample in stats.samples:
        print(f"  {sample}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--batch", type=int, default=10, help="SOA requests per batch (default 10)")
    parser.add_argument("--nodes", type=int, default=8)
    parser.add_argument("--cores-per-node", type=int, default=8)
    parser.add_argument("--url", help="load this emulator instead of starting one")
    parser.add_argument("--drain-timeout", type=float, default=120.0)
    args = parser.parse_args()
    if (
        args.url
    ):  # started elsewhere, with a --users-file holding loaduser:load-secret and --json-extension
        stats = asyncio.run(load(args.url, args))
        report(stats, args)
        sys.exit(1 if stats.errors else 0)
    with tempfile.TemporaryDirectory(prefix="hpc-load-") as data:
        emulator = start_emulator_process(
            data_dir=data,
            nodes=args.nodes,
            cores_per_node=args.cores_per_node,
            users={USER: PASSWORD},
            json_extension=True,  # odd clients speak JSON to the scheduler operations
        )
        try:
            before = cpu_seconds(emulator.pid)
            stats = asyncio.run(load(emulator.url, args))
            stats.server_cpu = cpu_seconds(emulator.pid) - before
        finally:
            emulator.terminate()
    report(stats, args)
    sys.exit(1 if stats.errors else 0)


if __name__ == "__main__":
    main()
