"""What each resource operation sends and how its answer is read, shared by both clients.

A `Call` is one request's `httpx` arguments plus the function that turns the answer into the
result. The helpers of `HpcClient` send it with `http.request(...)`, those of `AsyncHpcClient`
await the same request: everything else (bodies, parameters, parsing, checks) is written once
here, without I/O, so the sync and async twins cannot drift apart.

Generated operations are used through their own `_get_kwargs` and `_build_response`, exactly as
their `sync()` / `asyncio()` functions do, minus the send.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx
from hpc_client import models
from hpc_client.models import HpcObject, Job, JobState, ListRenderMode, Property
from hpc_client.types import UNSET, Unset

from .errors import HpcTimeout, MalformedResponse
from .paging import NO_RETRY, with_key
from .properties import from_model, property_list, render_value, to_model


class _LazyModule:
    """A generated operation's module, imported at its first attribute access: `hpc job view`
    needs Get Job, not the other 40 operations (~5 ms of start-up)."""

    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attr)


if TYPE_CHECKING:
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
    from hpc_client.models import Node, NodeGroup, Task, TaskState, Version
else:  # each operation's module is imported by its first call
    _API = {
        "cluster": ("get_active_head_node", "get_job_templates", "get_version"),
        "jobs": (
            "cancel_job",
            "create_job",
            "create_job_from_xml",
            "get_job",
            "get_job_custom_properties",
            "get_job_env_variables",
            "get_job_list",
            "requeue_job",
            "set_job_custom_properties",
            "set_job_env_variables",
            "set_job_properties",
            "submit_job",
        ),
        "nodes": ("get_node", "get_node_group_list", "get_node_group_members", "get_node_list"),
        "sessions": ("get_service_versions",),
        "subtasks": ("cancel_subtask", "get_subtask", "requeue_subtask", "set_subtask_properties"),
        "tasks": (
            "add_task",
            "cancel_task",
            "get_task",
            "get_task_custom_properties",
            "get_task_env_variables",
            "get_task_list",
            "requeue_task",
            "set_task_custom_properties",
            "set_task_env_variables",
            "set_task_properties",
        ),
    }
    globals().update(
        (n, _LazyModule(f"hpc_client.api.{pkg}.{n}")) for pkg, ns in _API.items() for n in ns
    )

M = TypeVar("M")
R = TypeVar("R")
S = TypeVar("S")
T = TypeVar("T")
TERMINAL_JOB_STATES = frozenset({JobState.FINISHED, JobState.FAILED, JobState.CANCELED})
ProgressCallback = Callable[[Job, Mapping["TaskState", int]], None]  # Task*: imported on use
Names = str | Iterable[str] | None


class Call(Generic[R]):
    """One request: the arguments of `http.request(**kwargs)` and how to read its answer.
    (A plain slotted class: one is built per call, and a frozen dataclass costs 3x more.)"""

    __slots__ = ("kwargs", "read")

    def __init__(self, kwargs: dict[str, Any], read: Callable[[httpx.Response], R]) -> None:
        self.kwargs = kwargs
        self.read = read

    def then(self, fn: Callable[[R], S]) -> Call[S]:
        """The same request, its result passed through `fn`."""
        read = self.read
        return Call(self.kwargs, lambda response: fn(read(response)))


@dataclass(frozen=True, slots=True)
class Pages(Generic[M]):
    """A paged list: `request(query_id)` are the arguments of one page's request."""

    request: Callable[[str | None], dict[str, Any]]
    model: type[M]
    key: str
    ordered: bool


def send(http: httpx.Client, call: Call[R]) -> R:
    """Send `call` and read its answer."""
    return call.read(http.request(**call.kwargs))


async def asend(http: httpx.AsyncClient, call: Call[R]) -> R:
    """Async `send`."""
    return call.read(await http.request(**call.kwargs))


# -- request and answer helpers -----------------------------------------------------------------


