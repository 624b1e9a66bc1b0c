"""Contains all the data models used in inputs/outputs.

Each model's module is imported on first use (PEP 562 `__getattr__`): a command that reads a
job does not pay for the SOA models. Type checkers see the ordinary imports.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .broker_client_status import BrokerClientStatus
    from .broker_client_status_code import BrokerClientStatusCode
    from .cluster import Cluster
    from .end_of_responses import EndOfResponses
    from .end_of_responses_reason import EndOfResponsesReason
    from .hpc_object import HpcObject
    from .hpc_web_service_fault import HpcWebServiceFault
    from .job import Job
    from .job_node_group_op import JobNodeGroupOp
    from .job_priority import JobPriority
    from .job_state import JobState
    from .job_unit_type import JobUnitType
    from .key_value_ofstringstring import KeyValueOfstringstring
    from .key_value_pair_ofstringstring import KeyValuePairOfstringstring
    from .list_render_mode import ListRenderMode
    from .node import Node
    from .node_group import NodeGroup
    from .node_state import NodeState
    from .property_ import Property
    from .render_mode import RenderMode
    from .session_unit_type import SessionUnitType
    from .task import Task
    from .task_state import TaskState
    from .task_type import TaskType
    from .version import Version
    from .web_session_info import WebSessionInfo
    from .web_session_start_info import WebSessionStartInfo

_MODULES = {
    "BrokerClientStatus": ".broker_client_status",
    "BrokerClientStatusCode": ".broker_client_status_code",
    "Cluster": ".cluster",
    "EndOfResponses": ".end_of_responses",
    "EndOfResponsesReason": ".end_of_responses_reason",
    "HpcObject": ".hpc_object",
    "HpcWebServiceFault": ".hpc_web_service_fault",
    "Job": ".job",
    "JobNodeGroupOp": ".job_node_group_op",
    "JobPriority": ".job_priority",
    "JobState": ".job_state",
    "JobUnitType": ".job_unit_type",
    "KeyValueOfstringstring": ".key_value_ofstringstring",
    "KeyValuePairOfstringstring": ".key_value_pair_ofstringstring",
    "ListRenderMode": ".list_render_mode",
    "Node": ".node",
    "NodeGroup": ".node_group",
    "NodeState": ".node_state",
    "Property": ".property_",
    "RenderMode": ".render_mode",
    "SessionUnitType": ".session_unit_type",
    "Task": ".task",
    "TaskState": ".task_state",
    "TaskType": ".task_type",
    "Version": ".version",
    "WebSessionInfo": ".web_session_info",
    "WebSessionStartInfo": ".web_session_start_info",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULES))


__all__ = (
    "BrokerClientStatus",
    "BrokerClientStatusCode",
    "Cluster",
    "EndOfResponses",
    "EndOfResponsesReason",
    "HpcObject",
    "HpcWebServiceFault",
    "Job",
    "JobNodeGroupOp",
    "JobPriority",
    "JobState",
    "JobUnitType",
    "KeyValueOfstringstring",
    "KeyValuePairOfstringstring",
    "ListRenderMode",
    "Node",
    "NodeGroup",
    "NodeState",
    "Property",
    "RenderMode",
    "SessionUnitType",
    "Task",
    "TaskState",
    "TaskType",
    "Version",
    "WebSessionInfo",
    "WebSessionStartInfo",
)
