"""Resumable, bounded reading of SOA reply streams (Get Responses).

Why resumable: what the server counts as "returned" can run ahead of what the caller got
(socket buffers, a consumer that raised, a cut or timed-out stream), and a plain
`reset=false` call then skips those replies for good. So each session keeps a ledger per
batch; after any interruption the next `responses()` re-reads the batch with `reset=true`
(documented to delete nothing, durable or interactive) and skips, by (RelatesTo, UserData) with
multiplicity, the replies the caller already has.

Why bounded: a stream is read to the end of its HTTP body after EndOfResponses (so the
connection goes back to the pool), within `StreamBounds`; the overall bound is enforced by
shutting the socket down, the one way to end a blocked read from outside it.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import heapq
import itertools
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from .errors import RepliesLost

__all__ = ["DEFAULT_BOUNDS", "Ledger", "Reading", "StreamBounds", "Watchdog"]


@dataclass(frozen=True)
class StreamBounds:
    """Bounds of one Get Responses stream (defaults: DESIGN.md, "SOA stream bounds").

    `idle`: seconds one read may wait (None: the client's read timeout). `total`: seconds the
    whole stream may last, the caller's time between replies included (None: unbounded).
    `drain_bytes`/`drain_time`: what is read after EndOfResponses to reach the end of the
    body; past either, the connection is closed instead of reused.
    """

    idle: float | None = None
    total: float | None = 86_400.0
    drain_bytes: int = 64 * 1024
    drain_time: float = 2.0


DEFAULT_BOUNDS = StreamBounds()

Key = tuple[str | None, str | None]


class _Reply(Protocol):
    @property
    def relates_to(self) -> str | None: ...
    @property
    def user_data(self) -> str | None: ...


@dataclass
class Ledger:
    """What one session knows about one batch's replies."""

    held: Counter[Key] = field(default_factory=Counter)  # yielded and still on the server
    dirty: bool = False  # a stream was interrupted: the server's cursor may be past the caller
    sent: Counter[str] = field(default_factory=Counter)  # user data this session sent
    got: Counter[str | None] = field(default_factory=Counter)  # user data ever yielded

    def missing(self) -> list[str]:
        return sorted(k for k, n in self.sent.items() if self.got[k] < n)


class Reading:
    """One `responses()` call: the query to send, and which replies to hand to the caller."""

    def __init__(
        self, ledger: Ledger, count: int, reset: bool, durable: bool, action: str | None
    ) -> None:
        self.ledger = ledger
        self.resume = ledger.dirty and not reset
        # re-read from the start, or deleted by this reset=false call: once the server answered
        self._forget = reset or not (self.resume or durable)
        self.skip = Counter(ledger.held) if self.resume else Counter[Key]()
        self.count = count
        self.reset = reset or self.resume
        self.server_count = count if count < 0 or not self.resume else count + ledger.held.total()
        self.check = count < 0 and not action and bool(ledger.sent)
        self.new = 0
        self.extra = False
        ledger.dirty = True  # until the stream is read to its end

    def started(self) -> None:
        """The server answered the call (so it has reset or deleted what it returned before)."""
        if self._forget:
            self.ledger.held.clear()

    def take(self, reply: _Reply) -> bool:
        """True if the caller gets this reply (counted as theirs from then on)."""
        key = (reply.relates_to, reply.user_data)
        skip = self.skip
        if skip and skip.get(key, 0) > 0:  # `.get`: Counter's `__missing__` is Python code
            skip[key] -= 1
            return False
        if 0 <= self.count <= self.new:
            self.extra = True  # the server counts it returned; the next call re-reads
            return False
        held, got = self.ledger.held, self.ledger.got
        held[key] = held.get(key, 0) + 1
        got[key[1]] = got.get(key[1], 0) + 1
        self.new += 1
        return True

    def finish(self, reason: str, batch: str) -> None:
        """EndOfResponses read: the caller has all the stream held, unless extras were left.
        What is known to be no longer needed is dropped (memory: see DESIGN.md)."""
        ledger = self.ledger
        ledger.dirty = self.extra
        if reason != "Success" or not self.check:
            return
        missing = ledger.missing()
        ledger.sent.clear()  # the batch is accounted for, either way
        ledger.got.clear()
        if missing:
            shown = ", ".join(missing[:20]) + (" ..." if len(missing) > 20 else "")
            raise RepliesLost(
                f"batch {batch!r} ended without {len(missing)} replies (user data {shown})",
                batch=batch,
                missing=missing,
            )


def timeout_for(
    base: httpx.Timeout, timeout: float | httpx.Timeout | None, idle: float | None
) -> httpx.Timeout:
    """The stream request's timeouts: the caller's (or the client's), read = idle if given."""
    t = base if timeout is None else timeout if isinstance(timeout, httpx.Timeout) else None
    if t is None:
        t = httpx.Timeout(timeout)
    if idle is None:
        return t
    return httpx.Timeout(connect=t.connect, read=idle, write=t.write, pool=t.pool)


class _Timers:
    """One daemon thread for every sync stream's timers: starting a `threading.Timer` per arm
    (two per stream) cost more client CPU than parsing a batch of replies."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._cancelled: set[int] = set()
        self._keys = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, seconds: float, fn: Callable[[], None]) -> int:
        entry = (time.monotonic() + seconds, next(self._keys), fn)
        with self._cond:
            heapq.heappush(self._heap, entry)
            if self._thread is None or not self._thread.is_alive():  # first use, or forked
                self._thread = threading.Thread(target=self._run, name="hpcpack-timers")
                self._thread.daemon = True
                self._thread.start()
            elif self._heap[0] is entry:
                self._cond.notify()  # the thread sleeps until a later deadline
        return entry[1]

    def cancel(self, key: int) -> None:
        with self._cond:
            self._cancelled.add(key)
            if len(self._cancelled) > 64 and len(self._cancelled) * 2 > len(self._heap):
                self._heap = [e for e in self._heap if e[1] not in self._cancelled]
                heapq.heapify(self._heap)
                self._cancelled.clear()

    def _run(self) -> None:
        while True:
            with self._cond:
                fn = self._next_due()
            with contextlib.suppress(Exception):  # one failing callback must not stop all
                fn()

    def _next_due(self) -> Callable[[], None]:
        """Wait (the lock held, released while waiting) for the earliest live timer."""
        heap = self._heap
        while True:
            while heap and heap[0][1] in self._cancelled:
                self._cancelled.discard(heapq.heappop(heap)[1])
            if not heap:
                self._cond.wait()
                heap = self._heap
                continue
            delay = heap[0][0] - time.monotonic()
            if delay <= 0:
                return heapq.heappop(heap)[2]
            self._cond.wait(delay)
            heap = self._heap


_TIMERS = _Timers()


class Watchdog:
    """Shuts the stream's socket down when its time is up (one shared timer thread for sync
    clients, a loop timer for async ones); `fired` tells the reader why its read failed."""

    def __init__(self, response: httpx.Response, *, loop: bool) -> None:
        stream = response.extensions.get("network_stream")
        self._sock: Any = stream.get_extra_info("socket") if stream is not None else None
        self._loop = asyncio.get_running_loop() if loop else None
        self._lock = threading.Lock()
        self._handle: int | asyncio.TimerHandle | None = None
        self._active = True
        self._armed = 0
        self.fired = False
        self.deadline: float | None = None

    def arm(self, seconds: float | None) -> None:
        """(Re)start the timer: the socket is shut down `seconds` from now."""
        self._cancel()
        if seconds is None:
            self.deadline = None
            return
        self.deadline = time.monotonic() + seconds
        if self._sock is None:
            return  # no socket (mock transports): only the checks between reads apply
        if self._loop is not None:
            self._handle = self._loop.call_later(max(seconds, 0), self._fire)
        else:
            self._armed += 1
            self._handle = _TIMERS.add(max(seconds, 0), functools.partial(self._due, self._armed))

    def expired(self) -> bool:
        return self.fired or (self.deadline is not None and time.monotonic() >= self.deadline)

    def _due(self, armed: int) -> None:
        if armed == self._armed:  # not a timer re-armed or cancelled while it came due
            self._fire()

    def _fire(self) -> None:
        with self._lock:
            if not self._active:
                return
            self.fired = True
            with contextlib.suppress(OSError):
                shutdown = (
                    socket.socket.shutdown
                    if isinstance(self._sock, socket.socket)
                    else type(self._sock).shutdown
                )
                shutdown(self._sock, socket.SHUT_RDWR)  # base method: also under an SSLSocket

    def _cancel(self) -> None:
        self._armed += 1
        if isinstance(self._handle, int):
            _TIMERS.cancel(self._handle)
        elif self._handle is not None:
            self._handle.cancel()
        self._handle = None

    def stop(self) -> None:
        """Disarm for good, before the connection can go back to the pool."""
        with self._lock:
            self._active = False
            self._cancel()
