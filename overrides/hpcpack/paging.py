"""Lazy iteration over Get Job List / Get Task List / Get Node List pages.

Follows `x-ms-continuation-QueryId` until it is absent. The server keeps per-query state and
may forget it (a 4xx on a continuation page): the enumeration then restarts once from the
beginning, skipping rows already yielded (by Id / TaskId / Name), as Microsoft's client does.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar

import httpx

from .errors import HpcFault
from .properties import _table, to_model

__all__ = ["aiter_rows", "iter_rows", "with_key"]

log = logging.getLogger("hpcpack")
M = TypeVar("M")
CONTINUATION = "x-ms-continuation-QueryId"
_FORGOTTEN = frozenset({400, 404, 410})


def with_key(properties: str | None, key: str) -> str | None:
    """Requested property names, making sure the row key is among them."""
    if properties is None:
        return None
    names = [n.strip() for n in properties.split(",") if n.strip()]
    if key.lower() not in (n.lower() for n in names):
        names.insert(0, key)
    return ",".join(names)


def _forgotten(exc: HpcFault, token: str | None, restarted: bool) -> bool:
    return token is not None and not restarted and exc.status in _FORGOTTEN


class _Rows:
    """Row-to-model conversion and duplicate skipping shared by both iterators."""

    def __init__(self, model: type[Any], key: str) -> None:
        self.model = model
        self.key_attr = _table(model).by_lower[key.lower()].attr
        self.seen: set[Any] = set()
        self.restarted = False

    def convert(self, response: httpx.Response) -> list[Any]:
        out = []
        for row in response.json():
            item = to_model(self.model, row["Properties"])
            key = getattr(item, self.key_attr)
            if self.restarted and key in self.seen:
                continue
            self.seen.add(key)
            out.append(item)
        return out


def iter_rows(
    fetch: Callable[[str | None], httpx.Response], model: type[M], key: str
) -> Iterator[M]:
    """Rows of every page; `fetch(query_id)` returns one decoded page response."""
    rows = _Rows(model, key)
    token: str | None = None
    while True:
        try:
            response = fetch(token)
        except HpcFault as exc:
            if not _forgotten(exc, token, rows.restarted):
                raise
            log.warning("continuation query forgotten (HTTP %d); restarting once", exc.status)
            rows.restarted, token = True, None
            continue
        yield from rows.convert(response)
        token = response.headers.get(CONTINUATION) or None
        if token is None:
            return


async def aiter_rows(
    fetch: Callable[[str | None], Awaitable[httpx.Response]], model: type[M], key: str
) -> AsyncIterator[M]:
    """Async twin of `iter_rows`."""
    rows = _Rows(model, key)
    token: str | None = None
    while True:
        try:
            response = await fetch(token)
        except HpcFault as exc:
            if not _forgotten(exc, token, rows.restarted):
                raise
            log.warning("continuation query forgotten (HTTP %d); restarting once", exc.status)
            rows.restarted, token = True, None
            continue
        for item in rows.convert(response):
            yield item
        token = response.headers.get(CONTINUATION) or None
        if token is None:
            return
