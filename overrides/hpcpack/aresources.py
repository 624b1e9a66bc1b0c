"""Async twins of the resource helpers (`AsyncHpcClient.jobs`, ...): the same `calls` as
`resources`, awaited."""

from __future__ import annotations

import asyncio
import builtins
import datetime
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import calls, waiting
from .calls import Call, Pages, ProgressCallback
from .paging import aiter_rows
from .transport import _Bounded

if TYPE_CHECKING:  # models in annotations only: each loads at its first use
    from hpc_client.models import Cluster as ClusterRow
    from hpc_client.models import Job, JobState, Node, NodeGroup, Task, TaskState, Version
    from hpc_rest_client.models import MetricData, MetricDefinition, OperationLog
    from hpc_rest_client.models import Node as RestNode
    from hpc_rest_client.models import NodeGroup as RestNodeGroup

    from ._dialects import Calls, RestCalls
    from .client import AsyncHpcClient
    from .paging import Window

__all__ = [
    "AsyncCluster",
    "AsyncJobs",
    "AsyncNodeGroups",
    "AsyncNodes",
    "AsyncSubtasks",
    "AsyncTasks",
]

R = TypeVar("R")
M = TypeVar("M")


class _Resource:
    """Async `resources._Resource`: the same routing between the two APIs."""

    def __init__(self, hpc: AsyncHpcClient) -> None:
        self._hpc = hpc

    @property
    def _raw(self) -> Any:
        return self._hpc.raw

    async def _send(self, call: Call[R]) -> R:
        return await calls.asend(self._hpc.http, call)

    async def _via(self, build: Callable[[Calls, Any], Call[R]]) -> R:
        api = await self._hpc._dialect()
        return await calls.asend(api.http, build(api.calls, api.raw))

    async def _rest(self, build: Callable[[RestCalls, Any], Call[R]]) -> R:
        from . import restcalls

        api = self._hpc._rest_dialect()
        return await calls.asend(api.http, build(restcalls, api.raw))

    async def _rows(self, build: Callable[[Calls], Pages[M]]) -> AsyncIterator[M]:
        api = await self._hpc._dialect()
        pages = build(api.calls)

        async def fetch(token: str | None) -> httpx.Response:
            response: httpx.Response = await api.http.request(**pages.request(token))
            return response

        rows = aiter_rows(
            fetch, pages.model, pages.key, ordered=pages.ordered, limits=self._hpc.paging
        )
        async for row in rows:
            yield row


