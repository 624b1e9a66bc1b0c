"""Paging ends on a server whose cursor does not advance (FOUND.md, client hardening #1).

A loopback HTTP server answers Get Job List by script; it gives up after `CAP` requests (a
last page without a continuation token) so the old, unbounded iterator ends too and the tests
fail on it instead of hanging. Assertions count requests and rows, never time.
"""

from __future__ import annotations

import asyncio

import pytest
from hpcpack import (
    AsyncHpcClient,
    HpcClient,
    PagingLimitExceeded,
    PagingLimits,
    PagingStalled,
)

from .loopback import XML, Answer, page, script

pytestmark = pytest.mark.timeout(60)

STALLED = PagingLimits().max_stalled_pages


def listed(url: str, **options: object) -> tuple[list[int], BaseException | None]:
    """Ids yielded by `hpc.jobs.list()` before it ended, and the error it ended with."""
    ids: list[int] = []
    with HpcClient(url, retry_backoff=0.0, **options) as hpc:  # type: ignore[arg-type]
        try:
            for job in hpc.jobs.list():
                ids.append(int(job.id))
        except Exception as exc:
            return ids, exc
    return ids, None


def test_the_same_page_and_query_id_forever_is_stalled_after_a_bound() -> None:
    server = script(lambda n, path: page(range(1, 11)))
    with server.run() as url:
        ids, error = listed(url)
    assert isinstance(error, PagingStalled)
    assert ids == list(range(1, 11))  # the repeated rows are never yielded again
    assert len(server.paths) == 1 + STALLED + 1


def test_endless_empty_pages_with_a_token_are_stalled() -> None:
    server = script(lambda n, path: page(range(1, 4) if n == 0 else []))
    with server.run() as url:
        ids, error = listed(url)
    assert isinstance(error, PagingStalled)
    assert ids == [1, 2, 3]
    assert len(server.paths) == 1 + STALLED + 1


def test_a_server_cycling_over_two_pages_is_stalled_without_duplicates() -> None:
    server = script(lambda n, path: page(range(1, 11) if n % 2 == 0 else range(11, 21)))
    with server.run() as url:
        ids, error = listed(url)
    assert isinstance(error, PagingStalled)
    assert ids == list(range(1, 21))
    assert len(server.paths) == 2 + STALLED + 1


def test_pages_and_rows_are_bounded_overall() -> None:
    endless = script(lambda n, path: page(range(10 * n + 1, 10 * n + 11)))  # always new rows
    with endless.run() as url:
        ids, error = listed(url, paging=PagingLimits(max_pages=7))
    assert isinstance(error, PagingLimitExceeded)
    assert len(endless.paths) == 7 and len(ids) == 60

    endless = script(lambda n, path: page(range(10 * n + 1, 10 * n + 11)))
    with endless.run() as url:
        ids, error = listed(url, paging=PagingLimits(max_rows=25))
    assert isinstance(error, PagingLimitExceeded)
    assert len(ids) == 20 and len(endless.paths) == 3


def test_a_restart_that_only_rereads_old_rows_is_bounded() -> None:
    """The server forgets the query (404), then serves the first two pages' rows again and
    again: the restart may re-read what it had (2 pages) plus the stall bound, no more."""

    def pages(n: int, path: str) -> Answer:
        if n == 0:
            return page(range(1, 11))
        if n == 1:
            return page(range(11, 21))
        if n == 2:
            return 404, XML, b""
        return page(range(1, 11) if n % 2 else range(11, 21))

    server = script(pages)
    with server.run() as url:
        ids, error = listed(url)
    assert isinstance(error, PagingStalled)
    assert ids == list(range(1, 21))
    assert len(server.paths) == 3 + 2 + STALLED + 1


def test_a_legitimate_restart_still_completes() -> None:
    def pages(n: int, path: str) -> Answer:
        if n == 2:
            return 404, XML, b""  # forgotten after two pages
        first = n in (0, 3)
        if first:
            return page(range(1, 11))
        if n in (1, 4):
            return page(range(11, 21))
        return page(range(21, 26), None)

    server = script(pages)
    with server.run() as url:
        ids, error = listed(url)
    assert error is None
    assert ids == list(range(1, 26))


def test_async_paging_is_bounded_too() -> None:
    server = script(lambda n, path: page(range(1, 11)))

    async def main(url: str) -> tuple[list[int], BaseException | None]:
        ids: list[int] = []
        async with AsyncHpcClient(url, retry_backoff=0.0) as hpc:
            try:
                async for job in hpc.jobs.list():
                    ids.append(int(job.id))
            except Exception as exc:
                return ids, exc
        return ids, None

    with server.run() as url:
        ids, error = asyncio.run(asyncio.wait_for(main(url), 30))
    assert isinstance(error, PagingStalled)
    assert ids == list(range(1, 11))
    assert len(server.paths) == 1 + STALLED + 1


def test_limits_are_validated() -> None:
    for bad in ({"max_stalled_pages": 0}, {"max_pages": -1}, {"max_rows": 1.5}):
        with pytest.raises(ValueError):
            PagingLimits(**bad)  # type: ignore[arg-type]