def names(value: Names) -> str | Unset:
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


def paged(kwargs: dict[str, Any], token: str | None) -> dict[str, Any]:
    """A list page's request arguments, with its retry extension: a continuation page (one
    sent with a query token, on either API) is never retried by the transport (see paging)."""
    kwargs["extensions"] = dict(NO_RETRY) if token is not None else {}
    return kwargs


def job_done(job: Job, job_id: int, deadline: float | None, timeout: float | None) -> bool:
    """One step of `wait`: True once the job is terminal; HpcTimeout once `deadline` passed."""
    if job.state in TERMINAL_JOB_STATES:
        return True
    if deadline is not None and time.monotonic() >= deadline:
        raise HpcTimeout(f"job {job_id} not finished after {timeout}s (state {job.state})")
    return False


def deadline_of(timeout: float | None) -> float | None:
    return None if timeout is None else time.monotonic() + timeout


# -- calls of generated operations ---------------------------------------------------------------


def operation(op: ModuleType, raw: Any, *args: Any, **kwargs: Any) -> Call[Any]:
    """`op.sync(*args, client=raw, **kwargs)` as a Call (the result of `sync_detailed` is
    the same request and parse, so it is used for both)."""

    def read(response: httpx.Response) -> Any:
        return op._build_response(client=raw, response=response).parsed

    return Call(op._get_kwargs(*args, **kwargs), read)


def operation_required(op: ModuleType, raw: Any, what: str, *args: Any, **kwargs: Any) -> Call[Any]:
    """Like `operation`, for an answer that must be there (MalformedResponse when it is not)."""
    return operation(op, raw, *args, **kwargs).then(lambda value: required(value, what))


def _listed(op: ModuleType, raw: Any, *args: Any, **kwargs: Any) -> Call[Any]:
    """Like `operation`, for a list answer (an unexpected empty answer is an empty list)."""
    return operation(op, raw, *args, **kwargs).then(lambda value: list(value or []))


def _model(model: type[M], kwargs: dict[str, Any]) -> Call[M]:
    """A name/value answer as decoded (and shape-checked) by the transport: the typed view is
    built from it directly, without an intermediate list of generated `Property`."""
    return Call(kwargs, lambda response: to_model(model, required(response.json(), "properties")))


def _pages(
    model: type[M],
    key: str,
    kind: str,
    state: Any | None,
    changed_since: Any | None,
    properties: Names,
    sort_by: str | None,
    request: Callable[..., dict[str, Any]],
) -> Pages[M]:
    """A list operation's pages: `request(properties=, query_id=, filter_=, render=)` is its
    generated `_get_kwargs` with the operation's own parameters already bound. The row key is
    always requested (paging restarts skip rows by it); the default order is by that key."""
    props = opt(with_key(names(properties) or None, key))
    filters = list_kwargs(state_filter(kind, state, changed_since))

    def page(token: str | None) -> dict[str, Any]:
        return paged(request(properties=props, query_id=opt(token), **filters), token)

    return Pages(page, model, key, sort_by is None)


# jobs


def create_job_call(raw: Any, job: Job | None, props: Mapping[str, Any]) -> Call[int]:
    return operation_required(create_job, raw, "job id", body=body_of(job, Job, props))


def create_job_from_xml_call(raw: Any, xml: str) -> Call[int]:
    return operation_required(create_job_from_xml, raw, "job id", body=xml)


def get_job_call(job_id: int, properties: Names) -> Call[Job]:
    return _model(Job, get_job._get_kwargs(job_id, properties=names(properties)))


def job_xml_request(job_id: int) -> dict[str, Any]:
    """GET of a job in HpcJobXml rendering, bypassing the codec (read with `hpc.raw`)."""
    return {
        "method": "GET",
        "url": f"/Job/{job_id}",
        "params": {"Render": "HpcJobXml"},
        "extensions": {"hpc.raw": True},
    }


