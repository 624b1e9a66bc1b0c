"""Continuation state (`x-ms-continuation-QueryId`): snapshot once, then only the page's rows."""

from __future__ import annotations

import pytest
from hpc_emulator.faults import Fault
from hpc_emulator.paging import QueryCache


def test_the_list_is_selected_once_per_query() -> None:
    cache = QueryCache()
    calls = []

    def select() -> list[int]:
        calls.append(1)
        return list(range(25))

    page, token = cache.page("jobs", None, select, 10)
    assert page == list(range(10)) and token
    page, token2 = cache.page("jobs", token, select, 10)
    assert page == list(range(10, 20)) and token2 == token
    page, last = cache.page("jobs", token, select, 10)
    assert page == list(range(20, 25)) and last is None
    assert len(calls) == 1  # continuation pages never filter and sort the whole table again
    assert len(cache) == 0  # the finished query is dropped


def test_tokens_are_bound_to_their_list_and_expire() -> None:
    cache = QueryCache(max_queries=2, ttl=600)
    _, token = cache.page("tasks/1", None, lambda: [1, 2, 3], 1)
    assert token
    with pytest.raises(Fault) as exc:
        cache.page("tasks/2", token, lambda: [], 1)  # another job's task list
    assert exc.value.status == 404
    for _ in range(3):
        cache.page("jobs", None, lambda: [1, 2], 1)  # LRU bound: the oldest token goes
    with pytest.raises(Fault):
        cache.page("tasks/1", token, lambda: [], 1)
    assert len(cache) == 2
