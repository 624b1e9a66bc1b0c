"""The call builders both APIs provide, as protocols: `calls` (WindowsHpc) and `restcalls`
(`/hpc`) are modules that must each satisfy `Calls`, and `restcalls` also `RestCalls`, so
mypy checks the twins keep one signature (`apis.Dialect.calls`). Typing only."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from hpc_client.models import Job, Node, NodeGroup, Task
from hpc_rest_client.models import MetricData, MetricDefinition, OperationLog
from hpc_rest_client.models import Node as RestNode
from hpc_rest_client.models import NodeGroup as RestNodeGroup

from .calls import Call, Names, Pages
from .paging import Window


class Calls(Protocol):
    """What `resources` sends over either API."""

    def create_job_call(self, raw: Any, job: Job | None, props: Mapping[str, Any]) -> Call[int]: ...

    def create_job_from_xml_call(self, raw: Any, xml: str) -> Call[int]: ...

    def get_job_call(self, job_id: int, properties: Names) -> Call[Job]: ...

    def job_pages(
        self,
        owner: str | None,
        state: Any | None,
        changed_since: Any | None,
        properties: Names,
        sort_by: str | None,
        rows_per_read: int | None,
    ) -> Pages[Job]: ...

    def set_job_call(
        self, raw: Any, job_id: int, job: Job | None, props: Mapping[str, Any]
    ) -> Call[None]: ...

    def submit_job_call(
        self,
        raw: Any,
        job_id: int,
        username: str | None,
        password: str | None,
        props: Mapping[str, Any],
    ) -> Call[None]: ...

    def cancel_job_call(
        self, raw: Any, job_id: int, reason: str | None, forced: bool
    ) -> Call[None]: ...

    def requeue_job_call(self, raw: Any, job_id: int) -> Call[None]: ...

    def add_task_call(
        self, raw: Any, job_id: int, task: Task | None, props: Mapping[str, Any]
    ) -> Call[int]: ...

    def job_custom_properties_call(
        self, raw: Any, job_id: int, names_: Iterable[str] | None
    ) -> Call[dict[str, str | None]]: ...

    def set_job_custom_properties_call(
        self, raw: Any, job_id: int, values: Mapping[str, Any]
    ) -> Call[None]: ...

    def job_env_variables_call(
        self, raw: Any, job_id: int, names_: Iterable[str] | None
    ) -> Call[dict[str, str | None]]: ...

    def set_job_env_variables_call(
        self, raw: Any, job_id: int, values: Mapping[str, Any]
    ) -> Call[None]: ...

    def get_task_call(self, job_id: int, task_id: int, properties: Names) -> Call[Task]: ...

    def task_pages(
        self,
        job_id: int,
        state: Any | None,
        changed_since: Any | None,
        properties: Names,
        expand_parametric: bool | None,
        sort_by: str | None,
        rows_per_read: int | None,
    ) -> Pages[Task]: ...

    def set_task_call(
        self, raw: Any, job_id: int, task_id: int, task: Task | None, props: Mapping[str, Any]
    ) -> Call[None]: ...

    def cancel_task_call(
        self, raw: Any, job_id: int, task_id: int, reason: str | None, forced: bool
    ) -> Call[None]: ...

    def requeue_task_call(self, raw: Any, job_id: int, task_id: int) -> Call[None]: ...

    def task_custom_properties_call(
        self, raw: Any, job_id: int, task_id: int, names_: Iterable[str] | None
    ) -> Call[dict[str, str | None]]: ...

    def set_task_custom_properties_call(
        self, raw: Any, job_id: int, task_id: int, values: Mapping[str, Any]
    ) -> Call[None]: ...

    def task_env_variables_call(
        self, raw: Any, job_id: int, task_id: int, names_: Iterable[str] | None
    ) -> Call[dict[str, str | None]]: ...

    def set_task_env_variables_call(
        self, raw: Any, job_id: int, task_id: int, values: Mapping[str, Any]
    ) -> Call[None]: ...

    def get_subtask_call(
        self, job_id: int, task_id: int, subtask_id: int, properties: Names
    ) -> Call[Task]: ...

    def set_subtask_call(
        self,
        raw: Any,
        job_id: int,
        task_id: int,
        subtask_id: int,
        task: Task | None,
        props: Mapping[str, Any],
    ) -> Call[None]: ...

    def cancel_subtask_call(
        self, raw: Any, job_id: int, task_id: int, subtask_id: int, reason: str | None, forced: bool
    ) -> Call[None]: ...

    def requeue_subtask_call(
        self, raw: Any, job_id: int, task_id: int, subtask_id: int
    ) -> Call[None]: ...

    def node_pages(
        self,
        state: Any | None,
        changed_since: Any | None,
        properties: Names,
        sort_by: str | None,
        rows_per_read: int | None,
    ) -> Pages[Node]: ...

    def get_node_call(self, name: str) -> Call[Node]: ...

    def node_groups_call(self, raw: Any) -> Call[list[NodeGroup]]: ...

    def node_group_members_call(self, raw: Any, group: str) -> Call[list[str]]: ...

    def version_call(self, raw: Any) -> Call[str]: ...

    def active_head_node_call(self, raw: Any) -> Call[str]: ...

    def templates_call(self, raw: Any) -> Call[list[str]]: ...


class RestCalls(Calls, Protocol):
    """What only `/hpc` has."""

    def job_window_call(
        self,
        owner: str | None,
        state: Any | None,
        properties: Names,
        sort_by: str | None,
        ascending: bool | None,
        start_row: int,
        rows: int,
    ) -> Call[Window[Job]]: ...

    def task_window_call(
        self,
        job_id: int,
        state: Any | None,
        properties: Names,
        sort_by: str | None,
        ascending: bool | None,
        start_row: int,
        rows: int,
    ) -> Call[Window[Task]]: ...

    def finish_job_call(self, raw: Any, job_id: int, message: str | None) -> Call[None]: ...

    def finish_task_call(
        self, raw: Any, job_id: int, task_id: int, message: str | None
    ) -> Call[None]: ...

    def finish_subtask_call(
        self, raw: Any, job_id: int, task_id: int, subtask_id: int, message: str | None
    ) -> Call[None]: ...

    def node_operation_call(self, raw: Any, name: str, operation_: str) -> Call[None]: ...

    def cluster_nodes_call(
        self, raw: Any, group: str | None, state: str | None, health: str | None
    ) -> Call[list[RestNode]]: ...

    def cluster_node_call(self, raw: Any, name: str) -> Call[RestNode]: ...

    def node_state_counts_call(self, raw: Any) -> Call[dict[str, int]]: ...

    def node_health_counts_call(self, raw: Any) -> Call[dict[str, int]]: ...

    def groups_call(self, raw: Any) -> Call[list[RestNodeGroup]]: ...

    def create_group_call(
        self, raw: Any, name: str, description: str | None
    ) -> Call[RestNodeGroup]: ...

    def update_group_call(
        self, raw: Any, name: str, description: str | None
    ) -> Call[RestNodeGroup]: ...

    def delete_group_call(self, raw: Any, name: str) -> Call[None]: ...

    def group_nodes_call(self, raw: Any, name: str) -> Call[list[str]]: ...

    def move_nodes_call(
        self, raw: Any, group: str, kind: str, nodes: Iterable[str]
    ) -> Call[list[str]]: ...

    def user_roles_call(self, raw: Any) -> Call[list[str]]: ...

    def metric_definitions_call(self, raw: Any) -> Call[list[MetricDefinition]]: ...

    def metric_history_call(
        self, raw: Any, name: str, start: datetime.datetime, end: datetime.datetime
    ) -> Call[MetricData]: ...

    def job_metrics_call(self, raw: Any) -> Call[MetricData]: ...

    def node_metrics_call(
        self, raw: Any, metric_names: Iterable[str]
    ) -> Call[dict[str, dict[str, float]]]: ...

    def date_time_format_call(self, raw: Any) -> Call[str]: ...

    def group_call(self, raw: Any, name: str) -> Call[RestNodeGroup]: ...

    def operations_call(
        self,
        raw: Any,
        start: datetime.datetime | None,
        end: datetime.datetime | None,
        limit: int | None,
        nodes: Iterable[str],
        with_detail: bool,
    ) -> Call[list[OperationLog]]: ...

    def first_operation_call(
        self,
        raw: Any,
        start: datetime.datetime | None,
        end: datetime.datetime | None,
        nodes: Iterable[str],
    ) -> Call[OperationLog]: ...

    def operation_call(self, raw: Any, operation_id: str) -> Call[OperationLog]: ...
