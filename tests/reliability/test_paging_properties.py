"""Property tests of the paging iterator against a model server with failing pages.

The model server (an `httpx.MockTransport`) holds N jobs, pages them RowsPerRead at a time
behind `x-ms-continuation-QueryId` cursors, and fails requests as a drawn plan says: the cursor
forgotten (404), the server busy (503), or the connection reset. Whatever the plan:

* `hpc.jobs.list()` yields job ids strictly ascending (never a row twice);
* it either yields every job, or raises a typed `HpcError`, never anything else;
* a continuation page is never re-sent with the same cursor after it failed (the server may
  have moved the cursor: a blind retry could skip rows).
"""

from __future__ import annotations

import itertools

import httpx
import pytest
from hpcpack import AsyncHpcClient, HpcClient, errors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.timeout(120)

OK, FORGOTTEN, BUSY, RESET = "ok", "forgotten", "busy", "reset"
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class ModelServer:
    def __init__(self, ids: list[int], plan: list[str]) -> None:
        self.ids = ids
        self.plan = iter(plan)
        self.cursors: dict[str, int] = {}
        self.counter = itertools.count(1)
        self.log: list[tuple[str | None, str]] = []  # (QueryId sent, outcome)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        token = request.url.params.get("QueryId")
        rows = int(request.url.params.get("RowsPerRead", "10"))
        outcome = next(self.plan, OK)
        self.log.append((token, outcome))
        if outcome == RESET:
            raise httpx.ReadError("connection reset by peer", request=request)
        if outcome == BUSY:
            return httpx.Response(503)
        if token is not None and (outcome == FORGOTTEN or token not in self.cursors):
            return httpx.Response(
                404, json={"Code": 267386880, "Message": "query not found", "Values": None}
            )
        start = 0 if token is None else self.cursors.pop(token)
        page = self.ids[start : start + rows]
        headers = {}
        if start + rows < len(self.ids):
            new = f"q{next(self.counter)}"
            self.cursors[new] = start + rows
            headers["x-ms-continuation-QueryId"] = new
        body = [{"Properties": [{"Name": "Id", "Value": str(i)}]} for i in page]
        return httpx.Response(200, json=body, headers=headers)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[int], int, list[str]]:
    ids = sorted(draw(st.sets(st.integers(1, 10_000), max_size=40)))
    rows = draw(st.integers(1, 12))
    plan = draw(
        st.lists(
            st.sampled_from([OK, OK, OK, FORGOTTEN, BUSY, RESET]), max_size=2 * len(ids) // rows + 4
        )
    )
    return ids, rows, plan


def check(server: ModelServer, ids: list[int], got: list[int], error: Exception | None) -> None:
    assert got == sorted(set(got)), "rows out of order or repeated"
    assert set(got) <= set(ids)
    if error is None:
        assert got == ids, "the iteration ended without the last page"
    else:
        assert isinstance(error, errors.HpcError)
    for (token, outcome), (next_token, _) in itertools.pairwise(server.log):
        if token is not None and outcome != OK:
            assert next_token != token, f"continuation {token} re-sent after {outcome}"


def _client(server: ModelServer) -> HpcClient:
    return HpcClient(
        "http://head.example", transport=httpx.MockTransport(server), retry_backoff=0.0001
    )


@SETTINGS
@given(scenario=scenarios())
def test_paging_yields_each_row_once_and_all_or_raises_typed(
    scenario: tuple[list[int], int, list[str]],
) -> None:
    ids, rows, plan = scenario
    server = ModelServer(ids, plan)
    got: list[int] = []
    error: Exception | None = None
    with _client(server) as hpc:
        try:
            for job in hpc.jobs.list(rows_per_read=rows):
                got.append(job.id)
        except errors.HpcError as exc:
            error = exc
    check(server, ids, got, error)


@SETTINGS
@given(scenario=scenarios())
async def test_async_paging_yields_each_row_once_and_all_or_raises_typed(
    scenario: tuple[list[int], int, list[str]],
) -> None:
    ids, rows, plan = scenario
    server = ModelServer(ids, plan)
    got: list[int] = []
    error: Exception | None = None
    async with AsyncHpcClient(
        "http://head.example", transport=httpx.MockTransport(server), retry_backoff=0.0001
    ) as hpc:
        try:
            async for job in hpc.jobs.list(rows_per_read=rows):
                got.append(job.id)
        except errors.HpcError as exc:
            error = exc
    check(server, ids, got, error)


def test_the_model_server_exercises_both_outcomes() -> None:
    """Guards the properties above against a plan that never fails or always fails."""
    ids = list(range(1, 31))
    clean = ModelServer(ids, [])
    with _client(clean) as hpc:
        assert [j.id for j in hpc.jobs.list(rows_per_read=7)] == ids
    hostile = ModelServer(ids, [OK] + [FORGOTTEN, OK] * 20)
    with _client(hostile) as hpc, pytest.raises(errors.NotFound):
        list(hpc.jobs.list(rows_per_read=7))
