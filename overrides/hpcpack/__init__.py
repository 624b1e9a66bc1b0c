"""hpcpack: drive a Microsoft HPC Pack head node through its WindowsHpc REST web service.

`HpcClient` / `AsyncHpcClient` are the entry points; the typed views (`Job`, `Task`, `Node`...)
are the generated models of the spec; every failure is an `HpcError`. The models and the SOA
helpers are imported on first use (PEP 562 module `__getattr__`), so `import hpcpack` costs
little more than importing httpx; type checkers see ordinary imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _httpx_cli  # noqa: F401  (first: before anything imports httpx)
from .auth import NtlmAuth
from .client import DEFAULT_API_VERSION, AsyncHpcClient, HpcClient, InsecureCredentials
from .errors import (
    AccessDenied,
    ApiUnavailable,
    ApiVersionIncorrect,
    ArgumentError,
    BadRequest,
    Conflict,
    Forbidden,
    HostileXml,
    HpcConnectionError,
    HpcError,
    HpcFault,
    HpcProtocolError,
    HpcTimeout,
    HpcTLSError,
    HpcTransportError,
    MalformedResponse,
    NotFound,
    NotSupportDurableSession,
    NotSupportInprocessBroker,
    PagingLimitExceeded,
    PagingStalled,
    RepliesLost,
    ResponseTooLarge,
    ServerError,
    TruncatedStream,
    Unauthorized,
    UnknownError,
    XmlCharacterError,
)
from .paging import PagingLimits

if TYPE_CHECKING:
    from hpc_client.models import (
        BrokerClientStatusCode,
        Cluster,
        Job,
        JobNodeGroupOp,
        JobPriority,
        JobState,
        JobUnitType,
        KeyValueOfstringstring,
        Node,
        NodeGroup,
        NodeState,
        SessionUnitType,
        Task,
        TaskState,
        TaskType,
        Version,
        WebSessionInfo,
    )
    from hpc_client.models import WebSessionStartInfo as SessionStartInfo

    from .resources import TERMINAL_JOB_STATES
    from .soa import AsyncSession, EndOfResponses, Session, SoaResponse

__version__ = "0.2.0"  # the one version of the distribution (pyproject reads it)

_LAZY: dict[str, tuple[str, str]] = {
    "BrokerClientStatusCode": ("hpc_client.models", "BrokerClientStatusCode"),
    "Cluster": ("hpc_client.models", "Cluster"),
    "Job": ("hpc_client.models", "Job"),
    "JobNodeGroupOp": ("hpc_client.models", "JobNodeGroupOp"),
    "JobPriority": ("hpc_client.models", "JobPriority"),
    "JobState": ("hpc_client.models", "JobState"),
    "JobUnitType": ("hpc_client.models", "JobUnitType"),
    "KeyValueOfstringstring": ("hpc_client.models", "KeyValueOfstringstring"),
    "Node": ("hpc_client.models", "Node"),
    "NodeGroup": ("hpc_client.models", "NodeGroup"),
    "NodeState": ("hpc_client.models", "NodeState"),
    "SessionUnitType": ("hpc_client.models", "SessionUnitType"),
    "Task": ("hpc_client.models", "Task"),
    "TaskState": ("hpc_client.models", "TaskState"),
    "TaskType": ("hpc_client.models", "TaskType"),
    "Version": ("hpc_client.models", "Version"),
    "WebSessionInfo": ("hpc_client.models", "WebSessionInfo"),
    "SessionStartInfo": ("hpc_client.models", "WebSessionStartInfo"),
    "TERMINAL_JOB_STATES": ("hpcpack.resources", "TERMINAL_JOB_STATES"),
    "AsyncSession": ("hpcpack.soa", "AsyncSession"),
    "EndOfResponses": ("hpcpack.soa", "EndOfResponses"),
    "Session": ("hpcpack.soa", "Session"),
    "SoaResponse": ("hpcpack.soa", "SoaResponse"),
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'hpcpack' has no attribute {name!r}")
    value = getattr(importlib.import_module(target[0]), target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "DEFAULT_API_VERSION",
    "TERMINAL_JOB_STATES",
    "AccessDenied",
    "ApiUnavailable",
    "ApiVersionIncorrect",
    "ArgumentError",
    "AsyncHpcClient",
    "AsyncSession",
    "BadRequest",
    "BrokerClientStatusCode",
    "Cluster",
    "Conflict",
    "EndOfResponses",
    "Forbidden",
    "HostileXml",
    "HpcClient",
    "HpcConnectionError",
    "HpcError",
    "HpcFault",
    "HpcProtocolError",
    "HpcTLSError",
    "HpcTimeout",
    "HpcTransportError",
    "InsecureCredentials",
    "Job",
    "JobNodeGroupOp",
    "JobPriority",
    "JobState",
    "JobUnitType",
    "KeyValueOfstringstring",
    "MalformedResponse",
    "Node",
    "NodeGroup",
    "NodeState",
    "NotFound",
    "NotSupportDurableSession",
    "NotSupportInprocessBroker",
    "NtlmAuth",
    "PagingLimitExceeded",
    "PagingLimits",
    "PagingStalled",
    "RepliesLost",
    "ResponseTooLarge",
    "ServerError",
    "Session",
    "SessionStartInfo",
    "SessionUnitType",
    "SoaResponse",
    "Task",
    "TaskState",
    "TaskType",
    "TruncatedStream",
    "Unauthorized",
    "UnknownError",
    "Version",
    "WebSessionInfo",
    "XmlCharacterError",
]
