from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_node_group_op import JobNodeGroupOp
from ..models.job_priority import JobPriority
from ..models.job_state import JobState
from ..models.job_unit_type import JobUnitType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """Typed view of a job's RestPropRender properties (Get Job, Get Job List rows, Create Job
    and Set Job Properties bodies). Every value travels as a string; a nil value is null.
    Read-only properties cannot be set; `Password` can be set but never read; `HoldUntil`
    can be set on Submit and Set Job Properties only. Date-times are rendered in the server's
    culture (e.g. `9/27/2011 9:53:26 PM`). [D]/[C]

        Attributes:
            id (int | None | Unset):
            name (None | str | Unset):
            owner (None | str | Unset): `DOMAIN\\user`.
            user_name (None | str | Unset): Run-as user.
            password (None | str | Unset):
            project (None | str | Unset):
            runtime_seconds (int | None | Unset): Run-time limit.
            has_runtime (bool | None | Unset):
            submit_time (datetime.datetime | None | Unset):
            create_time (datetime.datetime | None | Unset):
            start_time (datetime.datetime | None | Unset):
            end_time (datetime.datetime | None | Unset):
            change_time (datetime.datetime | None | Unset):
            state (JobState | None | Unset):
            previous_state (JobState | None | Unset):
            min_cores (int | None | Unset):
            max_cores (int | None | Unset):
            min_nodes (int | None | Unset):
            max_nodes (int | None | Unset):
            min_sockets (int | None | Unset):
            max_sockets (int | None | Unset):
            unit_type (JobUnitType | None | Unset):
            requested_nodes (None | str | Unset): Comma-separated node names.
            is_exclusive (bool | None | Unset):
            run_until_canceled (bool | None | Unset):
            node_groups (None | str | Unset): Comma-separated node groups.
            node_group_op (JobNodeGroupOp | None | Unset):
            fail_on_task_failure (bool | None | Unset):
            auto_calculate_max (bool | None | Unset):
            auto_calculate_min (bool | None | Unset):
            can_grow (bool | None | Unset):
            can_shrink (bool | None | Unset):
            preemptable (bool | None | Unset):
            error_message (None | str | Unset):
            requeue_count (int | None | Unset):
            min_memory (int | None | Unset): MB.
            max_memory (int | None | Unset): MB.
            min_cores_per_node (int | None | Unset):
            max_cores_per_node (int | None | Unset):
            endpoint_reference (None | str | Unset):
            software_license (None | str | Unset):
            order_by (None | str | Unset):
            client_source (None | str | Unset):
            progress (int | None | Unset): Percent complete. Maintained by the scheduler from the number of tasks that have
                completed, until a client sets it; from then on it stays as set. [D]
            progress_message (None | str | Unset): Set by applications; documented as up to 80 characters. [D]
            target_resource_count (int | None | Unset):
            priority (JobPriority | None | Unset):
            expanded_priority (int | None | Unset):
            service_name (None | str | Unset):
            job_template (None | str | Unset):
            hold_until (datetime.datetime | None | Unset):
            notify_on_start (bool | None | Unset):
            notify_on_completion (bool | None | Unset):
            excluded_nodes (None | str | Unset):
            email_address (None | str | Unset):
            allocated_nodes (None | str | Unset):
            pool (None | str | Unset):
            job_valid_exit_codes (None | str | Unset):
            parent_job_ids (None | str | Unset): Comma-separated job ids.
            child_job_ids (None | str | Unset):
            fail_dependent_tasks (bool | None | Unset):
            single_node (bool | None | Unset):
            estimated_process_memory (int | None | Unset): MB.
            job_type (None | str | Unset): Flags by name: Batch, Admin, Service, Broker. [C]
            pending_reason (None | str | Unset):
            failure_reason (None | str | Unset):
            auto_requeue_count (int | None | Unset):
    """

    id: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    owner: None | str | Unset = UNSET
    user_name: None | str | Unset = UNSET
    password: None | str | Unset = UNSET
    project: None | str | Unset = UNSET
    runtime_seconds: int | None | Unset = UNSET
    has_runtime: bool | None | Unset = UNSET
    submit_time: datetime.datetime | None | Unset = UNSET
    create_time: datetime.datetime | None | Unset = UNSET
    start_time: datetime.datetime | None | Unset = UNSET
    end_time: datetime.datetime | None | Unset = UNSET
    change_time: datetime.datetime | None | Unset = UNSET
    state: JobState | None | Unset = UNSET
    previous_state: JobState | None | Unset = UNSET
    min_cores: int | None | Unset = UNSET
    max_cores: int | None | Unset = UNSET
    min_nodes: int | None | Unset = UNSET
    max_nodes: int | None | Unset = UNSET
    min_sockets: int | None | Unset = UNSET
    max_sockets: int | None | Unset = UNSET
    unit_type: JobUnitType | None | Unset = UNSET
    requested_nodes: None | str | Unset = UNSET
    is_exclusive: bool | None | Unset = UNSET
    run_until_canceled: bool | None | Unset = UNSET
    node_groups: None | str | Unset = UNSET
    node_group_op: JobNodeGroupOp | None | Unset = UNSET
    fail_on_task_failure: bool | None | Unset = UNSET
    auto_calculate_max: bool | None | Unset = UNSET
    auto_calculate_min: bool | None | Unset = UNSET
    can_grow: bool | None | Unset = UNSET
    can_shrink: bool | None | Unset = UNSET
    preemptable: bool | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    requeue_count: int | None | Unset = UNSET
    min_memory: int | None | Unset = UNSET
    max_memory: int | None | Unset = UNSET
    min_cores_per_node: int | None | Unset = UNSET
    max_cores_per_node: int | None | Unset = UNSET
    endpoint_reference: None | str | Unset = UNSET
    software_license: None | str | Unset = UNSET
    order_by: None | str | Unset = UNSET
    client_source: None | str | Unset = UNSET
    progress: int | None | Unset = UNSET
    progress_message: None | str | Unset = UNSET
    target_resource_count: int | None | Unset = UNSET
    priority: JobPriority | None | Unset = UNSET
    expanded_priority: int | None | Unset = UNSET
    service_name: None | str | Unset = UNSET
    job_template: None | str | Unset = UNSET
    hold_until: datetime.datetime | None | Unset = UNSET
    notify_on_start: bool | None | Unset = UNSET
    notify_on_completion: bool | None | Unset = UNSET
    excluded_nodes: None | str | Unset = UNSET
    email_address: None | str | Unset = UNSET
    allocated_nodes: None | str | Unset = UNSET
    pool: None | str | Unset = UNSET
    job_valid_exit_codes: None | str | Unset = UNSET
    parent_job_ids: None | str | Unset = UNSET
    child_job_ids: None | str | Unset = UNSET
    fail_dependent_tasks: bool | None | Unset = UNSET
    single_node: bool | None | Unset = UNSET
    estimated_process_memory: int | None | Unset = UNSET
    job_type: None | str | Unset = UNSET
    pending_reason: None | str | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    auto_requeue_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        user_name: None | str | Unset
        if isinstance(self.user_name, Unset):
            user_name = UNSET
        else:
            user_name = self.user_name

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        runtime_seconds: int | None | Unset
        if isinstance(self.runtime_seconds, Unset):
            runtime_seconds = UNSET
        else:
            runtime_seconds = self.runtime_seconds

        has_runtime: bool | None | Unset
        if isinstance(self.has_runtime, Unset):
            has_runtime = UNSET
        else:
            has_runtime = self.has_runtime

        submit_time: None | str | Unset
        if isinstance(self.submit_time, Unset):
            submit_time = UNSET
        elif isinstance(self.submit_time, datetime.datetime):
            submit_time = self.submit_time.isoformat()
        else:
            submit_time = self.submit_time

        create_time: None | str | Unset
        if isinstance(self.create_time, Unset):
            create_time = UNSET
        elif isinstance(self.create_time, datetime.datetime):
            create_time = self.create_time.isoformat()
        else:
            create_time = self.create_time

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        elif isinstance(self.start_time, datetime.datetime):
            start_time = self.start_time.isoformat()
        else:
            start_time = self.start_time

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        elif isinstance(self.end_time, datetime.datetime):
            end_time = self.end_time.isoformat()
        else:
            end_time = self.end_time

        change_time: None | str | Unset
        if isinstance(self.change_time, Unset):
            change_time = UNSET
        elif isinstance(self.change_time, datetime.datetime):
            change_time = self.change_time.isoformat()
        else:
            change_time = self.change_time

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, JobState):
            state = self.state.value
        else:
            state = self.state

        previous_state: None | str | Unset
        if isinstance(self.previous_state, Unset):
            previous_state = UNSET
        elif isinstance(self.previous_state, JobState):
            previous_state = self.previous_state.value
        else:
            previous_state = self.previous_state

        min_cores: int | None | Unset
        if isinstance(self.min_cores, Unset):
            min_cores = UNSET
        else:
            min_cores = self.min_cores

        max_cores: int | None | Unset
        if isinstance(self.max_cores, Unset):
            max_cores = UNSET
        else:
            max_cores = self.max_cores

        min_nodes: int | None | Unset
        if isinstance(self.min_nodes, Unset):
            min_nodes = UNSET
        else:
            min_nodes = self.min_nodes

        max_nodes: int | None | Unset
        if isinstance(self.max_nodes, Unset):
            max_nodes = UNSET
        else:
            max_nodes = self.max_nodes

        min_sockets: int | None | Unset
        if isinstance(self.min_sockets, Unset):
            min_sockets = UNSET
        else:
            min_sockets = self.min_sockets

        max_sockets: int | None | Unset
        if isinstance(self.max_sockets, Unset):
            max_sockets = UNSET
        else:
            max_sockets = self.max_sockets

        unit_type: None | str | Unset
        if isinstance(self.unit_type, Unset):
            unit_type = UNSET
        elif isinstance(self.unit_type, JobUnitType):
            unit_type = self.unit_type.value
        else:
            unit_type = self.unit_type

        requested_nodes: None | str | Unset
        if isinstance(self.requested_nodes, Unset):
            requested_nodes = UNSET
        else:
            requested_nodes = self.requested_nodes

        is_exclusive: bool | None | Unset
        if isinstance(self.is_exclusive, Unset):
            is_exclusive = UNSET
        else:
            is_exclusive = self.is_exclusive

        run_until_canceled: bool | None | Unset
        if isinstance(self.run_until_canceled, Unset):
            run_until_canceled = UNSET
        else:
            run_until_canceled = self.run_until_canceled

        node_groups: None | str | Unset
        if isinstance(self.node_groups, Unset):
            node_groups = UNSET
        else:
            node_groups = self.node_groups

        node_group_op: None | str | Unset
        if isinstance(self.node_group_op, Unset):
            node_group_op = UNSET
        elif isinstance(self.node_group_op, JobNodeGroupOp):
            node_group_op = self.node_group_op.value
        else:
            node_group_op = self.node_group_op

        fail_on_task_failure: bool | None | Unset
        if isinstance(self.fail_on_task_failure, Unset):
            fail_on_task_failure = UNSET
        else:
            fail_on_task_failure = self.fail_on_task_failure

        auto_calculate_max: bool | None | Unset
        if isinstance(self.auto_calculate_max, Unset):
            auto_calculate_max = UNSET
        else:
            auto_calculate_max = self.auto_calculate_max

        auto_calculate_min: bool | None | Unset
        if isinstance(self.auto_calculate_min, Unset):
            auto_calculate_min = UNSET
        else:
            auto_calculate_min = self.auto_calculate_min

        can_grow: bool | None | Unset
        if isinstance(self.can_grow, Unset):
            can_grow = UNSET
        else:
            can_grow = self.can_grow

        can_shrink: bool | None | Unset
        if isinstance(self.can_shrink, Unset):
            can_shrink = UNSET
        else:
            can_shrink = self.can_shrink

        preemptable: bool | None | Unset
        if isinstance(self.preemptable, Unset):
            preemptable = UNSET
        else:
            preemptable = self.preemptable

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        requeue_count: int | None | Unset
        if isinstance(self.requeue_count, Unset):
            requeue_count = UNSET
        else:
            requeue_count = self.requeue_count

        min_memory: int | None | Unset
        if isinstance(self.min_memory, Unset):
            min_memory = UNSET
        else:
            min_memory = self.min_memory

        max_memory: int | None | Unset
        if isinstance(self.max_memory, Unset):
            max_memory = UNSET
        else:
            max_memory = self.max_memory

        min_cores_per_node: int | None | Unset
        if isinstance(self.min_cores_per_node, Unset):
            min_cores_per_node = UNSET
        else:
            min_cores_per_node = self.min_cores_per_node

        max_cores_per_node: int | None | Unset
        if isinstance(self.max_cores_per_node, Unset):
            max_cores_per_node = UNSET
        else:
            max_cores_per_node = self.max_cores_per_node

        endpoint_reference: None | str | Unset
        if isinstance(self.endpoint_reference, Unset):
            endpoint_reference = UNSET
        else:
            endpoint_reference = self.endpoint_reference

        software_license: None | str | Unset
        if isinstance(self.software_license, Unset):
            software_license = UNSET
        else:
            software_license = self.software_license

        order_by: None | str | Unset
        if isinstance(self.order_by, Unset):
            order_by = UNSET
        else:
            order_by = self.order_by

        client_source: None | str | Unset
        if isinstance(self.client_source, Unset):
            client_source = UNSET
        else:
            client_source = self.client_source

        progress: int | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        progress_message: None | str | Unset
        if isinstance(self.progress_message, Unset):
            progress_message = UNSET
        else:
            progress_message = self.progress_message

        target_resource_count: int | None | Unset
        if isinstance(self.target_resource_count, Unset):
            target_resource_count = UNSET
        else:
            target_resource_count = self.target_resource_count

        priority: None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        elif isinstance(self.priority, JobPriority):
            priority = self.priority.value
        else:
            priority = self.priority

        expanded_priority: int | None | Unset
        if isinstance(self.expanded_priority, Unset):
            expanded_priority = UNSET
        else:
            expanded_priority = self.expanded_priority

        service_name: None | str | Unset
        if isinstance(self.service_name, Unset):
            service_name = UNSET
        else:
            service_name = self.service_name

        job_template: None | str | Unset
        if isinstance(self.job_template, Unset):
            job_template = UNSET
        else:
            job_template = self.job_template

        hold_until: None | str | Unset
        if isinstance(self.hold_until, Unset):
            hold_until = UNSET
        elif isinstance(self.hold_until, datetime.datetime):
            hold_until = self.hold_until.isoformat()
        else:
            hold_until = self.hold_until

        notify_on_start: bool | None | Unset
        if isinstance(self.notify_on_start, Unset):
            notify_on_start = UNSET
        else:
            notify_on_start = self.notify_on_start

        notify_on_completion: bool | None | Unset
        if isinstance(self.notify_on_completion, Unset):
            notify_on_completion = UNSET
        else:
            notify_on_completion = self.notify_on_completion

        excluded_nodes: None | str | Unset
        if isinstance(self.excluded_nodes, Unset):
            excluded_nodes = UNSET
        else:
            excluded_nodes = self.excluded_nodes

        email_address: None | str | Unset
        if isinstance(self.email_address, Unset):
            email_address = UNSET
        else:
            email_address = self.email_address

        allocated_nodes: None | str | Unset
        if isinstance(self.allocated_nodes, Unset):
            allocated_nodes = UNSET
        else:
            allocated_nodes = self.allocated_nodes

        pool: None | str | Unset
        if isinstance(self.pool, Unset):
            pool = UNSET
        else:
            pool = self.pool

        job_valid_exit_codes: None | str | Unset
        if isinstance(self.job_valid_exit_codes, Unset):
            job_valid_exit_codes = UNSET
        else:
            job_valid_exit_codes = self.job_valid_exit_codes

        parent_job_ids: None | str | Unset
        if isinstance(self.parent_job_ids, Unset):
            parent_job_ids = UNSET
        else:
            parent_job_ids = self.parent_job_ids

        child_job_ids: None | str | Unset
        if isinstance(self.child_job_ids, Unset):
            child_job_ids = UNSET
        else:
            child_job_ids = self.child_job_ids

        fail_dependent_tasks: bool | None | Unset
        if isinstance(self.fail_dependent_tasks, Unset):
            fail_dependent_tasks = UNSET
        else:
            fail_dependent_tasks = self.fail_dependent_tasks

        single_node: bool | None | Unset
        if isinstance(self.single_node, Unset):
            single_node = UNSET
        else:
            single_node = self.single_node

        estimated_process_memory: int | None | Unset
        if isinstance(self.estimated_process_memory, Unset):
            estimated_process_memory = UNSET
        else:
            estimated_process_memory = self.estimated_process_memory

        job_type: None | str | Unset
        if isinstance(self.job_type, Unset):
            job_type = UNSET
        else:
            job_type = self.job_type

        pending_reason: None | str | Unset
        if isinstance(self.pending_reason, Unset):
            pending_reason = UNSET
        else:
            pending_reason = self.pending_reason

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        auto_requeue_count: int | None | Unset
        if isinstance(self.auto_requeue_count, Unset):
            auto_requeue_count = UNSET
        else:
            auto_requeue_count = self.auto_requeue_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name
        if owner is not UNSET:
            field_dict["Owner"] = owner
        if user_name is not UNSET:
            field_dict["UserName"] = user_name
        if password is not UNSET:
            field_dict["Password"] = password
        if project is not UNSET:
            field_dict["Project"] = project
        if runtime_seconds is not UNSET:
            field_dict["RuntimeSeconds"] = runtime_seconds
        if has_runtime is not UNSET:
            field_dict["HasRuntime"] = has_runtime
        if submit_time is not UNSET:
            field_dict["SubmitTime"] = submit_time
        if create_time is not UNSET:
            field_dict["CreateTime"] = create_time
        if start_time is not UNSET:
            field_dict["StartTime"] = start_time
        if end_time is not UNSET:
            field_dict["EndTime"] = end_time
        if change_time is not UNSET:
            field_dict["ChangeTime"] = change_time
        if state is not UNSET:
            field_dict["State"] = state
        if previous_state is not UNSET:
            field_dict["PreviousState"] = previous_state
        if min_cores is not UNSET:
            field_dict["MinCores"] = min_cores
        if max_cores is not UNSET:
            field_dict["MaxCores"] = max_cores
        if min_nodes is not UNSET:
            field_dict["MinNodes"] = min_nodes
        if max_nodes is not UNSET:
            field_dict["MaxNodes"] = max_nodes
        if min_sockets is not UNSET:
            field_dict["MinSockets"] = min_sockets
        if max_sockets is not UNSET:
            field_dict["MaxSockets"] = max_sockets
        if unit_type is not UNSET:
            field_dict["UnitType"] = unit_type
        if requested_nodes is not UNSET:
            field_dict["RequestedNodes"] = requested_nodes
        if is_exclusive is not UNSET:
            field_dict["IsExclusive"] = is_exclusive
        if run_until_canceled is not UNSET:
            field_dict["RunUntilCanceled"] = run_until_canceled
        if node_groups is not UNSET:
            field_dict["NodeGroups"] = node_groups
        if node_group_op is not UNSET:
            field_dict["NodeGroupOp"] = node_group_op
        if fail_on_task_failure is not UNSET:
            field_dict["FailOnTaskFailure"] = fail_on_task_failure
        if auto_calculate_max is not UNSET:
            field_dict["AutoCalculateMax"] = auto_calculate_max
        if auto_calculate_min is not UNSET:
            field_dict["AutoCalculateMin"] = auto_calculate_min
        if can_grow is not UNSET:
            field_dict["CanGrow"] = can_grow
        if can_shrink is not UNSET:
            field_dict["CanShrink"] = can_shrink
        if preemptable is not UNSET:
            field_dict["Preemptable"] = preemptable
        if error_message is not UNSET:
            field_dict["ErrorMessage"] = error_message
        if requeue_count is not UNSET:
            field_dict["RequeueCount"] = requeue_count
        if min_memory is not UNSET:
            field_dict["MinMemory"] = min_memory
        if max_memory is not UNSET:
            field_dict["MaxMemory"] = max_memory
        if min_cores_per_node is not UNSET:
            field_dict["MinCoresPerNode"] = min_cores_per_node
        if max_cores_per_node is not UNSET:
            field_dict["MaxCoresPerNode"] = max_cores_per_node
        if endpoint_reference is not UNSET:
            field_dict["EndpointReference"] = endpoint_reference
        if software_license is not UNSET:
            field_dict["SoftwareLicense"] = software_license
        if order_by is not UNSET:
            field_dict["OrderBy"] = order_by
        if client_source is not UNSET:
            field_dict["ClientSource"] = client_source
        if progress is not UNSET:
            field_dict["Progress"] = progress
        if progress_message is not UNSET:
            field_dict["ProgressMessage"] = progress_message
        if target_resource_count is not UNSET:
            field_dict["TargetResourceCount"] = target_resource_count
        if priority is not UNSET:
            field_dict["Priority"] = priority
        if expanded_priority is not UNSET:
            field_dict["ExpandedPriority"] = expanded_priority
        if service_name is not UNSET:
            field_dict["ServiceName"] = service_name
        if job_template is not UNSET:
            field_dict["JobTemplate"] = job_template
        if hold_until is not UNSET:
            field_dict["HoldUntil"] = hold_until
        if notify_on_start is not UNSET:
            field_dict["NotifyOnStart"] = notify_on_start
        if notify_on_completion is not UNSET:
            field_dict["NotifyOnCompletion"] = notify_on_completion
        if excluded_nodes is not UNSET:
            field_dict["ExcludedNodes"] = excluded_nodes
        if email_address is not UNSET:
            field_dict["EmailAddress"] = email_address
        if allocated_nodes is not UNSET:
            field_dict["AllocatedNodes"] = allocated_nodes
        if pool is not UNSET:
            field_dict["Pool"] = pool
        if job_valid_exit_codes is not UNSET:
            field_dict["JobValidExitCodes"] = job_valid_exit_codes
        if parent_job_ids is not UNSET:
            field_dict["ParentJobIds"] = parent_job_ids
        if child_job_ids is not UNSET:
            field_dict["ChildJobIds"] = child_job_ids
        if fail_dependent_tasks is not UNSET:
            field_dict["FailDependentTasks"] = fail_dependent_tasks
        if single_node is not UNSET:
            field_dict["SingleNode"] = single_node
        if estimated_process_memory is not UNSET:
            field_dict["EstimatedProcessMemory"] = estimated_process_memory
        if job_type is not UNSET:
            field_dict["JobType"] = job_type
        if pending_reason is not UNSET:
            field_dict["PendingReason"] = pending_reason
        if failure_reason is not UNSET:
            field_dict["FailureReason"] = failure_reason
        if auto_requeue_count is not UNSET:
            field_dict["AutoRequeueCount"] = auto_requeue_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("Id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("Owner", UNSET))

        def _parse_user_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_name = _parse_user_name(d.pop("UserName", UNSET))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("Password", UNSET))

        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("Project", UNSET))

        def _parse_runtime_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        runtime_seconds = _parse_runtime_seconds(d.pop("RuntimeSeconds", UNSET))

        def _parse_has_runtime(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_runtime = _parse_has_runtime(d.pop("HasRuntime", UNSET))

        def _parse_submit_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submit_time_type_0 = datetime.datetime.fromisoformat(data)

                return submit_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submit_time = _parse_submit_time(d.pop("SubmitTime", UNSET))

        def _parse_create_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                create_time_type_0 = datetime.datetime.fromisoformat(data)

                return create_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        create_time = _parse_create_time(d.pop("CreateTime", UNSET))

        def _parse_start_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_time_type_0 = datetime.datetime.fromisoformat(data)

                return start_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_time = _parse_start_time(d.pop("StartTime", UNSET))

        def _parse_end_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_time_type_0 = datetime.datetime.fromisoformat(data)

                return end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_time = _parse_end_time(d.pop("EndTime", UNSET))

        def _parse_change_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                change_time_type_0 = datetime.datetime.fromisoformat(data)

                return change_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        change_time = _parse_change_time(d.pop("ChangeTime", UNSET))

        def _parse_state(data: object) -> JobState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = JobState(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobState | None | Unset, data)

        state = _parse_state(d.pop("State", UNSET))

        def _parse_previous_state(data: object) -> JobState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_state_type_0 = JobState(data)

                return previous_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobState | None | Unset, data)

        previous_state = _parse_previous_state(d.pop("PreviousState", UNSET))

        def _parse_min_cores(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_cores = _parse_min_cores(d.pop("MinCores", UNSET))

        def _parse_max_cores(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_cores = _parse_max_cores(d.pop("MaxCores", UNSET))

        def _parse_min_nodes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_nodes = _parse_min_nodes(d.pop("MinNodes", UNSET))

        def _parse_max_nodes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_nodes = _parse_max_nodes(d.pop("MaxNodes", UNSET))

        def _parse_min_sockets(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_sockets = _parse_min_sockets(d.pop("MinSockets", UNSET))

        def _parse_max_sockets(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_sockets = _parse_max_sockets(d.pop("MaxSockets", UNSET))

        def _parse_unit_type(data: object) -> JobUnitType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_type_type_0 = JobUnitType(data)

                return unit_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobUnitType | None | Unset, data)

        unit_type = _parse_unit_type(d.pop("UnitType", UNSET))

        def _parse_requested_nodes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_nodes = _parse_requested_nodes(d.pop("RequestedNodes", UNSET))

        def _parse_is_exclusive(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_exclusive = _parse_is_exclusive(d.pop("IsExclusive", UNSET))

        def _parse_run_until_canceled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        run_until_canceled = _parse_run_until_canceled(d.pop("RunUntilCanceled", UNSET))

        def _parse_node_groups(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_groups = _parse_node_groups(d.pop("NodeGroups", UNSET))

        def _parse_node_group_op(data: object) -> JobNodeGroupOp | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                node_group_op_type_0 = JobNodeGroupOp(data)

                return node_group_op_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobNodeGroupOp | None | Unset, data)

        node_group_op = _parse_node_group_op(d.pop("NodeGroupOp", UNSET))

        def _parse_fail_on_task_failure(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        fail_on_task_failure = _parse_fail_on_task_failure(d.pop("FailOnTaskFailure", UNSET))

        def _parse_auto_calculate_max(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_calculate_max = _parse_auto_calculate_max(d.pop("AutoCalculateMax", UNSET))

        def _parse_auto_calculate_min(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_calculate_min = _parse_auto_calculate_min(d.pop("AutoCalculateMin", UNSET))

        def _parse_can_grow(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_grow = _parse_can_grow(d.pop("CanGrow", UNSET))

        def _parse_can_shrink(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_shrink = _parse_can_shrink(d.pop("CanShrink", UNSET))

        def _parse_preemptable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        preemptable = _parse_preemptable(d.pop("Preemptable", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("ErrorMessage", UNSET))

        def _parse_requeue_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        requeue_count = _parse_requeue_count(d.pop("RequeueCount", UNSET))

        def _parse_min_memory(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_memory = _parse_min_memory(d.pop("MinMemory", UNSET))

        def _parse_max_memory(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_memory = _parse_max_memory(d.pop("MaxMemory", UNSET))

        def _parse_min_cores_per_node(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_cores_per_node = _parse_min_cores_per_node(d.pop("MinCoresPerNode", UNSET))

        def _parse_max_cores_per_node(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_cores_per_node = _parse_max_cores_per_node(d.pop("MaxCoresPerNode", UNSET))

        def _parse_endpoint_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        endpoint_reference = _parse_endpoint_reference(d.pop("EndpointReference", UNSET))

        def _parse_software_license(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        software_license = _parse_software_license(d.pop("SoftwareLicense", UNSET))

        def _parse_order_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_by = _parse_order_by(d.pop("OrderBy", UNSET))

        def _parse_client_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_source = _parse_client_source(d.pop("ClientSource", UNSET))

        def _parse_progress(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        progress = _parse_progress(d.pop("Progress", UNSET))

        def _parse_progress_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        progress_message = _parse_progress_message(d.pop("ProgressMessage", UNSET))

        def _parse_target_resource_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target_resource_count = _parse_target_resource_count(d.pop("TargetResourceCount", UNSET))

        def _parse_priority(data: object) -> JobPriority | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = JobPriority(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobPriority | None | Unset, data)

        priority = _parse_priority(d.pop("Priority", UNSET))

        def _parse_expanded_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expanded_priority = _parse_expanded_priority(d.pop("ExpandedPriority", UNSET))

        def _parse_service_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_name = _parse_service_name(d.pop("ServiceName", UNSET))

        def _parse_job_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_template = _parse_job_template(d.pop("JobTemplate", UNSET))

        def _parse_hold_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_until_type_0 = datetime.datetime.fromisoformat(data)

                return hold_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        hold_until = _parse_hold_until(d.pop("HoldUntil", UNSET))

        def _parse_notify_on_start(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        notify_on_start = _parse_notify_on_start(d.pop("NotifyOnStart", UNSET))

        def _parse_notify_on_completion(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        notify_on_completion = _parse_notify_on_completion(d.pop("NotifyOnCompletion", UNSET))

        def _parse_excluded_nodes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        excluded_nodes = _parse_excluded_nodes(d.pop("ExcludedNodes", UNSET))

        def _parse_email_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_address = _parse_email_address(d.pop("EmailAddress", UNSET))

        def _parse_allocated_nodes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allocated_nodes = _parse_allocated_nodes(d.pop("AllocatedNodes", UNSET))

        def _parse_pool(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pool = _parse_pool(d.pop("Pool", UNSET))

        def _parse_job_valid_exit_codes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_valid_exit_codes = _parse_job_valid_exit_codes(d.pop("JobValidExitCodes", UNSET))

        def _parse_parent_job_ids(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_job_ids = _parse_parent_job_ids(d.pop("ParentJobIds", UNSET))

        def _parse_child_job_ids(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        child_job_ids = _parse_child_job_ids(d.pop("ChildJobIds", UNSET))

        def _parse_fail_dependent_tasks(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        fail_dependent_tasks = _parse_fail_dependent_tasks(d.pop("FailDependentTasks", UNSET))

        def _parse_single_node(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        single_node = _parse_single_node(d.pop("SingleNode", UNSET))

        def _parse_estimated_process_memory(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_process_memory = _parse_estimated_process_memory(
            d.pop("EstimatedProcessMemory", UNSET)
        )

        def _parse_job_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_type = _parse_job_type(d.pop("JobType", UNSET))

        def _parse_pending_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pending_reason = _parse_pending_reason(d.pop("PendingReason", UNSET))

        def _parse_failure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_reason = _parse_failure_reason(d.pop("FailureReason", UNSET))

        def _parse_auto_requeue_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        auto_requeue_count = _parse_auto_requeue_count(d.pop("AutoRequeueCount", UNSET))

        job = cls(
            id=id,
            name=name,
            owner=owner,
            user_name=user_name,
            password=password,
            project=project,
            runtime_seconds=runtime_seconds,
            has_runtime=has_runtime,
            submit_time=submit_time,
            create_time=create_time,
            start_time=start_time,
            end_time=end_time,
            change_time=change_time,
            state=state,
            previous_state=previous_state,
            min_cores=min_cores,
            max_cores=max_cores,
            min_nodes=min_nodes,
            max_nodes=max_nodes,
            min_sockets=min_sockets,
            max_sockets=max_sockets,
            unit_type=unit_type,
            requested_nodes=requested_nodes,
            is_exclusive=is_exclusive,
            run_until_canceled=run_until_canceled,
            node_groups=node_groups,
            node_group_op=node_group_op,
            fail_on_task_failure=fail_on_task_failure,
            auto_calculate_max=auto_calculate_max,
            auto_calculate_min=auto_calculate_min,
            can_grow=can_grow,
            can_shrink=can_shrink,
            preemptable=preemptable,
            error_message=error_message,
            requeue_count=requeue_count,
            min_memory=min_memory,
            max_memory=max_memory,
            min_cores_per_node=min_cores_per_node,
            max_cores_per_node=max_cores_per_node,
            endpoint_reference=endpoint_reference,
            software_license=software_license,
            order_by=order_by,
            client_source=client_source,
            progress=progress,
            progress_message=progress_message,
            target_resource_count=target_resource_count,
            priority=priority,
            expanded_priority=expanded_priority,
            service_name=service_name,
            job_template=job_template,
            hold_until=hold_until,
            notify_on_start=notify_on_start,
            notify_on_completion=notify_on_completion,
            excluded_nodes=excluded_nodes,
            email_address=email_address,
            allocated_nodes=allocated_nodes,
            pool=pool,
            job_valid_exit_codes=job_valid_exit_codes,
            parent_job_ids=parent_job_ids,
            child_job_ids=child_job_ids,
            fail_dependent_tasks=fail_dependent_tasks,
            single_node=single_node,
            estimated_process_memory=estimated_process_memory,
            job_type=job_type,
            pending_reason=pending_reason,
            failure_reason=failure_reason,
            auto_requeue_count=auto_requeue_count,
        )

        job.additional_properties = d
        return job

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
