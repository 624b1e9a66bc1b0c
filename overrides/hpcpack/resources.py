"""Resource helpers of `HpcClient`: jobs, tasks, subtasks, nodes, cluster.

Thin, typed wrappers over the generated operations: typed views in, typed views out,
name/value lists rendered the wire way. Each method builds its request with `calls` (shared
with the async twins in `aresources`) and sends it.
"""

from __future__ import annotations

import builtins
import datetime
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import calls, waiting
from .calls import TERMINAL_JOB_STATES, Call, Pages, ProgressCallback
from .paging import iter_rows
from .transport import _Bounded

if TYPE_CHECKING:  # models in annotations only: each loads at its first use
    from hpc_client.models import Cluster as ClusterRow
    from hpc_client.models import Job, JobState, Node, NodeGroup, Task, TaskState, Version
    from hpc_rest_client.models import MetricData, MetricDefinition, OperationLog
    from hpc_rest_client.models import Node as RestNode
    from hpc_rest_client.models import NodeGroup as RestNodeGroup

    from ._dialects import Calls, RestCalls
    from .client import HpcClient
    from .paging import Window

__all__ = ["TERMINAL_JOB_STATES", "Cluster", "Jobs", "NodeGroups", "Nodes", "Subtasks", "Tasks"]

R = TypeVar("R")
M = TypeVar("M")


class _Resource:
    """Sends each operation over the client's API (`_via`: the `calls` builders of WindowsHpc
    or their `restcalls` twins of `/hpc`, see `apis`), or over the one API that has it."""

    def __init__(self, hpc: HpcClient) -> None:
        self._hpc = hpc

    @property
    def _raw(self) -> Any:
        return self._hpc.raw

    def _send(self, call: Call[R]) -> R:
        """A WindowsHpc-only operation."""
        return calls.send(self._hpc.http, call)

    def _via(self, build: Callable[[Calls, Any], Call[R]]) -> R:
        """An operation both APIs have, over the client's API: `build(calls module, raw)`."""
        api = self._hpc._dialect()
        return calls.send(api.http, build(api.calls, api.raw))

    def _rest(self, build: Callable[[RestCalls, Any], Call[R]]) -> R:
        """A `/hpc`-only operation (`ApiUnavailable` where the head node lacks it)."""
        from . import restcalls

        api = self._hpc._rest_dialect()
        return calls.send(api.http, build(restcalls, api.raw))

    def _rows(self, build: Callable[[Calls], Pages[M]]) -> Iterator[M]:
        api = self._hpc._dialect()
        pages = build(api.calls)

        def fetch(token: str | None) -> httpx.Response:
            response: httpx.Response = api.http.request(**pages.request(token))
            return response

        return iter_rows(
            fetch, pages.model, pages.key, ordered=pages.ordered, limits=self._hpc.paging
        )