def job_pages(
    owner: str | None,
    state: Any | None,
    changed_since: Any | None,
    properties: Names,
    sort_by: str | None,
    rows_per_read: int | None,
) -> Pages[Job]:
    request = functools.partial(
        get_job_list._get_kwargs,
        owner=opt(owner),
        sort_jobs_by=opt(sort_by),
        rows_per_read=opt(rows_per_read),
    )
    return _pages(Job, "Id", "JobState", state, changed_since, properties, sort_by, request)


def set_job_call(raw: Any, job_id: int, job: Job | None, props: Mapping[str, Any]) -> Call[None]:
    return operation(set_job_properties, raw, job_id, body=body_of(job, Job, props))


def submit_job_call(
    raw: Any, job_id: int, username: str | None, password: str | None, props: Mapping[str, Any]
) -> Call[None]:
    return operation(submit_job, raw, job_id, body=submit_body(username, password, props))


def cancel_job_call(raw: Any, job_id: int, reason: str | None, forced: bool) -> Call[None]:
    return operation(cancel_job, raw, job_id, body=opt(reason), forced=forced or UNSET)


def requeue_job_call(raw: Any, job_id: int) -> Call[None]:
    return operation(requeue_job, raw, job_id, body=[])


def add_task_call(raw: Any, job_id: int, task: Task | None, props: Mapping[str, Any]) -> Call[int]:
    return operation_required(
        add_task, raw, "task id", job_id, body=body_of(task, models.Task, props)
    )


def job_custom_properties_call(
    raw: Any, job_id: int, names_: Iterable[str] | None
) -> Call[dict[str, str | None]]:
    return operation(get_job_custom_properties, raw, job_id, names=names(names_)).then(as_dict)


def set_job_custom_properties_call(raw: Any, job_id: int, values: Mapping[str, Any]) -> Call[None]:
    return operation(set_job_custom_properties, raw, job_id, body=property_list(values))


def job_env_variables_call(
    raw: Any, job_id: int, names_: Iterable[str] | None
) -> Call[dict[str, str | None]]:
    return operation(get_job_env_variables, raw, job_id, names=names(names_)).then(as_dict)


def set_job_env_variables_call(raw: Any, job_id: int, values: Mapping[str, Any]) -> Call[None]:
    return operation(set_job_env_variables, raw, job_id, body=property_list(values))


# tasks


def get_task_call(job_id: int, task_id: int, properties: Names) -> Call[Task]:
    return _model(models.Task, get_task._get_kwargs(job_id, task_id, properties=names(properties)))


OUTPUT_PROPERTIES = ("TaskId", "Output", "ExitCode")


def output_of(task: Task) -> str | None:
    return None if isinstance(task.output, Unset) else task.output


def task_pages(
    job_id: int,
    state: Any | None,
    changed_since: Any | None,
    properties: Names,
    expand_parametric: bool | None,
    sort_by: str | None,
    rows_per_read: int | None,
) -> Pages[Task]:
    request = functools.partial(
        get_task_list._get_kwargs,
        job_id,
        expand_parametric=opt(expand_parametric),
        sort_tasks_by=opt(sort_by),
        rows_per_read=opt(rows_per_read),
    )
    return _pages(
        models.Task, "TaskId", "TaskState", state, changed_since, properties, sort_by, request
    )


def set_task_call(
    raw: Any, job_id: int, task_id: int, task: Task | None, props: Mapping[str, Any]
) -> Call[None]:
    return operation(
        set_task_properties, raw, job_id, task_id, body=body_of(task, models.Task, props)
    )


def cancel_task_call(
    raw: Any, job_id: int, task_id: int, reason: str | None, forced: bool
) -> Call[None]:
    return operation(cancel_task, raw, job_id, task_id, body=opt(reason), forced=forced or UNSET)


