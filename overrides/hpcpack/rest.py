"""`HpcRestClient`: the `/hpc` REST API (HPC Pack 2016 Update 1 and later) over the generated
`hpc_rest_client`, with typed errors.

What only `/hpc` offers lives here: finish a job or task with a message, `x-ms-as-user`
impersonation, node operations, node group changes and metrics. A head node that serves
WindowsHpc only answers 404 without the API's `{"Message": ...}` body: that raises
`ApiUnavailable`, naming the API and version needed [I: IIS answers its own 404 page].
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import httpx
from hpc_rest_client import Client
from hpc_rest_client.api.cluster import get_cluster_version, get_user_roles
from hpc_rest_client.api.jobs import cancel_job, create_job, finish_job, get_job, submit_job
from hpc_rest_client.api.metrics import (
    get_cluster_job_metrics,
    get_cluster_metric_history,
    get_cluster_node_metrics,
)
from hpc_rest_client.api.node_groups import (
    create_node_group,
    delete_node_group,
    get_nodes_of_group,
    move_nodes_of_group,
)
from hpc_rest_client.api.nodes import get_cluster_node, operate_cluster_node
from hpc_rest_client.api.tasks import add_task, finish_task
from hpc_rest_client.models import (
    MetricData,
    Node,
    NodeGroup,
    NodeGroupOperation,
    NodeGroupOperationKind,
    NodeOperationKind,
    Property,
)
from hpc_rest_client.types import UNSET, Response

from .errors import (
    ApiUnavailable,
    BadRequest,
    Conflict,
    Forbidden,
    HpcFault,
    NotFound,
    ServerError,
    Unauthorized,
)

__all__ = ["ApiUnavailable", "HpcRestClient"]

_FAULTS: dict[int, type[HpcFault]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
}


NEEDS = "the /hpc REST API of HPC Pack 2016 Update 1 or later"
NEEDS_U3 = "the /hpc REST API of HPC Pack 2016 Update 3 or later"


def _fault(response: Response[Any], method: str, needs: str) -> HpcFault:
    status = int(response.status_code)
    message = ""
    try:
        body = httpx.Response(status, content=response.content).json()
        message = str(body.get("Message", "")) if isinstance(body, dict) else ""
    except ValueError:
        body = None
    if status == 404 and not message:
        return ApiUnavailable(
            f"{method} needs {needs}; this head node does not serve it.", status=404
        )
    cls = _FAULTS.get(status, ServerError if status >= 500 else HpcFault)
    return cls(message or f"HTTP {status}", status=status, method=method)


class HpcRestClient:
    """Client of a head node's `/hpc` API. `base_url` is `https://head[:port]` (with or
    without `/hpc`); `as_user` impersonates for every call (Administrators and Job
    Administrators only); `transport=` replaces the network in tests."""

    def __init__(
        self,
        base_url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        as_user: str | None = None,
        verify: bool = True,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        _http: httpx.Client | None = None,
    ) -> None:
        root = base_url.rstrip("/")
        self.base_url = root if root.lower().endswith("/hpc") else root + "/hpc"
        auth = (username, password or "") if username is not None else None
        self.http = _http or httpx.Client(
            base_url=self.base_url, auth=auth, verify=verify, timeout=timeout, transport=transport
        )
        self.raw = Client(base_url=self.base_url).set_httpx_client(self.http)
        self.as_user = as_user

    def acting_as(self, user: str) -> HpcRestClient:
        """The same connection, every call made as `user` (`x-ms-as-user`)."""
        return HpcRestClient(self.base_url, as_user=user, _http=self.http)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> HpcRestClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(
        self, fn: Callable[..., Response[Any]], name: str, *args: Any, needs: str = NEEDS, **kw: Any
    ) -> Any:
        who = self.as_user if self.as_user is not None else UNSET
        response = fn(*args, client=self.raw, x_ms_as_user=who, **kw)
        if int(response.status_code) >= 300:
            raise _fault(response, name, needs)
        return response.parsed

    # ---------------------------------------------------------------- cluster

    def version(self) -> str:
        return str(self._call(get_cluster_version.sync_detailed, "cluster version"))

    def user_roles(self) -> list[str]:
        return [r.value for r in self._call(get_user_roles.sync_detailed, "user roles")]

    def metric_history(
        self, name: str, start: datetime.datetime, end: datetime.datetime
    ) -> MetricData:
        return self._call(  # type: ignore[no-any-return]
            get_cluster_metric_history.sync_detailed, "metric history", name,
            from_time=start, to_time=end,
        )  # fmt: skip

    def job_metrics(self) -> MetricData:
        return self._call(get_cluster_job_metrics.sync_detailed, "job metrics")  # type: ignore[no-any-return]

    def node_metrics(self, *names: str) -> dict[str, dict[str, float]]:
        rows = self._call(
            get_cluster_node_metrics.sync_detailed, "node metrics", metric_names=",".join(names)
        )
        return {r.node_name: dict(r.metrics.additional_properties) for r in rows}

    # ---------------------------------------------------------------- jobs and tasks

    def create_job(self, **props: str) -> int:
        body = [Property(name=k, value=v) for k, v in props.items()]
        return int(self._call(create_job.sync_detailed, "create job", body=body))

    def add_task(self, job_id: int, **props: str) -> int:
        body = [Property(name=k, value=v) for k, v in props.items()]
        return int(self._call(add_task.sync_detailed, "add task", job_id, body=body))

    def submit(self, job_id: int) -> None:
        self._call(submit_job.sync_detailed, "submit job", job_id, body=[])

    def job(self, job_id: int, *names: str) -> dict[str, str | None]:
        rows = self._call(get_job.sync_detailed, "get job", job_id, properties=",".join(names))
        return {p.name: p.value for p in rows}

    def cancel(self, job_id: int, message: str = "", *, forced: bool = False) -> None:
        self._call(cancel_job.sync_detailed, "cancel job", job_id, body=message, forced=forced)

    def finish_job(self, job_id: int, message: str = "") -> None:
        self._call(finish_job.sync_detailed, "finish job", job_id, body=message, needs=NEEDS_U3)

    def finish_task(self, job_id: int, task_id: int, message: str = "") -> None:
        self._call(
            finish_task.sync_detailed, "finish task", job_id, task_id, body=message, needs=NEEDS_U3
        )

    # ---------------------------------------------------------------- nodes and groups

    def node(self, name: str) -> Node:
        return self._call(get_cluster_node.sync_detailed, "get node", name)  # type: ignore[no-any-return]

    def operate(self, name: str, operation: str) -> None:
        """Start a node operation (202); it completes later: poll `node(name).state`."""
        kind = NodeOperationKind(operation)
        self._call(operate_cluster_node.sync_detailed, f"node {operation}", name, kind)

    def take_offline(self, name: str) -> None:
        self.operate(name, "takeOffline")

    def bring_online(self, name: str) -> None:
        self.operate(name, "bringOnline")

    def reboot(self, name: str) -> None:
        self.operate(name, "reboot")

    def create_group(self, name: str, description: str = "") -> NodeGroup:
        body = NodeGroup(name=name, description=description)
        return self._call(create_node_group.sync_detailed, "create node group", body=body)  # type: ignore[no-any-return]

    def _move(self, group: str, kind: NodeGroupOperationKind, nodes: tuple[str, ...]) -> list[str]:
        body = NodeGroupOperation(group_name=group, operation=kind, node_names=list(nodes))
        return list(self._call(move_nodes_of_group.sync_detailed, "move nodes", group, body=body))

    def add_to_group(self, group: str, *nodes: str) -> list[str]:
        return self._move(group, NodeGroupOperationKind.ADD, nodes)

    def remove_from_group(self, group: str, *nodes: str) -> list[str]:
        return self._move(group, NodeGroupOperationKind.REMOVE, nodes)

    def group_nodes(self, group: str) -> list[str]:
        return list(self._call(get_nodes_of_group.sync_detailed, "group nodes", group))

    def delete_group(self, group: str) -> None:
        self._call(delete_node_group.sync_detailed, "delete node group", group)
