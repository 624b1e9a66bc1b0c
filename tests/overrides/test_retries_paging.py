"""Retries (idempotent only) and the continuation protocol of the list operations, sync and async."""

from __future__ import annotations

import httpx
import pytest
from hpcpack import (
    HpcClient,
    HpcConnectionError,
    HpcTimeout,
    JobState,
    NotFound,
    ServerError,
    paging,
)

from .conftest import Wire, make_async_client, make_client, objects_xml, props_xml, scalar_xml, xml

pytestmark = pytest.mark.timeout(60)


def unavailable(status: int = 503, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=b"", headers=headers)


def test_get_is_retried_on_503_then_succeeds(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(unavailable(503), unavailable(504), xml(props_xml([("Id", "1")])))
    assert hpc.jobs.get(1).id == 1
    assert [r.method for r in wire.requests] == ["GET"] * 3


def test_put_of_properties_is_retried_on_502(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(unavailable(502), httpx.Response(200))
    hpc.jobs.set(1, name="x")
    assert [r.method for r in wire.requests] == ["PUT", "PUT"]
    assert wire.requests[0].content == wire.requests[1].content


@pytest.mark.parametrize(
    "call",
    [
        lambda h: h.jobs.create(name="x"),
        lambda h: h.jobs.submit(1),
        lambda h: h.jobs.add_task(1, command_line="x"),
        lambda h: h.jobs.cancel(1),
        lambda h: h.jobs.set_env_variables(1, {"A": "1"}),
    ],
)
def test_post_is_never_retried_on_503(wire: Wire, hpc: HpcClient, call) -> None:  # type: ignore[no-untyped-def]
    wire.answer(unavailable(503), xml(scalar_xml("int", "1")))
    with pytest.raises(ServerError) as info:
        call(hpc)
    assert info.value.status == 503
    assert len(wire.requests) == 1


def test_post_is_never_retried_on_connection_error(wire: Wire, hpc: HpcClient) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError("peer closed connection", request=request)

    wire.handler = handler
    with pytest.raises(HpcConnectionError):
        hpc.jobs.create(name="x")
    assert len(wire.requests) == 1


def test_get_is_retried_on_connection_error(wire: Wire, hpc: HpcClient) -> None:
    calls = iter([True, True, False])

    def handler(request: httpx.Request) -> httpx.Response:
        if next(calls):
            raise httpx.ConnectError("refused", request=request)
        return xml(scalar_xml("string", "5.3"))

    wire.handler = handler
    assert hpc.cluster.version() == "5.3"
    assert len(wire.requests) == 3


def test_retries_give_up_with_the_last_fault(wire: Wire) -> None:
    wire.answer(unavailable(503))
    with make_client(wire, retries=2) as hpc, pytest.raises(ServerError):
        hpc.jobs.get(1)
    assert len(wire.requests) == 3


def test_retry_after_is_honoured_and_capped(wire: Wire) -> None:
    slept: list[float] = []
    wire.answer(
        unavailable(503, **{"Retry-After": "2"}),
        unavailable(503, **{"Retry-After": "99999"}),
        xml(scalar_xml("string", "v")),
    )
    # the call's deadline (its timeout) must leave room for the capped 30 s wait
    with make_client(wire, timeout=60.0) as hpc:
        hpc.transport.sleep = slept.append
        assert hpc.cluster.version() == "v"
    assert slept == [2.0, 30.0]


def test_timeout_is_typed_and_not_retried_for_post(wire: Wire, hpc: HpcClient) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    wire.handler = handler
    with pytest.raises(HpcTimeout):
        hpc.jobs.create()
    assert len(wire.requests) == 1


async def test_async_retries_get_not_post(wire: Wire) -> None:
    async with make_async_client(wire) as hpc:
        wire.answer(unavailable(503), xml(props_xml([("Id", "4")])))
        assert (await hpc.jobs.get(4)).id == 4
        assert len(wire.requests) == 2
        wire.requests.clear()
        wire.answer(unavailable(503), xml(scalar_xml("int", "1")))
        with pytest.raises(ServerError):
            await hpc.jobs.create(name="x")
        assert len(wire.requests) == 1


# -- paging --------------------------------------------------------------------------------------


class JobServer:
    """Get Job List with a server-side cursor per QueryId, like the real service."""

    def __init__(
        self, count: int, *, forget_at: set[int] | None = None, fail_at: set[int] | None = None
    ) -> None:
        self.ids = list(range(1, count + 1))
        self.cursors: dict[str, int] = {}
        self.pages = 0
        self.forget_at = forget_at or set()  # page numbers (1-based) answered 404
        self.fail_at = fail_at or set()  # page numbers that drop the connection
        self.next_token = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.pages += 1
        rows = int(request.url.params.get("RowsPerRead", "10"))
        token = request.url.params.get("QueryId")
        if self.pages in self.fail_at:
            if token:
                self.cursors[token] += rows  # the server moved on; the client never saw it
            raise httpx.ReadError("connection reset", request=request)
        if self.pages in self.forget_at:
            self.cursors.clear()
        if token is None:
            position = 0
        elif token in self.cursors:
            position = self.cursors.pop(token)
        else:
            return httpx.Response(404, content=b"")
        chunk = self.ids[position : position + rows]
        headers = {}
        if position + rows < len(self.ids):
            self.next_token += 1
            new = f"q{self.next_token}"
            self.cursors[new] = position + rows
            headers["x-ms-continuation-QueryId"] = new
        return xml(objects_xml([[("Id", str(i)), ("State", "Finished")] for i in chunk]), **headers)


def test_paging_follows_the_continuation_lazily(wire: Wire, hpc: HpcClient) -> None:
    server = JobServer(25)
    wire.handler = server
    jobs = hpc.jobs.list(rows_per_read=10)
    first = next(iter(jobs))
    assert first.id == 1 and server.pages == 1  # lazy: one page fetched so far
    rest = list(jobs)
    assert [j.id for j in [first, *rest]] == list(range(1, 26))
    assert server.pages == 3
    assert [r.url.params.get("QueryId") for r in wire.requests] == [None, "q1", "q2"]
    assert all(j.state is JobState.FINISHED for j in rest)


def test_forgotten_query_restarts_without_duplicates(wire: Wire, hpc: HpcClient) -> None:
    server = JobServer(35, forget_at={3})
    wire.handler = server
    ids = [j.id for j in hpc.jobs.list(rows_per_read=10)]
    assert ids == list(range(1, 36))
    # pages: 1 ok, 2 ok, 3 -> 404, restart: 1, 2, 3 (skipped rows), 4
    assert [r.url.params.get("QueryId") for r in wire.requests][:4] == [None, "q1", "q2", None]


def test_dropped_continuation_page_is_not_retried_but_restarted(wire: Wire, hpc: HpcClient) -> None:
    server = JobServer(30, fail_at={2})
    wire.handler = server
    ids = [j.id for j in hpc.jobs.list(rows_per_read=10)]
    assert ids == list(range(1, 31))  # a blind retry of page 2 would have skipped 11..20
    assert [r.url.params.get("QueryId") for r in wire.requests][:3] == [None, "q1", None]


def test_restarts_are_bounded(wire: Wire, hpc: HpcClient) -> None:
    server = JobServer(30, forget_at=set(range(2, 100)))
    wire.handler = server
    got = []
    with pytest.raises(NotFound):
        for job in hpc.jobs.list(rows_per_read=10):
            got.append(job.id)
    assert got == list(range(1, 11))  # each row at most once
    assert len(wire.requests) == 2 + 2 * paging.MAX_RESTARTS


def test_custom_sort_order_skips_by_key_set(wire: Wire, hpc: HpcClient) -> None:
    server = JobServer(25, forget_at={2})
    server.ids.reverse()  # a sort order the watermark could not follow
    wire.handler = server
    ids = [j.id for j in hpc.jobs.list(rows_per_read=10, sort_by="Name")]
    assert ids == list(range(25, 0, -1))
    assert wire.requests[0].url.params["SortJobsBy"] == "Name"


def test_task_and_node_lists_page_too(wire: Wire, hpc: HpcClient) -> None:
    task_rows = [[("TaskId", f"3.{i}"), ("State", "Queued")] for i in (1, 2)]
    wire.answer(
        xml(objects_xml(task_rows[:1]), **{"x-ms-continuation-QueryId": "t"}),
        xml(objects_xml(task_rows[1:])),
    )
    assert [t.task_id for t in hpc.tasks.list(3, properties=["State"])] == ["3.1", "3.2"]
    assert wire.requests[0].url.params["Properties"] == "TaskId,State"
    assert wire.requests[1].url.params["QueryId"] == "t"
    node_rows = [[("Id", "1"), ("Name", "N1")], [("Id", "2"), ("Name", "N2")]]
    wire.answer(
        xml(objects_xml(node_rows[:1]), **{"X-MS-Continuation-QueryId": "n"}),
        xml(objects_xml(node_rows[1:])),
    )
    assert [n.name for n in hpc.nodes.list()] == ["N1", "N2"]


async def test_async_paging_with_restart(wire: Wire) -> None:
    server = JobServer(35, forget_at={2}, fail_at={4})
    wire.handler = server
    async with make_async_client(wire) as hpc:
        ids = [j.id async for j in hpc.jobs.list(rows_per_read=10)]
    assert ids == list(range(1, 36))
