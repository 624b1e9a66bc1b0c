"""Emulator bounds: one hostile request neither freezes the emulator nor grows it unbounded.

Server-side attacks run against an emulator in its own process (a thread would share the GIL
with the test) while another client is served; the bound on that client is the measure the
hardening issue asks for, generous (5 s) against a 24-95 s freeze before the fix.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from hpc_emulator.paging import QueryCache
from hpc_emulator.testing import (
    EmulatorProcess,
    RunningEmulator,
    run_emulator,
    start_emulator_process,
)

V = {"api-version": "2012-11-01"}


@pytest.fixture(scope="module")
def emulator_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorProcess]:
    proc = start_emulator_process(data_dir=tmp_path_factory.mktemp("bounds"))
    try:
        yield proc
    finally:
        proc.terminate()


def _served_while(emu: EmulatorProcess, attack: httpx.Request) -> tuple[int, int, float]:
    """(status of the attack, of a Get Version sent while it runs, that call's seconds)."""
    result: dict[str, int] = {}

    def run() -> None:
        with httpx.Client(timeout=60) as c:
            result["attack"] = c.send(attack).status_code

    t = threading.Thread(target=run)
    t.start()
    time.sleep(0.5)  # the attack has reached the emulator: the other client comes second
    started = time.monotonic()
    try:
        with httpx.Client(timeout=60) as c:
            other = c.get(f"{emu.base_url}/Version", headers=V).status_code
    finally:
        took = time.monotonic() - started
        t.join(timeout=60)
    return result.get("attack", 0), other, took


@pytest.mark.parametrize("path", ["/Jobs", "/Job/1/Tasks", "/Nodes"])
def test_filter_redos_is_refused_and_blocks_no_one(
    emulator_process: EmulatorProcess, path: str
) -> None:
    with httpx.Client(base_url=emulator_process.base_url, headers=V) as c:
        job = c.post("/Jobs", content=b"<ArrayOfProperty xmlns='http://schemas.microsoft.com/HPCS2008R2/common'/>",
                     headers={"Content-Type": "application/xml"})  # fmt: skip
        assert job.status_code == 200
    state = {"/Jobs": "JobState", "/Job/1/Tasks": "TaskState", "/Nodes": "NodeState"}[path]
    hostile = f"{state} eq Queued" + " " * 60_000 + "x"  # httpx caps a URL part at 64 KB
    request = httpx.Request(
        "GET", f"{emulator_process.base_url}{path}", params={"$filter": hostile}, headers=V
    )
    attack, other, took = _served_while(emulator_process, request)
    assert (attack, other) == (400, 200)
    assert took < 5.0, f"another client waited {took:.1f} s"


def test_filter_with_long_whitespace_under_the_limit_still_parses(
    hpc_emulator: RunningEmulator,
) -> None:
    text = (
        "JobState"
        + " " * 900
        + "eq"
        + " " * 900
        + "Finished"
        + "  and   ChangeTimeFrom eq 1/1/2020"
    )
    r = httpx.get(f"{hpc_emulator.base_url}/Jobs", params={"$filter": text}, headers=V)
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    "literal", ["13/45/2020", "1/1/0001 12:00:00 AM", "0001-01-01T00:00:00", "99999-01-01"]
)
def test_out_of_range_dates_in_filter_are_a_400_fault(
    hpc_emulator: RunningEmulator, literal: str
) -> None:
    r = httpx.get(
        f"{hpc_emulator.base_url}/Jobs",
        params={"$filter": f"ChangeTimeFrom eq {literal}"},
        headers=V,
    )
    assert r.status_code in (200, 400), r.text  # year 1 is valid where local time is UTC
    if r.status_code == 400:
        assert "HpcWebServiceFault" in r.text and "date" in r.text


def test_paging_cache_is_bounded_in_bytes_and_packs_integer_keys() -> None:
    cache = QueryCache(max_queries=1000, ttl=600, max_bytes=2_000_000)
    pairs = [(1, i) for i in range(100_000)]  # a 100,000-instance sweep's task-list keys
    first, token = cache.page("tasks/1", None, lambda: pairs, 10)
    assert first == pairs[:10] and token is not None
    assert cache.nbytes == 800_000  # 8 bytes a key (tuples held ~7 MB)
    tokens = [cache.page("tasks/1", None, lambda: pairs, 10)[1] for _ in range(5)]
    assert cache.nbytes <= 2_000_000 and len(cache) == 2
    # the oldest were evicted and answer 404; the newest still pages on
    assert cache.page("tasks/1", tokens[-1], lambda: [], 10)[0] == pairs[10:20]
    with pytest.raises(Exception, match="does not exist or has expired"):
        cache.page("tasks/1", token, lambda: [], 10)


def _props_xml(**props: str) -> bytes:
    items = "".join(
        f"<Property><Name>{n}</Name><Value>{v}</Value></Property>" for n, v in props.items()
    )
    return (
        f"<ArrayOfProperty xmlns='http://schemas.microsoft.com/HPCS2008R2/common'>{items}"
        "</ArrayOfProperty>"
    ).encode()


@pytest.mark.parametrize(
    ("path", "name", "limit"),
    [("/Jobs", "Name", 80), ("/Jobs", "Project", 80), ("/Job/{job}/Tasks", "Name", 80),
     ("/Job/{job}/Tasks", "CommandLine", 480)],
)  # fmt: skip
def test_documented_property_lengths_are_enforced(
    hpc_emulator: RunningEmulator, path: str, name: str, limit: int
) -> None:
    xml = {"Content-Type": "application/xml", **V}
    with httpx.Client(base_url=hpc_emulator.base_url, headers=xml) as c:
        job = c.post("/Jobs", content=_props_xml()).text
        job_id = int(job.split(">")[1].split("<")[0])
        url = path.format(job=job_id)
        assert c.post(url, content=_props_xml(**{name: "a" * limit})).status_code == 200
        r = c.post(url, content=_props_xml(**{name: "a" * (limit + 1)}))
        assert r.status_code == 400 and f"at most {limit}" in r.text, r.text


def test_a_huge_job_name_is_refused_and_the_job_list_stays_readable(
    hpc_emulator: RunningEmulator,
) -> None:
    xml = {"Content-Type": "application/xml", **V}
    with httpx.Client(base_url=hpc_emulator.base_url, headers=xml, timeout=60) as c:
        r = c.post("/Jobs", content=_props_xml(Name="n" * 1_000_000))
        assert r.status_code in (400, 413), r.text[:200]
        listing = c.get("/Jobs", params={"Properties": "Id,Name", "RowsPerRead": "1000"})
        assert listing.status_code == 200 and len(listing.content) < 1_000_000


@pytest.mark.parametrize(
    "body", ["[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000]
)
@pytest.mark.parametrize("path", ["/Jobs", "/Sessions/Create"])
def test_deeply_nested_json_is_a_400_fault(path: str, body: str) -> None:
    with run_emulator(json_extension=True) as emu:
        r = httpx.post(
            emu.base_url + path,
            content=body,
            headers={"Content-Type": "application/json", **V},
            params={"durable": "false"} if "Session" in path else None,
        )
    assert r.status_code == 400, r.text[:300]
    assert "HpcWebServiceFault" in r.text
