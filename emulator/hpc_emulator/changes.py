"""Per-job index of task changes ordered by ChangeTime: what `ChangeTimeFrom` reads.

A wait poll asks "which tasks changed since T" every second; scanning a 10,000-instance
sweep for it cost ~5 ms a poll. Every save of a task whose ChangeTime moved appends
(time, key) here, so a query bisects to T and reads only the entries after it. Times are
appended non-decreasing (an entry's time is raised to the last one's if the clock stepped
back): an entry's time is then >= the ChangeTime it records, and each item's latest entry
is at or after its ChangeTime, so the entries from T on hold every item changed since T
(and stale ones, which the caller filters out against the item itself). Two flat arrays
(POSIX seconds, packed keys): 16 bytes an entry, no Python object per entry.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime

Key = tuple[int, int]  # (task id, instance id)
# entries kept beyond 4 per item before the arrays are compacted (each item's last entry
# kept): a sweep's life (created, Running, ended) never triggers it; a requeue of all may
COMPACT_MIN = 4096
_SHIFT = 32  # packed key: task id << 32 | instance id


def _pack(key: Key) -> int:
    return (key[0] << _SHIFT) | key[1]


class ChangeIndex:
    def __init__(self) -> None:
        self._times = array("d")
        self._keys = array("q")
        self.examined = 0  # entries read by `since` (tests count them)

    def add(self, when: datetime, key: Key, items: int) -> None:
        """Record that `key` changed at `when`; `items`: how many items the job holds."""
        stamp = when.timestamp()
        if self._times and stamp < self._times[-1]:
            stamp = self._times[-1]
        self._times.append(stamp)
        self._keys.append(_pack(key))
        if len(self._keys) > 4 * items + COMPACT_MIN:
            self._compact()

    def _compact(self) -> None:
        """Keep each key's last entry only (in order): O(1) per add, amortized."""
        seen: set[int] = set()
        times: list[float] = []
        keys: list[int] = []
        for stamp, key in zip(reversed(self._times), reversed(self._keys), strict=True):
            if key not in seen:
                seen.add(key)
                times.append(stamp)
                keys.append(key)
        self._times = array("d", reversed(times))
        self._keys = array("q", reversed(keys))

    def rebuild(self, entries: Iterable[tuple[datetime, Key]]) -> None:
        """Every item once, at its ChangeTime (after a load from SQLite)."""
        pairs = sorted((when.timestamp(), _pack(key)) for when, key in entries)
        self._times = array("d", [t for t, _ in pairs])
        self._keys = array("q", [k for _, k in pairs])

    def since(self, when: datetime) -> set[Key]:
        """Keys of the items that may have changed at or after `when` (a superset)."""
        start = bisect_left(self._times, when.timestamp())
        packed = set(self._keys[start:])
        self.examined += len(self._keys) - start
        mask = (1 << _SHIFT) - 1
        return {(k >> _SHIFT, k & mask) for k in packed}

    def __len__(self) -> int:
        return len(self._times)
