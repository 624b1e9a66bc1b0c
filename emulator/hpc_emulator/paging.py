"""Server-side continuation state for Get Job/Task/Node List (`x-ms-continuation-QueryId`).

A query snapshots the matching row keys once; each page advances a cursor. State is bounded:
an LRU of at most `max_queries` entries, each expiring `ttl` seconds after its last use, so
abandoned enumerations cannot grow memory. An unknown or expired token is a 404 fault.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hpc_emulator.faults import not_found


@dataclass
class Query:
    scope: str  # which list (and job) the token belongs to
    keys: list[Any]
    position: int = 0
    touched: float = field(default_factory=time.monotonic)


class QueryCache:
    def __init__(self, max_queries: int = 1000, ttl: float = 600.0) -> None:
        self.max_queries = max_queries
        self.ttl = ttl
        self._queries: OrderedDict[str, Query] = OrderedDict()

    def _expire(self) -> None:
        limit = time.monotonic() - self.ttl
        while self._queries:
            token, query = next(iter(self._queries.items()))
            if query.touched >= limit and len(self._queries) <= self.max_queries:
                break
            del self._queries[token]

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
            query = Query(scope, keys())
        chunk = query.keys[query.position : query.position + rows]
        query.position += len(chunk)
        query.touched = time.monotonic()
        if query.position >= len(query.keys):
            if token:
                self._queries.pop(token, None)
            return chunk, None
        if not token:
            token = secrets.token_urlsafe(12)
            self._queries[token] = query
            self._expire()
        return chunk, token

    def __len__(self) -> int:
        return len(self._queries)
