"""Contains all the data models used in inputs/outputs"""

from .hpc_rest_error import HpcRestError
from .metric_data import MetricData
from .metric_definition import MetricDefinition
from .metric_instance_data import MetricInstanceData
from .metric_sample import MetricSample
from .node import Node
from .node_group import NodeGroup
from .node_group_operation import NodeGroupOperation
from .node_group_operation_kind import NodeGroupOperationKind
from .node_health import NodeHealth
from .node_health_count import NodeHealthCount
from .node_metric import NodeMetric
from .node_metric_values import NodeMetricValues
from .node_operation_kind import NodeOperationKind
from .node_service_role import NodeServiceRole
from .node_state import NodeState
from .node_state_count import NodeStateCount
from .operation_log import OperationLog
from .operation_log_entry import OperationLogEntry
from .operation_log_severity import OperationLogSeverity
from .property_ import Property
from .property_row import PropertyRow
from .user_role import UserRole

__all__ = (
    "HpcRestError",
    "MetricData",
    "MetricDefinition",
    "MetricInstanceData",
    "MetricSample",
    "Node",
    "NodeGroup",
    "NodeGroupOperation",
    "NodeGroupOperationKind",
    "NodeHealth",
    "NodeHealthCount",
    "NodeMetric",
    "NodeMetricValues",
    "NodeOperationKind",
    "NodeServiceRole",
    "NodeState",
    "NodeStateCount",
    "OperationLog",
    "OperationLogEntry",
    "OperationLogSeverity",
    "Property",
    "PropertyRow",
    "UserRole",
)
