"""Async twins of the resource helpers (`AsyncHpcClient.jobs`, ...)."""

from __future__ import annotations

import asyncio
import builtins
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import httpx
from hpc_client.api.cluster import get_active_head_node, get_job_templates, get_version
from hpc_client.api.jobs import (
    cancel_job,
    create_job,
    create_job_from_xml,
    get_job,
    get_job_custom_properties,
    get_job_env_variables,
    get_job_list,
    requeue_job,
    set_job_custom_properties,
    set_job_env_variables,
    set_job_properties,
    submit_job,
)
from hpc_client.api.nodes import (
    get_node,
    get_node_group_list,
    get_node_group_members,
    get_node_list,
)
from hpc_client.api.sessions import get_service_versions
from hpc_client.api.subtasks import (
    cancel_subtask,
    get_subtask,
    requeue_subtask,
    set_subtask_properties,
)
from hpc_client.api.tasks import (
    add_task,
    cancel_task,
    get_task,
    get_task_custom_properties,
    get_task_env_variables,
    get_task_list,
    requeue_task,
    set_task_custom_properties,
    set_task_env_variables,
    set_task_properties,
)
from hpc_client.models import Cluster as ClusterRow
from hpc_client.models import Job, JobState, Node, NodeGroup, Task, TaskState, Version
from hpc_client.types import UNSET, Unset

from .errors import HpcTimeout
from .paging import aiter_rows, with_key
from .properties import property_list, to_model
from .resources import (
    TERMINAL_JOB_STATES,
    ProgressCallback,
    as_dict,
    body_of,
    list_kwargs,
    names,
    opt,
    page_extensions,
    required,
    rows_of,
    state_filter,
    submit_body,
)

if TYPE_CHECKING:
    from .client import AsyncHpcClient

__all__ = ["AsyncCluster", "AsyncJobs", "AsyncNodes", "AsyncSubtasks", "AsyncTasks"]


class _Resource:
    def __init__(self, hpc: AsyncHpcClient) -> None:
        self._hpc = hpc

    @property
    def _raw(self) -> Any:
        return self._hpc.raw

    async def _fetch(self, kwargs: dict[str, Any]) -> httpx.Response:
        return await self._hpc.http.request(**kwargs, extensions=page_extensions(kwargs))

    async def _properties(self, kwargs: dict[str, Any]) -> builtins.list[dict[str, Any]]:
        """See `resources._Resource._properties`."""
        data = (await self._hpc.http.request(**kwargs)).json()
        return required(data, "properties")


