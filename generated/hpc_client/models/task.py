from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_state import TaskState
from ..models.task_type import TaskType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """Typed view of a task's RestPropRender properties (Get Task, Get Subtask, Get Task List
    rows, Add Task and Set Task Properties bodies). `TaskId` is `job.task[.instance]`. [D]/[C]

        Attributes:
            task_id (None | str | Unset): `jobId.jobTaskId.instanceId`.
            job_task_id (int | None | Unset):
            instance_id (int | None | Unset):
            name (None | str | Unset):
            state (None | TaskState | Unset):
            previous_state (None | TaskState | Unset):
            min_cores (int | None | Unset):
            max_cores (int | None | Unset):
            min_nodes (int | None | Unset):
            max_nodes (int | None | Unset):
            min_sockets (int | None | Unset):
            max_sockets (int | None | Unset):
            runtime_seconds (int | None | Unset):
            has_runtime (bool | None | Unset):
            submit_time (datetime.datetime | None | Unset):
            create_time (datetime.datetime | None | Unset):
            start_time (datetime.datetime | None | Unset):
            end_time (datetime.datetime | None | Unset):
            change_time (datetime.datetime | None | Unset):
            parent_job_id (int | None | Unset):
            command_line (None | str | Unset):
            work_directory (None | str | Unset): Working directory of the task's process. `%NAME%` is replaced by that
                variable of the task's environment (the CCP_* variables such as `%CCP_JOBID%`, `%CCP_TASKID%`,
                `%CCP_TASKINSTANCEID%`, and the job's and task's environment variables) when the task runs [D: "Environment
                Variables in Windows HPC Server 2008 R2", `job submit /stdout:%USERPROFILE%\\%CCP_JOBID%.txt`]; names match
                case-insensitively and an unknown `%NAME%` stays as written, as cmd.exe leaves it [I]. The property keeps the
                value as set. The emulator resolves a relative path under its data directory.
            required_nodes (None | str | Unset):
            depends_on (None | str | Unset): Comma-separated task names this task waits for.
            is_exclusive (bool | None | Unset):
            is_rerunnable (bool | None | Unset):
            std_out_file_path (None | str | Unset): File that receives standard output; an existing file is overwritten.
                Without one, the output is kept in `Output` [D: ISchedulerTask StdOutFilePath]. In a parametric sweep's
                instances every `*` is replaced by the instance value [D: same page] (the emulator pads a run of `*` as in
                CommandLine: `out***.txt` -> `out007.txt` [I]); then `%NAME%` is replaced from the task's environment when it
                runs, as for WorkDirectory [D: "Environment Variables in Windows HPC Server 2008 R2"]. A relative path is
                relative to the working directory.
            std_in_file_path (None | str | Unset): File read as standard input. `*` (sweep instances) and `%NAME%` are
                expanded as for StdOutFilePath [D: ISchedulerTask StdInFilePath].
            std_err_file_path (None | str | Unset): File that receives standard error; without one, standard error goes
                where standard output goes [D: ISchedulerTask StdErrFilePath]. `*` (sweep instances) and `%NAME%` are expanded
                as for StdOutFilePath [D: same page].
            exit_code (int | None | Unset):
            requeue_count (int | None | Unset):
            start_value (int | None | Unset):
            end_value (int | None | Unset):
            increment_value (int | None | Unset):
            error_message (None | str | Unset):
            output (None | str | Unset): Last part of the task's output: the scheduler keeps "up to 4 KB" when the task has
                no stdout file [D: "Understanding application and data files"]. The emulator keeps the last 4000 characters of
                standard output (and of standard error when it has no file), or of the stdout file when it is a regular file
                [I].
            user_blob (None | str | Unset):
            type_ (None | TaskType | Unset):
            is_service_concluded (bool | None | Unset):
            fail_job_on_failure (bool | None | Unset):
            fail_job_on_failure_count (int | None | Unset):
            allocated_core_ids (None | str | Unset):
            allocated_nodes (None | str | Unset):
            task_valid_exit_codes (None | str | Unset):
            execution_failure_retry_count (int | None | Unset):
            auto_requeue_count (int | None | Unset):
    """

    task_id: None | str | Unset = UNSET
    job_task_id: int | None | Unset = UNSET
    instance_id: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    state: None | TaskState | Unset = UNSET
    previous_state: None | TaskState | Unset = UNSET
    min_cores: int | None | Unset = UNSET
    max_cores: int | None | Unset = UNSET
    min_nodes: int | None | Unset = UNSET
    max_nodes: int | None | Unset = UNSET
    min_sockets: int | None | Unset = UNSET
    max_sockets: int | None | Unset = UNSET
    runtime_seconds: int | None | Unset = UNSET
    has_runtime: bool | None | Unset = UNSET
    submit_time: datetime.datetime | None | Unset = UNSET
    create_time: datetime.datetime | None | Unset = UNSET
    start_time: datetime.datetime | None | Unset = UNSET
    end_time: datetime.datetime | None | Unset = UNSET
    change_time: datetime.datetime | None | Unset = UNSET
    parent_job_id: int | None | Unset = UNSET
    command_line: None | str | Unset = UNSET
    work_directory: None | str | Unset = UNSET
    required_nodes: None | str | Unset = UNSET
    depends_on: None | str | Unset = UNSET
    is_exclusive: bool | None | Unset = UNSET
    is_rerunnable: bool | None | Unset = UNSET
    std_out_file_path: None | str | Unset = UNSET
    std_in_file_path: None | str | Unset = UNSET
    std_err_file_path: None | str | Unset = UNSET
    exit_code: int | None | Unset = UNSET
    requeue_count: int | None | Unset = UNSET
    start_value: int | None | Unset = UNSET
    end_value: int | None | Unset = UNSET
    increment_value: int | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    output: None | str | Unset = UNSET
    user_blob: None | str | Unset = UNSET
    type_: None | TaskType | Unset = UNSET
    is_service_concluded: bool | None | Unset = UNSET
    fail_job_on_failure: bool | None | Unset = UNSET
    fail_job_on_failure_count: int | None | Unset = UNSET
    allocated_core_ids: None | str | Unset = UNSET
    allocated_nodes: None | str | Unset = UNSET
    task_valid_exit_codes: None | str | Unset = UNSET
    execution_failure_retry_count: int | None | Unset = UNSET
    auto_requeue_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        job_task_id: int | None | Unset
        if isinstance(self.job_task_id, Unset):
            job_task_id = UNSET
        else:
            job_task_id = self.job_task_id

        instance_id: int | None | Unset
        if isinstance(self.instance_id, Unset):
            instance_id = UNSET
        else:
            instance_id = self.instance_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, TaskState):
            state = self.state.value
        else:
            state = self.state

        previous_state: None | str | Unset
        if isinstance(self.previous_state, Unset):
            previous_state = UNSET
        elif isinstance(self.previous_state, TaskState):
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

        parent_job_id: int | None | Unset
        if isinstance(self.parent_job_id, Unset):
            parent_job_id = UNSET
        else:
            parent_job_id = self.parent_job_id

        command_line: None | str | Unset
        if isinstance(self.command_line, Unset):
            command_line = UNSET
        else:
            command_line = self.command_line

        work_directory: None | str | Unset
        if isinstance(self.work_directory, Unset):
            work_directory = UNSET
        else:
            work_directory = self.work_directory

        required_nodes: None | str | Unset
        if isinstance(self.required_nodes, Unset):
            required_nodes = UNSET
        else:
            required_nodes = self.required_nodes

        depends_on: None | str | Unset
        if isinstance(self.depends_on, Unset):
            depends_on = UNSET
        else:
            depends_on = self.depends_on

        is_exclusive: bool | None | Unset
        if isinstance(self.is_exclusive, Unset):
            is_exclusive = UNSET
        else:
            is_exclusive = self.is_exclusive

        is_rerunnable: bool | None | Unset
        if isinstance(self.is_rerunnable, Unset):
            is_rerunnable = UNSET
        else:
            is_rerunnable = self.is_rerunnable

        std_out_file_path: None | str | Unset
        if isinstance(self.std_out_file_path, Unset):
            std_out_file_path = UNSET
        else:
            std_out_file_path = self.std_out_file_path

        std_in_file_path: None | str | Unset
        if isinstance(self.std_in_file_path, Unset):
            std_in_file_path = UNSET
        else:
            std_in_file_path = self.std_in_file_path

        std_err_file_path: None | str | Unset
        if isinstance(self.std_err_file_path, Unset):
            std_err_file_path = UNSET
        else:
            std_err_file_path = self.std_err_file_path

        exit_code: int | None | Unset
        if isinstance(self.exit_code, Unset):
            exit_code = UNSET
        else:
            exit_code = self.exit_code

        requeue_count: int | None | Unset
        if isinstance(self.requeue_count, Unset):
            requeue_count = UNSET
        else:
            requeue_count = self.requeue_count

        start_value: int | None | Unset
        if isinstance(self.start_value, Unset):
            start_value = UNSET
        else:
            start_value = self.start_value

        end_value: int | None | Unset
        if isinstance(self.end_value, Unset):
            end_value = UNSET
        else:
            end_value = self.end_value

        increment_value: int | None | Unset
        if isinstance(self.increment_value, Unset):
            increment_value = UNSET
        else:
            increment_value = self.increment_value

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        output: None | str | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        else:
            output = self.output

        user_blob: None | str | Unset
        if isinstance(self.user_blob, Unset):
            user_blob = UNSET
        else:
            user_blob = self.user_blob

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, TaskType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        is_service_concluded: bool | None | Unset
        if isinstance(self.is_service_concluded, Unset):
            is_service_concluded = UNSET
        else:
            is_service_concluded = self.is_service_concluded

        fail_job_on_failure: bool | None | Unset
        if isinstance(self.fail_job_on_failure, Unset):
            fail_job_on_failure = UNSET
        else:
            fail_job_on_failure = self.fail_job_on_failure

        fail_job_on_failure_count: int | None | Unset
        if isinstance(self.fail_job_on_failure_count, Unset):
            fail_job_on_failure_count = UNSET
        else:
            fail_job_on_failure_count = self.fail_job_on_failure_count

        allocated_core_ids: None | str | Unset
        if isinstance(self.allocated_core_ids, Unset):
            allocated_core_ids = UNSET
        else:
            allocated_core_ids = self.allocated_core_ids

        allocated_nodes: None | str | Unset
        if isinstance(self.allocated_nodes, Unset):
            allocated_nodes = UNSET
        else:
            allocated_nodes = self.allocated_nodes

        task_valid_exit_codes: None | str | Unset
        if isinstance(self.task_valid_exit_codes, Unset):
            task_valid_exit_codes = UNSET
        else:
            task_valid_exit_codes = self.task_valid_exit_codes

        execution_failure_retry_count: int | None | Unset
        if isinstance(self.execution_failure_retry_count, Unset):
            execution_failure_retry_count = UNSET
        else:
            execution_failure_retry_count = self.execution_failure_retry_count

        auto_requeue_count: int | None | Unset
        if isinstance(self.auto_requeue_count, Unset):
            auto_requeue_count = UNSET
        else:
            auto_requeue_count = self.auto_requeue_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_id is not UNSET:
            field_dict["TaskId"] = task_id
        if job_task_id is not UNSET:
            field_dict["JobTaskId"] = job_task_id
        if instance_id is not UNSET:
            field_dict["InstanceId"] = instance_id
        if name is not UNSET:
            field_dict["Name"] = name
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
        if parent_job_id is not UNSET:
            field_dict["ParentJobId"] = parent_job_id
        if command_line is not UNSET:
            field_dict["CommandLine"] = command_line
        if work_directory is not UNSET:
            field_dict["WorkDirectory"] = work_directory
        if required_nodes is not UNSET:
            field_dict["RequiredNodes"] = required_nodes
        if depends_on is not UNSET:
            field_dict["DependsOn"] = depends_on
        if is_exclusive is not UNSET:
            field_dict["IsExclusive"] = is_exclusive
        if is_rerunnable is not UNSET:
            field_dict["IsRerunnable"] = is_rerunnable
        if std_out_file_path is not UNSET:
            field_dict["StdOutFilePath"] = std_out_file_path
        if std_in_file_path is not UNSET:
            field_dict["StdInFilePath"] = std_in_file_path
        if std_err_file_path is not UNSET:
            field_dict["StdErrFilePath"] = std_err_file_path
        if exit_code is not UNSET:
            field_dict["ExitCode"] = exit_code
        if requeue_count is not UNSET:
            field_dict["RequeueCount"] = requeue_count
        if start_value is not UNSET:
            field_dict["StartValue"] = start_value
        if end_value is not UNSET:
            field_dict["EndValue"] = end_value
        if increment_value is not UNSET:
            field_dict["IncrementValue"] = increment_value
        if error_message is not UNSET:
            field_dict["ErrorMessage"] = error_message
        if output is not UNSET:
            field_dict["Output"] = output
        if user_blob is not UNSET:
            field_dict["UserBlob"] = user_blob
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if is_service_concluded is not UNSET:
            field_dict["IsServiceConcluded"] = is_service_concluded
        if fail_job_on_failure is not UNSET:
            field_dict["FailJobOnFailure"] = fail_job_on_failure
        if fail_job_on_failure_count is not UNSET:
            field_dict["FailJobOnFailureCount"] = fail_job_on_failure_count
        if allocated_core_ids is not UNSET:
            field_dict["AllocatedCoreIds"] = allocated_core_ids
        if allocated_nodes is not UNSET:
            field_dict["AllocatedNodes"] = allocated_nodes
        if task_valid_exit_codes is not UNSET:
            field_dict["TaskValidExitCodes"] = task_valid_exit_codes
        if execution_failure_retry_count is not UNSET:
            field_dict["ExecutionFailureRetryCount"] = execution_failure_retry_count
        if auto_requeue_count is not UNSET:
            field_dict["AutoRequeueCount"] = auto_requeue_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_id = _parse_task_id(d.pop("TaskId", UNSET))

        def _parse_job_task_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        job_task_id = _parse_job_task_id(d.pop("JobTaskId", UNSET))

        def _parse_instance_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instance_id = _parse_instance_id(d.pop("InstanceId", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        def _parse_state(data: object) -> None | TaskState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = TaskState(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskState | Unset, data)

        state = _parse_state(d.pop("State", UNSET))

        def _parse_previous_state(data: object) -> None | TaskState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_state_type_0 = TaskState(data)

                return previous_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskState | Unset, data)

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

        def _parse_parent_job_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parent_job_id = _parse_parent_job_id(d.pop("ParentJobId", UNSET))

        def _parse_command_line(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        command_line = _parse_command_line(d.pop("CommandLine", UNSET))

        def _parse_work_directory(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        work_directory = _parse_work_directory(d.pop("WorkDirectory", UNSET))

        def _parse_required_nodes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        required_nodes = _parse_required_nodes(d.pop("RequiredNodes", UNSET))

        def _parse_depends_on(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        depends_on = _parse_depends_on(d.pop("DependsOn", UNSET))

        def _parse_is_exclusive(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_exclusive = _parse_is_exclusive(d.pop("IsExclusive", UNSET))

        def _parse_is_rerunnable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_rerunnable = _parse_is_rerunnable(d.pop("IsRerunnable", UNSET))

        def _parse_std_out_file_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        std_out_file_path = _parse_std_out_file_path(d.pop("StdOutFilePath", UNSET))

        def _parse_std_in_file_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        std_in_file_path = _parse_std_in_file_path(d.pop("StdInFilePath", UNSET))

        def _parse_std_err_file_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        std_err_file_path = _parse_std_err_file_path(d.pop("StdErrFilePath", UNSET))

        def _parse_exit_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        exit_code = _parse_exit_code(d.pop("ExitCode", UNSET))

        def _parse_requeue_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        requeue_count = _parse_requeue_count(d.pop("RequeueCount", UNSET))

        def _parse_start_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start_value = _parse_start_value(d.pop("StartValue", UNSET))

        def _parse_end_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        end_value = _parse_end_value(d.pop("EndValue", UNSET))

        def _parse_increment_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        increment_value = _parse_increment_value(d.pop("IncrementValue", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("ErrorMessage", UNSET))

        def _parse_output(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output = _parse_output(d.pop("Output", UNSET))

        def _parse_user_blob(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_blob = _parse_user_blob(d.pop("UserBlob", UNSET))

        def _parse_type_(data: object) -> None | TaskType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = TaskType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskType | Unset, data)

        type_ = _parse_type_(d.pop("Type", UNSET))

        def _parse_is_service_concluded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_service_concluded = _parse_is_service_concluded(d.pop("IsServiceConcluded", UNSET))

        def _parse_fail_job_on_failure(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        fail_job_on_failure = _parse_fail_job_on_failure(d.pop("FailJobOnFailure", UNSET))

        def _parse_fail_job_on_failure_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fail_job_on_failure_count = _parse_fail_job_on_failure_count(
            d.pop("FailJobOnFailureCount", UNSET)
        )

        def _parse_allocated_core_ids(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allocated_core_ids = _parse_allocated_core_ids(d.pop("AllocatedCoreIds", UNSET))

        def _parse_allocated_nodes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allocated_nodes = _parse_allocated_nodes(d.pop("AllocatedNodes", UNSET))

        def _parse_task_valid_exit_codes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_valid_exit_codes = _parse_task_valid_exit_codes(d.pop("TaskValidExitCodes", UNSET))

        def _parse_execution_failure_retry_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        execution_failure_retry_count = _parse_execution_failure_retry_count(
            d.pop("ExecutionFailureRetryCount", UNSET)
        )

        def _parse_auto_requeue_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        auto_requeue_count = _parse_auto_requeue_count(d.pop("AutoRequeueCount", UNSET))

        task = cls(
            task_id=task_id,
            job_task_id=job_task_id,
            instance_id=instance_id,
            name=name,
            state=state,
            previous_state=previous_state,
            min_cores=min_cores,
            max_cores=max_cores,
            min_nodes=min_nodes,
            max_nodes=max_nodes,
            min_sockets=min_sockets,
            max_sockets=max_sockets,
            runtime_seconds=runtime_seconds,
            has_runtime=has_runtime,
            submit_time=submit_time,
            create_time=create_time,
            start_time=start_time,
            end_time=end_time,
            change_time=change_time,
            parent_job_id=parent_job_id,
            command_line=command_line,
            work_directory=work_directory,
            required_nodes=required_nodes,
            depends_on=depends_on,
            is_exclusive=is_exclusive,
            is_rerunnable=is_rerunnable,
            std_out_file_path=std_out_file_path,
            std_in_file_path=std_in_file_path,
            std_err_file_path=std_err_file_path,
            exit_code=exit_code,
            requeue_count=requeue_count,
            start_value=start_value,
            end_value=end_value,
            increment_value=increment_value,
            error_message=error_message,
            output=output,
            user_blob=user_blob,
            type_=type_,
            is_service_concluded=is_service_concluded,
            fail_job_on_failure=fail_job_on_failure,
            fail_job_on_failure_count=fail_job_on_failure_count,
            allocated_core_ids=allocated_core_ids,
            allocated_nodes=allocated_nodes,
            task_valid_exit_codes=task_valid_exit_codes,
            execution_failure_retry_count=execution_failure_retry_count,
            auto_requeue_count=auto_requeue_count,
        )

        task.additional_properties = d
        return task

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
