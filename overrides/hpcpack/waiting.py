"""What `Jobs.wait` / `AsyncJobs.wait` ask for each poll, and the task states kept between polls.

A poll is a Get Job for `POLL_PROPERTIES` (what decides the end) and, with a progress callback,
a Get Task List of the tasks changed since the previous poll (`$filter=ChangeTimeFrom eq ...`,
`Render=RestPropRender`, `RowsPerRead=ROWS_PER_READ`), merged into one state per task. So a poll
costs 2 requests plus one per `ROWS_PER_READ` more changed tasks, whatever the job's size; the
first poll lists every task once, and the end costs one full Get Job (the Job `wait` returns).

The filter's date is on the server's clock and in its rendering, never the client's: the newest
`ChangeTime` seen, advanced by the client's monotonic time elapsed since the page that carried
it arrived (the server answered before that, and takes the next snapshot after the next request
leaves), minus `MARGIN` for changes committed late. No clock skew, time zone or `Date` header
enters; the date goes back in the ISO form of the documentation's example, without a zone, as
the server rendered it [I: the service's reading of the literal is not documented].
Servers without `$filter` (no api-version, or one before 2012-11-01 [D: catalogue]) get the
full list, 10 rows a page, every poll, as before.
"""

from __future__ import annotations

import datetime
import math
import time
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hpc_client import models

from . import calls
from .calls import Pages

if TYPE_CHECKING:  # the task models are imported by a wait's first poll (not `hpc job view`)
    from hpc_client.models import Task, TaskState

__all__ = ["MARGIN", "POLL_PROPERTIES", "ROWS_PER_READ", "TaskStates", "Ticks", "filterable"]

POLL_PROPERTIES = "Id,State,Progress"
TASK_PROPERTIES = "TaskId,State,ChangeTime"
ROWS_PER_READ = 1000  # [I] the documented default is 10; no maximum is documented
MARGIN = datetime.timedelta(seconds=2)  # [I] commits that land after their ChangeTime
FIRST_FILTER_VERSION = "2012-11-01"  # $filter needs api-version >= 2012-11-01 [D: catalogue]


def filterable(api_version: str | None) -> bool:
    """Whether Get Task List takes `$filter` (and `RowsPerRead`) at this api-version."""
    return api_version is not None and api_version[:10] >= FIRST_FILTER_VERSION


def filterable_on(api: Any, api_version: str | None) -> bool:
    """`filterable` for a client's API: `/hpc` always takes `$filter` [D]."""
    return api.name == "hpc" or filterable(api_version)


def _naive(value: datetime.datetime) -> datetime.datetime:
    """Server-rendered times are naive (local); an aware one is taken as its UTC time."""
    if value.tzinfo is None:
        return value
    return value.astimezone(datetime.UTC).replace(tzinfo=None)


def _elapsed(seconds: float) -> datetime.timedelta:
    return datetime.timedelta(seconds=seconds)


class TaskStates:
    """One state per task, refreshed from changed-only task lists, and the next list's date."""

    def __init__(self, filter_ok: bool) -> None:
        self.filter_ok = filter_ok
        self.states: dict[str, TaskState] = {}
        # max(ChangeTime - monotonic arrival of its page): + monotonic now = a server time
        # that has certainly passed
        self._base: datetime.datetime | None = None
        self._arrived = 0.0

    def since(self) -> datetime.datetime | None:
        """ChangeTimeFrom for a list sent now: no change missing from our states is older."""
        if self._base is None:
            return None
        return (self._base + _elapsed(time.monotonic()) - MARGIN).replace(microsecond=0)

    def pages(self, job_id: int, api_calls: Any = calls) -> Pages[Task]:
        """This poll's task list: changed since the last poll, or every task (`api_calls`:
        `calls` or its `/hpc` twin `restcalls`)."""
        if not self.filter_ok:
            return api_calls.task_pages(job_id, None, None, TASK_PROPERTIES, None, None, None)  # type: ignore[no-any-return]
        since = self.since()
        return api_calls.task_pages(  # type: ignore[no-any-return]
            job_id, None, since, TASK_PROPERTIES, None, None, ROWS_PER_READ
        )

    def page_arrived(self) -> None:
        self._arrived = time.monotonic()

    def add(self, task: Task) -> None:
        key = task.task_id
        if isinstance(key, str) and isinstance(task.state, models.TaskState):
            self.states[key] = task.state
        changed = task.change_time
        if isinstance(changed, datetime.datetime):
            base = _naive(changed) - _elapsed(self._arrived)
            if self._base is None or base > self._base:
                self._base = base

    def counts(self) -> Mapping[TaskState, int]:
        return Counter(self.states.values())


class Ticks:
    """Polls at a fixed rate (start + k * interval), skipping the ticks a slow poll overran, so
    progress callbacks fire at the requested interval rather than every interval + poll time."""

    def __init__(self, interval: float) -> None:
        self.interval = max(interval, 0.0)
        self.next = time.monotonic()

    def delay(self, deadline: float | None) -> float:
        """Seconds to sleep before the next poll (never past `deadline`)."""
        now = time.monotonic()
        self.next += self.interval
        if self.next < now and self.interval > 0:
            self.next += math.ceil((now - self.next) / self.interval) * self.interval
        wait = max(self.next - now, 0.0)
        return wait if deadline is None else min(wait, max(deadline - now, 0.0))