def requeue_task_call(raw: Any, job_id: int, task_id: int) -> Call[None]:
    return operation(requeue_task, raw, job_id, task_id, body=[])


def task_custom_properties_call(
    raw: Any, job_id: int, task_id: int, names_: Iterable[str] | None
) -> Call[dict[str, str | None]]:
    return operation(get_task_custom_properties, raw, job_id, task_id, names=names(names_)).then(
        as_dict
    )


def set_task_custom_properties_call(
    raw: Any, job_id: int, task_id: int, values: Mapping[str, Any]
) -> Call[None]:
    return operation(set_task_custom_properties, raw, job_id, task_id, body=property_list(values))


def task_env_variables_call(
    raw: Any, job_id: int, task_id: int, names_: Iterable[str] | None
) -> Call[dict[str, str | None]]:
    return operation(get_task_env_variables, raw, job_id, task_id, names=names(names_)).then(
        as_dict
    )


def set_task_env_variables_call(
    raw: Any, job_id: int, task_id: int, values: Mapping[str, Any]
) -> Call[None]:
    return operation(set_task_env_variables, raw, job_id, task_id, body=property_list(values))


# subtasks


def get_subtask_call(job_id: int, task_id: int, subtask_id: int, properties: Names) -> Call[Task]:
    kwargs = get_subtask._get_kwargs(job_id, task_id, subtask_id, properties=names(properties))
    return _model(models.Task, kwargs)


def set_subtask_call(
    raw: Any,
    job_id: int,
    task_id: int,
    subtask_id: int,
    task: Task | None,
    props: Mapping[str, Any],
) -> Call[None]:
    body = body_of(task, models.Task, props)
    return operation(set_subtask_properties, raw, job_id, task_id, subtask_id, body=body)


def cancel_subtask_call(
    raw: Any, job_id: int, task_id: int, subtask_id: int, reason: str | None, forced: bool
) -> Call[None]:
    return operation(
        cancel_subtask,
        raw,
        job_id,
        task_id,
        subtask_id,
        body=opt(reason),
        forced=forced or UNSET,
    )


def requeue_subtask_call(raw: Any, job_id: int, task_id: int, subtask_id: int) -> Call[None]:
    return operation(requeue_subtask, raw, job_id, task_id, subtask_id, body=[])


# nodes


def node_pages(
    state: Any | None,
    changed_since: Any | None,
    properties: Names,
    sort_by: str | None,
    rows_per_read: int | None,
) -> Pages[Node]:
    request = functools.partial(
        get_node_list._get_kwargs, sort_nodes_by=opt(sort_by), rows_per_read=opt(rows_per_read)
    )
    return _pages(
        models.Node, "Id", "NodeState", state, changed_since, properties, sort_by, request
    )


def get_node_call(name: str) -> Call[Node]:
    return _model(models.Node, get_node._get_kwargs(name))


def node_groups_call(raw: Any) -> Call[list[NodeGroup]]:
    return operation(get_node_group_list, raw).then(
        lambda objects: rows_of(objects, models.NodeGroup)
    )


def node_group_members_call(raw: Any, group: str) -> Call[list[str]]:
    return _listed(get_node_group_members, raw, group)


# cluster


def version_call(raw: Any) -> Call[str]:
    return operation_required(get_version, raw, "version")


def active_head_node_call(raw: Any) -> Call[str]:
    return operation_required(get_active_head_node, raw, "head node")


def templates_call(raw: Any) -> Call[list[str]]:
    return _listed(get_job_templates, raw)


def clusters_call(root_url: str) -> Call[list[ClusterRow]]:
    """Get Clusters: always at the root, without the cluster segment."""
    return Call(
        {"method": "GET", "url": f"{root_url}/Clusters"},
        lambda response: [to_model(models.Cluster, o["Properties"]) for o in response.json()],
    )


def service_versions_call(raw: Any, service: str) -> Call[list[Version]]:
    return _listed(get_service_versions, raw, service)
