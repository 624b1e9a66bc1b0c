"""Contains all the data models used in inputs/outputs"""

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
