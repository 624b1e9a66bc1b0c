"""Cluster operation logs of the /hpc API: node operations and node group changes made
through the emulator, latest first [D: "in time order, with the latest log being first"]."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

MAX_LOGS = 1000  # oldest dropped beyond this (bounded memory)


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(when: datetime) -> str:
    return when.isoformat()


@dataclass
class OperationLog:
    name: str
    operator: str
    node: str
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    state: str = "Executing"
    updated: datetime = field(default_factory=utcnow)
    entries: list[dict[str, Any]] = field(default_factory=list)

    def add(self, message: str, severity: str = "Information") -> None:
        self.updated = utcnow()
        self.entries.append(
            {
                "Message": message,
                "Severity": severity,
                "Source": "Node Manager",
                "CreateTime": iso(self.updated),
            }
        )

    def commit(self, message: str) -> None:
        self.add(message)
        self.state = "Committed"

    def view(self, detail: bool) -> dict[str, Any]:
        return {
            "Id": self.id,
            "Name": self.name,
            "State": self.state,
            "Operator": self.operator,
            "Node": self.node,
            "Cancelable": False,
            "UpdateTime": iso(self.updated),
            "Entries": list(reversed(self.entries)) if detail else None,
        }


@dataclass
class OperationLogs:
    logs: list[OperationLog] = field(default_factory=list)

    def start(self, name: str, operator: str, node: str) -> OperationLog:
        log = OperationLog(name, operator, node)
        self.logs.append(log)
        del self.logs[:-MAX_LOGS]
        return log

    def select(
        self, after: datetime | None, before: datetime | None, nodes: set[str] | None
    ) -> list[OperationLog]:
        """Matching logs, earliest first (times are exclusive bounds [D])."""
        out = [
            log
            for log in self.logs
            if (after is None or log.updated > after)
            and (before is None or log.updated < before)
            and (nodes is None or log.node.lower() in nodes)
        ]
        out.sort(key=lambda log: log.updated)
        return out
