"""SQLite persistence (WAL): every accepted change is committed before the HTTP answer.

What the scheduler does on its own (a pass, a process spawned or ended) is written in a
transaction committed two loop iterations later (`soon()`), so a burst of events costs one
commit, not one each; a request's `batch()` commits it at once with its own writes, and every
answer is preceded by a `flush()`: a client never sees a state a SIGKILL could lose.

Jobs and tasks are stored as JSON documents keyed by id; the in-memory scheduler is the
source of truth while running and this store makes it survive a SIGKILL. The SOA broker keeps
its own tables in the same database file through its own connection.

One emulator per data dir: the store holds an exclusive `flock` on `emulator.lock` beside the
database for its life (two emulators on one dir would both run every task); the kernel drops
it when the process dies, even by SIGKILL.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from hpc_emulator.private import touch_private

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tasks (
    job_id INTEGER NOT NULL, task_id INTEGER NOT NULL, instance_id INTEGER NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (job_id, task_id, instance_id)
);
"""
# Columns beside the documents, so that start-up and Get Job List read no JSON: a job's state,
# ChangeTime and Owner; whether a task has a run recorded (a restart must kill it). Added to
# older databases, and filled in for rows written without them (bench seeders), on open.
COLUMNS = {
    "jobs": ["state TEXT", "changed TEXT", "owner TEXT"],
    "tasks": ["live INTEGER"],
}
BACKFILL = """
UPDATE jobs SET state = json_extract(data, '$.props.State'),
    changed = json_extract(data, '$.props.ChangeTime'), owner = json_extract(data, '$.props.Owner')
    WHERE state IS NULL;
UPDATE tasks SET live = (json_extract(data, '$.pid') IS NOT NULL
    OR json_extract(data, '$.run_token') IS NOT NULL) WHERE live IS NULL;
CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state);
CREATE INDEX IF NOT EXISTS tasks_live ON tasks (job_id) WHERE live;
"""
TASK_ROW = (
    "INSERT OR REPLACE INTO tasks (job_id, task_id, instance_id, data, live) VALUES (?,?,?,?,?)"
)
LOCK_NAME = "emulator.lock"
COMMIT_DELAY = 0.005  # seconds a `soon()` transaction stays open (a crash loses at most that)
CHECKPOINT_EVERY = 200  # commits between two off-loop WAL checkpoints


