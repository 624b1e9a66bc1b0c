"""The `/hpc` twin of `calls`: the same operations, as `Call`s of the generated `hpc_rest_client`.

Each function here has the name and signature of its WindowsHpc twin in `calls`, and its answer
is read into the same typed model (`hpc_client.models.Job`, `Task`, `Node`, ...): the `/hpc`
API speaks the same name/value property lists, in JSON (`[{"Name", "Value"}]`, list rows
`[{"Properties": [...]}]`) [D], so `properties.to_model` reads both. `api.Dialect` picks this
module or `calls`; the resources never know which they use.

The `/hpc`-only operations (finish, node operations, node groups, metrics) follow, read into
the generated `/hpc` models.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from hpc_client import models
from hpc_client.models import Job, Task
from hpc_rest_client.api.cluster import (
    get_cluster_active_head_node,
    get_cluster_date_time_format,
    get_cluster_version,
    get_user_roles,
)
from hpc_rest_client.api.jobs import (
    cancel_job,
    create_job,
    create_job_from_xml,
    finish_job,
    get_job,
    get_job_custom_properties,
    get_job_environment_variables,
    get_job_templates,
    get_jobs,
    requeue_job,
    set_job_custom_properties,
    set_job_environment_variables,
    set_job_properties,
    submit_job,
)
from hpc_rest_client.api.legacy_nodes import (
    get_node_by_name,
    get_node_group_list,
    get_node_group_members,
    get_node_list,
)
from hpc_rest_client.api.metrics import (
    get_cluster_job_metrics,
    get_cluster_metric_definitions,
    get_cluster_metric_history,
    get_cluster_node_metrics,
)
from hpc_rest_client.api.node_groups import (
    create_node_group,
    delete_node_group,
    get_node_group,
    get_node_groups,
    get_nodes_of_group,
    move_nodes_of_group,
    update_node_group,
)
from hpc_rest_client.api.nodes import (
    get_cluster_node,
    get_cluster_node_stat_of_health,
    get_cluster_node_stat_of_state,
    get_cluster_nodes,
    operate_cluster_node,
)
from hpc_rest_client.api.operations import (
    get_cluster_first_operation,
    get_cluster_operation,
    get_cluster_operations,
)
from hpc_rest_client.api.subtasks import (
    cancel_subtask,
    finish_subtask,
    get_subtask,
    requeue_subtask,
    set_subtask_properties,
)
from hpc_rest_client.api.tasks import (
    add_task,
    cancel_task,
    finish_task,
    get_task,
    get_task_custom_properties,
    get_task_environment_variables,
    get_tasks,
    requeue_task,
    set_task_custom_properties,
    set_task_environment_variables,
    set_task_properties,
)
from hpc_rest_client.models import NodeGroup as RestNodeGroup
from hpc_rest_client.models import NodeGroupOperation, NodeGroupOperationKind, NodeOperationKind
from hpc_rest_client.models import Property as RestProperty
from hpc_rest_client.types import UNSET, Unset

from . import calls
from .apis import NEEDS_2019, NEEDS_U3, needing
from .calls import (
    Call,
    Names,
    Pages,
    _listed,
    _model,
    body_of,
    operation,
    operation_required,
    paged,
    submit_body,
)
from .errors import ApiUnavailable, MalformedResponse
from .paging import Window, with_key
from .properties import property_list, to_model

if TYPE_CHECKING:
    from hpc_client.models import Node, NodeGroup
    from hpc_rest_client.models import MetricData, MetricDefinition, OperationLog
    from hpc_rest_client.models import Node as RestNode

NAME = "hpc"
T = TypeVar("T")
M = TypeVar("M")

# The generated `/hpc` client has its own `UNSET` (its functions drop parameters that are
# `hpc_rest_client.types.UNSET`), so `calls`' helpers are redone here with it.


def opt(value: T | None) -> T | Unset:
    return UNSET if value is None else value


def names(value: Names) -> str | Unset:
    joined = calls.names(value)
    return joined if isinstance(joined, str) else UNSET


def state_filter(kind: str, state: Any | None, changed_since: Any | None) -> str | Unset:
    clauses = calls.state_filter(kind, state, changed_since)
    return clauses if isinstance(clauses, str) else UNSET


def as_dict(props: list[Any] | None) -> dict[str, str | None]:
    return {p.name: None if isinstance(p.value, Unset) else p.value for p in props or []}


def _rest(props: Iterable[Any]) -> list[RestProperty]:
    """WindowsHpc `Property` rows (from `body_of` / `property_list`) as `/hpc` ones."""
    return [RestProperty(name=p.name, value=p.value) for p in props]


def _pages(
    model: type[Any],
    key: str,
    kind: str,
    state: Any | None,
    changed_since: Any | None,
    properties: Names,
    sort_by: str | None,
    request: Callable[..., dict[str, Any]],
) -> Pages[Any]:
    """`calls._pages` for `/hpc`: the same `$filter` clauses [D], no `Render` parameter."""
    props = opt(with_key(names(properties) or None, key))
    filter_ = state_filter(kind, state, changed_since)

    def page(token: str | None) -> dict[str, Any]:
        return paged(request(properties=props, query_id=opt(token), filter_=filter_), token)

    return Pages(page, model, key, sort_by is None)


# jobs


def create_job_call(raw: Any, job: Job | None, props: Mapping[str, Any]) -> Call[int]:
    return operation_required(create_job, raw, "job id", body=_rest(body_of(job, Job, props)))


def create_job_from_xml_call(raw: Any, xml: str) -> Call[int]:
    """`POST /jobs/jobFile`: the job XML travels as a JSON string [D]."""
    return operation_required(create_job_from_xml, raw, "job id", body=xml)


def get_job_call(job_id: int, properties: Names) -> Call[Job]:
    return _model(Job, get_job._get_kwargs(job_id, properties=names(properties)))


def job_pages(
    owner: str | None,
    state: Any | None,
    changed_since: Any | None,
    properties: Names,
    sort_by: str | None,
    rows_per_read: int | None,
) -> Pages[Job]:
    request = functools.partial(
        get_jobs._get_kwargs,
        owner=opt(owner),
        sort_jobs_by=opt(sort_by),
        rows_per_read=opt(rows_per_read),
    )
    return _pages(Job, "Id", "JobState", state, changed_since, properties, sort_by, request)


def set_job_call(raw: Any, job_id: int, job: Job | None, props: Mapping[str, Any]) -> Call[None]:
    return operation(set_job_properties, raw, job_id, body=_rest(body_of(job, Job, props)))


def submit_job_call(
    raw: Any, job_id: int, username: str | None, password: str | None, props: Mapping[str, Any]
) -> Call[None]:
    body = _rest(submit_body(username, password, props))
    return operation(submit_job, raw, job_id, body=body)


def cancel_job_call(raw: Any, job_id: int, reason: str | None, forced: bool) -> Call[None]:
    return operation(cancel_job, raw, job_id, body=opt(reason), forced=forced or UNSET)


def requeue_job_call(raw: Any, job_id: int) -> Call[None]:
    return operation(requeue_job, raw, job_id)


def add_task_call(raw: Any, job_id: int, task: Task | None, props: Mapping[str, Any]) -> Call[int]:
    body = _rest(body_of(task, Task, props))
    return operation_required(add_task, raw, "task id", job_id, body=body)


def job_custom_properties_call(
    raw: Any, job_id: int, names_: Iterable[str] | None
) -> Call[dict[str, str | None]]:
    return operation(get_job_custom_properties, raw, job_id, names=names(names_)).then(as_dict)


def set_job_custom_properties_call(raw: Any, job_id: int, values: Mapping[str, Any]) -> Call[None]:
    body = _rest(property_list(values))
    return operation(set_job_custom_properties, raw, job_id, body=body)


def job_env_variables_call(
    raw: Any, job_id: int, names_: Iterable[str] | None
) -> Call[dict[str, str | None]]:
    op = get_job_environment_variables
    return operation(op, raw, job_id, names=names(names_)).then(as_dict)


def set_job_env_variables_call(raw: Any, job_id: int, values: Mapping[str, Any]) -> Call[None]:
    body = _rest(property_list(values))
    return operation(set_job_environment_variables, raw, job_id, body=body)


# tasks


def get_task_call(job_id: int, task_id: int, properties: Names) -> Call[Task]:
    return _model(Task, get_task._get_kwargs(job_id, task_id, properties=names(properties)))


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
        get_tasks._get_kwargs,
        job_id,
        expand_parametric=opt(expand_parametric),
        sort_tasks_by=opt(sort_by),
        rows_per_read=opt(rows_per_read),
    )
    return _pages(Task, "TaskId", "TaskState", state, changed_since, properties, sort_by, request)


def set_task_call(
    raw: Any, job_id: int, task_id: int, task: Task | None, props: Mapping[str, Any]
) -> Call[None]:
    body = _rest(body_of(task, Task, props))
    return operation(set_task_properties, raw, job_id, task_id, body=body)


def cancel_task_call(
    raw: Any, job_id: int, task_id: int, reason: str | None, forced: bool
) -> Call[None]:
    forced_ = forced or UNSET
    return operation(cancel_task, raw, job_id, task_id, body=opt(reason), forced=forced_)


def requeue_task_call(raw: Any, job_id: int, task_id: int) -> Call[None]:
    return operation(requeue_task, raw, job_id, task_id)


def task_custom_properties_call(
    raw: Any, job_id: int, task_id: int, names_: Iterable[str] | None
) -> Call[dict[str, str | None]]:
    op = get_task_custom_properties
    return operation(op, raw, job_id, task_id, names=names(names_)).then(as_dict)


def set_task_custom_properties_call(
    raw: Any, job_id: int, task_id: int, values: Mapping[str, Any]
) -> Call[None]:
    body = _rest(property_list(values))
    return operation(set_task_custom_properties, raw, job_id, task_id, body=body)


def task_env_variables_call(
    raw: Any, job_id: int, task_id: int, names_: Iterable[str] | None
) -> Call[dict[str, str | None]]:
    op = get_task_environment_variables
    return operation(op, raw, job_id, task_id, names=names(names_)).then(as_dict)


def set_task_env_variables_call(
    raw: Any, job_id: int, task_id: int, values: Mapping[str, Any]
) -> Call[None]:
    body = _rest(property_list(values))
    return operation(set_task_environment_variables, raw, job_id, task_id, body=body)


# subtasks


def get_subtask_call(job_id: int, task_id: int, subtask_id: int, properties: Names) -> Call[Task]:
    kwargs = get_subtask._get_kwargs(job_id, task_id, subtask_id, properties=names(properties))
    return _model(Task, kwargs)


def set_subtask_call(
    raw: Any,
    job_id: int,
    task_id: int,
    subtask_id: int,
    task: Task | None,
    props: Mapping[str, Any],
) -> Call[None]:
    body = _rest(body_of(task, Task, props))
    return operation(set_subtask_properties, raw, job_id, task_id, subtask_id, body=body)


def cancel_subtask_call(
    raw: Any, job_id: int, task_id: int, subtask_id: int, reason: str | None, forced: bool
) -> Call[None]:
    forced_ = forced or UNSET
    return operation(
        cancel_subtask, raw, job_id, task_id, subtask_id, body=opt(reason), forced=forced_
    )


def requeue_subtask_call(raw: Any, job_id: int, task_id: int, subtask_id: int) -> Call[None]:
    return operation(requeue_subtask, raw, job_id, task_id, subtask_id)


# nodes (the legacy `/nodes` operations: the WindowsHpc property lists, served by 2016 and 2019)


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
    return _model(models.Node, get_node_by_name._get_kwargs(name))


def _group_view(group: RestNodeGroup) -> NodeGroup:
    description = None if isinstance(group.description, Unset) else group.description
    return models.NodeGroup(name=group.name, description=description)


def node_groups_call(raw: Any) -> Call[list[NodeGroup]]:
    return _listed(get_node_group_list, raw).then(lambda groups: [_group_view(g) for g in groups])


def node_group_members_call(raw: Any, group: str) -> Call[list[str]]:
    return _listed(get_node_group_members, raw, group)


# cluster


def version_call(raw: Any) -> Call[str]:
    return operation_required(get_cluster_version, raw, "version")


def active_head_node_call(raw: Any) -> Call[str]:
    return operation_required(get_cluster_active_head_node, raw, "head node")


def templates_call(raw: Any) -> Call[list[str]]:
    return _listed(get_job_templates, raw)


# -- /hpc only ----------------------------------------------------------------------------------

ROW_COUNT = "x-ms-row-count"
NEEDS_OFFSET = "the /hpc REST API of HPC Pack 2016 Update 3 with KB4537169 (5.3.6450) or later"


def _window(model: type[M], key: str, start_row: int, kwargs: dict[str, Any]) -> Call[Window[M]]:
    """A `startRow` page: its rows and the list's total (`x-ms-row-count`) [D]. A server
    without offset paging ignores `startRow` and sends no count: refused, not misread."""
    if start_row < 0:
        raise ValueError("start_row must be >= 0")

    def read(response: Any) -> Window[M]:
        total = response.headers.get(ROW_COUNT)
        if total is None or not total.strip().isdigit():
            raise ApiUnavailable(
                f"offset paging (startRow) needs {NEEDS_OFFSET}: no {ROW_COUNT} in the answer",
                status=response.status_code,
            )
        try:
            rows = [to_model(model, row["Properties"]) for row in response.json()]
        except (KeyError, TypeError) as exc:
            raise MalformedResponse(f"unexpected list row shape ({type(exc).__name__})") from None
        return Window(rows, start_row, int(total))

    return Call(kwargs, read)


def job_window_call(
    owner: str | None,
    state: Any | None,
    properties: Names,
    sort_by: str | None,
    ascending: bool | None,
    start_row: int,
    rows: int,
) -> Call[Window[Job]]:
    kwargs = get_jobs._get_kwargs(
        owner=opt(owner),
        properties=opt(with_key(names(properties) or None, "Id")),
        filter_=state_filter("JobState", state, None),
        sort_jobs_by=opt(sort_by),
        asc=opt(ascending),
        start_row=start_row,
        rows_per_read=rows,
    )
    return _window(Job, "Id", start_row, kwargs)


def task_window_call(
    job_id: int,
    state: Any | None,
    properties: Names,
    sort_by: str | None,
    ascending: bool | None,
    start_row: int,
    rows: int,
) -> Call[Window[Task]]:
    kwargs = get_tasks._get_kwargs(
        job_id,
        properties=opt(with_key(names(properties) or None, "TaskId")),
        filter_=state_filter("TaskState", state, None),
        sort_tasks_by=opt(sort_by),
        asc=opt(ascending),
        start_row=start_row,
        rows_per_read=rows,
    )
    return _window(Task, "TaskId", start_row, kwargs)


def _needs(call: Call[T], need: str) -> Call[T]:
    needing(call.kwargs, need)
    return call


def finish_job_call(raw: Any, job_id: int, message: str | None) -> Call[None]:
    return _needs(operation(finish_job, raw, job_id, body=opt(message)), NEEDS_U3)


def finish_task_call(raw: Any, job_id: int, task_id: int, message: str | None) -> Call[None]:
    call = operation(finish_task, raw, job_id, task_id, body=opt(message))
    return _needs(call, NEEDS_U3)


def finish_subtask_call(
    raw: Any, job_id: int, task_id: int, subtask_id: int, message: str | None
) -> Call[None]:
    call = operation(finish_subtask, raw, job_id, task_id, subtask_id, body=opt(message))
    return _needs(call, NEEDS_U3)


def node_operation_call(raw: Any, name: str, operation_: str) -> Call[None]:
    """A node operation; the service answers 202 and applies it later [D]."""
    call = operation(operate_cluster_node, raw, name, NodeOperationKind(operation_))
    return _needs(call, NEEDS_2019)


def cluster_nodes_call(
    raw: Any, group: str | None, state: str | None, health: str | None
) -> Call[list[RestNode]]:
    from hpc_rest_client.models import NodeHealth, NodeState

    return _needs(
        _listed(
            get_cluster_nodes,
            raw,
            group=opt(group),
            state=opt(NodeState(state) if state else None),
            health=opt(NodeHealth(health) if health else None),
        ),
        NEEDS_2019,
    )


def cluster_node_call(raw: Any, name: str) -> Call[RestNode]:
    return _needs(
        operation_required(get_cluster_node, raw, "node", name),
        NEEDS_2019,
    )


def _counts(rows: Iterable[Any]) -> dict[str, int]:
    """`[{"Name": state, "Value": count}]` as `{state: count}`."""
    return {row.name.value: int(row.value) for row in rows}


def node_state_counts_call(raw: Any) -> Call[dict[str, int]]:
    return _needs(
        _listed(get_cluster_node_stat_of_state, raw).then(_counts),
        NEEDS_2019,
    )


def node_health_counts_call(raw: Any) -> Call[dict[str, int]]:
    return _needs(
        _listed(get_cluster_node_stat_of_health, raw).then(_counts),
        NEEDS_2019,
    )


def groups_call(raw: Any) -> Call[list[RestNodeGroup]]:
    return _needs(
        _listed(get_node_groups, raw),
        NEEDS_2019,
    )


def create_group_call(raw: Any, name: str, description: str | None) -> Call[RestNodeGroup]:
    body = RestNodeGroup(name=name, description=opt(description))
    return _needs(
        operation_required(create_node_group, raw, "node group", body=body),
        NEEDS_2019,
    )


def update_group_call(raw: Any, name: str, description: str | None) -> Call[RestNodeGroup]:
    body = RestNodeGroup(name=name, description=opt(description))
    return _needs(
        operation_required(update_node_group, raw, "node group", name, body=body),
        NEEDS_2019,
    )


def delete_group_call(raw: Any, name: str) -> Call[None]:
    return _needs(
        operation(delete_node_group, raw, name),
        NEEDS_2019,
    )


def group_nodes_call(raw: Any, name: str) -> Call[list[str]]:
    return _needs(
        _listed(get_nodes_of_group, raw, name),
        NEEDS_2019,
    )


def move_nodes_call(raw: Any, group: str, kind: str, nodes: Iterable[str]) -> Call[list[str]]:
    body = NodeGroupOperation(
        group_name=group, operation=NodeGroupOperationKind(kind), node_names=list(nodes)
    )
    return _needs(
        _listed(move_nodes_of_group, raw, group, body=body),
        NEEDS_2019,
    )


def user_roles_call(raw: Any) -> Call[list[str]]:
    return _listed(get_user_roles, raw).then(lambda roles: [r.value for r in roles])


def metric_definitions_call(raw: Any) -> Call[list[MetricDefinition]]:
    return _needs(
        _listed(get_cluster_metric_definitions, raw),
        NEEDS_2019,
    )


def metric_history_call(
    raw: Any, name: str, start: datetime.datetime, end: datetime.datetime
) -> Call[MetricData]:
    op = get_cluster_metric_history
    return _needs(
        operation_required(op, raw, "metric data", name, from_time=start, to_time=end),
        NEEDS_2019,
    )


def job_metrics_call(raw: Any) -> Call[MetricData]:
    return _needs(
        operation_required(get_cluster_job_metrics, raw, "metric data"),
        NEEDS_2019,
    )


def node_metrics_call(raw: Any, metric_names: Iterable[str]) -> Call[dict[str, dict[str, float]]]:
    def table(rows: list[Any]) -> dict[str, dict[str, float]]:
        return {r.node_name: dict(r.metrics.additional_properties) for r in rows}

    op = get_cluster_node_metrics
    return _needs(
        _listed(op, raw, metric_names=",".join(metric_names)).then(table),
        NEEDS_2019,
    )


def date_time_format_call(raw: Any) -> Call[str]:
    """The .NET format of the date-times in property values (e.g. `M/d/yyyy h:mm:ss tt`)."""
    return operation_required(get_cluster_date_time_format, raw, "date-time format")


def group_call(raw: Any, name: str) -> Call[RestNodeGroup]:
    return _needs(operation_required(get_node_group, raw, "node group", name), NEEDS_2019)


def operations_call(
    raw: Any,
    start: datetime.datetime | None,
    end: datetime.datetime | None,
    limit: int | None,
    nodes: Iterable[str],
    with_detail: bool,
) -> Call[list[OperationLog]]:
    joined = ",".join(nodes) or None
    call = _listed(
        get_cluster_operations,
        raw,
        from_time=opt(start),
        to_time=opt(end),
        limit=opt(limit),
        node_names=opt(joined),
        with_detail=with_detail,
    )
    return _needs(call, NEEDS_2019)


def first_operation_call(
    raw: Any, start: datetime.datetime | None, end: datetime.datetime | None, nodes: Iterable[str]
) -> Call[OperationLog]:
    joined = ",".join(nodes) or None
    op = get_cluster_first_operation
    call = operation_required(
        op, raw, "operation", from_time=opt(start), to_time=opt(end), node_names=opt(joined)
    )
    return _needs(call, NEEDS_2019)


def operation_call(raw: Any, operation_id: str) -> Call[OperationLog]:
    call = operation_required(get_cluster_operation, raw, "operation", operation_id)
    return _needs(call, NEEDS_2019)
