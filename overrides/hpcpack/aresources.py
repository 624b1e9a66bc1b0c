"""Async twins of the resource helpers (`AsyncHpcClient.jobs`, ...): the same `calls` as
`resources`, awaited."""

from __future__ import annotations

import asyncio
import builtins
from collections.abc import AsyncIterator, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import calls, waiting
from .calls import Call, Pages, ProgressCallback
from .paging import aiter_rows
from .transport import _Bounded

if TYPE_CHECKING:  # models in annotations only: each loads at its first use
    from hpc_client.models import Cluster as ClusterRow
    from hpc_client.models import Job, JobState, Node, NodeGroup, Task, TaskState, Version

    from .client import AsyncHpcClient

__all__ = ["AsyncCluster", "AsyncJobs", "AsyncNodes", "AsyncSubtasks", "AsyncTasks"]

R = TypeVar("R")
M = TypeVar("M")


class _Resource:
    def __init__(self, hpc: AsyncHpcClient) -> None:
        self._hpc = hpc

    @property
    def _raw(self) -> Any:
        return self._hpc.raw

    async def _send(self, call: Call[R]) -> R:
        return await calls.asend(self._hpc.http, call)

    def _rows(self, pages: Pages[M]) -> AsyncIterator[M]:
        async def fetch(token: str | None) -> httpx.Response:
            return await self._hpc.http.request(**pages.request(token))

        return aiter_rows(
            fetch, pages.model, pages.key, ordered=pages.ordered, limits=self._hpc.paging
        )


