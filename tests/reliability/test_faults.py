"""Fault injection between hpcpack and the emulator (loopback proxy, see `faultproxy.py`).

Every fault ends in a typed `hpcpack.errors` exception or in a successful retry; only
idempotent calls (GET/PUT) are retried; jobs are counted on the emulator behind the proxy
(directly, not through the client under test) to prove no create ever happens twice.
"""

from __future__ import annotations

import random
import socket
import uuid
from collections.abc import Iterator

import httpx
import pytest
from defusedxml import ElementTree as DET
from hpc_emulator.testing import RunningEmulator
from hpcpack import AsyncHpcClient, HpcClient, Job, JobState, SessionStartInfo, Task, errors

from . import faultproxy as fp

pytestmark = pytest.mark.timeout(60)

NS = "{http://schemas.microsoft.com/HPCS2008R2/common}"
TIMEOUT = 1.0


@pytest.fixture
def proxy(hpc_emulator: RunningEmulator) -> Iterator[fp.FaultProxy]:
    url = httpx.URL(hpc_emulator.url)
    assert url.host and url.port
    p = fp.FaultProxy((url.host, url.port)).start()
    yield p
    p.stop()


@pytest.fixture
def hpc(proxy: fp.FaultProxy) -> Iterator[HpcClient]:
    with HpcClient(proxy.url, timeout=TIMEOUT, retries=3, retry_backoff=0.001) as client:
        yield client


@pytest.fixture
def direct(hpc_emulator: RunningEmulator) -> Iterator[httpx.Client]:
    """Plain httpx straight to the emulator: the independent witness of what exists."""
    headers = {"api-version": "2012-11-01.4.0", "Accept": "application/xml"}
    with httpx.Client(base_url=hpc_emulator.base_url, headers=headers, timeout=30) as client:
        yield client


def jobs_named(direct: httpx.Client, name: str) -> list[int]:
    r = direct.get("/Jobs", params={"Properties": "Id,Name", "RowsPerRead": 100_000})
    r.raise_for_status()
    assert "x-ms-continuation-QueryId" not in r.headers
    ids = []
    for obj in DET.fromstring(r.content):
        listed = obj.find(f"{NS}Properties")
        assert listed is not None
        props = {p.findtext(f"{NS}Name"): p.findtext(f"{NS}Value") for p in listed}
        if props.get("Name") == name:
            ids.append(int(props["Id"] or 0))
    return ids


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def existing_job(direct: httpx.Client, name: str) -> int:
    body = (
        f'<ArrayOfProperty xmlns="{NS[1:-1]}"><Property><Name>Name</Name><Value>{name}</Value>'
        "</Property></ArrayOfProperty>"
    )
    r = direct.post("/Jobs", content=body, headers={"Content-Type": "application/xml"})
    r.raise_for_status()
    return int(DET.fromstring(r.content).text or 0)


# -- connection refused ----------------------------------------------------------------------


def test_connection_refused_is_a_connection_error() -> None:
    with HpcClient(closed_port_url(), timeout=TIMEOUT, retry_backoff=0.001) as hpc:
        with pytest.raises(errors.HpcConnectionError) as info:
            hpc.jobs.get(1)
        assert "127.0.0.1" in str(info.value)
        with pytest.raises(errors.HpcConnectionError):
            hpc.jobs.create(Job(name="never"))


async def test_connection_refused_is_a_connection_error_async() -> None:
    async with AsyncHpcClient(closed_port_url(), timeout=TIMEOUT, retry_backoff=0.001) as hpc:
        with pytest.raises(errors.HpcConnectionError):
            await hpc.jobs.get(1)


# -- resets ----------------------------------------------------------------------------------


def test_get_is_retried_after_resets_before_any_answer(
    hpc: HpcClient, proxy: fp.FaultProxy, direct: httpx.Client
) -> None:
    job_id = existing_job(direct, unique("reset-get"))
    proxy.inject(fp.DROP, fp.DROP)
    assert hpc.jobs.get(job_id).id == job_id
    assert [s.fault for s in proxy.requests("GET")] == [fp.DROP, fp.DROP, fp.PASS]


