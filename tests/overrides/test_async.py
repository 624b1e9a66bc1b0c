"""The async client has the sync surface and the same behaviour on the same wire."""

from __future__ import annotations

import inspect

import httpx
import pytest
from hpcpack import (
    AsyncHpcClient,
    HostileXml,
    HpcClient,
    NotFound,
    ResponseTooLarge,
    TruncatedStream,
    aresources,
    resources,
    soa,
)

from .conftest import Wire, make_async_client, props_xml, scalar_xml, xml
from .test_faults import fault_xml
from .test_hostile import BILLION_LAUGHS, SESSION

pytestmark = pytest.mark.timeout(60)


def public(cls: type) -> set[str]:
    return {n for n, v in vars(cls).items() if not n.startswith("_") and callable(v)}


@pytest.mark.parametrize(
    ("sync_cls", "async_cls"),
    [
        (resources.Jobs, aresources.AsyncJobs),
        (resources.Tasks, aresources.AsyncTasks),
        (resources.Subtasks, aresources.AsyncSubtasks),
        (resources.Nodes, aresources.AsyncNodes),
        (resources.Cluster, aresources.AsyncCluster),
        (soa.Session, soa.AsyncSession),
        (soa.Sessions, soa.AsyncSessions),
        (HpcClient, AsyncHpcClient),
    ],
)
def test_same_surface(sync_cls: type, async_cls: type) -> None:
    renamed = {"close": "aclose", "__enter__": "__aenter__", "__exit__": "__aexit__"}
    expected = {renamed.get(n, n) for n in public(sync_cls)}
    assert expected <= public(async_cls) | {"aclose"}
    for name in public(sync_cls):
        sync_params = list(inspect.signature(getattr(sync_cls, name)).parameters)
        async_params = list(
            inspect.signature(getattr(async_cls, renamed.get(name, name))).parameters
        )
        assert sync_params == async_params, name


async def test_async_faults_and_values(wire: Wire) -> None:
    wire.answer(
        httpx.Response(
            404,
            content=fault_xml(267386880, "Job {0} not found", {"id": "9"}),
            headers={"Content-Type": "application/xml"},
        )
    )
    async with make_async_client(wire) as hpc:
        with pytest.raises(NotFound) as info:
            await hpc.jobs.get(9)
    assert info.value.message == "Job 9 not found"


async def test_async_hostile_and_oversized(wire: Wire) -> None:
    async with make_async_client(wire, max_body=1024 * 1024) as hpc:
        wire.answer(xml(BILLION_LAUGHS))
        with pytest.raises(HostileXml):
            await hpc.jobs.get(1)

        class AsyncEndless(httpx.AsyncByteStream):
            async def __aiter__(self):  # type: ignore[no-untyped-def]
                while True:
                    yield b"A" * 65536

        wire.answer(
            httpx.Response(200, headers={"Content-Type": "application/xml"}, stream=AsyncEndless())
        )
        with pytest.raises(ResponseTooLarge):
            await hpc.jobs.get(1)


async def test_async_soa_stream_truncated(wire: Wire) -> None:
    async with make_async_client(wire) as hpc:
        wire.answer(xml(SESSION, 201))
        session = await hpc.sessions.create("EchoService")
        wire.answer(
            httpx.Response(
                200, headers={"Content-Type": "application/octet-stream"}, content=b"<A>"
            )
        )
        with pytest.raises(TruncatedStream):
            async for _ in session.responses("b"):
                pass


async def test_async_per_call_api_version_and_scalars(wire: Wire) -> None:
    async with make_async_client(wire) as hpc:
        wire.answer(xml(scalar_xml("string", "5.3")))
        assert await hpc.with_api_version("2011-11-01").cluster.version() == "5.3"
        assert wire.last.headers["api-version"] == "2011-11-01"
        wire.answer(xml(props_xml([("Id", "2"), ("State", "Queued")])))
        assert (await hpc.jobs.get(2)).id == 2
        assert wire.last.headers["api-version"] == "2012-11-01.4.0"
