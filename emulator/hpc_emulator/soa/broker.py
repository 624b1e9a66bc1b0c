"""The emulated SOA broker: sessions, batches (broker clients), request dispatch, responses.

Pure domain layer: the HTTP routes parse URIs/bodies and call these methods; every error is a
`Fault` for them to render. All state lives in SQLite (`store.py`) so a restarted emulator
resumes every session, batch and unanswered request. Everything runs on one asyncio loop:
worker tasks pull request ids from a queue, call the service handler, and hand results to a
flusher task that commits them in groups (one transaction per few milliseconds, not per
response: that is what makes 10,000 echo requests take a second instead of a minute) and wakes
the response streams waiting on that batch.

Async methods: `start`, `aclose`, `create_session`, `attach`, `close`, `send`, `commit`,
`status`, `purge`, `job_ended`; `responses` is a plain method that validates at once (raising
`Fault` before the HTTP layer commits to a 200) and returns an async iterator of byte chunks.
`service_versions` and `owner_of` are plain.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any, Protocol

from ..faults import Fault, bad_request, invalid_state, not_found
from . import envelopes as env
from .dispatch import compute
from .services import ServiceRegistry, Version, parse_version, version_dict
from .store import SessionRow, Store

__all__ = [
    "BatchStatus",
    "Broker",
    "InMemoryServiceJobs",
    "ServiceJobs",
    "ServiceRegistry",
]

DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024  # bytes, the client's constant [C]
DEFAULT_OPERATION_TIMEOUT_MS = 86_400_000
DEFAULT_CLIENT_IDLE_TIMEOUT_MS = 300_000
MAX_BATCH_NAME = 128
_CHUNK = 256  # responses per yielded chunk


class ServiceJobs(Protocol):
    """What the broker needs from the scheduler: a service job per session (job id = session id)."""

    def create_service_job(
        self, service_name: str, owner: str, start_info: dict[str, Any]
    ) -> int: ...

    def end_service_job(self, job_id: int, canceled: bool) -> None: ...


class InMemoryServiceJobs:
    """Counter-backed `ServiceJobs` for tests and scheduler-less use."""

    def __init__(self, first_id: int = 1) -> None:
        self.next_id = first_id
        self.jobs: dict[int, str] = {}
        self.ended: dict[int, bool] = {}

    def create_service_job(self, service_name: str, owner: str, start_info: dict[str, Any]) -> int:
        job_id, self.next_id = self.next_id, self.next_id + 1
        self.jobs[job_id] = service_name
        return job_id

    def end_service_job(self, job_id: int, canceled: bool) -> None:
        self.ended[job_id] = canceled


class BatchStatus(IntEnum):
    """`BrokerClientStatus` (catalogue §2.7)."""

    UNKNOWN = 0
    READY = 1
    PROCESSING = 2
    FINISHED = 3


@dataclass
class _Session:
    id: int
    service: str
    version: Version | None
    owner: str
    durable: bool
    info: dict[str, Any]
    timeout_s: float | None
    idle_s: float | None
    max_message: int


@dataclass
class _Batch:
    committed: bool = False
    purged: bool = False
    gen: int = 0  # bumped by purge: queued work and open streams of the old batch notice


@dataclass(frozen=True, slots=True)
class _Work:
    id: int
    session_id: int
    batch: str
    gen: int
    request: env.Request


_Key = tuple[int, str]


class Broker:
    def __init__(
        self,
        db_path: str | Path,
        registry: ServiceRegistry,
        jobs: ServiceJobs,
        *,
        broker_node: str = "localhost",
        workers: int = 32,
        flush_interval: float = 0.002,
    ) -> None:
        """Open (or restore from) `db_path`. `workers` bounds concurrent handler calls."""
        self.registry = registry
        self.jobs = jobs
        self.broker_node = broker_node
        self._store = Store(db_path)
        self._n_workers = workers
        self._flush_interval = flush_interval
        self._sessions: dict[int, _Session] = {}
        self._batches: dict[_Key, _Batch] = {}
        self._signals: dict[_Key, asyncio.Event] = {}
        self._results: list[tuple[_Work, str, str, bool]] = []
        self._queue: asyncio.Queue[_Work] | None = None
        self._flush_wake: asyncio.Event | None = None
        self._tasks: list[asyncio.Task[None]] = []
        for row in self._store.sessions():
            self._sessions[row.id] = _session_from_row(row)
        for sid, name, committed, purged in self._store.batches():
            self._batches[(sid, name)] = _Batch(committed, purged)
        self._done_seq = self._store.max_done_seq()

    # lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Start workers and requeue unanswered requests. Called implicitly by async methods."""
        if self._tasks:
            return
        self._queue = asyncio.Queue()
        self._flush_wake = asyncio.Event()
        for p in self._store.pending():
            b = self._batches.get((p.session_id, p.batch))
            self._queue.put_nowait(
                _Work(p.id, p.session_id, p.batch, b.gen if b else -1, p.request)
            )
        self._tasks = [asyncio.create_task(self._worker()) for _ in range(self._n_workers)]
        self._tasks.append(asyncio.create_task(self._flusher()))

    async def aclose(self) -> None:
        """Stop workers, persist computed responses, close the database."""
        for t in self._tasks:
            t.cancel()
        for t in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await t
        self._tasks = []
        self._flush()
        self._store.close()

    async def __aenter__(self) -> Broker:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # sessions ----------------------------------------------------------------------------

    def service_versions(self, service_name: str) -> list[dict[str, int]]:
        """`System.Version[]` as dicts `{_Build,_Major,_Minor,_Revision}`; Fault 404 if unknown."""
        return self.registry.service_versions(service_name)

    async def create_session(
        self, start_info: dict[str, Any], durable: bool, owner: str
    ) -> dict[str, Any]:
        """Start a session (and its service job); returns WebSessionInfo as a dict.

        Missing ServiceName → 400; unregistered service → 404; unregistered ServiceVersion → 400.
        MaxMessageSize: values below 1024 are taken as kilobytes (the documented unit), larger
        ones as bytes (what Microsoft's client sends); WebSessionInfo reports bytes.
        """
        await self.start()
        name = start_info.get("ServiceName")
        if not isinstance(name, str) or not name:
            raise bad_request("ServiceName is required.")
        service = self.registry.get(name, parse_version(start_info.get("ServiceVersion")))
        max_message = _int(start_info, "MaxMessageSize", DEFAULT_MAX_MESSAGE_SIZE)
        if max_message <= 0:
            raise bad_request("MaxMessageSize must be positive.")
        if max_message < 1024:
            max_message *= 1024
        timeout = _int(start_info, "ServiceOperationTimeout", DEFAULT_OPERATION_TIMEOUT_MS)
        _int(start_info, "ClientIdleTimeout", DEFAULT_CLIENT_IDLE_TIMEOUT_MS)  # validate
        job_id = self.jobs.create_service_job(service.name, owner, start_info)
        if job_id in self._sessions:
            raise Fault(500, 251658240, f"Session {job_id} already exists.")
        info = {
            "BrokerNode": self.broker_node,
            "Id": job_id,
            "IsDurable": durable,
            "MaxMessageSize": max_message,
            "ServiceOperationTimeout": timeout,
            "ServiceVersion": version_dict(service.version) if service.version else None,
        }
        stored = {k: v for k, v in start_info.items() if k != "Password"}
        row = SessionRow(job_id, service.name, owner, durable, stored, info)
        self._store.add_session(row)
        self._sessions[job_id] = _session_from_row(row)
        return dict(info)

    async def attach(self, session_id: int, durable: bool) -> dict[str, Any]:
        """WebSessionInfo of an open session; 404 if unknown, 400 if `durable` does not match."""
        session = self._session(session_id)
        if session.durable != durable:
            kind = "durable" if session.durable else "interactive"
            raise bad_request(f"Session {session_id} is {kind}.")
        return dict(session.info)

    def owner_of(self, session_id: int) -> str:
        """The user who created the session (for the HTTP layer's 403 checks)."""
        return self._session(session_id).owner

    async def close(self, session_id: int) -> None:
        """End the session's service job (not canceled) and delete everything it holds."""
        self._session(session_id)
        self._drop(session_id)
        self.jobs.end_service_job(session_id, False)

    async def job_ended(self, job_id: int) -> None:
        """The scheduler ended a service job by itself (e.g. user cancel): drop its session."""
        if job_id in self._sessions:
            self._drop(job_id)

    def _drop(self, session_id: int) -> None:
        del self._sessions[session_id]
        self._store.delete_session(session_id)
        for key in [k for k in self._batches if k[0] == session_id]:
            del self._batches[key]
            self._notify(key)

    # batches -----------------------------------------------------------------------------

    async def send(
        self, session_id: int, batch: str, body: bytes, generic: bool = False, commit: bool = False
    ) -> int:
        """Store and queue the requests in `body`; all or nothing. Returns how many.

        400: malformed or hostile body, message above MaxMessageSize, generic body for a
        non-generic service; 409: the batch is committed. An empty body adds nothing (useful
        with `commit=True`). A send to a purged batch starts it afresh.
        """
        await self.start()
        session = self._session(session_id)
        _check_batch_name(batch)
        key = (session_id, batch)
        b = self._batches.get(key)
        if b is not None and b.committed and not b.purged:
            raise invalid_state(f"Batch {batch} is already committed.")
        service = self.registry.get(session.service, session.version)
        if generic and not service.generic:
            raise bad_request(f"The service {service.name} is not a generic service.")
        requests = env.parse_generic(body) if generic else env.parse_message_array(body)
        for r in requests:
            if len(r.body.encode()) > session.max_message:
                raise bad_request(
                    f"A message is larger than MaxMessageSize ({session.max_message})."
                )
        ids = self._store.add_requests(session_id, batch, requests, commit)
        if b is None or b.purged:
            b = self._batches[key] = _Batch(gen=b.gen + 1 if b else 0)
        b.committed = b.committed or commit
        assert self._queue is not None
        for i, r in zip(ids, requests, strict=True):
            self._queue.put_nowait(_Work(i, session_id, batch, b.gen, r))
        self._notify(key)
        return len(requests)

    async def commit(self, session_id: int, batch: str) -> None:
        """No more requests for this batch. Idempotent; committing an unknown batch creates it empty."""
        await self.start()
        self._session(session_id)
        _check_batch_name(batch)
        key = (session_id, batch)
        self._store.commit_batch(session_id, batch)
        b = self._batches.get(key)
        if b is None or b.purged:
            b = self._batches[key] = _Batch(gen=b.gen + 1 if b else 0)
        b.committed = True
        self._notify(key)

    async def status(self, session_id: int, batch: str) -> int:
        """0 Unknown (never sent, or purged), 1 Ready (open), 2 Processing, 3 Finished."""
        self._session(session_id)
        b = self._batches.get((session_id, batch))
        if b is None or b.purged:
            return BatchStatus.UNKNOWN
        if not b.committed:
            return BatchStatus.READY
        _, pending = self._store.counts(session_id, batch)
        return BatchStatus.PROCESSING if pending else BatchStatus.FINISHED

    async def purge(self, session_id: int, batch: str) -> None:
        """Delete the batch's requests and responses; open streams end with ClientPurged."""
        self._session(session_id)
        key = (session_id, batch)
        b = self._batches.get(key)
        if b is None:
            raise not_found(f"Batch {batch} of session {session_id} not found.")
        self._store.purge_batch(session_id, batch)
        b.purged, b.committed, b.gen = True, False, b.gen + 1
        self._notify(key)

    # responses ---------------------------------------------------------------------------

    def responses(
        self,
        session_id: int,
        batch: str,
        *,
        generic: bool,
        count: int = -1,
        action: str = "",
        reset: bool = False,
        clientdata: str = "",
        idle_timeout: float | None = None,
    ) -> AsyncIterator[bytes]:
        """Validate now (Fault 404/400), then stream the response body as byte chunks.

        Streams responses in completion order. `count=-1` ends once the batch is committed and
        every (matching) response was returned; `count=n` ends after n responses or then. An
        uncommitted batch streams what is computed and waits for more until commit. The stream
        also ends if nothing new arrives for `idle_timeout` seconds (default: the session's
        ClientIdleTimeout) with reason ClientTimeout, or with ClientPurged when the batch is
        purged or the session closed. `reset=True` re-delivers from the start; `reset=False`
        continues, and in interactive sessions first deletes the responses already returned.
        Responses count as returned only once the consumer asks for more after the empty chunk
        that follows EndOfResponses (the HTTP layer does so only when every chunk went to a
        still-open connection, after ending the body, so the write is off the client's path):
        a stream cut anywhere re-delivers all its responses next time (DESIGN.md, "No SOA reply
        lost").
        """
        session = self._session(session_id)
        b = self._batches.get((session_id, batch))
        if b is None:
            raise not_found(f"Batch {batch} of session {session_id} not found.")
        if count < -1:
            raise bad_request("count must be -1 or a non-negative number.")
        if reset:
            self._store.reset_returned(session_id, batch)
        elif not session.durable:
            self._store.delete_returned(session_id, batch)
        idle = idle_timeout if idle_timeout is not None else session.idle_s
        return self._stream(session_id, batch, b.gen, generic, count, action, clientdata, idle)

    async def _stream(
        self,
        sid: int,
        batch: str,
        gen: int,
        generic: bool,
        count: int,
        action: str,
        clientdata: str,
        idle: float | None,
    ) -> AsyncIterator[bytes]:
        await self.start()
        key = (sid, batch)
        delivered, reason, last_seq = 0, "Success", 0
        sent: list[int] = []  # ids streamed so far, marked returned only when the stream completes
        if not generic:
            yield env.ARRAY_OPEN
        while count < 0 or delivered < count:
            b = self._batches.get(key)
            if b is None or b.purged or b.gen != gen:
                reason = "ClientPurged"
                break
            signal = self._signals.setdefault(key, asyncio.Event())
            limit = _CHUNK if count < 0 else min(_CHUNK, count - delivered)
            rows = self._store.unreturned(sid, batch, action, limit, last_seq)
            if rows:
                last_seq = rows[-1].done_seq
                yield env.render_stored(rows, generic, clientdata)
                sent.extend(r.id for r in rows)
                delivered += len(rows)
                continue
            if b.committed and not self._store.pending_count(sid, batch, action):
                break
            try:
                await asyncio.wait_for(signal.wait(), idle)
            except TimeoutError:
                reason = "ClientTimeout"
                break
        if generic:
            yield env.render_generic_end(delivered, reason).encode()
        else:
            yield env.render_end(delivered, reason, clientdata).encode() + env.ARRAY_CLOSE
        yield b""  # the body is complete: the HTTP layer ends it, then resumes us to mark
        if sent and key in self._batches and self._batches[key].gen == gen:
            self._store.mark_returned(sent)

    # workers -----------------------------------------------------------------------------

    async def _worker(self) -> None:
        assert self._queue is not None and self._flush_wake is not None
        while True:
            work = await self._queue.get()
            b = self._batches.get((work.session_id, work.batch))
            session = self._sessions.get(work.session_id)
            if session is None or b is None or b.gen != work.gen:
                continue  # purged or closed meanwhile
            reply_action, output, fault = await compute(
                self.registry, session.service, session.version, work.request, session.timeout_s
            )
            self._results.append((work, reply_action, output, fault))
            self._flush_wake.set()
            await asyncio.sleep(0)  # let the flusher and streams interleave

    async def _flusher(self) -> None:
        assert self._flush_wake is not None
        while True:
            await self._flush_wake.wait()
            self._flush_wake.clear()
            await asyncio.sleep(self._flush_interval)
            self._flush()

    def _flush(self) -> None:
        results, self._results = self._results, []
        if not results:
            return
        rows = []
        for work, reply_action, output, fault in results:
            self._done_seq += 1
            rows.append((work.id, reply_action, output, fault, self._done_seq))
        self._store.complete(rows)
        for key in {(w.session_id, w.batch) for w, *_ in results}:
            self._notify(key)

    # helpers -----------------------------------------------------------------------------

    def _notify(self, key: _Key) -> None:
        signal = self._signals.pop(key, None)
        if signal is not None:
            signal.set()

    def _session(self, session_id: int) -> _Session:
        session = self._sessions.get(session_id)
        if session is None:
            raise not_found(f"Session {session_id} not found.")
        return session


def _session_from_row(row: SessionRow) -> _Session:
    timeout = int(row.info["ServiceOperationTimeout"])
    idle = _int(row.start_info, "ClientIdleTimeout", DEFAULT_CLIENT_IDLE_TIMEOUT_MS)
    return _Session(
        id=row.id,
        service=row.service,
        version=parse_version(row.info["ServiceVersion"]),
        owner=row.owner,
        durable=row.durable,
        info=row.info,
        timeout_s=timeout / 1000 if timeout > 0 else None,
        idle_s=idle / 1000 if idle > 0 else None,
        max_message=int(row.info["MaxMessageSize"]),
    )


def _int(info: dict[str, Any], name: str, default: int) -> int:
    value = info.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise bad_request(f"{name} must be an integer.") from exc


def _check_batch_name(batch: str) -> None:
    if not batch or len(batch) > MAX_BATCH_NAME:
        raise bad_request(f"The batch name must be 1..{MAX_BATCH_NAME} characters.")
