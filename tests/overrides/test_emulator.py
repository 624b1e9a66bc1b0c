"""`hpcpack` against the real emulator over loopback HTTP: the life cycles users run."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator, Mapping

import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import (
    ApiVersionIncorrect,
    AsyncHpcClient,
    HpcClient,
    Job,
    JobState,
    NotFound,
    SessionStartInfo,
    Task,
    TaskState,
    TaskType,
)

pytestmark = pytest.mark.timeout(90)


@pytest.fixture
def hpc(hpc_emulator: RunningEmulator) -> Iterator[HpcClient]:
    with HpcClient(hpc_emulator.url, allow_insecure_basic=True) as client:
        yield client


def test_job_life_cycle(hpc: HpcClient) -> None:
    job_id = hpc.jobs.create(Job(name="life", min_cores=1, max_cores=2))
    hpc.jobs.set_custom_properties(job_id, {"Purpose": "test & check"})
    hpc.jobs.set_env_variables(job_id, {"GREETING": "hello"})
    first = hpc.jobs.add_task(job_id, Task(name="say", command_line="echo %GREETING% world"))
    second = hpc.jobs.add_task(job_id, command_line="echo second")
    assert (first, second) == (1, 2)
    assert hpc.jobs.get(job_id).state is JobState.CONFIGURING
    hpc.jobs.submit(job_id)
    seen: list[tuple[JobState, dict[TaskState, int]]] = []

    def progress(job: Job, counts: Mapping[TaskState, int]) -> None:
        seen.append((job.state, dict(counts)))  # type: ignore[arg-type]

    job = hpc.jobs.wait(job_id, poll_interval=0.05, timeout=60, progress=progress)
    assert job.state is JobState.FINISHED
    assert job.name == "life"
    assert seen[-1] == (JobState.FINISHED, {TaskState.FINISHED: 2})
    output = hpc.tasks.output(job_id, first)
    assert output is not None and "world" in output
    assert hpc.tasks.get(job_id, second).exit_code == 0
    assert hpc.jobs.custom_properties(job_id, ["Purpose"]) == {"Purpose": "test & check"}
    assert hpc.jobs.env_variables(job_id)["GREETING"] == "hello"


async def test_async_job_life_cycle(hpc_emulator: RunningEmulator) -> None:
    async with AsyncHpcClient(hpc_emulator.url, allow_insecure_basic=True) as hpc:
        job_id = await hpc.jobs.create(name="async life")
        await hpc.jobs.add_task(job_id, Task(command_line="echo async"))
        await hpc.jobs.submit(job_id)
        calls = []
        job = await hpc.jobs.wait(
            job_id, poll_interval=0.05, timeout=60, progress=lambda j, c: calls.append(j.state)
        )
        assert job.state is JobState.FINISHED
        assert calls and calls[-1] is JobState.FINISHED
        tasks = [t async for t in hpc.tasks.list(job_id, properties=["State", "Output"])]
        assert [(t.task_id, t.state) for t in tasks] == [(f"{job_id}.1", TaskState.FINISHED)]
        assert (tasks[0].output or "").strip() == "async"


def test_paging_over_more_rows_than_a_page(hpc: HpcClient) -> None:
    job_id = hpc.jobs.create(name="sweep")
    hpc.jobs.add_task(
        job_id,
        Task(command_line="echo *", type_=TaskType.PARAMETRICSWEEP, start_value=1, end_value=23),
    )
    hpc.jobs.submit(job_id)
    hpc.jobs.wait(job_id, poll_interval=0.05, timeout=60)
    tasks = list(hpc.tasks.list(job_id, rows_per_read=10))
    assert [t.task_id for t in tasks] == [f"{job_id}.1.{i}" for i in range(1, 24)]
    assert {t.state for t in tasks} == {TaskState.FINISHED}
    # the job list pages too (other tests add jobs: at least this one must be there, once)
    ids = [j.id for j in hpc.jobs.list(rows_per_read=2)]
    assert ids.count(job_id) == 1 and ids == sorted(ids)


async def test_async_paging(hpc_emulator: RunningEmulator) -> None:
    async with AsyncHpcClient(hpc_emulator.url, allow_insecure_basic=True) as hpc:
        names = [n.name async for n in hpc.nodes.list(rows_per_read=3)]
    assert len(names) == 4 and len(set(names)) == 4


def test_soa_session_round_trip(hpc: HpcClient) -> None:
    messages = [f"message {i} <&>" for i in range(25)]
    with hpc.sessions.create(SessionStartInfo(service_name="EchoService")) as session:
        assert session.id > 0
        replies = list(session.call_many("Echo", [{"message": m} for m in messages]))
        assert sorted(str(r) for r in replies) == sorted(messages)
        assert all(
            r.user_data is not None and messages[int(r.user_data)] == str(r) for r in replies
        )
        # attach to the same session from a second client object
        assert hpc.sessions.attach(session.id).id == session.id
    with pytest.raises(NotFound):
        hpc.sessions.attach(session.id)


def test_soa_generic_session_and_batch_in_two_steps(hpc: HpcClient) -> None:
    with hpc.sessions.create("EchoService", generic=True) as session:
        session.send("two-steps", ["a", "b"], action="x", commit=False)
        session.send("two-steps", ["c"], action="x", commit=False)
        session.commit("two-steps")
        replies = list(session.responses("two-steps"))
        assert sorted(str(r) for r in replies) == ["a", "b", "c"]


async def test_async_soa_session(hpc_emulator: RunningEmulator) -> None:
    async with (
        AsyncHpcClient(hpc_emulator.url, allow_insecure_basic=True) as hpc,
        await hpc.sessions.create("EchoService") as session,
    ):
        replies = [r async for r in session.call_many("Echo", [{"message": "hi"}] * 5)]
        assert [str(r) for r in replies] == ["hi"] * 5


async def test_async_batches_of_one_session_run_concurrently(
    hpc_emulator: RunningEmulator,
) -> None:
    """Eight batches of one session driven at once: every reply comes back in its own batch,
    complete and in order (nothing crosses between the concurrent streams)."""
    async with (
        AsyncHpcClient(hpc_emulator.url, allow_insecure_basic=True) as hpc,
        await hpc.sessions.create("EchoService") as session,
    ):

        async def drive(batch: int) -> list[str]:
            payloads = [{"message": f"{batch}-{i}"} for i in range(150)]
            calls = session.call_many("Echo", payloads, batch=f"c{batch}")
            return [f"{r.user_data}:{r}" async for r in calls]

        results = await asyncio.gather(*(drive(b) for b in range(8)))
        for batch, replies in enumerate(results):
            assert replies == [f"{i}:{batch}-{i}" for i in range(150)]


async def test_async_concurrent_creates_make_distinct_jobs(hpc_emulator: RunningEmulator) -> None:
    """Twenty creates at once on one client: twenty jobs, distinct ids, each with its name."""
    async with AsyncHpcClient(hpc_emulator.url, allow_insecure_basic=True) as hpc:
        names = [f"concurrent-{uuid.uuid4().hex[:8]}-{i}" for i in range(20)]
        ids = await asyncio.gather(*(hpc.jobs.create(name=n) for n in names))
        assert len(set(ids)) == 20
        jobs = await asyncio.gather(*(hpc.jobs.get(i) for i in ids))
        assert [j.name for j in jobs] == names


def test_uri_form_with_cluster_segment(hpc_emulator: RunningEmulator) -> None:
    with HpcClient(hpc_emulator.url, cluster=hpc_emulator.cluster_name) as hpc:
        clusters = hpc.cluster.clusters()
        assert [c.name for c in clusters] == [hpc_emulator.cluster_name]
        job_id = hpc.jobs.create(name="with cluster")
        assert hpc.jobs.get(job_id).name == "with cluster"
        assert (
            str(hpc.http.base_url).rstrip("/").endswith(f"/WindowsHpc/{hpc_emulator.cluster_name}")
        )


def test_json_format(hpc_emulator: RunningEmulator) -> None:
    with HpcClient(hpc_emulator.url, format="json") as hpc:
        job_id = hpc.jobs.create(Job(name="json job", is_exclusive=True))
        job = hpc.jobs.get(job_id)
        assert (job.name, job.is_exclusive, job.state) == ("json job", True, JobState.CONFIGURING)
        assert [g.name for g in hpc.nodes.groups()][:1] == ["ComputeNodes"]
        with hpc.sessions.create("EchoService") as session:
            assert [str(r) for r in session.call_many("Echo", [{"message": "j"}])] == ["j"]


def test_fault_mapping(hpc: HpcClient) -> None:
    with pytest.raises(NotFound) as info:
        hpc.jobs.get(987654)
    assert info.value.status == 404 and info.value.code == 267386880
    with pytest.raises(ApiVersionIncorrect) as bad:
        hpc.with_api_version("1999-01-01").nodes.groups()
    assert bad.value.status == 400 and bad.value.code == 50331700
    with pytest.raises(ApiVersionIncorrect):
        hpc.with_api_version(None).nodes.groups()  # SP3+ operation: api-version required
    with pytest.raises(NotFound) as sp2:
        hpc.with_api_version(None).jobs.get(987654)  # SP2 operation: the <string> fault
    assert sp2.value.code is None and "987654" in sp2.value.message


def test_tls_verified_by_default_and_with_a_ca_bundle(caplog: pytest.LogCaptureFixture) -> None:
    from hpc_emulator.testing import run_emulator
    from hpcpack import HpcTLSError

    with run_emulator(tls=True, users={"alice": "pw"}) as emulator:
        assert emulator.url.startswith("https://") and emulator.cert_file is not None
        with (
            HpcClient(emulator.url, username="alice", password="pw") as hpc,
            pytest.raises(HpcTLSError),
        ):
            hpc.cluster.version()
        assert "retrying" not in caplog.text  # an untrusted certificate is not transient
        with HpcClient(
            emulator.url, username="alice", password="pw", ca_bundle=str(emulator.cert_file)
        ) as hpc:
            assert hpc.cluster.version()
            assert hpc.jobs.get(hpc.jobs.create(name="over tls")).owner == "EMULATOR\\alice"


def test_job_xml_round_trip_and_raw_generated_calls(hpc: HpcClient) -> None:
    from hpc_client.api.cluster import get_version

    job_id = hpc.jobs.create(Job(name="xml source"), tasks=[Task(command_line="echo from xml")])
    document = hpc.jobs.get_xml(job_id)
    assert document.lstrip().startswith("<") and "echo from xml" in document
    copy_id = hpc.jobs.create_from_xml(document)
    assert copy_id != job_id
    assert hpc.jobs.get(copy_id).name == "xml source"
    assert [t.command_line for t in hpc.tasks.list(copy_id, properties=["CommandLine"])] == [
        "echo from xml"
    ]
    # hpc.raw is the configured generated client: typed faults, per-call api-version
    assert get_version.sync(client=hpc.raw, api_version="2011-11-01")  # type: ignore[arg-type]
    with pytest.raises(ApiVersionIncorrect):
        get_version.sync(client=hpc.raw, api_version="1.0")  # type: ignore[arg-type]


def test_filters_against_the_emulator(hpc: HpcClient) -> None:
    import datetime

    before = datetime.datetime.now() - datetime.timedelta(hours=1)
    job_id = hpc.jobs.create(name="filtered")
    configuring = {j.id for j in hpc.jobs.list(state=JobState.CONFIGURING, changed_since=before)}
    assert job_id in configuring
    future = datetime.datetime.now() + datetime.timedelta(days=1)
    assert job_id not in {j.id for j in hpc.jobs.list(changed_since=future)}
    assert job_id not in {j.id for j in hpc.jobs.list(state=JobState.FINISHED)}
