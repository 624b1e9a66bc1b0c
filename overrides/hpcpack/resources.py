"""Resource helpers of `HpcClient`: jobs, tasks, subtasks, nodes, cluster.

Thin, typed wrappers over the generated operations: typed views in, typed views out,
name/value lists rendered the wire way. Helpers shared with the async twins live here too.
"""

from __future__ import annotations

import builtins
import datetime
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from hpc_client.api.cluster import (
    get_active_head_node,
    get_job_templates,
    get_version,
)
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
from hpc_client.models import (
    Cluster as ClusterRow,
)
from hpc_client.models import (
    HpcObject,
    Job,
    JobState,
    ListRenderMode,
    Node,
    NodeGroup,
    Property,
    Task,
    TaskState,
    Version,
)
from hpc_client.types import UNSET, Unset

from .errors import HpcTimeout, MalformedResponse
from .paging import NO_RETRY, iter_rows, with_key
from .properties import from_model, property_list, render_value, to_model

if TYPE_CHECKING:
    from .client import HpcClient

__all__ = ["TERMINAL_JOB_STATES", "Cluster", "Jobs", "Nodes", "Subtasks", "Tasks"]

M = TypeVar("M")
T = TypeVar("T")
TERMINAL_JOB_STATES = frozenset({JobState.FINISHED, JobState.FAILED, JobState.CANCELED})
ProgressCallback = Callable[[Job, Mapping[TaskState, int]], None]


# -- shared helpers (sync and async) ----------------------------------------------------------


def names(value: str | Iterable[str] | None) -> str | Unset:
    """Comma-separated names for `Properties=` / `Names=`, or UNSET."""
    if value is None:
        return UNSET
    if isinstance(value, str):
        return value
    return ",".join(value)


def opt(value: T | None) -> T | Unset:
    return UNSET if value is None else value


def body_of(model: Any, model_cls: type[Any], props: Mapping[str, Any]) -> list[Property]:
    """Name/value body from a typed view and/or keyword properties."""
    if model is None:
        model = model_cls(**props)
    elif props:
        raise TypeError("pass either a model or keyword properties, not both")
    if not isinstance(model, model_cls):
        raise TypeError(f"expected {model_cls.__name__}, got {type(model).__name__}")
    return from_model(model)


def as_dict(props: list[Property] | None) -> dict[str, str | None]:
    """Custom properties / environment variables as a plain dict."""
    out: dict[str, str | None] = {}
    for p in props or []:
        out[p.name] = None if isinstance(p.value, Unset) else p.value
    return out


def required(value: T | None, what: str) -> T:
    """Generated `sync()` returns None only when the answer was unexpected."""
    if value is None:
        raise MalformedResponse(f"no {what} in the answer")
    return value


def state_filter(kind: str, state: Any | None, changed_since: Any | None) -> str | Unset:
    """`$filter` clauses (`JobState eq Running and ChangeTimeFrom eq ...`)."""
    clauses = []
    if state is not None:
        clauses.append(f"{kind} eq {render_value(state)}")
    if changed_since is not None:
        # ISO 8601, as in the documentation's example (`ChangeTimeFrom eq 2015-10-16`): the
        # en-US rendering has spaces, which separate $filter tokens.
        if isinstance(changed_since, datetime.datetime):
            since = changed_since.isoformat(timespec="seconds")
        elif isinstance(changed_since, datetime.date):
            since = changed_since.isoformat()
        else:
            since = str(changed_since)
        clauses.append(f"ChangeTimeFrom eq {since}")
    return " and ".join(clauses) if clauses else UNSET


def list_kwargs(filter_: str | Unset) -> dict[str, Any]:
    """`$filter` needs `Render=RestPropRender` next to it."""
    render = UNSET if isinstance(filter_, Unset) else ListRenderMode.RESTPROPRENDER
    return {"filter_": filter_, "render": render}


def submit_body(
    username: str | None, password: str | None, props: Mapping[str, Any]
) -> list[Property]:
    extra = dict(props)
    if username is not None:
        extra["UserName"] = username
    if password is not None:
        extra["Password"] = password
    return property_list(extra)


def rows_of(objects: list[HpcObject] | None, model: type[M]) -> list[M]:
    return [to_model(model, o.properties) for o in objects or []]


