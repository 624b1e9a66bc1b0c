from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.property_row import PropertyRow
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    node_names: str | Unset = UNSET,
    properties: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_nodes_by: str | Unset = "Id",
    asc: bool | Unset = UNSET,
    start_row: int | Unset = UNSET,
    rows_per_read: int | Unset = 10,
    query_id: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    params: dict[str, Any] = {}

    params["nodeNames"] = node_names

    params["properties"] = properties

    params["$filter"] = filter_

    params["sortNodesBy"] = sort_nodes_by

    params["asc"] = asc

    params["startRow"] = start_row

    params["rowsPerRead"] = rows_per_read

    params["queryId"] = query_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/nodes",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[PropertyRow] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_object_list_item_data in _response_200:
            componentsschemas_object_list_item = PropertyRow.from_dict(
                componentsschemas_object_list_item_data
            )

            response_200.append(componentsschemas_object_list_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[PropertyRow]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    node_names: str | Unset = UNSET,
    properties: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_nodes_by: str | Unset = "Id",
    asc: bool | Unset = UNSET,
    start_row: int | Unset = UNSET,
    rows_per_read: int | Unset = 10,
    query_id: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[PropertyRow]]:
    """List nodes as property rows (2016)

     The 2016 document's node list, still served by 2019 servers [D]. With `nodeNames`
    every other parameter is ignored and unknown names are skipped [D].

    Args:
        node_names (str | Unset):
        properties (str | Unset):
        filter_ (str | Unset):
        sort_nodes_by (str | Unset):  Default: 'Id'.
        asc (bool | Unset):
        start_row (int | Unset):
        rows_per_read (int | Unset):  Default: 10.
        query_id (str | Unset):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[PropertyRow]]
    """

    kwargs = _get_kwargs(
        node_names=node_names,
        properties=properties,
        filter_=filter_,
        sort_nodes_by=sort_nodes_by,
        asc=asc,
        start_row=start_row,
        rows_per_read=rows_per_read,
        query_id=query_id,
        x_ms_as_user=x_ms_as_user,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    node_names: str | Unset = UNSET,
    properties: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_nodes_by: str | Unset = "Id",
    asc: bool | Unset = UNSET,
    start_row: int | Unset = UNSET,
    rows_per_read: int | Unset = 10,
    query_id: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> list[PropertyRow] | None:
    """List nodes as property rows (2016)

     The 2016 document's node list, still served by 2019 servers [D]. With `nodeNames`
    every other parameter is ignored and unknown names are skipped [D].

    Args:
        node_names (str | Unset):
        properties (str | Unset):
        filter_ (str | Unset):
        sort_nodes_by (str | Unset):  Default: 'Id'.
        asc (bool | Unset):
        start_row (int | Unset):
        rows_per_read (int | Unset):  Default: 10.
        query_id (str | Unset):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[PropertyRow]
    """

    return sync_detailed(
        client=client,
        node_names=node_names,
        properties=properties,
        filter_=filter_,
        sort_nodes_by=sort_nodes_by,
        asc=asc,
        start_row=start_row,
        rows_per_read=rows_per_read,
        query_id=query_id,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    node_names: str | Unset = UNSET,
    properties: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_nodes_by: str | Unset = "Id",
    asc: bool | Unset = UNSET,
    start_row: int | Unset = UNSET,
    rows_per_read: int | Unset = 10,
    query_id: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[PropertyRow]]:
    """List nodes as property rows (2016)

     The 2016 document's node list, still served by 2019 servers [D]. With `nodeNames`
    every other parameter is ignored and unknown names are skipped [D].

    Args:
        node_names (str | Unset):
        properties (str | Unset):
        filter_ (str | Unset):
        sort_nodes_by (str | Unset):  Default: 'Id'.
        asc (bool | Unset):
        start_row (int | Unset):
        rows_per_read (int | Unset):  Default: 10.
        query_id (str | Unset):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[PropertyRow]]
    """

    kwargs = _get_kwargs(
        node_names=node_names,
        properties=properties,
        filter_=filter_,
        sort_nodes_by=sort_nodes_by,
        asc=asc,
        start_row=start_row,
        rows_per_read=rows_per_read,
        query_id=query_id,
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    node_names: str | Unset = UNSET,
    properties: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort_nodes_by: str | Unset = "Id",
    asc: bool | Unset = UNSET,
    start_row: int | Unset = UNSET,
    rows_per_read: int | Unset = 10,
    query_id: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> list[PropertyRow] | None:
    """List nodes as property rows (2016)

     The 2016 document's node list, still served by 2019 servers [D]. With `nodeNames`
    every other parameter is ignored and unknown names are skipped [D].

    Args:
        node_names (str | Unset):
        properties (str | Unset):
        filter_ (str | Unset):
        sort_nodes_by (str | Unset):  Default: 'Id'.
        asc (bool | Unset):
        start_row (int | Unset):
        rows_per_read (int | Unset):  Default: 10.
        query_id (str | Unset):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[PropertyRow]
    """

    return (
        await asyncio_detailed(
            client=client,
            node_names=node_names,
            properties=properties,
            filter_=filter_,
            sort_nodes_by=sort_nodes_by,
            asc=asc,
            start_row=start_row,
            rows_per_read=rows_per_read,
            query_id=query_id,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
