"""Server-side continuation state for Get Job/Task/Node List (`x-ms-continuation-QueryId`).

A query snapshots the matching row keys once; each page advances a cursor. State is bounded:
an LRU of at most `max_queries` entries and `max_bytes` of keys in all, each expiring `ttl`
seconds after its last use, so abandoned enumerations cannot grow memory (a query on a
100,000-instance sweep once held ~7 MB of tuples: integer keys are now packed 8 bytes each). An
unknown, expired or evicted token is a 404 fault, as an expired query is on a head node.
"""

from __future__ import annotations

import secrets
import sys
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hpc_emulator.faults import not_found
from hpc_emulator.limits import PAGING_CACHE_BYTES

_PAIR = 1 << 32


class _Keys:
    """Row keys of one query: ints and (int, int) pairs packed in an `array('q')`."""

    def __init__(self, keys: list[Any]) -> None:
        self.pairs = False
        packed: array[int] | None = array("q")
        try:
            if keys and isinstance(keys[0], tuple):
                self.pairs = True
                packed = array("q", (a * _PAIR + b for a, b in keys))
            else:
                packed = array("q", keys)
        except (TypeError, ValueError, OverflowError):
            packed = None
        self._packed = packed
        self._list: list[Any] | None = None if packed is not None else keys
        if packed is not None:
            self.nbytes = packed.itemsize * len(packed)
        else:  # strings (node names): the list's slots and each key
            self.nbytes = 8 * len(keys) + sum(sys.getsizeof(k) for k in keys)

    def __len__(self) -> int:
        return len(self._packed) if self._packed is not None else len(self._list or [])

    def slice(self, start: int, stop: int) -> Sequence[Any]:
        if self._packed is None:
            return (self._list or [])[start:stop]
        chunk = self._packed[start:stop]
        if self.pairs:
            return [divmod(k, _PAIR) for k in chunk]
        return list(chunk)


@dataclass
class Query:
    scope: str  # which list (and job) the token belongs to
    keys: _Keys
    position: int = 0
    touched: float = field(default_factory=time.monotonic)


class QueryCache:
    def __init__(
        self, max_queries: int = 1000, ttl: float = 600.0, max_bytes: int = PAGING_CACHE_BYTES
    ) -> None:
        self.max_queries = max_queries
        self.ttl = ttl
        self.max_bytes = max_bytes
        self.nbytes = 0
        self._queries: OrderedDict[str, Query] = OrderedDict()

    def _expire(self) -> None:
        limit = time.monotonic() - self.ttl
        while self._queries:
            token, query = next(iter(self._queries.items()))
            if (
                query.touched >= limit
                and len(self._queries) <= self.max_queries
                and self.nbytes <= self.max_bytes
            ):
                break
            self._drop(token)

    def _drop(self, token: str) -> None:
        query = self._queries.pop(token, None)
        if query is not None:
            self.nbytes -= query.keys.nbytes

    def page(
        self, scope: str, token: str | None, keys: Callable[[], list[Any]], rows: int
    ) -> tuple[list[Any], str | None]:
        """One page of keys and the token for the next one (None when this page is the last).

        `keys` (filter + sort of the whole list) is only called for a new query: continuation
        pages cost their own rows, not the whole table again.
        """
        self._expire()
        if token:
            query = self._queries.get(token)
            if query is None or query.scope != scope:
                raise not_found(f"The query '{token}' does not exist or has expired.")
            self._queries.move_to_end(token)
        else:
            query = Query(scope, _Keys(keys()))
        chunk = list(query.keys.slice(query.position, query.position + rows))
        query.position += len(chunk)
        query.touched = time.monotonic()
        if query.position >= len(query.keys):
            if token:
                self._drop(token)
            return chunk, None
        if not token:
            token = secrets.token_urlsafe(12)
            self._queries[token] = query
            self.nbytes += query.keys.nbytes
            self._expire()
        return chunk, token

    def __len__(self) -> int:
        return len(self._queries)
