from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hpc_object import HpcObject
from ...models.list_render_mode import ListRenderMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    properties: str | Unset = UNSET,
    query_id: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    render: ListRenderMode | Unset = UNSET,
    sort_nodes_by: str | Unset = UNSET,
    rows_per_read: int | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["api-version"] = api_version

    params: dict[str, Any] = {}

    params["Properties"] = properties

    params["QueryId"] = query_id

    params["$filter"] = filter_

    json_render: str | Unset = UNSET
    if not isinstance(render, Unset):
        json_render = render.value

    params["Render"] = json_render

    params["SortNodesBy"] = sort_nodes_by

    params["RowsPerRead"] = rows_per_read

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/Nodes",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[HpcObject] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_array_of_object_item_data in _response_200:
            componentsschemas_array_of_object_item = HpcObject.from_dict(
                componentsschemas_array_of_object_item_data
            )

            response_200.append(componentsschemas_array_of_object_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[HpcObject]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    query_id: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    render: ListRenderMode | Unset = UNSET,
    sort_nodes_by: str | Unset = UNSET,
    rows_per_read: int | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> Response[list[HpcObject]]:
    """Get Node List

     One page of nodes with the requested properties (default all). [D]

    Args:
        properties (str | Unset): Comma-separated property names.
        query_id (str | Unset):
        filter_ (str | Unset):
        render (ListRenderMode | Unset): Rendering of a list; only RestPropRender is documented.
            [D]
        sort_nodes_by (str | Unset):
        rows_per_read (int | Unset):
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[HpcObject]]
    """

    kwargs = _get_kwargs(
        properties=properties,
        query_id=query_id,
        filter_=filter_,
        render=render,
        sort_nodes_by=sort_nodes_by,
        rows_per_read=rows_per_read,
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    query_id: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    render: ListRenderMode | Unset = UNSET,
    sort_nodes_by: str | Unset = UNSET,
    rows_per_read: int | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> list[HpcObject] | None:
    """Get Node List

     One page of nodes with the requested properties (default all). [D]

    Args:
        properties (str | Unset): Comma-separated property names.
        query_id (str | Unset):
        filter_ (str | Unset):
        render (ListRenderMode | Unset): Rendering of a list; only RestPropRender is documented.
            [D]
        sort_nodes_by (str | Unset):
        rows_per_read (int | Unset):
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[HpcObject]
    """

    return sync_detailed(
        client=client,
        properties=properties,
        query_id=query_id,
        filter_=filter_,
        render=render,
        sort_nodes_by=sort_nodes_by,
        rows_per_read=rows_per_read,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    query_id: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    render: ListRenderMode | Unset = UNSET,
    sort_nodes_by: str | Unset = UNSET,
    rows_per_read: int | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> Response[list[HpcObject]]:
    """Get Node List

     One page of nodes with the requested properties (default all). [D]

    Args:
        properties (str | Unset): Comma-separated property names.
        query_id (str | Unset):
        filter_ (str | Unset):
        render (ListRenderMode | Unset): Rendering of a list; only RestPropRender is documented.
            [D]
        sort_nodes_by (str | Unset):
        rows_per_read (int | Unset):
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[HpcObject]]
    """

    kwargs = _get_kwargs(
        properties=properties,
        query_id=query_id,
        filter_=filter_,
        render=render,
        sort_nodes_by=sort_nodes_by,
        rows_per_read=rows_per_read,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    query_id: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    render: ListRenderMode | Unset = UNSET,
    sort_nodes_by: str | Unset = UNSET,
    rows_per_read: int | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> list[HpcObject] | None:
    """Get Node List

     One page of nodes with the requested properties (default all). [D]

    Args:
        properties (str | Unset): Comma-separated property names.
        query_id (str | Unset):
        filter_ (str | Unset):
        render (ListRenderMode | Unset): Rendering of a list; only RestPropRender is documented.
            [D]
        sort_nodes_by (str | Unset):
        rows_per_read (int | Unset):
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[HpcObject]
    """

    return (
        await asyncio_detailed(
            client=client,
            properties=properties,
            query_id=query_id,
            filter_=filter_,
            render=render,
            sort_nodes_by=sort_nodes_by,
            rows_per_read=rows_per_read,
            api_version=api_version,
        )
    ).parsed
