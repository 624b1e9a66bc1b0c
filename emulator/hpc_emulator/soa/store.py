"""SQLite persistence of the broker: sessions, batches, requests and their responses.

Requests and responses share one row (`soa_messages`): a response is the request row with
`done_seq` set. `done_seq` is a broker-wide counter giving the order responses were computed,
which is the order they are streamed. Every write commits before returning, in WAL mode with
`synchronous=NORMAL`: an accepted request survives SIGKILL of the emulator (not power loss).
One connection, guarded by a lock: the broker runs on one event loop, but handlers of sync
services run on threads and the HTTP layer may call from anywhere.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .envelopes import Request

_SCHEMA = """
CREATE TABLE IF NOT EXISTS soa_sessions (
    id INTEGER PRIMARY KEY, service TEXT NOT NULL, owner TEXT NOT NULL, durable INTEGER NOT NULL,
    start_info TEXT NOT NULL, info TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS soa_batches (
    session_id INTEGER NOT NULL, name TEXT NOT NULL, committed INTEGER NOT NULL DEFAULT 0,
    purged INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (session_id, name));
CREATE TABLE IF NOT EXISTS soa_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT, session_id INTEGER NOT NULL, batch TEXT NOT NULL,
    action TEXT NOT NULL, message_id TEXT NOT NULL, user_data TEXT NOT NULL,
    generic INTEGER NOT NULL, body TEXT NOT NULL,
    done_seq INTEGER, reply_action TEXT, output TEXT, fault INTEGER NOT NULL DEFAULT 0,
    returned INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS soa_messages_batch ON soa_messages (session_id, batch, done_seq);
"""


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    service: str
    owner: str
    durable: bool
    start_info: dict[str, Any]
    info: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Pending:
    """A request still to be computed."""

    id: int
    session_id: int
    batch: str
    request: Request


@dataclass(frozen=True, slots=True)
class ResponseRow:
    id: int
    action: str
    message_id: str
    user_data: str
    generic: bool
    reply_action: str
    output: str
    fault: bool
    done_seq: int


class Store:
    def __init__(self, path: str | Path) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _tx(self, statements: Iterable[tuple[str, Sequence[Any]]]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for sql, args in statements:
                    self._db.execute(sql, args)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # sessions and batches ----------------------------------------------------------------

    def add_session(self, row: SessionRow) -> None:
        sql = "INSERT INTO soa_sessions VALUES (?,?,?,?,?,?)"
        args = (row.id, row.service, row.owner, int(row.durable), json.dumps(row.start_info))
        self._tx([(sql, (*args, json.dumps(row.info)))])

    def delete_session(self, session_id: int) -> None:
        self._tx(
            (f"DELETE FROM soa_{t} WHERE {c} = ?", (session_id,))
            for t, c in (("messages", "session_id"), ("batches", "session_id"), ("sessions", "id"))
        )

    def sessions(self) -> list[SessionRow]:
        rows = self._query("SELECT * FROM soa_sessions")
        return [
            SessionRow(r[0], r[1], r[2], bool(r[3]), json.loads(r[4]), json.loads(r[5]))
            for r in rows
        ]

    def batches(self) -> list[tuple[int, str, bool, bool]]:
        rows = self._query("SELECT session_id, name, committed, purged FROM soa_batches")
        return [(r[0], r[1], bool(r[2]), bool(r[3])) for r in rows]

    def add_requests(
        self, sid: int, batch: str, requests: list[Request], commit: bool
    ) -> list[int]:
        """Store the requests (and the batch row) in one transaction; return their row ids."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "INSERT INTO soa_batches VALUES (?,?,?,0) ON CONFLICT DO UPDATE SET "
                    "purged = 0, committed = committed OR excluded.committed",
                    (sid, batch, int(commit)),
                )
                self._db.executemany(
                    "INSERT INTO soa_messages (session_id, batch, action, message_id, "
                    "user_data, generic, body) VALUES (?,?,?,?,?,?,?)",
                    [
                        (sid, batch, r.action, r.message_id, r.user_data, int(r.generic), r.body)
                        for r in requests
                    ],
                )
                # Under BEGIN IMMEDIATE nobody else inserts: the new ids are consecutive.
                last = int(self._db.execute("SELECT last_insert_rowid()").fetchone()[0])
                ids = list(range(last - len(requests) + 1, last + 1))
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return ids

    def commit_batch(self, sid: int, batch: str) -> None:
        self._tx(
            [
                (
                    "INSERT INTO soa_batches VALUES (?,?,1,0) ON CONFLICT DO UPDATE SET committed = 1",
                    (sid, batch),
                )
            ]
        )

    def purge_batch(self, sid: int, batch: str) -> None:
        self._tx(
            [
                ("DELETE FROM soa_messages WHERE session_id = ? AND batch = ?", (sid, batch)),
                (
                    "UPDATE soa_batches SET purged = 1, committed = 0 WHERE session_id = ? AND name = ?",
                    (sid, batch),
                ),
            ]
        )

    # work and responses --------------------------------------------------------------------

    def pending(self) -> list[Pending]:
        rows = self._query(
            "SELECT id, session_id, batch, action, message_id, user_data, generic, body "
            "FROM soa_messages WHERE done_seq IS NULL ORDER BY id"
        )
        return [
            Pending(r[0], r[1], r[2], Request(r[3], r[4], r[5], r[7], bool(r[6]))) for r in rows
        ]

    def max_done_seq(self) -> int:
        return int(self._query("SELECT COALESCE(MAX(done_seq), 0) FROM soa_messages")[0][0])

    def complete(self, results: list[tuple[int, str, str, bool, int]]) -> None:
        """Store (id, reply_action, output, fault, done_seq) for computed requests."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "UPDATE soa_messages SET reply_action = ?, output = ?, fault = ?, done_seq = ? WHERE id = ?",
                [(a, o, int(f), s, i) for i, a, o, f, s in results],
            )
            self._db.execute("COMMIT")

    def counts(self, sid: int, batch: str) -> tuple[int, int]:
        """(requests, still pending) in the batch."""
        r = self._query(
            "SELECT COUNT(*), COUNT(*) - COUNT(done_seq) FROM soa_messages WHERE session_id = ? AND batch = ?",
            (sid, batch),
        )[0]
        return int(r[0]), int(r[1])

    def pending_count(self, sid: int, batch: str, action: str) -> int:
        sql = "SELECT COUNT(*) FROM soa_messages WHERE session_id = ? AND batch = ? AND done_seq IS NULL"
        if action:
            return int(self._query(sql + " AND action = ?", (sid, batch, action))[0][0])
        return int(self._query(sql, (sid, batch))[0][0])

    def unreturned(
        self, sid: int, batch: str, action: str, limit: int, after: int = 0
    ) -> list[ResponseRow]:
        """Computed, not yet returned responses with `done_seq > after`, in completion order.

        Streams pass the last `done_seq` they yielded as `after`: an index range scan instead
        of re-skipping every already-returned row of a big durable batch.
        """
        sql = (
            "SELECT id, action, message_id, user_data, generic, reply_action, output, fault, done_seq "
            "FROM soa_messages WHERE session_id = ? AND batch = ? AND done_seq IS NOT NULL "
            "AND returned = 0 AND done_seq > ?"
        )
        args: list[Any] = [sid, batch, after]
        if action:
            sql += " AND action = ?"
            args.append(action)
        rows = self._query(sql + " ORDER BY done_seq LIMIT ?", (*args, limit))
        return [
            ResponseRow(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6], bool(r[7]), r[8])
            for r in rows
        ]

    def mark_returned(self, ids: list[int]) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "UPDATE soa_messages SET returned = 1 WHERE id = ?", [(i,) for i in ids]
            )
            self._db.execute("COMMIT")

    def reset_returned(self, sid: int, batch: str) -> None:
        self._tx(
            [
                (
                    "UPDATE soa_messages SET returned = 0 WHERE session_id = ? AND batch = ?",
                    (sid, batch),
                )
            ]
        )

    def delete_returned(self, sid: int, batch: str) -> None:
        self._tx(
            [
                (
                    "DELETE FROM soa_messages WHERE session_id = ? AND batch = ? AND returned = 1",
                    (sid, batch),
                )
            ]
        )