def test_get_reset_mid_body_is_typed_or_retried(
    hpc: HpcClient, proxy: fp.FaultProxy, direct: httpx.Client
) -> None:
    job_id = existing_job(direct, unique("reset-body"))
    proxy.inject(fp.RESET_MID_BODY)
    try:
        job = hpc.jobs.get(job_id)
    except errors.HpcConnectionError:
        assert len(proxy.requests("GET")) == 1
    else:
        assert job.id == job_id
        assert [s.fault for s in proxy.requests("GET")] == [fp.RESET_MID_BODY, fp.PASS]


def test_get_reset_every_time_gives_up_with_a_connection_error(
    hpc: HpcClient, proxy: fp.FaultProxy
) -> None:
    proxy.inject(*[fp.DROP] * 10)
    with pytest.raises(errors.HpcConnectionError):
        hpc.jobs.get(1)
    assert len(proxy.requests("GET")) == 4  # the first try and 3 retries


@pytest.mark.parametrize("fault", [fp.DROP, fp.RESET_MID_BODY])
def test_create_is_never_retried_after_a_reset(
    hpc: HpcClient, proxy: fp.FaultProxy, direct: httpx.Client, fault: str
) -> None:
    name = unique("reset-create")
    proxy.inject(fault)
    with pytest.raises(errors.HpcConnectionError):
        hpc.jobs.create(Job(name=name))
    assert len(proxy.requests("POST", "/Jobs")) == 1
    # DROP never reached the emulator; RESET_MID_BODY did, and created it exactly once
    assert len(jobs_named(direct, name)) == (1 if fault == fp.RESET_MID_BODY else 0)


# -- slow server -----------------------------------------------------------------------------


def test_slow_answer_past_the_timeout_is_a_timeout(
    hpc: HpcClient, proxy: fp.FaultProxy, direct: httpx.Client
) -> None:
    job_id = existing_job(direct, unique("slow-get"))
    proxy.inject(fp.slow(TIMEOUT * 4))
    with pytest.raises(errors.HpcTimeout):
        hpc.jobs.get(job_id)
    assert len(proxy.requests("GET")) == 1


def test_slow_create_times_out_and_is_not_sent_again(
    hpc: HpcClient, proxy: fp.FaultProxy, direct: httpx.Client
) -> None:
    name = unique("slow-create")
    proxy.inject(fp.slow(TIMEOUT * 4))
    with pytest.raises(errors.HpcTimeout):
        hpc.jobs.create(Job(name=name))
    assert len(proxy.requests("POST", "/Jobs")) == 1
    assert len(jobs_named(direct, name)) == 1


# -- 502/503 bursts --------------------------------------------------------------------------


def test_get_rides_out_a_burst_of_502_and_503(
    hpc: HpcClient, proxy: fp.FaultProxy, direct: httpx.Client
) -> None:
    job_id = existing_job(direct, unique("burst"))
    proxy.inject(fp.status(503), fp.status(502), fp.status(503, retry_after="0"))
    assert hpc.jobs.get(job_id).id == job_id
    assert len(proxy.requests("GET")) == 4


def test_a_burst_longer_than_the_retries_is_a_server_error(
    hpc: HpcClient, proxy: fp.FaultProxy
) -> None:
    proxy.inject(*[fp.status(503)] * 10)
    with pytest.raises(errors.ServerError) as info:
        hpc.jobs.get(1)
    assert info.value.status == 503
    assert len(proxy.requests("GET")) == 4


def test_set_properties_put_is_retried_through_a_503(
    hpc: HpcClient, proxy: fp.FaultProxy, direct: httpx.Client
) -> None:
    name = unique("put")
    job_id = existing_job(direct, name)
    proxy.inject(fp.status(503))
    hpc.jobs.set(job_id, Job(name=name + "-renamed"))
    assert len(proxy.requests("PUT")) == 2
    assert jobs_named(direct, name + "-renamed") == [job_id]