class AsyncJobs(_Resource):
    """Async `Jobs`."""

    async def create(
        self, job: Job | None = None, *, tasks: Iterable[Task] = (), **props: Any
    ) -> int:
        """Async `Jobs.create` (tasks added in order after the job)."""
        job_id = await self._send(calls.create_job_call(self._raw, job, props))
        for task in tasks:
            await self.add_task(job_id, task)
        return job_id

    async def create_from_xml(self, xml: str) -> int:
        return await self._send(calls.create_job_from_xml_call(self._raw, xml))

    async def get(self, job_id: int, properties: str | Iterable[str] | None = None) -> Job:
        return await self._send(calls.get_job_call(job_id, properties))

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
            calls.job_pages(owner, state, changed_since, properties, sort_by, rows_per_read)
        )

    async def set(self, job_id: int, job: Job | None = None, **props: Any) -> None:
        await self._send(calls.set_job_call(self._raw, job_id, job, props))

    async def submit(
        self, job_id: int, *, username: str | None = None, password: str | None = None, **props: Any
    ) -> None:
        await self._send(calls.submit_job_call(self._raw, job_id, username, password, props))

    async def cancel(self, job_id: int, reason: str | None = None, *, forced: bool = False) -> None:
        await self._send(calls.cancel_job_call(self._raw, job_id, reason, forced))

    async def requeue(self, job_id: int) -> None:
        await self._send(calls.requeue_job_call(self._raw, job_id))

    async def add_task(self, job_id: int, task: Task | None = None, **props: Any) -> int:
        return await self._send(calls.add_task_call(self._raw, job_id, task, props))

    async def custom_properties(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return await self._send(calls.job_custom_properties_call(self._raw, job_id, names_))

    async def set_custom_properties(self, job_id: int, values: Mapping[str, Any]) -> None:
        await self._send(calls.set_job_custom_properties_call(self._raw, job_id, values))

    async def env_variables(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return await self._send(calls.job_env_variables_call(self._raw, job_id, names_))

    async def set_env_variables(self, job_id: int, values: Mapping[str, Any]) -> None:
        await self._send(calls.set_job_env_variables_call(self._raw, job_id, values))

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
        tasks = waiting.TaskStates(waiting.filterable(self._hpc._config.api_version))
        while True:
            job = await self.get(job_id, waiting.POLL_PROPERTIES)
            if progress is not None:
                await self._changed_tasks(job_id, tasks)
                progress(job, tasks.counts())
            if calls.job_done(job, job_id, deadline, timeout):
                return await self.get(job_id)
            await asyncio.sleep(ticks.delay(deadline))

    async def _changed_tasks(self, job_id: int, tasks: waiting.TaskStates) -> None:
        pages = tasks.pages(job_id)

        async def fetch(token: str | None) -> httpx.Response:
            response = await self._hpc.http.request(**pages.request(token))
            tasks.page_arrived()  # after the whole page was read
            return response

        async for task in aiter_rows(fetch, pages.model, pages.key, ordered=pages.ordered):
            tasks.add(task)


class AsyncTasks(_Resource):
    """Async `Tasks`."""

    async def get(
        self, job_id: int, task_id: int, properties: str | Iterable[str] | None = None
    ) -> Task:
        return await self._send(calls.get_task_call(job_id, task_id, properties))

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
            calls.task_pages(
                job_id, state, changed_since, properties, expand_parametric, sort_by, rows_per_read
            )
        )

    async def output(self, job_id: int, task_id: int) -> str | None:
        """The task's `Output` (the end of its standard output, as the scheduler keeps it)."""
        task = await self.get(job_id, task_id, properties=calls.OUTPUT_PROPERTIES)
        return calls.output_of(task)

    async def set(self, job_id: int, task_id: int, task: Task | None = None, **props: Any) -> None:
        await self._send(calls.set_task_call(self._raw, job_id, task_id, task, props))

    async def cancel(
        self, job_id: int, task_id: int, reason: str | None = None, *, forced: bool = False
    ) -> None:
        await self._send(calls.cancel_task_call(self._raw, job_id, task_id, reason, forced))

    async def requeue(self, job_id: int, task_id: int) -> None:
        await self._send(calls.requeue_task_call(self._raw, job_id, task_id))

    async def custom_properties(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        call = calls.task_custom_properties_call(self._raw, job_id, task_id, names_)
        return await self._send(call)

    async def set_custom_properties(
        self, job_id: int, task_id: int, values: Mapping[str, Any]
    ) -> None:
        await self._send(calls.set_task_custom_properties_call(self._raw, job_id, task_id, values))

    async def env_variables(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return await self._send(calls.task_env_variables_call(self._raw, job_id, task_id, names_))

    async def set_env_variables(self, job_id: int, task_id: int, values: Mapping[str, Any]) -> None:
        await self._send(calls.set_task_env_variables_call(self._raw, job_id, task_id, values))


class AsyncSubtasks(_Resource):
    """Async `Subtasks`."""

    async def get(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        properties: str | Iterable[str] | None = None,
    ) -> Task:
        return await self._send(calls.get_subtask_call(job_id, task_id, subtask_id, properties))

    async def set(
        self, job_id: int, task_id: int, subtask_id: int, task: Task | None = None, **props: Any
    ) -> None:
        call = calls.set_subtask_call(self._raw, job_id, task_id, subtask_id, task, props)
        await self._send(call)

    async def cancel(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        reason: str | None = None,
        *,
        forced: bool = False,
    ) -> None:
        call = calls.cancel_subtask_call(self._raw, job_id, task_id, subtask_id, reason, forced)
        await self._send(call)

    async def requeue(self, job_id: int, task_id: int, subtask_id: int) -> None:
        await self._send(calls.requeue_subtask_call(self._raw, job_id, task_id, subtask_id))


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
            calls.node_pages(state, changed_since, properties, sort_by, rows_per_read)
        )

    async def get(self, name: str) -> Node:
        return await self._send(calls.get_node_call(name))

    async def groups(self) -> builtins.list[NodeGroup]:
        return await self._send(calls.node_groups_call(self._raw))

    async def group_members(self, group: str) -> builtins.list[str]:
        return await self._send(calls.node_group_members_call(self._raw, group))


class AsyncCluster(_Resource):
    """Async `Cluster`."""

    async def version(self) -> str:
        return await self._send(calls.version_call(self._raw))

    async def active_head_node(self) -> str:
        return await self._send(calls.active_head_node_call(self._raw))

    async def templates(self) -> list[str]:
        return await self._send(calls.templates_call(self._raw))

    async def clusters(self) -> list[ClusterRow]:
        return await self._send(calls.clusters_call(self._hpc.root_url))

    async def service_versions(self, service: str) -> list[Version]:
        return await self._send(calls.service_versions_call(self._raw, service))
