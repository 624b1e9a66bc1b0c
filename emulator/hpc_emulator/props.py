"""Property catalogues of jobs, tasks and nodes: wire name, kind, settability, default.

The order is the order Get Job/Get Task/Get Node render "all properties" in. Names are matched
case-insensitively on input (a Microsoft sample sets `Commandline`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hpc_emulator.faults import bad_request
from hpc_emulator.limits import MAX_STRING

# Lengths HPC Pack documents (characters): Name and Project of a job, Name of a task: 80
# (ISchedulerJob::Name/Project, ISchedulerTask::Name); CommandLine: 480 (ISchedulerTask::
# CommandLine); ProgressMessage: 80 ("Understanding the Progress and Progress Message Job
# Properties"). Any other string: the spec's bound on a property value (Property.Value
# maxLength, `limits.MAX_STRING`), since the service documents none [I]. A longer value is a
# 400 fault.


@dataclass(frozen=True)
class Prop:
    name: str
    kind: str  # int | bool | str | datetime | <enum name>
    settable: bool = False
    default: Any = None
    readable: bool = True
    max_len: int = MAX_STRING


def _catalogue(props: list[Prop]) -> dict[str, Prop]:
    return {p.name.lower(): p for p in props}


R, W = False, True

JOB_PROPS = _catalogue(
    [
        Prop("Id", "int"),
        Prop("Name", "str", W, "", max_len=80),
        Prop("Owner", "str"),
        Prop("UserName", "str", W),
        Prop("Password", "str", W, readable=False),
        Prop("Project", "str", W, "", max_len=80),
        Prop("RuntimeSeconds", "int", W),
        Prop("HasRuntime", "bool", R, False),
        Prop("SubmitTime", "datetime"),
        Prop("CreateTime", "datetime"),
        Prop("StartTime", "datetime"),
        Prop("EndTime", "datetime"),
        Prop("ChangeTime", "datetime"),
        Prop("State", "JobState", R, "Configuring"),
        Prop("PreviousState", "JobState", R, "Configuring"),
        Prop("MinCores", "int", W, 1),
        Prop("MaxCores", "int", W, 1),
        Prop("MinNodes", "int", W, 1),
        Prop("MaxNodes", "int", W, 1),
        Prop("MinSockets", "int", W, 1),
        Prop("MaxSockets", "int", W, 1),
        Prop("UnitType", "JobUnitType", W, "Core"),
        Prop("RequestedNodes", "str", W),
        Prop("IsExclusive", "bool", W, False),
        Prop("RunUntilCanceled", "bool", W, False),
        Prop("NodeGroups", "str", W),
        Prop("NodeGroupOp", "JobNodeGroupOp", W, "Intersect"),
        Prop("FailOnTaskFailure", "bool", W, False),
        Prop("AutoCalculateMax", "bool", W, True),
        Prop("AutoCalculateMin", "bool", W, True),
        Prop("CanGrow", "bool", R, True),
        Prop("CanShrink", "bool", R, True),
        Prop("Preemptable", "bool", W, True),
        Prop("ErrorMessage", "str"),
        Prop("RequeueCount", "int", R, 0),
        Prop("MinMemory", "int", W),
        Prop("MaxMemory", "int", W),
        Prop("MinCoresPerNode", "int", W),
        Prop("MaxCoresPerNode", "int", W),
        Prop("EndpointReference", "str"),
        Prop("SoftwareLicense", "str", W),
        Prop("OrderBy", "str", W),
        Prop("ClientSource", "str", W),
        Prop("Progress", "int", W, 0),
        Prop("ProgressMessage", "str", W, max_len=80),
        Prop("TargetResourceCount", "int", W, 0),
        Prop("Priority", "JobPriority", W, "Normal"),
        Prop("ExpandedPriority", "int", W, 2000),
        Prop("ServiceName", "str", W),
        Prop("JobTemplate", "str", W, "Default"),
        Prop("HoldUntil", "datetime", W),
        Prop("NotifyOnStart", "bool", W, False),
        Prop("NotifyOnCompletion", "bool", W, False),
        Prop("ExcludedNodes", "str"),
        Prop("EmailAddress", "str", W),
        Prop("AllocatedNodes", "str"),
        Prop("Pool", "str", W),
        Prop("JobValidExitCodes", "str", W),
        Prop("ParentJobIds", "str", W),
        Prop("ChildJobIds", "str", W),
        Prop("FailDependentTasks", "bool", W, False),
        Prop("SingleNode", "bool", W, False),
        Prop("EstimatedProcessMemory", "int", W, 0),
        Prop("JobType", "JobType", R, "Batch"),
        Prop("PendingReason", "str", R, "None"),
        Prop("FailureReason", "str", R, "None"),
        Prop("AutoRequeueCount", "int", R, 0),
    ]
)

TASK_PROPS = _catalogue(
    [
        Prop("TaskId", "str"),
        Prop("JobTaskId", "int"),
        Prop("InstanceId", "int", R, 0),
        Prop("Name", "str", W, "", max_len=80),
        Prop("State", "TaskState", R, "Configuring"),
        Prop("PreviousState", "TaskState", R, "Configuring"),
        Prop("MinCores", "int", W, 1),
        Prop("MaxCores", "int", W, 1),
        Prop("MinNodes", "int", W, 1),
        Prop("MaxNodes", "int", W, 1),
        Prop("MinSockets", "int", W, 1),
        Prop("MaxSockets", "int", W, 1),
        Prop("RuntimeSeconds", "int", W),
        Prop("HasRuntime", "bool", R, False),
        Prop("SubmitTime", "datetime"),
        Prop("CreateTime", "datetime"),
        Prop("StartTime", "datetime"),
        Prop("EndTime", "datetime"),
        Prop("ChangeTime", "datetime"),
        Prop("ParentJobId", "int"),
        Prop("CommandLine", "str", W, "", max_len=480),
        Prop("WorkDirectory", "str", W),
        Prop("RequiredNodes", "str", W),
        Prop("DependsOn", "str", W),
        Prop("IsExclusive", "bool", W, False),
        Prop("IsRerunnable", "bool", W, True),
        Prop("StdOutFilePath", "str", W),
        Prop("StdInFilePath", "str", W),
        Prop("StdErrFilePath", "str", W),
        Prop("ExitCode", "int"),
        Prop("RequeueCount", "int", R, 0),
        Prop("StartValue", "int", W),
        Prop("EndValue", "int", W),
        Prop("IncrementValue", "int", W),
        Prop("ErrorMessage", "str"),
        Prop("Output", "str"),
        Prop("UserBlob", "str", W),
        Prop("Type", "TaskType", W, "Basic"),
        Prop("IsServiceConcluded", "bool", R, False),
        Prop("FailJobOnFailure", "bool", W, False),
        Prop("FailJobOnFailureCount", "int", W, 1),
        Prop("AllocatedCoreIds", "str"),
        Prop("AllocatedNodes", "str"),
        Prop("TaskValidExitCodes", "str", W),
        Prop("ExecutionFailureRetryCount", "int", R, 0),
        Prop("AutoRequeueCount", "int", R, 0),
    ]
)

NODE_PROPS = _catalogue(
    [
        Prop("Availability", "str"),
        Prop("AzureServiceName", "str"),
        Prop("CpuSpeed", "int"),
        Prop("DnsSuffix", "str"),
        Prop("Guid", "str"),
        Prop("Id", "int"),
        Prop("JobType", "str"),
        Prop("Location", "str"),
        Prop("MemorySize", "int"),
        Prop("MoveToOffline", "bool"),
        Prop("Name", "str"),
        Prop("NodeGroups", "str"),
        Prop("NumCores", "int"),
        Prop("NumSockets", "int"),
        Prop("OfflineTime", "datetime"),
        Prop("OnlineTime", "datetime"),
        Prop("Reachable", "bool"),
        Prop("State", "NodeState"),
    ]
)

JOB_LIST_DEFAULT = ["Id", "Owner", "Name", "State", "Priority"]
TASK_LIST_DEFAULT = [
    "TaskId",
    "Name",
    "State",
    "CommandLine",
    "ExitCode",
    "ParentJobId",
    "JobTaskId",
    "InstanceId",
]


def readable(catalogue: dict[str, Prop]) -> list[str]:
    return [p.name for p in catalogue.values() if p.readable]


def resolve_names(catalogue: dict[str, Prop], spec: str | None, default: list[str]) -> list[str]:
    """`Properties=a,b` -> canonical names; an unknown name is an ArgumentError (400) [D]."""
    if spec is None or not spec.strip():
        return default
    names = []
    for raw in spec.split(","):
        raw = raw.strip()
        if not raw:
            continue
        prop = catalogue.get(raw.lower())
        if prop is None or not prop.readable:
            raise bad_request(f"The property '{raw}' is not a valid property name.")
        names.append(prop.name)
    return names or default


def lookup(catalogue: dict[str, Prop], name: str) -> Prop | None:
    return catalogue.get(name.lower())


def defaults(catalogue: dict[str, Prop]) -> dict[str, Any]:
    return {p.name: p.default for p in catalogue.values() if p.default is not None}