@pytest.mark.parametrize("code", [502, 503])
def test_create_answered_503_is_not_retried(
    hpc: HpcClient, proxy: fp.FaultProxy, direct: httpx.Client, code: int
) -> None:
    name = unique("busy-create")
    proxy.inject(fp.status(code))
    with pytest.raises(errors.ServerError) as info:
        hpc.jobs.create(Job(name=name))
    assert info.value.status == code
    assert len(proxy.requests("POST", "/Jobs")) == 1
    assert jobs_named(direct, name) == []


async def test_async_retries_get_and_never_create(
    proxy: fp.FaultProxy, direct: httpx.Client
) -> None:
    name = unique("async")
    job_id = existing_job(direct, name)
    async with AsyncHpcClient(proxy.url, timeout=TIMEOUT, retry_backoff=0.001) as hpc:
        proxy.inject(fp.status(503), fp.DROP)
        assert (await hpc.jobs.get(job_id)).id == job_id
        assert len(proxy.requests("GET")) == 3
        proxy.inject(fp.status(503))
        with pytest.raises(errors.ServerError):
            await hpc.jobs.create(Job(name=name + "-2"))
        assert len(proxy.requests("POST", "/Jobs")) == 1
    assert jobs_named(direct, name + "-2") == []


# -- many creates under random faults: never two jobs for one create -------------------------

CREATE_FAULTS = [
    fp.PASS,
    fp.DROP,
    fp.RESET_MID_BODY,
    fp.status(502),
    fp.status(503),
    fp.slow(TIMEOUT * 2),
]


def test_no_create_ever_makes_two_jobs(
    hpc: HpcClient, proxy: fp.FaultProxy, direct: httpx.Client
) -> None:
    rng = random.Random(6)
    outcomes: dict[str, int | None] = {}
    for i in range(24):
        name = unique(f"storm{i}")
        proxy.inject(rng.choice(CREATE_FAULTS))
        try:
            outcomes[name] = hpc.jobs.create(Job(name=name))
        except errors.HpcError:
            outcomes[name] = None
    assert len(proxy.requests("POST", "/Jobs")) == len(outcomes)  # one attempt per create
    assert any(v is None for v in outcomes.values())
    assert any(v is not None for v in outcomes.values())
    for name, job_id in outcomes.items():
        found = jobs_named(direct, name)
        assert len(found) <= 1, (name, found)
        if job_id is not None:
            assert found == [job_id]


# -- SOA response streams --------------------------------------------------------------------


def _session_with_batch(hpc: HpcClient, batch: str) -> object:
    session = hpc.sessions.create(SessionStartInfo(service_name="EchoService"))
    session.send(batch, [{"message": f"m{i}"} for i in range(20)], action="Echo")
    return session


STREAM_FAULTS = {
    fp.CUT_CHUNKED: errors.TruncatedStream,  # incomplete chunked body
    fp.REFRAME_BEFORE_END: errors.TruncatedStream,  # complete HTTP answer, no EndOfResponses
    fp.RESET_MID_BODY: errors.HpcConnectionError | errors.TruncatedStream,
    fp.slow(TIMEOUT * 4): errors.HpcTimeout,
}


@pytest.mark.parametrize("fault", list(STREAM_FAULTS))
def test_cut_soa_response_stream_is_a_typed_error(
    hpc: HpcClient, proxy: fp.FaultProxy, fault: str
) -> None:
    session = _session_with_batch(hpc, "cut")
    proxy.inject(fault)
    got = []
    with pytest.raises(errors.HpcError) as info:
        for reply in session.responses("cut"):  # type: ignore[attr-defined]
            got.append(reply)
    assert isinstance(info.value, STREAM_FAULTS[fault]), repr(info.value)
    if fault == fp.REFRAME_BEFORE_END:  # a well-formed but short answer: every reply, no end
        assert sorted(r.value or "" for r in got) == sorted(f"m{i}" for i in range(20))
    # Get Responses marks replies as returned: never re-sent behind the caller's back
    assert [s.fault for s in proxy.requests("POST", "/Response")] == [fault]
    session.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("fault", list(STREAM_FAULTS))
