from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.node_group import NodeGroup
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NodeGroup,
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cluster/nodeGroups",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NodeGroup | None:
    if response.status_code == 200:
        response_200 = NodeGroup.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NodeGroup]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NodeGroup,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[NodeGroup]:
    """Create a node group

     Answers 200 with the new group [D]. An existing name answers 409 [I]; `Managed` groups
    (HeadNodes, ComputeNodes, ...) belong to the system [D]. Administrators only [I].

    Args:
        x_ms_as_user (str | Unset):
        body (NodeGroup): A node group; `Managed` groups are the system's. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NodeGroup]
    """

    kwargs = _get_kwargs(
        body=body,
        x_ms_as_user=x_ms_as_user,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: NodeGroup,
    x_ms_as_user: str | Unset = UNSET,
) -> NodeGroup | None:
    """Create a node group

     Answers 200 with the new group [D]. An existing name answers 409 [I]; `Managed` groups
    (HeadNodes, ComputeNodes, ...) belong to the system [D]. Administrators only [I].

    Args:
        x_ms_as_user (str | Unset):
        body (NodeGroup): A node group; `Managed` groups are the system's. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NodeGroup
    """

    return sync_detailed(
        client=client,
        body=body,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NodeGroup,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[NodeGroup]:
    """Create a node group

     Answers 200 with the new group [D]. An existing name answers 409 [I]; `Managed` groups
    (HeadNodes, ComputeNodes, ...) belong to the system [D]. Administrators only [I].

    Args:
        x_ms_as_user (str | Unset):
        body (NodeGroup): A node group; `Managed` groups are the system's. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NodeGroup]
    """

    kwargs = _get_kwargs(
        body=body,
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: NodeGroup,
    x_ms_as_user: str | Unset = UNSET,
) -> NodeGroup | None:
    """Create a node group

     Answers 200 with the new group [D]. An existing name answers 409 [I]; `Managed` groups
    (HeadNodes, ComputeNodes, ...) belong to the system [D]. Administrators only [I].

    Args:
        x_ms_as_user (str | Unset):
        body (NodeGroup): A node group; `Managed` groups are the system's. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NodeGroup
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
