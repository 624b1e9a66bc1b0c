"""Resource helpers of `HpcClient`: jobs, tasks, subtasks, nodes, cluster.

Thin, typed wrappers over the generated operations: typed views in, typed views out,
name/value lists rendered the wire way. Each method builds its request with `calls` (shared
with the async twins in `aresources`) and sends it.
"""

from __future__ import annotations

import builtins
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import calls, waiting
from .calls import TERMINAL_JOB_STATES, Call, Pages, ProgressCallback
from .paging import iter_rows
from .transport import _Bounded

if TYPE_CHECKING:  # models in annotations only: each loads at its first use
    from hpc_client.models import Cluster as ClusterRow
    from hpc_client.models import Job, JobState, Node, NodeGroup, Task, TaskState, Version

    from .client import HpcClient

__all__ = ["TERMINAL_JOB_STATES", "Cluster", "Jobs", "Nodes", "Subtasks", "Tasks"]

R = TypeVar("R")
M = TypeVar("M")


class _Resource:
    def __init__(self, hpc: HpcClient) -> None:
        self._hpc = hpc

    @property
    def _raw(self) -> Any:
        return self._hpc.raw

    def _send(self, call: Call[R]) -> R:
        return calls.send(self._hpc.http, call)

    def _rows(self, pages: Pages[M]) -> Iterator[M]:
        def fetch(token: str | None) -> httpx.Response:
            return self._hpc.http.request(**pages.request(token))

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
        job_id = self._send(calls.create_job_call(self._raw, job, props))
        for task in tasks:
            self.add_task(job_id, task)
        return job_id

    def create_from_xml(self, xml: str) -> int:
        """Create Job From XML (an HpcJobXml document, sent verbatim)."""
        return self._send(calls.create_job_from_xml_call(self._raw, xml))

    def get(self, job_id: int, properties: str | Iterable[str] | None = None) -> Job:
        return self._send(calls.get_job_call(job_id, properties))

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
            calls.job_pages(owner, state, changed_since, properties, sort_by, rows_per_read)
        )

    def set(self, job_id: int, job: Job | None = None, **props: Any) -> None:
        self._send(calls.set_job_call(self._raw, job_id, job, props))

    def submit(
        self, job_id: int, *, username: str | None = None, password: str | None = None, **props: Any
    ) -> None:
        self._send(calls.submit_job_call(self._raw, job_id, username, password, props))

    def cancel(self, job_id: int, reason: str | None = None, *, forced: bool = False) -> None:
        self._send(calls.cancel_job_call(self._raw, job_id, reason, forced))

    def requeue(self, job_id: int) -> None:
        self._send(calls.requeue_job_call(self._raw, job_id))

    def add_task(self, job_id: int, task: Task | None = None, **props: Any) -> int:
        """Add Task; returns the per-job task id."""
        return self._send(calls.add_task_call(self._raw, job_id, task, props))

    def custom_properties(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return self._send(calls.job_custom_properties_call(self._raw, job_id, names_))

    def set_custom_properties(self, job_id: int, values: Mapping[str, Any]) -> None:
        self._send(calls.set_job_custom_properties_call(self._raw, job_id, values))

    def env_variables(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return self._send(calls.job_env_variables_call(self._raw, job_id, names_))

    def set_env_variables(self, job_id: int, values: Mapping[str, Any]) -> None:
        self._send(calls.set_job_env_variables_call(self._raw, job_id, values))

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
        tasks = waiting.TaskStates(waiting.filterable(self._hpc._config.api_version))
        while True:
            job = self.get(job_id, waiting.POLL_PROPERTIES)
            if progress is not None:
                self._changed_tasks(job_id, tasks)
                progress(job, tasks.counts())
            if calls.job_done(job, job_id, deadline, timeout):
                return self.get(job_id)
            time.sleep(ticks.delay(deadline))

    def _changed_tasks(self, job_id: int, tasks: waiting.TaskStates) -> None:
        pages = tasks.pages(job_id)

        def fetch(token: str | None) -> httpx.Response:
            response = self._hpc.http.request(**pages.request(token))
            tasks.page_arrived()  # after the whole page was read
            return response

        for task in iter_rows(fetch, pages.model, pages.key, ordered=pages.ordered):
            tasks.add(task)


class Tasks(_Resource):
    """Tasks of a job."""

    def get(self, job_id: int, task_id: int, properties: str | Iterable[str] | None = None) -> Task:
        return self._send(calls.get_task_call(job_id, task_id, properties))

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
            calls.task_pages(
                job_id, state, changed_since, properties, expand_parametric, sort_by, rows_per_read
            )
        )

    def output(self, job_id: int, task_id: int) -> str | None:
        """The task's `Output` (the end of its standard output, as the scheduler keeps it)."""
        return calls.output_of(self.get(job_id, task_id, properties=calls.OUTPUT_PROPERTIES))

    def set(self, job_id: int, task_id: int, task: Task | None = None, **props: Any) -> None:
        self._send(calls.set_task_call(self._raw, job_id, task_id, task, props))

    def cancel(
        self, job_id: int, task_id: int, reason: str | None = None, *, forced: bool = False
    ) -> None:
        self._send(calls.cancel_task_call(self._raw, job_id, task_id, reason, forced))

    def requeue(self, job_id: int, task_id: int) -> None:
        self._send(calls.requeue_task_call(self._raw, job_id, task_id))

    def custom_properties(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return self._send(calls.task_custom_properties_call(self._raw, job_id, task_id, names_))

    def set_custom_properties(self, job_id: int, task_id: int, values: Mapping[str, Any]) -> None:
        self._send(calls.set_task_custom_properties_call(self._raw, job_id, task_id, values))

    def env_variables(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return self._send(calls.task_env_variables_call(self._raw, job_id, task_id, names_))

    def set_env_variables(self, job_id: int, task_id: int, values: Mapping[str, Any]) -> None:
        self._send(calls.set_task_env_variables_call(self._raw, job_id, task_id, values))


class Subtasks(_Resource):
    """Instances of parametric sweep tasks."""

    def get(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        properties: str | Iterable[str] | None = None,
    ) -> Task:
        return self._send(calls.get_subtask_call(job_id, task_id, subtask_id, properties))

    def set(
        self, job_id: int, task_id: int, subtask_id: int, task: Task | None = None, **props: Any
    ) -> None:
        self._send(calls.set_subtask_call(self._raw, job_id, task_id, subtask_id, task, props))

    def cancel(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        reason: str | None = None,
        *,
        forced: bool = False,
    ) -> None:
        self._send(
            calls.cancel_subtask_call(self._raw, job_id, task_id, subtask_id, reason, forced)
        )

    def requeue(self, job_id: int, task_id: int, subtask_id: int) -> None:
        self._send(calls.requeue_subtask_call(self._raw, job_id, task_id, subtask_id))


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
            calls.node_pages(state, changed_since, properties, sort_by, rows_per_read)
        )

    def get(self, name: str) -> Node:
        return self._send(calls.get_node_call(name))

    def groups(self) -> builtins.list[NodeGroup]:
        return self._send(calls.node_groups_call(self._raw))

    def group_members(self, group: str) -> builtins.list[str]:
        return self._send(calls.node_group_members_call(self._raw, group))


class Cluster(_Resource):
    """Cluster-wide information."""

    def version(self) -> str:
        return self._send(calls.version_call(self._raw))

    def active_head_node(self) -> str:
        return self._send(calls.active_head_node_call(self._raw))

    def templates(self) -> list[str]:
        return self._send(calls.templates_call(self._raw))

    def clusters(self) -> list[ClusterRow]:
        """Get Clusters: always at the root, without the cluster segment."""
        return self._send(calls.clusters_call(self._hpc.root_url))

    def service_versions(self, service: str) -> list[Version]:
        return self._send(calls.service_versions_call(self._raw, service))
