"""Lazy iteration over Get Job List / Get Task List / Get Node List pages.

Follows `x-ms-continuation-QueryId` until it is absent, one page in memory at a time.

The server keeps a cursor per query and may forget it (404 on a continuation page, or 400/410
from other servers); a continuation page may also fail in transit, and it must not be retried
blindly: the server may have advanced its cursor already, so a plain retry could silently skip
a page. In both cases the enumeration restarts from the first page and skips the rows already
yielded, so every row is yielded at most once and the iteration ends only after a last page:

* default order (no `sort_by`): rows come in ascending key order (job Id, TaskId, node Id), so
  the iterator keeps only the last key yielded and skips rows at or below it (and a hash of
  each page's keys, one int per page, to spot a page served again);
* a caller-chosen `sort_by`: the iterator keeps the set of keys yielded (memory grows with the
  row count; only this case needs it).

Rows created or deleted during the enumeration may or may not appear, as with the server's own
paging. After `MAX_RESTARTS` restarts without a complete pass the last error is raised.

A server whose cursor does not advance (the same page again, empty pages that still carry a
continuation token) would otherwise be followed forever, so every enumeration is bounded
(`PagingLimits`, per client):

* `max_stalled_pages` consecutive pages without a new row raise `PagingStalled` (after a
  restart, the pages re-read before reaching new rows are allowed on top: as many as brought
  rows before it);
* `max_pages` pages or `max_rows` rows in one enumeration raise `PagingLimitExceeded`
  (None: unbounded).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from .errors import (
    HpcError,
    HpcFault,
    HpcTransportError,
    MalformedResponse,
    PagingLimitExceeded,
    PagingStalled,
)
from .properties import _table, to_model

__all__ = [
    "MAX_RESTARTS",
    "NO_RETRY",
    "PagingLimits",
    "Window",
    "aiter_rows",
    "iter_rows",
    "with_key",
]

log = logging.getLogger("hpcpack")
M = TypeVar("M")
CONTINUATION = "x-ms-continuation-QueryId"
MAX_RESTARTS = 3
NO_RETRY = {"hpc.retry": False}  # request extension: the transport must not retry this one
_FORGOTTEN = frozenset({400, 404, 410})
_IN_TRANSIT = frozenset({502, 503, 504})
Fetch = Callable[[str | None], httpx.Response]


@dataclass(frozen=True, slots=True)
class Window(Generic[M]):
    """One window of a list by offset (`/hpc` `startRow` paging): `rows` from `start_row` on,
    and `total` rows in the whole list (`x-ms-row-count`), in one request."""

    rows: list[M]
    start_row: int
    total: int


@dataclass(frozen=True)
class PagingLimits:
    """Bounds of one list enumeration (`HpcClient(paging=PagingLimits(...))`).

    The real service documents neither empty intermediate pages nor a maximum list size
    ("at least one record will be retrieved" per page [D]); these bounds are the client's.
    """

    #: consecutive continuation pages without a new row before `PagingStalled`
    max_stalled_pages: int = 5
    #: pages per enumeration before `PagingLimitExceeded` (None: unbounded)
    max_pages: int | None = 100_000
    #: rows per enumeration before `PagingLimitExceeded` (None: unbounded)
    max_rows: int | None = 1_000_000

    def __post_init__(self) -> None:
        for name in ("max_stalled_pages", "max_pages", "max_rows"):
            value = getattr(self, name)
            if value is None and name != "max_stalled_pages":
                continue
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{name} must be a positive int")


DEFAULT_LIMITS = PagingLimits()
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

    def __init__(
        self, model: type[Any], key: str, ordered: bool, limits: PagingLimits | None = None
    ) -> None:
        self.model = model
        self.key_attr = _table(model).by_lower[key.lower()].attr
        self.ordered = ordered
        self.limits = limits or DEFAULT_LIMITS
        self.last: tuple[Any, ...] | None = None  # ordered: highest key yielded
        self.seen: set[Any] = set()  # unordered: every key yielded
        self.page_keys: set[int] = set()  # ordered: a hash of each page's keys (one per page)
        self.restarts = 0
        self.restarting = False
        self.pages = 0  # pages read in this enumeration (every pass)
        self.rows = 0  # rows yielded
        self.productive = 0  # pages that brought new rows
        self.stalled = 0  # consecutive pages without a new row
        self.allowance = 0  # stalled pages a restart may re-read (what it had read before)

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
            self.allowance = self.productive + self.stalled
            self.stalled = 0
            log.warning("continuation page failed (%s); restarting the enumeration", exc.message)
        return ok

    def convert(self, response: httpx.Response) -> list[Any]:
        try:
            rows = [row["Properties"] for row in response.json()]
            items = [to_model(self.model, props) for props in rows]
        except (KeyError, TypeError, AttributeError) as exc:
            raise MalformedResponse(f"unexpected list row shape ({type(exc).__name__})") from None
        if self.ordered:
            # a page with exactly the keys of an earlier one is that page again (a server
            # repeating a page, or cycling over a few): nothing of it is yielded twice
            page = hash(tuple(getattr(item, self.key_attr) for item in items))
            if page in self.page_keys:
                return []
            self.page_keys.add(page)
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

    def account(self, new: int, token: str | None) -> None:
        """Count one page bringing `new` rows; raise once a bound is passed."""
        limits = self.limits
        self.pages += 1
        self.rows += new
        if limits.max_rows is not None and self.rows > limits.max_rows:
            raise PagingLimitExceeded(f"list has more than max_rows={limits.max_rows} rows")
        if token is None:
            return
        if limits.max_pages is not None and self.pages >= limits.max_pages:
            raise PagingLimitExceeded(f"list has more than max_pages={limits.max_pages} pages")
        if new:
            self.productive += 1
            self.stalled = 0
            self.allowance = 0
            return
        self.stalled += 1
        if self.stalled > limits.max_stalled_pages + self.allowance:
            raise PagingStalled(
                f"{self.stalled} continuation pages in a row brought no new rows (the server's "
                f"query cursor does not advance); {self.rows} rows were listed"
            )


def _take(rows: _Rows, response: httpx.Response) -> tuple[list[Any], str | None]:
    """(the page's new rows, reversed for popping in order; the continuation token), after
    checking the bounds (a page past a bound yields nothing)."""
    items = rows.convert(response)
    token = response.headers.get(CONTINUATION) or None
    rows.account(len(items), token)
    items.reverse()
    return items, token


def iter_rows(
    fetch: Fetch,
    model: type[M],
    key: str,
    *,
    ordered: bool = True,
    limits: PagingLimits | None = None,
) -> Iterator[M]:
    """Rows of every page; `fetch(query_id)` returns one decoded page response.
    Raises `PagingStalled` / `PagingLimitExceeded` past the bounds of `limits`."""
    rows = _Rows(model, key, ordered, limits)
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
    fetch: AsyncFetch,
    model: type[M],
    key: str,
    *,
    ordered: bool = True,
    limits: PagingLimits | None = None,
) -> AsyncIterator[M]:
    """Async twin of `iter_rows`."""
    rows = _Rows(model, key, ordered, limits)
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
