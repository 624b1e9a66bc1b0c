"""Lazy iteration over Get Job List / Get Task List / Get Node List pages.

Follows `x-ms-continuation-QueryId` until it is absent, one page in memory at a time.

The server keeps a cursor per query and may forget it (404 on a continuation page, or 400/410
from other servers); a continuation page may also fail in transit, and it must not be retried
blindly: the server may have advanced its cursor already, so a plain retry could silently skip
a page. In both cases the enumeration restarts from the first page and skips the rows already
yielded, so every row is yielded at most once and the iteration ends only after a last page:

* default order (no `sort_by`): rows come in ascending key order (job Id, TaskId, node Id), so
  the iterator keeps only the last key yielded (constant memory) and skips rows at or below it;
* a caller-chosen `sort_by`: the iterator keeps the set of keys yielded (memory grows with the
  row count; only this case needs it).

Rows created or deleted during the enumeration may or may not appear, as with the server's own
paging. After `MAX_RESTARTS` restarts without a complete pass the last error is raised.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar

import httpx

from .errors import HpcError, HpcFault, HpcTransportError, MalformedResponse
from .properties import _table, to_model

__all__ = ["MAX_RESTARTS", "NO_RETRY", "aiter_rows", "iter_rows", "with_key"]

log = logging.getLogger("hpcpack")
M = TypeVar("M")
CONTINUATION = "x-ms-continuation-QueryId"
MAX_RESTARTS = 3
NO_RETRY = {"hpc.retry": False}  # request extension: the transport must not retry this one
_FORGOTTEN = frozenset({400, 404, 410})
_IN_TRANSIT = frozenset({502, 503, 504})
Fetch = Callable[[str | None], httpx.Response]
AsyncFetch = Callable[[str | None], Awaitable[httpx.Response]]


def with_key(properties: str | None, key: str) -> str | None:
    """Requested property names, making sure the row key is among them."""
    if properties is None:
        return None
    names = [n.strip() for n in properties.split(",") if n.strip()]
    if key.lower() not in (n.lower() for n in names):
        names.insert(0, key)
    return ",".join(names)


def _order_key(value: Any) -> tuple[tuple[int, int | str], ...]:
    """Totally ordered form of a row key: ints, and TaskIds `job.task[.instance]` as int
    tuples; anything else (a malformed key) sorts after them as text, never a TypeError."""
    if isinstance(value, int) and not isinstance(value, bool):
        return ((0, value),)
    parts = str(value).split(".")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


class _Rows:
    """Row conversion, restart bookkeeping and duplicate skipping shared by both iterators."""

    def __init__(self, model: type[Any], key: str, ordered: bool) -> None:
        self.model = model
        self.key_attr = _table(model).by_lower[key.lower()].attr
        self.ordered = ordered
        self.last: tuple[Any, ...] | None = None  # ordered: highest key yielded
        self.seen: set[Any] = set()  # unordered: every key yielded
        self.restarts = 0
        self.restarting = False

    def can_restart(self, exc: HpcError, token: str | None) -> bool:
        """Whether a failed page is recoverable by starting over (and count the restart)."""
        if token is None or self.restarts >= MAX_RESTARTS:
            return False
        if isinstance(exc, HpcFault):
            ok = exc.status in _FORGOTTEN or exc.status in _IN_TRANSIT
        else:
            ok = isinstance(exc, HpcTransportError)
        if ok:
            self.restarts += 1
            self.restarting = True
            log.warning("continuation page failed (%s); restarting the enumeration", exc.message)
        return ok

    def convert(self, response: httpx.Response) -> list[Any]:
        try:
            rows = [row["Properties"] for row in response.json()]
            items = [to_model(self.model, props) for props in rows]
        except (KeyError, TypeError, AttributeError) as exc:
            raise MalformedResponse(f"unexpected list row shape ({type(exc).__name__})") from None
        out = []
        for item in items:
            raw = getattr(item, self.key_attr)
            if self.ordered:
                key = _order_key(raw)
                if self.restarting and self.last is not None and key <= self.last:
                    continue
                if self.last is None or key > self.last:
                    self.last = key
            else:
                if raw in self.seen:
                    continue
                self.seen.add(raw)
            out.append(item)
        return out


def _take(rows: _Rows, response: httpx.Response) -> tuple[list[Any], str | None]:
    """(the page's new rows, reversed for popping in order; the continuation token)."""
    items = rows.convert(response)
    items.reverse()
    return items, response.headers.get(CONTINUATION) or None


def iter_rows(fetch: Fetch, model: type[M], key: str, *, ordered: bool = True) -> Iterator[M]:
    """Rows of every page; `fetch(query_id)` returns one decoded page response."""
    rows = _Rows(model, key, ordered)
    token: str | None = None
    while True:
        try:
            response = fetch(token)
        except HpcError as exc:
            if not rows.can_restart(exc, token):
                raise
            token = None
            continue
        items, token = _take(rows, response)
        del response  # one page in memory at a time: the bytes go before the next fetch
        while items:
            yield items.pop()
        if token is None:
            return


async def aiter_rows(
    fetch: AsyncFetch, model: type[M], key: str, *, ordered: bool = True
) -> AsyncIterator[M]:
    """Async twin of `iter_rows`."""
    rows = _Rows(model, key, ordered)
    token: str | None = None
    while True:
        try:
            response = await fetch(token)
        except HpcError as exc:
            if not rows.can_restart(exc, token):
                raise
            token = None
            continue
        items, token = _take(rows, response)
        del response
        while items:
            yield items.pop()
        if token is None:
            return