class AsyncJobs(_Resource):
    """Async `Jobs`."""

    async def create(
        self, job: Job | None = None, *, tasks: Iterable[Task] = (), **props: Any
    ) -> int:
        """Async `Jobs.create` (tasks added in order after the job)."""
        body = body_of(job, Job, props)
        job_id = required(await create_job.asyncio(client=self._raw, body=body), "job id")
        for task in tasks:
            await self.add_task(job_id, task)
        return job_id

    async def create_from_xml(self, xml: str) -> int:
        return required(await create_job_from_xml.asyncio(client=self._raw, body=xml), "job id")

    async def get(self, job_id: int, properties: str | Iterable[str] | None = None) -> Job:
        kwargs = get_job._get_kwargs(job_id, properties=names(properties))
        return to_model(Job, await self._properties(kwargs))

    async def get_xml(self, job_id: int) -> str:
        from .transport import _Bounded

        bounded = _Bounded(self._hpc.transport.max_body)
        async with self._hpc.http.stream(
            "GET", f"/Job/{job_id}", params={"Render": "HpcJobXml"}, extensions={"hpc.raw": True}
        ) as response:
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
        props = with_key(names(properties) or None, "Id")
        filter_ = state_filter("JobState", state, changed_since)

        async def fetch(token: str | None) -> httpx.Response:
            return await self._fetch(
                get_job_list._get_kwargs(
                    properties=opt(props),
                    owner=opt(owner),
                    query_id=opt(token),
                    sort_jobs_by=opt(sort_by),
                    rows_per_read=opt(rows_per_read),
                    **list_kwargs(filter_),
                )
            )

        return aiter_rows(fetch, Job, "Id", ordered=sort_by is None)

    async def set(self, job_id: int, job: Job | None = None, **props: Any) -> None:
        await set_job_properties.asyncio_detailed(
            job_id, client=self._raw, body=body_of(job, Job, props)
        )

    async def submit(
        self, job_id: int, *, username: str | None = None, password: str | None = None, **props: Any
    ) -> None:
        await submit_job.asyncio_detailed(
            job_id, client=self._raw, body=submit_body(username, password, props)
        )

    async def cancel(self, job_id: int, reason: str | None = None, *, forced: bool = False) -> None:
        await cancel_job.asyncio_detailed(
            job_id, client=self._raw, body=opt(reason), forced=forced or UNSET
        )

    async def requeue(self, job_id: int) -> None:
        await requeue_job.asyncio_detailed(job_id, client=self._raw, body=[])

    async def add_task(self, job_id: int, task: Task | None = None, **props: Any) -> int:
        body = body_of(task, Task, props)
        return required(await add_task.asyncio(job_id, client=self._raw, body=body), "task id")

    async def custom_properties(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return as_dict(
            await get_job_custom_properties.asyncio(job_id, client=self._raw, names=names(names_))
        )

    async def set_custom_properties(self, job_id: int, values: Mapping[str, Any]) -> None:
        await set_job_custom_properties.asyncio_detailed(
            job_id, client=self._raw, body=property_list(values)
        )

    async def env_variables(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return as_dict(
            await get_job_env_variables.asyncio(job_id, client=self._raw, names=names(names_))
        )

    async def set_env_variables(self, job_id: int, values: Mapping[str, Any]) -> None:
        await set_job_env_variables.asyncio_detailed(
            job_id, client=self._raw, body=property_list(values)
        )

    async def wait(
        self,
        job_id: int,
        *,
        timeout: float | None = None,
        poll_interval: float = 2.0,
        progress: ProgressCallback | None = None,
    ) -> Job:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            job = await self.get(job_id)
            if progress is not None:
                counts: Counter[TaskState] = Counter()
                async for t in self._hpc.tasks.list(job_id, properties="TaskId,State"):
                    if isinstance(t.state, TaskState):
                        counts[t.state] += 1
                progress(job, counts)
            if job.state in TERMINAL_JOB_STATES:
                return job
            if deadline is not None and time.monotonic() >= deadline:
                raise HpcTimeout(f"job {job_id} not finished after {timeout}s (state {job.state})")
            await asyncio.sleep(poll_interval)


class AsyncTasks(_Resource):
    """Async `Tasks`."""

    async def get(
        self, job_id: int, task_id: int, properties: str | Iterable[str] | None = None
    ) -> Task:
        kwargs = get_task._get_kwargs(job_id, task_id, properties=names(properties))
        return to_model(Task, await self._properties(kwargs))

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
        props = with_key(names(properties) or None, "TaskId")
        filter_ = state_filter("TaskState", state, changed_since)

        async def fetch(token: str | None) -> httpx.Response:
            return await self._fetch(
                get_task_list._get_kwargs(
                    job_id,
                    properties=opt(props),
                    expand_parametric=opt(expand_parametric),
                    query_id=opt(token),
                    sort_tasks_by=opt(sort_by),
                    rows_per_read=opt(rows_per_read),
                    **list_kwargs(filter_),
                )
            )

        return aiter_rows(fetch, Task, "TaskId", ordered=sort_by is None)

    async def output(self, job_id: int, task_id: int) -> str | None:
        """The task's `Output` (the end of its standard output, as the scheduler keeps it)."""
        task = await self.get(job_id, task_id, properties=("TaskId", "Output", "ExitCode"))
        return None if isinstance(task.output, Unset) else task.output

    async def set(self, job_id: int, task_id: int, task: Task | None = None, **props: Any) -> None:
        await set_task_properties.asyncio_detailed(
            job_id, task_id, client=self._raw, body=body_of(task, Task, props)
        )

    async def cancel(
        self, job_id: int, task_id: int, reason: str | None = None, *, forced: bool = False
    ) -> None:
        await cancel_task.asyncio_detailed(
            job_id, task_id, client=self._raw, body=opt(reason), forced=forced or UNSET
        )

    async def requeue(self, job_id: int, task_id: int) -> None:
        await requeue_task.asyncio_detailed(job_id, task_id, client=self._raw, body=[])

    async def custom_properties(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return as_dict(
            await get_task_custom_properties.asyncio(
                job_id, task_id, client=self._raw, names=names(names_)
            )
        )

    async def set_custom_properties(
        self, job_id: int, task_id: int, values: Mapping[str, Any]
    ) -> None:
        await set_task_custom_properties.asyncio_detailed(
            job_id, task_id, client=self._raw, body=property_list(values)
        )

    async def env_variables(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return as_dict(
            await get_task_env_variables.asyncio(
                job_id, task_id, client=self._raw, names=names(names_)
            )
        )

    async def set_env_variables(self, job_id: int, task_id: int, values: Mapping[str, Any]) -> None:
        await set_task_env_variables.asyncio_detailed(
            job_id, task_id, client=self._raw, body=property_list(values)
        )


class AsyncSubtasks(_Resource):
    """Async `Subtasks`."""

    async def get(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        properties: str | Iterable[str] | None = None,
    ) -> Task:
        kwargs = get_subtask._get_kwargs(job_id, task_id, subtask_id, properties=names(properties))
        return to_model(Task, await self._properties(kwargs))

    async def set(
        self, job_id: int, task_id: int, subtask_id: int, task: Task | None = None, **props: Any
    ) -> None:
        await set_subtask_properties.asyncio_detailed(
            job_id, task_id, subtask_id, client=self._raw, body=body_of(task, Task, props)
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
        await cancel_subtask.asyncio_detailed(
            job_id, task_id, subtask_id, client=self._raw, body=opt(reason), forced=forced or UNSET
        )

    async def requeue(self, job_id: int, task_id: int, subtask_id: int) -> None:
        await requeue_subtask.asyncio_detailed(
            job_id, task_id, subtask_id, client=self._raw, body=[]
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
        props = with_key(names(properties) or None, "Id")
        filter_ = state_filter("NodeState", state, changed_since)

        async def fetch(token: str | None) -> httpx.Response:
            return await self._fetch(
                get_node_list._get_kwargs(
                    properties=opt(props),
                    query_id=opt(token),
                    sort_nodes_by=opt(sort_by),
                    rows_per_read=opt(rows_per_read),
                    **list_kwargs(filter_),
                )
            )

        return aiter_rows(fetch, Node, "Id", ordered=sort_by is None)

    async def get(self, name: str) -> Node:
        return to_model(Node, await self._properties(get_node._get_kwargs(name)))

    async def groups(self) -> builtins.list[NodeGroup]:
        return rows_of(await get_node_group_list.asyncio(client=self._raw), NodeGroup)

    async def group_members(self, group: str) -> builtins.list[str]:
        return list(await get_node_group_members.asyncio(group, client=self._raw) or [])


class AsyncCluster(_Resource):
    """Async `Cluster`."""

    async def version(self) -> str:
        return required(await get_version.asyncio(client=self._raw), "version")

    async def active_head_node(self) -> str:
        return required(await get_active_head_node.asyncio(client=self._raw), "head node")

    async def templates(self) -> list[str]:
        return list(await get_job_templates.asyncio(client=self._raw) or [])

    async def clusters(self) -> list[ClusterRow]:
        response = await self._hpc.http.get(f"{self._hpc.root_url}/Clusters")
        return [to_model(ClusterRow, o["Properties"]) for o in response.json()]

    async def service_versions(self, service: str) -> list[Version]:
        return list(await get_service_versions.asyncio(service, client=self._raw) or [])
