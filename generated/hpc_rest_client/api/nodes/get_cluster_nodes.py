from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.node import Node
from ...models.node_health import NodeHealth
from ...models.node_state import NodeState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    names: str | Unset = UNSET,
    jobs: str | Unset = UNSET,
    group: str | Unset = UNSET,
    state: NodeState | Unset = UNSET,
    health: NodeHealth | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    params: dict[str, Any] = {}

    params["names"] = names

    params["jobs"] = jobs

    params["group"] = group

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    json_health: str | Unset = UNSET
    if not isinstance(health, Unset):
        json_health = health.value

    params["health"] = json_health

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cluster/nodes",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[Node] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_node_list_item_data in _response_200:
            componentsschemas_node_list_item = Node.from_dict(componentsschemas_node_list_item_data)

            response_200.append(componentsschemas_node_list_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[Node]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    names: str | Unset = UNSET,
    jobs: str | Unset = UNSET,
    group: str | Unset = UNSET,
    state: NodeState | Unset = UNSET,
    health: NodeHealth | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[Node]]:
    """Get cluster nodes

     Typed nodes, optionally filtered (filters combine with AND). [D]

    Args:
        names (str | Unset):
        jobs (str | Unset):
        group (str | Unset):
        state (NodeState | Unset): Node state. [D]
        health (NodeHealth | Unset): Node health. [D]
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Node]]
    """

    kwargs = _get_kwargs(
        names=names,
        jobs=jobs,
        group=group,
        state=state,
        health=health,
        x_ms_as_user=x_ms_as_user,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    names: str | Unset = UNSET,
    jobs: str | Unset = UNSET,
    group: str | Unset = UNSET,
    state: NodeState | Unset = UNSET,
    health: NodeHealth | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> list[Node] | None:
    """Get cluster nodes

     Typed nodes, optionally filtered (filters combine with AND). [D]

    Args:
        names (str | Unset):
        jobs (str | Unset):
        group (str | Unset):
        state (NodeState | Unset): Node state. [D]
        health (NodeHealth | Unset): Node health. [D]
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Node]
    """

    return sync_detailed(
        client=client,
        names=names,
        jobs=jobs,
        group=group,
        state=state,
        health=health,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    names: str | Unset = UNSET,
    jobs: str | Unset = UNSET,
    group: str | Unset = UNSET,
    state: NodeState | Unset = UNSET,
    health: NodeHealth | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[Node]]:
    """Get cluster nodes

     Typed nodes, optionally filtered (filters combine with AND). [D]

    Args:
        names (str | Unset):
        jobs (str | Unset):
        group (str | Unset):
        state (NodeState | Unset): Node state. [D]
        health (NodeHealth | Unset): Node health. [D]
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Node]]
    """

    kwargs = _get_kwargs(
        names=names,
        jobs=jobs,
        group=group,
        state=state,
        health=health,
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    names: str | Unset = UNSET,
    jobs: str | Unset = UNSET,
    group: str | Unset = UNSET,
    state: NodeState | Unset = UNSET,
    health: NodeHealth | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> list[Node] | None:
    """Get cluster nodes

     Typed nodes, optionally filtered (filters combine with AND). [D]

    Args:
        names (str | Unset):
        jobs (str | Unset):
        group (str | Unset):
        state (NodeState | Unset): Node state. [D]
        health (NodeHealth | Unset): Node health. [D]
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Node]
    """

    return (
        await asyncio_detailed(
            client=client,
            names=names,
            jobs=jobs,
            group=group,
            state=state,
            health=health,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