def _iso(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()  # as `values.to_json`
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


# documents may hold datetimes: the C encoder calls `_iso` for those only (a Python call per
# property, as `to_json` made, was a third of the CPU of a save)
_ENCODE = json.JSONEncoder(default=_iso, check_circular=False).encode


def _task_row(key: tuple[int, int, int], data: dict[str, Any]) -> tuple[Any, ...]:
    live = data.get("pid") is not None or data.get("run_token") is not None
    return (*key, _ENCODE(data), live)


class DataDirLocked(RuntimeError):
    """Another live emulator uses this data directory."""


def lock_data_dir(directory: Path) -> int:
    """Take the data dir's lock (a descriptor to keep open) or raise DataDirLocked."""
    fd = os.open(directory / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
        os.close(fd)
        raise DataDirLocked(
            f"the data directory {directory} is in use by another emulator (pid {holder}); "
            "stop it or choose another --data-dir"
        ) from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return fd


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating it 0600) the database; SQLite gives its -wal/-shm files the same mode."""
    touch_private(path)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.chmod(0o600)
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives process kills
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


class Store:
    """Write-through document store; `batch()` groups several writes into one commit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock: int | None = lock_data_dir(path.parent)
        self.conn = connect(path)
        self.conn.executescript(SCHEMA)
        for table, columns in COLUMNS.items():
            have = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
            for column in columns:
                if column.split()[0] not in have:
                    self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
        self.conn.executescript(BACKFILL)
        # Checkpoints (copying the WAL into the database, with an fsync) took 10-20 ms on the
        # loop during a big expansion: this connection does none; a worker thread does them
        # through its own connection after every CHECKPOINT_EVERY commits (PASSIVE: no wait).
        self.conn.execute("PRAGMA wal_autocheckpoint=0")
        self._checkpointing = threading.Lock()
        self._depth = 0
        self._deferred = False  # a `soon()` transaction is open
        # task rows changed by the scheduler's own events, written once at the commit however
        # often they changed meanwhile (a sweep instance: Running, its PID, its end)
        self._pending: dict[tuple[int, int, int], Callable[[], dict[str, Any]]] = {}
        self._lazy = False  # inside a `soon()` that is not part of a request's batch
        self.commits = 0  # transactions committed (tests count them)
        self.task_rows = 0  # task rows written (tests count them)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction, committed on exit (with any deferred writes before it)."""
        if self._depth == 0:
            # inside a deferred transaction, a savepoint keeps a failed batch from undoing it
            self.conn.execute("SAVEPOINT batch" if self._deferred else "BEGIN")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                if self._deferred:
                    self.conn.execute("ROLLBACK TO batch")
                    self.conn.execute("RELEASE batch")
                    self._commit()
                else:
                    self.conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            if self._deferred:
                self.conn.execute("RELEASE batch")
            self._commit()

    @contextmanager
    def soon(self) -> Iterator[None]:
        """Writes of the scheduler's own events: committed COMMIT_DELAY later (or by the next
        answer's `flush`), so the events of a few ms share a commit: two loop iterations
        made a commit per task run (~0.2 ms and two callbacks). Needs a running loop."""
        if self._depth:
            yield  # part of a batch already open
            return
        if not self._deferred:
            self.conn.execute("BEGIN")
            self._deferred = True
            asyncio.get_running_loop().call_later(COMMIT_DELAY, self._commit_deferred)
        self._depth += 1  # the writes' own `batch()` must not commit
        lazy, self._lazy = self._lazy, True
        try:
            yield
        finally:
            self._depth -= 1
            self._lazy = lazy

    def _commit_deferred(self) -> None:
        if self._deferred and self._depth == 0:
            self._commit()

    def _write_pending(self) -> None:
        """Write the pending task rows (before a commit, and before any read)."""
        if self._pending:
            pending, self._pending = self._pending, {}
            self.conn.executemany(TASK_ROW, (_task_row(k, doc()) for k, doc in pending.items()))
            self.task_rows += len(pending)

    def _commit(self) -> None:
        self._write_pending()
        self.conn.execute("COMMIT")
        self._deferred = False
        self.commits += 1
        if self.commits % CHECKPOINT_EVERY == 0:
            threading.Thread(target=self._checkpoint, name="store-checkpoint", daemon=True).start()

    def _checkpoint(self) -> None:
        if not self._checkpointing.acquire(blocking=False):
            return  # one at a time; the next trigger catches up
        try:
            conn = sqlite3.connect(self.path, timeout=30)
            try:
                # no fsync of the database file: on ext4 it stalled the loop's next commits
                # 5-12 ms (journal commit); what is copied is in the OS's cache, which a
                # killed process does not lose (the durability kept: process kills, not
                # power loss, as `synchronous=NORMAL` already chose)
                conn.execute("PRAGMA synchronous=OFF")
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                conn.close()
        except sqlite3.Error:
            pass  # the next one retries; the WAL only grows meanwhile
        finally:
            self._checkpointing.release()

    def flush(self) -> None:
        """Commit deferred writes now (before an answer, at shutdown)."""
        if self._deferred and self._depth == 0:
            self._commit()

    def new_job_id(self, data: dict[str, Any]) -> int:
        with self.batch():
            cur = self.conn.execute("INSERT INTO jobs (data) VALUES (?)", (json.dumps(data),))
        assert cur.lastrowid is not None
        return cur.lastrowid

    def save_job(self, job_id: int, data: dict[str, Any]) -> None:
        props = data.get("props", {})
        with self.batch():
            self.conn.execute(
                "INSERT OR REPLACE INTO jobs (id, data, state, changed, owner) VALUES (?,?,?,?,?)",
                (
                    job_id,
                    _ENCODE(data),
                    props.get("State"),
                    props.get("ChangeTime"),
                    props.get("Owner"),
                ),
            )

    def save_task(
        self,
        job_id: int,
        task_id: int,
        instance_id: int,
        document: Callable[[], dict[str, Any]],
        now: bool = False,
    ) -> None:
        """Write the task's `document()` now, or at the commit inside a `soon()` (unless
        `now`), however often it changes until then."""
        key = (job_id, task_id, instance_id)
        if self._lazy and self._depth and not now:
            self._pending[key] = document
            return
        with self.batch():
            self._pending.pop(key, None)
            self.conn.execute(TASK_ROW, _task_row(key, document()))
            self.task_rows += 1

    def load_jobs(self, terminal: frozenset[str]) -> list[tuple[int, dict[str, Any]]]:
        """The jobs a scheduler holds: those not in a `terminal` state, and those with a run
        still recorded (canceled within its grace: a restart kills it)."""
        self._write_pending()
        marks = ",".join("?" * len(terminal))
        rows = self.conn.execute(
            f"SELECT id, data FROM jobs WHERE state IS NULL OR state NOT IN ({marks}) "
            "OR id IN (SELECT job_id FROM tasks WHERE live) ORDER BY id",
            tuple(terminal),
        ).fetchall()
        return [(int(r[0]), json.loads(r[1])) for r in rows]

    def load_job(self, job_id: int) -> dict[str, Any] | None:
        self._write_pending()
        row = self.conn.execute("SELECT data FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def load_tasks(self, job_ids: list[int]) -> list[tuple[int, int, int, dict[str, Any]]]:
        self._write_pending()
        out: list[tuple[int, int, int, dict[str, Any]]] = []
        for start in range(0, len(job_ids), 500):  # SQLite's bound on parameters
            chunk = job_ids[start : start + 500]
            rows = self.conn.execute(
                "SELECT job_id, task_id, instance_id, data FROM tasks "
                f"WHERE job_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY job_id, task_id, instance_id",
                chunk,
            ).fetchall()
            out.extend((int(a), int(b), int(c), json.loads(d)) for a, b, c, d in rows)
        return out

    def job_rows(self) -> list[tuple[int, str | None, str | None, str | None]]:
        """(id, state, ChangeTime, Owner) of every job, by id: what Get Job List filters on."""
        return self.conn.execute(
            "SELECT id, state, changed, owner FROM jobs ORDER BY id"
        ).fetchall()

    def job_exists(self, job_id: int) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM jobs WHERE id = ?", (job_id,)).fetchone() is not None
        )

    def close(self) -> None:
        self.flush()
        self.conn.close()
        if self._lock is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock)  # releases the flock
            self._lock = None