def page_extensions(kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """A continuation page (`QueryId=`) is never retried by the transport (see paging)."""
    params = kwargs.get("params") or {}
    return dict(NO_RETRY) if params.get("QueryId") not in (None, UNSET) else {}


# -- sync resources ----------------------------------------------------------------------------


class _Resource:
    def __init__(self, hpc: HpcClient) -> None:
        self._hpc = hpc

    @property
    def _raw(self) -> Any:
        return self._hpc.raw

    def _fetch(self, kwargs: dict[str, Any]) -> httpx.Response:
        return self._hpc.http.request(**kwargs, extensions=page_extensions(kwargs))

    def _properties(self, kwargs: dict[str, Any]) -> builtins.list[dict[str, Any]]:
        """A name/value answer as decoded (and shape-checked) by the transport: the typed view
        is built from it directly, without an intermediate list of generated `Property`."""
        data = self._hpc.http.request(**kwargs).json()
        return required(data, "properties")


class Jobs(_Resource):
    """Create, submit, inspect, modify, cancel, requeue and wait for jobs."""

    def create(self, job: Job | None = None, *, tasks: Iterable[Task] = (), **props: Any) -> int:
        """Create Job (Configuring state), then Add Task for each of `tasks`; returns the job id.

        Not atomic: if adding a task fails, the job exists (Configuring) with the tasks added so
        far; the error is raised and the job id is in the server's job list.
        """
        body = body_of(job, Job, props)
        job_id = required(create_job.sync(client=self._raw, body=body), "job id")
        for task in tasks:
            self.add_task(job_id, task)
        return job_id

    def create_from_xml(self, xml: str) -> int:
        """Create Job From XML (an HpcJobXml document, sent verbatim)."""
        return required(create_job_from_xml.sync(client=self._raw, body=xml), "job id")

    def get(self, job_id: int, properties: str | Iterable[str] | None = None) -> Job:
        kwargs = get_job._get_kwargs(job_id, properties=names(properties))
        return to_model(Job, self._properties(kwargs))

    def get_xml(self, job_id: int) -> str:
        """The job as an HpcJobXml document (Render=HpcJobXml)."""
        return _raw_text(self._hpc.http, f"/Job/{job_id}", self._hpc.transport.max_body)

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
        props = with_key(names(properties) or None, "Id")
        filter_ = state_filter("JobState", state, changed_since)

        def fetch(token: str | None) -> httpx.Response:
            return self._fetch(
                get_job_list._get_kwargs(
                    properties=opt(props),
                    owner=opt(owner),
                    query_id=opt(token),
                    sort_jobs_by=opt(sort_by),
                    rows_per_read=opt(rows_per_read),
                    **list_kwargs(filter_),
                )
            )

        return iter_rows(fetch, Job, "Id", ordered=sort_by is None)

    def set(self, job_id: int, job: Job | None = None, **props: Any) -> None:
        set_job_properties.sync_detailed(job_id, client=self._raw, body=body_of(job, Job, props))

    def submit(
        self, job_id: int, *, username: str | None = None, password: str | None = None, **props: Any
    ) -> None:
        submit_job.sync_detailed(
            job_id, client=self._raw, body=submit_body(username, password, props)
        )

    def cancel(self, job_id: int, reason: str | None = None, *, forced: bool = False) -> None:
        cancel_job.sync_detailed(job_id, client=self._raw, body=opt(reason), forced=forced or UNSET)

    def requeue(self, job_id: int) -> None:
        requeue_job.sync_detailed(job_id, client=self._raw, body=[])

    def add_task(self, job_id: int, task: Task | None = None, **props: Any) -> int:
        """Add Task; returns the per-job task id."""
        body = body_of(task, Task, props)
        return required(add_task.sync(job_id, client=self._raw, body=body), "task id")

    def custom_properties(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return as_dict(
            get_job_custom_properties.sync(job_id, client=self._raw, names=names(names_))
        )

    def set_custom_properties(self, job_id: int, values: Mapping[str, Any]) -> None:
        set_job_custom_properties.sync_detailed(
            job_id, client=self._raw, body=property_list(values)
        )

    def env_variables(
        self, job_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return as_dict(get_job_env_variables.sync(job_id, client=self._raw, names=names(names_)))

    def set_env_variables(self, job_id: int, values: Mapping[str, Any]) -> None:
        set_job_env_variables.sync_detailed(job_id, client=self._raw, body=property_list(values))

    def wait(
        self,
        job_id: int,
        *,
        timeout: float | None = None,
        poll_interval: float = 2.0,
        progress: ProgressCallback | None = None,
    ) -> Job:
        """Poll until the job is Finished, Failed or Canceled; returns the terminal Job."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            job = self.get(job_id)
            if progress is not None:
                counts = Counter(
                    t.state
                    for t in self._hpc.tasks.list(job_id, properties="TaskId,State")
                    if isinstance(t.state, TaskState)
                )
                progress(job, counts)
            if job.state in TERMINAL_JOB_STATES:
                return job
            if deadline is not None and time.monotonic() >= deadline:
                raise HpcTimeout(f"job {job_id} not finished after {timeout}s (state {job.state})")
            time.sleep(poll_interval)


def _raw_text(http: httpx.Client, url: str, limit: int) -> str:
    """GET a job/task in HpcJobXml rendering, bypassing the codec, bounded."""
    from .transport import _Bounded

    bounded = _Bounded(limit)
    with http.stream(
        "GET", url, params={"Render": "HpcJobXml"}, extensions={"hpc.raw": True}
    ) as response:
        for chunk in response.iter_bytes():
            bounded.add(chunk)
    return bounded.body().decode("utf-8")


class Tasks(_Resource):
    """Tasks of a job."""

    def get(self, job_id: int, task_id: int, properties: str | Iterable[str] | None = None) -> Task:
        kwargs = get_task._get_kwargs(job_id, task_id, properties=names(properties))
        return to_model(Task, self._properties(kwargs))

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
        props = with_key(names(properties) or None, "TaskId")
        filter_ = state_filter("TaskState", state, changed_since)

        def fetch(token: str | None) -> httpx.Response:
            return self._fetch(
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

        return iter_rows(fetch, Task, "TaskId", ordered=sort_by is None)

    def output(self, job_id: int, task_id: int) -> str | None:
        """The task's `Output` (the end of its standard output, as the scheduler keeps it)."""
        task = self.get(job_id, task_id, properties=("TaskId", "Output", "ExitCode"))
        return None if isinstance(task.output, Unset) else task.output

    def set(self, job_id: int, task_id: int, task: Task | None = None, **props: Any) -> None:
        set_task_properties.sync_detailed(
            job_id, task_id, client=self._raw, body=body_of(task, Task, props)
        )

    def cancel(
        self, job_id: int, task_id: int, reason: str | None = None, *, forced: bool = False
    ) -> None:
        cancel_task.sync_detailed(
            job_id, task_id, client=self._raw, body=opt(reason), forced=forced or UNSET
        )

    def requeue(self, job_id: int, task_id: int) -> None:
        requeue_task.sync_detailed(job_id, task_id, client=self._raw, body=[])

    def custom_properties(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return as_dict(
            get_task_custom_properties.sync(job_id, task_id, client=self._raw, names=names(names_))
        )

    def set_custom_properties(self, job_id: int, task_id: int, values: Mapping[str, Any]) -> None:
        set_task_custom_properties.sync_detailed(
            job_id, task_id, client=self._raw, body=property_list(values)
        )

    def env_variables(
        self, job_id: int, task_id: int, names_: Iterable[str] | None = None
    ) -> dict[str, str | None]:
        return as_dict(
            get_task_env_variables.sync(job_id, task_id, client=self._raw, names=names(names_))
        )

    def set_env_variables(self, job_id: int, task_id: int, values: Mapping[str, Any]) -> None:
        set_task_env_variables.sync_detailed(
            job_id, task_id, client=self._raw, body=property_list(values)
        )


class Subtasks(_Resource):
    """Instances of parametric sweep tasks."""

    def get(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        properties: str | Iterable[str] | None = None,
    ) -> Task:
        kwargs = get_subtask._get_kwargs(job_id, task_id, subtask_id, properties=names(properties))
        return to_model(Task, self._properties(kwargs))

    def set(
        self, job_id: int, task_id: int, subtask_id: int, task: Task | None = None, **props: Any
    ) -> None:
        set_subtask_properties.sync_detailed(
            job_id, task_id, subtask_id, client=self._raw, body=body_of(task, Task, props)
        )

    def cancel(
        self,
        job_id: int,
        task_id: int,
        subtask_id: int,
        reason: str | None = None,
        *,
        forced: bool = False,
    ) -> None:
        cancel_subtask.sync_detailed(
            job_id, task_id, subtask_id, client=self._raw, body=opt(reason), forced=forced or UNSET
        )

    def requeue(self, job_id: int, task_id: int, subtask_id: int) -> None:
        requeue_subtask.sync_detailed(job_id, task_id, subtask_id, client=self._raw, body=[])


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
        props = with_key(names(properties) or None, "Id")
        filter_ = state_filter("NodeState", state, changed_since)

        def fetch(token: str | None) -> httpx.Response:
            return self._fetch(
                get_node_list._get_kwargs(
                    properties=opt(props),
                    query_id=opt(token),
                    sort_nodes_by=opt(sort_by),
                    rows_per_read=opt(rows_per_read),
                    **list_kwargs(filter_),
                )
            )

        return iter_rows(fetch, Node, "Id", ordered=sort_by is None)

    def get(self, name: str) -> Node:
        return to_model(Node, self._properties(get_node._get_kwargs(name)))

    def groups(self) -> builtins.list[NodeGroup]:
        return rows_of(get_node_group_list.sync(client=self._raw), NodeGroup)

    def group_members(self, group: str) -> builtins.list[str]:
        return list(get_node_group_members.sync(group, client=self._raw) or [])


class Cluster(_Resource):
    """Cluster-wide information."""

    def version(self) -> str:
        return required(get_version.sync(client=self._raw), "version")

    def active_head_node(self) -> str:
        return required(get_active_head_node.sync(client=self._raw), "head node")

    def templates(self) -> list[str]:
        return list(get_job_templates.sync(client=self._raw) or [])

    def clusters(self) -> list[ClusterRow]:
        """Get Clusters: always at the root, without the cluster segment."""
        response = self._hpc.http.get(f"{self._hpc.root_url}/Clusters")
        return [to_model(ClusterRow, o["Properties"]) for o in response.json()]

    def service_versions(self, service: str) -> list[Version]:
        return list(get_service_versions.sync(service, client=self._raw) or [])