async def test_cut_soa_response_stream_is_a_typed_error_async(
    proxy: fp.FaultProxy, fault: str
) -> None:
    async with AsyncHpcClient(proxy.url, timeout=TIMEOUT, retry_backoff=0.001) as hpc:
        session = await hpc.sessions.create(SessionStartInfo(service_name="EchoService"))
        await session.send("cut", [{"message": "x"}] * 5, action="Echo")
        proxy.inject(fault)
        with pytest.raises(errors.HpcError) as info:
            async for _ in session.responses("cut"):
                pass
        assert isinstance(info.value, STREAM_FAULTS[fault]), repr(info.value)
        assert len(proxy.requests("POST", "/Response")) == 1
        await session.close()


def test_send_requests_is_not_retried_on_503(hpc: HpcClient, proxy: fp.FaultProxy) -> None:
    session = hpc.sessions.create(SessionStartInfo(service_name="EchoService"))
    proxy.inject(fp.status(503))
    with pytest.raises(errors.ServerError):
        session.send("once", [{"message": "x"}], action="Echo")
    assert len(proxy.requests("POST", "/batch/once")) == 1


# -- paging through faults: a continuation page is never retried blindly ---------------------


@pytest.fixture
def fresh_proxy(fresh_hpc_emulator: RunningEmulator) -> Iterator[tuple[fp.FaultProxy, list[int]]]:
    """A proxy in front of a new emulator holding exactly 7 jobs (their ids, ascending)."""
    url = httpx.URL(fresh_hpc_emulator.url)
    assert url.host and url.port
    headers = {"api-version": "2012-11-01.4.0", "Accept": "application/xml"}
    with httpx.Client(base_url=fresh_hpc_emulator.base_url, headers=headers) as direct:
        ids = [existing_job(direct, f"page-{i}") for i in range(7)]
    p = fp.FaultProxy((url.host, url.port)).start()
    yield p, ids
    p.stop()


def _query_ids(proxy: fp.FaultProxy) -> list[str | None]:
    return [httpx.URL(s.path).params.get("QueryId") for s in proxy.requests("GET", "/Jobs")]


@pytest.mark.parametrize(
    "fault",
    [fp.status(503), fp.status(502), fp.status(404), fp.DROP, fp.RESET_MID_BODY, fp.slow(2)],
)
def test_a_failed_continuation_page_restarts_the_listing_without_duplicates(
    fresh_proxy: tuple[fp.FaultProxy, list[int]], fault: str
) -> None:
    proxy, ids = fresh_proxy
    proxy.inject(fp.PASS, fault)  # the first page passes, the second (a continuation) fails
    with HpcClient(proxy.url, timeout=TIMEOUT, retry_backoff=0.001) as hpc:
        listed = [job.id for job in hpc.jobs.list(rows_per_read=2, properties="Id,Name")]
    assert listed == ids  # every job once, in order
    tokens = _query_ids(proxy)
    assert tokens[1] is not None  # the faulted request was a continuation page...
    assert tokens[2] is None  # ...and the next request started over, not a blind retry
    assert len(tokens) == 2 + 4  # the faulted page, then a full pass of 4 pages