class Jobs(_Resource):
    """Create, submit, inspect, modify, cancel, requeue and wait for jobs."""

    def create(self, job: Job | None = None, *, tasks: Iterable[Task] = (), **props: Any) -> int:
        """Create Job (Configuring state), then Add Task for each of `tasks`; returns the job id.

        Not atomic: if adding a task fails, the job exists (Configuring) with the tasks added so
        far; the error is raised and the job id is in the server's job list.
        """
        job_id = self._via(lambda c, raw: c.create_job_call(raw, job, props))
        for task in tasks:
            self.add_task(job_id, task)
        return job_id

    def create_from_xml(self, xml: str) -> int:
        """Create Job From XML (an HpcJobXml document, sent verbatim)."""
        return self._via(lambda c, raw: c.create_job_from_xml_call(raw, xml))

    def get(self, job_id: int, properties: str | Iterable[str] | None = None) -> Job:
        return self._via(lambda c, raw: c.get_job_call(job_id, properties))

    def get_xml(self, job_id: int) -> str:
        """The job as an HpcJobXml document (Render=HpcJobXml), bounded by `max_body`."""
        bounded = _Bounded(self._hpc.transport.max_body)
        with self._hpc.http.stream(**calls.job_xml_request(job_id)) as response:
            for chunk in response.iter_bytes():
                bounded.add(chunk)
        return bounded.body().decode("utf-8")

    def list(
        self,
        *,
        owner: str | None = None,
        state: JobState | str | None = None,
        changed_since: Any | None = None,
        properties: str | Iterable[str] | None = None,
        sort_by: str | None = None,
        rows_per_read: int | None = None,
    ) -> Iterator[Job]:
        """Every job (lazily, page by page)."""
        return self._rows(
            lambda c: c.job_pages(owner, state, changed_since, properties, sort_by, rows_per_read)
        )

    def set(self, job_id: int, job: Job | None = None, **props: Any) -> None:
        self._via(lambda c, raw: c.set_job_call(raw, job_id, job, props))

    def submit(
        self, job_id: int, *, username: str | None = None, password: str | None = None, **props: Any
    ) -> None:
        self._via(lambda c, raw: c.submit_job_call(raw, job_id, username, password, props))

    def cancel(self, job_id: int, reason: str | None = None, *, forced: bool = False) -> None:
        self._via(lambda c, raw: c.cancel_job_call(raw, job_id, reason, forced))

    def requeue(self, job_id: int) -> None:
        self._via(lambda c, raw: c.requeue_job_call(raw, job_id))

    def window(
        self,
        start_row: int,
        rows: int,
        *,
        owner: str | None = None,
        state: JobState | str | None = None,
        properties: str | Iterable[str] | None = None,
        sort_by: str | None = None,
        ascending: bool | None = None,
    ) -> Window[Job]:
        """`rows` jobs from `start_row` (0-based) and the total, in one request: offset paging
        (`/hpc`, 2016 Update 3 with KB4537169 and later), cheaper than a continuation walk to
        show page N of a long list or to count it."""
        return self._rest(
            lambda c, raw: c.job_window_call(
                owner, state, properties, sort_by, ascending, start_row, rows
            )
        )

    def finish(self, job_id: int, message: str | None = None) -> None:
        """End an active job as Finished, with `message` (`/hpc`, 2016 Update 3 and later)."""
        self._rest(lambda c, raw: c.finish_job_call(raw, job_id, message))

    def add_task(self, job_id: int, task: Task | None = None, **props: Any) -> int:
        """Add Task; returns the per-job task id."""
        return self._via(lambda c, raw: c.add_task_call(raw, job_id, task, props))

    def custom_properties(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return self._via(lambda c, raw: c.job_custom_properties_call(raw, job_id, names_))

    def set_custom_properties(self, job_id: int, values: Mapping[str, Any]) -> None:
        self._via(lambda c, raw: c.set_job_custom_properties_call(raw, job_id, values))

    def env_variables(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return self._via(lambda c, raw: c.job_env_variables_call(raw, job_id, names_))

    def set_env_variables(self, job_id: int, values: Mapping[str, Any]) -> None:
        self._via(lambda c, raw: c.set_job_env_variables_call(raw, job_id, values))

    def wait(
        self,
        job_id: int,
        *,
        timeout: float | None = None,
        poll_interval: float = 2.0,
        progress: ProgressCallback | None = None,
    ) -> Job:
        """Poll every `poll_interval` s until the job is Finished, Failed or Canceled; returns
        the terminal Job (all its properties).

        A poll is one Get Job for `State,Progress` (the Job `progress` receives) and, with
        `progress`, one Get Task List of the tasks changed since the previous poll, plus a page
        per 1,000 more changed tasks: its cost follows what changed, not the job's size (the
        first poll lists every task once). `progress(job, counts)` gets the task counts per
        state. Servers without `$filter` (api-version None or before 2012-11-01) are sent the
        full task list each poll. The end costs one more Get Job. See `hpcpack.waiting`.
        """
        deadline = calls.deadline_of(timeout)
        ticks = waiting.Ticks(poll_interval)
        api = self._hpc._dialect()
        tasks = waiting.TaskStates(waiting.filterable_on(api, self._hpc._config.api_version))
        while True:
            job = self.get(job_id, waiting.POLL_PROPERTIES)
            if progress is not None:
                self._changed_tasks(job_id, tasks)
                progress(job, tasks.counts())
            if calls.job_done(job, job_id, deadline, timeout):
                return self.get(job_id)
            time.sleep(ticks.delay(deadline))

    def _changed_tasks(self, job_id: int, tasks: waiting.TaskStates) -> None:
        api = self._hpc._dialect()
        pages = tasks.pages(job_id, api.calls)

        def fetch(token: str | None) -> httpx.Response:
            response: httpx.Response = api.http.request(**pages.request(token))
            tasks.page_arrived()  # after the whole page was read
            return response

        for task in iter_rows(fetch, pages.model, pages.key, ordered=pages.ordered):
            tasks.add(task)


class Tasks(_Resource):
    """Tasks of a job."""

    def get(self, job_id: int, task_id: int, properties: str | Iterable[str] | None = None) -> Task:
        return self._via(lambda c, raw: c.get_task_call(job_id, task_id, properties))

    def list(
        self,
        job_id: int,
        *,
        state: TaskState | str | None = None,
        changed_since: Any | None = None,
        properties: str | Iterable[str] | None = None,
        expand_parametric: bool | None = None,
        sort_by: str | None = None,
        rows_per_read: int | None = None,
    ) -> Iterator[Task]:
        return self._rows(
            lambda c: c.task_pages(
                job_id, state, changed_since, properties, expand_parametric, sort_by, rows_per_read
            )
        )

    def output(self, job_id: int, task_id: int) -> str | None:
        """The task's `Output` (the end of its standard output, as the scheduler keeps it)."""
        return calls.output_of(self.get(job_id, task_id, properties=calls.OUTPUT_PROPERTIES))

    def set(self, job_id: int, task_id: int, task: Task | None = None, **props: Any) -> None:
        self._via(lambda c, raw: c.set_task_call(raw, job_id, task_id, task, props))

    def cancel(
        self, job_id: int, task_id: int, reason: str | None = None, *, forced: bool = False
    ) -> None:
        self._via(lambda c, raw: c.cancel_task_call(raw, job_id, task_id, reason, forced))

    def requeue(self, job_id: int, task_id: int) -> None:
        self._via(lambda c, raw: c.requeue_task_call(raw, job_id, task_id))

    def window(
        self,
        job_id: int,
        start_row: int,
        rows: int,
        *,
        state: TaskState | str | None = None,
        properties: str | Iterable[str] | None = None,
        sort_by: str | None = None,
        ascending: bool | None = None,
    ) -> Window[Task]:
        """`Jobs.window` for a job's tasks (sweep instances expanded)."""
        return self._rest(
            lambda c, raw: c.task_window_call(
                job_id, state, properties, sort_by, ascending, start_row, rows
            )
        )

    def finish(self, job_id: int, task_id: int, message: str | None = None) -> None:
        """End a running task as Finished (`/hpc`, 2016 Update 3 and later)."""
        self._rest(lambda c, raw: c.finish_task_call(raw, job_id, task_id, message))

    def custom_properties(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return self._via(lambda c, raw: c.task_custom_properties_call(raw, job_id, task_id, names_))

    def set_custom_properties(self, job_id: int, task_id: int, values: Mapping[str, Any]) -> None:
        self._via(lambda c, raw: c.set_task_custom_properties_call(raw, job_id, task_id, values))

    def env_variables(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return self._via(lambda c, raw: c.task_env_variables_call(raw, job_id, task_id, names_))

    def set_env_variables(self, job_id: int, task_id: int, values: Mapping[str, Any]) -> None:
        self._via(lambda c, raw: c.set_task_env_variables_call(raw, job_id, task_id, values))


class Subtasks(_Resource):
    """Instances of parametric sweep tasks."""

    def get(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        properties: str | Iterable[str] | None = None,
    ) -> Task:
        return self._via(lambda c, raw: c.get_subtask_call(job_id, task_id, subtask_id, properties))

    def set(
        self, job_id: int, task_id: int, subtask_id: int, task: Task | None = None, **props: Any
    ) -> None:
        self._via(lambda c, raw: c.set_subtask_call(raw, job_id, task_id, subtask_id, task, props))

    def cancel(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        reason: str | None = None,
        *,
        forced: bool = False,
    ) -> None:
        self._via(
            lambda c, raw: c.cancel_subtask_call(raw, job_id, task_id, subtask_id, reason, forced)
        )

    def requeue(self, job_id: int, task_id: int, subtask_id: int) -> None:
        self._via(lambda c, raw: c.requeue_subtask_call(raw, job_id, task_id, subtask_id))

    def finish(
        self, job_id: int, task_id: int, subtask_id: int, message: str | None = None
    ) -> None:
        """End a running sweep instance as Finished (`/hpc`, 2016 Update 3 and later)."""
        self._rest(lambda c, raw: c.finish_subtask_call(raw, job_id, task_id, subtask_id, message))


class Nodes(_Resource):
    """Compute nodes and node groups."""

    def list(
        self,
        *,
        state: Any | None = None,
        changed_since: Any | None = None,
        properties: str | Iterable[str] | None = None,
        sort_by: str | None = None,
        rows_per_read: int | None = None,
    ) -> Iterator[Node]:
        return self._rows(
            lambda c: c.node_pages(state, changed_since, properties, sort_by, rows_per_read)
        )

    def get(self, name: str) -> Node:
        return self._via(lambda c, raw: c.get_node_call(name))

    def groups(self) -> builtins.list[NodeGroup]:
        return self._via(lambda c, raw: c.node_groups_call(raw))

    def group_members(self, group: str) -> builtins.list[str]:
        return self._via(lambda c, raw: c.node_group_members_call(raw, group))

    # /hpc only (HPC Pack 2019): typed nodes, node operations, statistics and metrics

    def describe(self, name: str) -> RestNode:
        """The typed node of the 2019 API (state, health, cores, groups, roles...)."""
        return self._rest(lambda c, raw: c.cluster_node_call(raw, name))

    def describe_all(
        self, *, group: str | None = None, state: str | None = None, health: str | None = None
    ) -> builtins.list[RestNode]:
        return self._rest(lambda c, raw: c.cluster_nodes_call(raw, group, state, health))

    def operate(self, name: str, operation: str) -> None:
        """Start a node operation (`start`, `stop`, `reboot`, `shutdown`, `bringOnline`,
        `takeOffline`). The head node answers 202 and applies it later: poll
        `describe(name).state`."""
        self._rest(lambda c, raw: c.node_operation_call(raw, name, operation))

    def take_offline(self, name: str) -> None:
        self.operate(name, "takeOffline")

    def bring_online(self, name: str) -> None:
        self.operate(name, "bringOnline")

    def start(self, name: str) -> None:
        self.operate(name, "start")

    def stop(self, name: str) -> None:
        self.operate(name, "stop")

    def reboot(self, name: str) -> None:
        self.operate(name, "reboot")

    def shutdown(self, name: str) -> None:
        self.operate(name, "shutdown")

    def state_counts(self) -> dict[str, int]:
        """Nodes per state."""
        return self._rest(lambda c, raw: c.node_state_counts_call(raw))

    def health_counts(self) -> dict[str, int]:
        """Nodes per health."""
        return self._rest(lambda c, raw: c.node_health_counts_call(raw))

    def metrics(self, *names: str) -> dict[str, dict[str, float]]:
        """The latest value of each named metric (e.g. `HPCCoresInUse`) per node."""
        return self._rest(lambda c, raw: c.node_metrics_call(raw, names))


class NodeGroups(_Resource):
    """Node groups and their membership (`/hpc`, HPC Pack 2019; `hpc.nodes.groups()` and
    `group_members()` read them on every version)."""

    def list(self) -> builtins.list[RestNodeGroup]:
        return self._rest(lambda c, raw: c.groups_call(raw))

    def get(self, name: str) -> RestNodeGroup:
        return self._rest(lambda c, raw: c.group_call(raw, name))

    def create(self, name: str, description: str | None = None) -> RestNodeGroup:
        return self._rest(lambda c, raw: c.create_group_call(raw, name, description))

    def update(self, name: str, description: str | None = None) -> RestNodeGroup:
        return self._rest(lambda c, raw: c.update_group_call(raw, name, description))

    def delete(self, name: str) -> None:
        self._rest(lambda c, raw: c.delete_group_call(raw, name))

    def members(self, name: str) -> builtins.list[str]:
        return self._rest(lambda c, raw: c.group_nodes_call(raw, name))

    def add(self, name: str, *nodes: str) -> builtins.list[str]:
        """Add nodes; returns the group's members after the change."""
        return self._rest(lambda c, raw: c.move_nodes_call(raw, name, "add", nodes))

    def remove(self, name: str, *nodes: str) -> builtins.list[str]:
        """Remove nodes; returns the group's members after the change."""
        return self._rest(lambda c, raw: c.move_nodes_call(raw, name, "remove", nodes))


class Cluster(_Resource):
    """Cluster-wide information."""

    def version(self) -> str:
        return self._via(lambda c, raw: c.version_call(raw))

    def active_head_node(self) -> str:
        return self._via(lambda c, raw: c.active_head_node_call(raw))

    def templates(self) -> list[str]:
        return self._via(lambda c, raw: c.templates_call(raw))

    def clusters(self) -> list[ClusterRow]:
        """Get Clusters: always at the root, without the cluster segment."""
        return self._send(calls.clusters_call(self._hpc.root_url))

    def service_versions(self, service: str) -> list[Version]:
        return self._send(calls.service_versions_call(self._raw, service))

    # /hpc only

    def user_roles(self) -> list[str]:
        """The caller's roles (`Administrator`, `JobAdministrator`, `User`, ...)."""
        return self._rest(lambda c, raw: c.user_roles_call(raw))

    def metric_definitions(self) -> list[MetricDefinition]:
        return self._rest(lambda c, raw: c.metric_definitions_call(raw))

    def metrics(self, name: str, start: datetime.datetime, end: datetime.datetime) -> MetricData:
        """The history of one cluster metric between `start` and `end` (HPC Pack 2019)."""
        return self._rest(lambda c, raw: c.metric_history_call(raw, name, start, end))

    def job_metrics(self) -> MetricData:
        """Jobs per state over time (HPC Pack 2019)."""
        return self._rest(lambda c, raw: c.job_metrics_call(raw))

    def date_time_format(self) -> str:
        """The .NET format of date-times in `/hpc` property values."""
        return self._rest(lambda c, raw: c.date_time_format_call(raw))

    def operations(
        self,
        *,
        start: datetime.datetime | None = None,
        end: datetime.datetime | None = None,
        limit: int | None = None,
        nodes: Iterable[str] = (),
        with_detail: bool = False,
    ) -> list[OperationLog]:
        """Cluster operation logs (node operations, group changes), latest first (2019)."""
        return self._rest(
            lambda c, raw: c.operations_call(raw, start, end, limit, nodes, with_detail)
        )

    def first_operation(
        self,
        *,
        start: datetime.datetime | None = None,
        end: datetime.datetime | None = None,
        nodes: Iterable[str] = (),
    ) -> OperationLog:
        return self._rest(lambda c, raw: c.first_operation_call(raw, start, end, nodes))

    def operation(self, operation_id: str) -> OperationLog:
        """One operation log with its entries."""
        return self._rest(lambda c, raw: c.operation_call(raw, operation_id))