class AsyncJobs(_Resource):
    """Async `Jobs`."""

    async def create(
        self, job: Job | None = None, *, tasks: Iterable[Task] = (), **props: Any
    ) -> int:
        """Async `Jobs.create` (tasks added in order after the job)."""
        job_id = await self._via(lambda c, raw: c.create_job_call(raw, job, props))
        for task in tasks:
            await self.add_task(job_id, task)
        return job_id

    async def create_from_xml(self, xml: str) -> int:
        return await self._via(lambda c, raw: c.create_job_from_xml_call(raw, xml))

    async def get(self, job_id: int, properties: str | Iterable[str] | None = None) -> Job:
        return await self._via(lambda c, raw: c.get_job_call(job_id, properties))

    async def get_xml(self, job_id: int) -> str:
        bounded = _Bounded(self._hpc.transport.max_body)
        async with self._hpc.http.stream(**calls.job_xml_request(job_id)) as response:
            async for chunk in response.aiter_bytes():
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
    ) -> AsyncIterator[Job]:
        return self._rows(
            lambda c: c.job_pages(owner, state, changed_since, properties, sort_by, rows_per_read)
        )

    async def set(self, job_id: int, job: Job | None = None, **props: Any) -> None:
        await self._via(lambda c, raw: c.set_job_call(raw, job_id, job, props))

    async def submit(
        self, job_id: int, *, username: str | None = None, password: str | None = None, **props: Any
    ) -> None:
        await self._via(lambda c, raw: c.submit_job_call(raw, job_id, username, password, props))

    async def cancel(self, job_id: int, reason: str | None = None, *, forced: bool = False) -> None:
        await self._via(lambda c, raw: c.cancel_job_call(raw, job_id, reason, forced))

    async def requeue(self, job_id: int) -> None:
        await self._via(lambda c, raw: c.requeue_job_call(raw, job_id))

    async def window(
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
        return await self._rest(
            lambda c, raw: c.job_window_call(
                owner, state, properties, sort_by, ascending, start_row, rows
            )
        )

    async def finish(self, job_id: int, message: str | None = None) -> None:
        """Async `Jobs.finish` (`/hpc`)."""
        await self._rest(lambda c, raw: c.finish_job_call(raw, job_id, message))

    async def add_task(self, job_id: int, task: Task | None = None, **props: Any) -> int:
        return await self._via(lambda c, raw: c.add_task_call(raw, job_id, task, props))

    async def custom_properties(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return await self._via(lambda c, raw: c.job_custom_properties_call(raw, job_id, names_))

    async def set_custom_properties(self, job_id: int, values: Mapping[str, Any]) -> None:
        await self._via(lambda c, raw: c.set_job_custom_properties_call(raw, job_id, values))

    async def env_variables(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return await self._via(lambda c, raw: c.job_env_variables_call(raw, job_id, names_))

    async def set_env_variables(self, job_id: int, values: Mapping[str, Any]) -> None:
        await self._via(lambda c, raw: c.set_job_env_variables_call(raw, job_id, values))

    async def wait(
        self,
        job_id: int,
        *,
        timeout: float | None = None,
        poll_interval: float = 2.0,
        progress: ProgressCallback | None = None,
    ) -> Job:
        """Async `Jobs.wait`: the same requests per poll (`hpcpack.waiting`)."""
        deadline = calls.deadline_of(timeout)
        ticks = waiting.Ticks(poll_interval)
        api = await self._hpc._dialect()
        tasks = waiting.TaskStates(waiting.filterable_on(api, self._hpc._config.api_version))
        while True:
            job = await self.get(job_id, waiting.POLL_PROPERTIES)
            if progress is not None:
                await self._changed_tasks(job_id, tasks)
                progress(job, tasks.counts())
            if calls.job_done(job, job_id, deadline, timeout):
                return await self.get(job_id)
            await asyncio.sleep(ticks.delay(deadline))

    async def _changed_tasks(self, job_id: int, tasks: waiting.TaskStates) -> None:
        api = await self._hpc._dialect()
        pages = tasks.pages(job_id, api.calls)

        async def fetch(token: str | None) -> httpx.Response:
            response: httpx.Response = await api.http.request(**pages.request(token))
            tasks.page_arrived()  # after the whole page was read
            return response

        async for task in aiter_rows(fetch, pages.model, pages.key, ordered=pages.ordered):
            tasks.add(task)


class AsyncTasks(_Resource):
    """Async `Tasks`."""

    async def get(
        self, job_id: int, task_id: int, properties: str | Iterable[str] | None = None
    ) -> Task:
        return await self._via(lambda c, raw: c.get_task_call(job_id, task_id, properties))

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
    ) -> AsyncIterator[Task]:
        return self._rows(
            lambda c: c.task_pages(
                job_id, state, changed_since, properties, expand_parametric, sort_by, rows_per_read
            )
        )

    async def output(self, job_id: int, task_id: int) -> str | None:
        """The task's `Output` (the end of its standard output, as the scheduler keeps it)."""
        task = await self.get(job_id, task_id, properties=calls.OUTPUT_PROPERTIES)
        return calls.output_of(task)

    async def set(self, job_id: int, task_id: int, task: Task | None = None, **props: Any) -> None:
        await self._via(lambda c, raw: c.set_task_call(raw, job_id, task_id, task, props))

    async def cancel(
        self, job_id: int, task_id: int, reason: str | None = None, *, forced: bool = False
    ) -> None:
        await self._via(lambda c, raw: c.cancel_task_call(raw, job_id, task_id, reason, forced))

    async def requeue(self, job_id: int, task_id: int) -> None:
        await self._via(lambda c, raw: c.requeue_task_call(raw, job_id, task_id))

    async def window(
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
        return await self._rest(
            lambda c, raw: c.task_window_call(
                job_id, state, properties, sort_by, ascending, start_row, rows
            )
        )

    async def finish(self, job_id: int, task_id: int, message: str | None = None) -> None:
        """Async `Tasks.finish` (`/hpc`)."""
        await self._rest(lambda c, raw: c.finish_task_call(raw, job_id, task_id, message))

    async def custom_properties(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return await self._via(
            lambda c, raw: c.task_custom_properties_call(raw, job_id, task_id, names_)
        )

    async def set_custom_properties(
        self, job_id: int, task_id: int, values: Mapping[str, Any]
    ) -> None:
        await self._via(
            lambda c, raw: c.set_task_custom_properties_call(raw, job_id, task_id, values)
        )

    async def env_variables(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return await self._via(
            lambda c, raw: c.task_env_variables_call(raw, job_id, task_id, names_)
        )

    async def set_env_variables(self, job_id: int, task_id: int, values: Mapping[str, Any]) -> None:
        await self._via(lambda c, raw: c.set_task_env_variables_call(raw, job_id, task_id, values))


class AsyncSubtasks(_Resource):
    """Async `Subtasks`."""

    async def get(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        properties: str | Iterable[str] | None = None,
    ) -> Task:
        return await self._via(
            lambda c, raw: c.get_subtask_call(job_id, task_id, subtask_id, properties)
        )

    async def set(
        self, job_id: int, task_id: int, subtask_id: int, task: Task | None = None, **props: Any
    ) -> None:
        await self._via(
            lambda c, raw: c.set_subtask_call(raw, job_id, task_id, subtask_id, task, props)
        )

    async def cancel(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        reason: str | None = None,
        *,
        forced: bool = False,
    ) -> None:
        await self._via(
            lambda c, raw: c.cancel_subtask_call(raw, job_id, task_id, subtask_id, reason, forced)
        )

    async def requeue(self, job_id: int, task_id: int, subtask_id: int) -> None:
        await self._via(lambda c, raw: c.requeue_subtask_call(raw, job_id, task_id, subtask_id))

    async def finish(
        self, job_id: int, task_id: int, subtask_id: int, message: str | None = None
    ) -> None:
        """Async `Subtasks.finish` (`/hpc`)."""
        await self._rest(
            lambda c, raw: c.finish_subtask_call(raw, job_id, task_id, subtask_id, message)
        )


class AsyncNodes(_Resource):
    """Async `Nodes`."""

    def list(
        self,
        *,
        state: Any | None = None,
        changed_since: Any | None = None,
        properties: str | Iterable[str] | None = None,
        sort_by: str | None = None,
        rows_per_read: int | None = None,
    ) -> AsyncIterator[Node]:
        return self._rows(
            lambda c: c.node_pages(state, changed_since, properties, sort_by, rows_per_read)
        )

    async def get(self, name: str) -> Node:
        return await self._via(lambda c, raw: c.get_node_call(name))

    async def groups(self) -> builtins.list[NodeGroup]:
        return await self._via(lambda c, raw: c.node_groups_call(raw))

    async def group_members(self, group: str) -> builtins.list[str]:
        return await self._via(lambda c, raw: c.node_group_members_call(raw, group))

    async def describe(self, name: str) -> RestNode:
        """Async `Nodes.describe` (`/hpc`, 2019)."""
        return await self._rest(lambda c, raw: c.cluster_node_call(raw, name))

    async def describe_all(
        self, *, group: str | None = None, state: str | None = None, health: str | None = None
    ) -> builtins.list[RestNode]:
        return await self._rest(lambda c, raw: c.cluster_nodes_call(raw, group, state, health))

    async def operate(self, name: str, operation: str) -> None:
        """Async `Nodes.operate`: answered 202, applied later."""
        await self._rest(lambda c, raw: c.node_operation_call(raw, name, operation))

    async def take_offline(self, name: str) -> None:
        await self.operate(name, "takeOffline")

    async def bring_online(self, name: str) -> None:
        await self.operate(name, "bringOnline")

    async def start(self, name: str) -> None:
        await self.operate(name, "start")

    async def stop(self, name: str) -> None:
        await self.operate(name, "stop")

    async def reboot(self, name: str) -> None:
        await self.operate(name, "reboot")

    async def shutdown(self, name: str) -> None:
        await self.operate(name, "shutdown")

    async def state_counts(self) -> dict[str, int]:
        return await self._rest(lambda c, raw: c.node_state_counts_call(raw))

    async def health_counts(self) -> dict[str, int]:
        return await self._rest(lambda c, raw: c.node_health_counts_call(raw))

    async def metrics(self, *names: str) -> dict[str, dict[str, float]]:
        return await self._rest(lambda c, raw: c.node_metrics_call(raw, names))


class AsyncNodeGroups(_Resource):
    """Async `NodeGroups` (`/hpc`, 2019)."""

    async def list(self) -> builtins.list[RestNodeGroup]:
        return await self._rest(lambda c, raw: c.groups_call(raw))

    async def get(self, name: str) -> RestNodeGroup:
        return await self._rest(lambda c, raw: c.group_call(raw, name))

    async def create(self, name: str, description: str | None = None) -> RestNodeGroup:
        return await self._rest(lambda c, raw: c.create_group_call(raw, name, description))

    async def update(self, name: str, description: str | None = None) -> RestNodeGroup:
        return await self._rest(lambda c, raw: c.update_group_call(raw, name, description))

    async def delete(self, name: str) -> None:
        await self._rest(lambda c, raw: c.delete_group_call(raw, name))

    async def members(self, name: str) -> builtins.list[str]:
        return await self._rest(lambda c, raw: c.group_nodes_call(raw, name))

    async def add(self, name: str, *nodes: str) -> builtins.list[str]:
        return await self._rest(lambda c, raw: c.move_nodes_call(raw, name, "add", nodes))

    async def remove(self, name: str, *nodes: str) -> builtins.list[str]:
        return await self._rest(lambda c, raw: c.move_nodes_call(raw, name, "remove", nodes))


class AsyncCluster(_Resource):
    """Async `Cluster`."""

    async def version(self) -> str:
        return await self._via(lambda c, raw: c.version_call(raw))

    async def active_head_node(self) -> str:
        return await self._via(lambda c, raw: c.active_head_node_call(raw))

    async def templates(self) -> list[str]:
        return await self._via(lambda c, raw: c.templates_call(raw))

    async def clusters(self) -> list[ClusterRow]:
        return await self._send(calls.clusters_call(self._hpc.root_url))

    async def service_versions(self, service: str) -> list[Version]:
        return await self._send(calls.service_versions_call(self._raw, service))

    async def user_roles(self) -> list[str]:
        return await self._rest(lambda c, raw: c.user_roles_call(raw))

    async def metric_definitions(self) -> list[MetricDefinition]:
        return await self._rest(lambda c, raw: c.metric_definitions_call(raw))

    async def metrics(
        self, name: str, start: datetime.datetime, end: datetime.datetime
    ) -> MetricData:
        return await self._rest(lambda c, raw: c.metric_history_call(raw, name, start, end))

    async def job_metrics(self) -> MetricData:
        return await self._rest(lambda c, raw: c.job_metrics_call(raw))

    async def date_time_format(self) -> str:
        """The .NET format of date-times in `/hpc` property values."""
        return await self._rest(lambda c, raw: c.date_time_format_call(raw))

    async def operations(
        self,
        *,
        start: datetime.datetime | None = None,
        end: datetime.datetime | None = None,
        limit: int | None = None,
        nodes: Iterable[str] = (),
        with_detail: bool = False,
    ) -> list[OperationLog]:
        """Cluster operation logs (node operations, group changes), latest first (2019)."""
        return await self._rest(
            lambda c, raw: c.operations_call(raw, start, end, limit, nodes, with_detail)
        )

    async def first_operation(
        self,
        *,
        start: datetime.datetime | None = None,
        end: datetime.datetime | None = None,
        nodes: Iterable[str] = (),
    ) -> OperationLog:
        return await self._rest(lambda c, raw: c.first_operation_call(raw, start, end, nodes))

    async def operation(self, operation_id: str) -> OperationLog:
        """One operation log with its entries."""
        return await self._rest(lambda c, raw: c.operation_call(raw, operation_id))