def test_continuation_pages_failing_every_time_end_in_a_typed_error(
    fresh_proxy: tuple[fp.FaultProxy, list[int]],
) -> None:
    proxy, ids = fresh_proxy
    proxy.inject(*[fp.PASS, fp.status(503)] * 10)
    listed: list[int] = []
    with (
        HpcClient(proxy.url, timeout=TIMEOUT, retry_backoff=0.001) as hpc,
        pytest.raises(errors.ServerError),
    ):
        for job in hpc.jobs.list(rows_per_read=2, properties="Id,Name"):
            listed.append(job.id)
    assert listed == ids[:2]  # yielded once, never repeated by the restarts
    assert len(proxy.requests("GET", "/Jobs")) < 20


@pytest.mark.parametrize(
    ("fault", "error", "created"),
    [
        (fp.DROP, errors.HpcConnectionError, 0),
        (fp.RESET_MID_BODY, errors.HpcConnectionError, 1),
        (fp.slow(TIMEOUT * 4), errors.HpcTimeout, 1),
        (fp.status(502), errors.ServerError, 0),
    ],
)
async def test_async_create_fails_typed_and_is_sent_once(
    proxy: fp.FaultProxy, direct: httpx.Client, fault: str, error: type, created: int
) -> None:
    name = unique("async-create")
    async with AsyncHpcClient(proxy.url, timeout=TIMEOUT, retry_backoff=0.001) as hpc:
        proxy.inject(fault)
        with pytest.raises(error):
            await hpc.jobs.create(Job(name=name))
    assert len(proxy.requests("POST", "/Jobs")) == 1
    assert len(jobs_named(direct, name)) == created


async def test_async_slow_get_is_a_timeout(proxy: fp.FaultProxy, direct: httpx.Client) -> None:
    job_id = existing_job(direct, unique("async-slow"))
    async with AsyncHpcClient(proxy.url, timeout=TIMEOUT, retry_backoff=0.001) as hpc:
        proxy.inject(fp.slow(TIMEOUT * 4))
        with pytest.raises(errors.HpcTimeout):
            await hpc.jobs.get(job_id)
        proxy.inject(fp.DROP, fp.status(503))
        assert (await hpc.jobs.get(job_id)).id == job_id
    assert [s.fault for s in proxy.requests("GET")][1:] == [fp.DROP, fp.status(503), fp.PASS]


def test_json_format_client_retries_get_and_never_create(
    proxy: fp.FaultProxy, direct: httpx.Client
) -> None:
    name = unique("json")
    job_id = existing_job(direct, name)
    with HpcClient(proxy.url, format="json", timeout=TIMEOUT, retry_backoff=0.001) as hpc:
        proxy.inject(fp.DROP, fp.status(503))
        assert hpc.jobs.get(job_id).name == name
        proxy.inject(fp.RESET_MID_BODY)
        with pytest.raises(errors.HpcConnectionError):
            hpc.jobs.create(Job(name=name + "-2"))
    assert len(proxy.requests("GET")) == 3
    assert len(proxy.requests("POST", "/Jobs")) == 1
    assert len(jobs_named(direct, name + "-2")) == 1


def test_waiting_for_a_job_rides_out_faults_between_polls(
    hpc_emulator: RunningEmulator, proxy: fp.FaultProxy
) -> None:
    with HpcClient(hpc_emulator.base_url) as setup:
        job_id = setup.jobs.create(Job(name=unique("wait")))
        setup.jobs.add_task(job_id, Task(command_line="echo waited"))
        setup.jobs.submit(job_id)
    proxy.inject(fp.status(503), fp.DROP, fp.PASS, fp.status(502), fp.RESET_MID_BODY)
    with HpcClient(proxy.url, timeout=TIMEOUT, retry_backoff=0.001) as hpc:
        try:
            job = hpc.jobs.wait(job_id, poll_interval=0.05, timeout=30)
        except errors.HpcConnectionError:  # a reset mid-body of a poll may surface, typed
            assert any(s.fault == fp.RESET_MID_BODY for s in proxy.seen)
            job = hpc.jobs.wait(job_id, poll_interval=0.05, timeout=30)
    assert job.state == JobState.FINISHED
    assert {s.method for s in proxy.seen} == {"GET"}  # waiting only reads
