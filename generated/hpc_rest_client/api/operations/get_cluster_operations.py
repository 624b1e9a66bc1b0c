import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.operation_log import OperationLog
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_time: datetime.datetime | Unset = UNSET,
    to_time: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    node_names: str | Unset = UNSET,
    with_detail: bool | Unset = False,
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    params: dict[str, Any] = {}

    json_from_time: str | Unset = UNSET
    if not isinstance(from_time, Unset):
        json_from_time = from_time.isoformat()
    params["fromTime"] = json_from_time

    json_to_time: str | Unset = UNSET
    if not isinstance(to_time, Unset):
        json_to_time = to_time.isoformat()
    params["toTime"] = json_to_time

    params["limit"] = limit

    params["nodeNames"] = node_names

    params["withDetail"] = with_detail

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cluster/operations",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[OperationLog] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_operation_log_list_item_data in _response_200:
            componentsschemas_operation_log_list_item = OperationLog.from_dict(
                componentsschemas_operation_log_list_item_data
            )

            response_200.append(componentsschemas_operation_log_list_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[OperationLog]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_time: datetime.datetime | Unset = UNSET,
    to_time: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    node_names: str | Unset = UNSET,
    with_detail: bool | Unset = False,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[OperationLog]]:
    """Get cluster operation logs

     Latest first; times are exclusive bounds in UTC. [D]

    Args:
        from_time (datetime.datetime | Unset):
        to_time (datetime.datetime | Unset):
        limit (int | Unset):
        node_names (str | Unset):
        with_detail (bool | Unset):  Default: False.
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[OperationLog]]
    """

    kwargs = _get_kwargs(
        from_time=from_time,
        to_time=to_time,
        limit=limit,
        node_names=node_names,
        with_detail=with_detail,
        x_ms_as_user=x_ms_as_user,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_time: datetime.datetime | Unset = UNSET,
    to_time: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    node_names: str | Unset = UNSET,
    with_detail: bool | Unset = False,
    x_ms_as_user: str | Unset = UNSET,
) -> list[OperationLog] | None:
    """Get cluster operation logs

     Latest first; times are exclusive bounds in UTC. [D]

    Args:
        from_time (datetime.datetime | Unset):
        to_time (datetime.datetime | Unset):
        limit (int | Unset):
        node_names (str | Unset):
        with_detail (bool | Unset):  Default: False.
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[OperationLog]
    """

    return sync_detailed(
        client=client,
        from_time=from_time,
        to_time=to_time,
        limit=limit,
        node_names=node_names,
        with_detail=with_detail,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_time: datetime.datetime | Unset = UNSET,
    to_time: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    node_names: str | Unset = UNSET,
    with_detail: bool | Unset = False,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[OperationLog]]:
    """Get cluster operation logs

     Latest first; times are exclusive bounds in UTC. [D]

    Args:
        from_time (datetime.datetime | Unset):
        to_time (datetime.datetime | Unset):
        limit (int | Unset):
        node_names (str | Unset):
        with_detail (bool | Unset):  Default: False.
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[OperationLog]]
    """

    kwargs = _get_kwargs(
        from_time=from_time,
        to_time=to_time,
        limit=limit,
        node_names=node_names,
        with_detail=with_detail,
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_time: datetime.datetime | Unset = UNSET,
    to_time: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    node_names: str | Unset = UNSET,
    with_detail: bool | Unset = False,
    x_ms_as_user: str | Unset = UNSET,
) -> list[OperationLog] | None:
    """Get cluster operation logs

     Latest first; times are exclusive bounds in UTC. [D]

    Args:
        from_time (datetime.datetime | Unset):
        to_time (datetime.datetime | Unset):
        limit (int | Unset):
        node_names (str | Unset):
        with_detail (bool | Unset):  Default: False.
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[OperationLog]
    """

    return (
        await asyncio_detailed(
            client=client,
            from_time=from_time,
            to_time=to_time,
            limit=limit,
            node_names=node_names,
            with_detail=with_detail,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
