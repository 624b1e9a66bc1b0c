from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.property_row import PropertyRow
from ...types import UNSET, Response, Unset


def _get_kwargs(
    job_id: int,
    *,
    properties: str
    | Unset = "TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId",
    expand_parametric: bool | Unset = True,
    filter_: str | Unset = UNSET,
    sort_tasks_by: str | Unset = "TaskId",
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

    params["properties"] = properties

    params["expandParametric"] = expand_parametric

    params["$filter"] = filter_

    params["sortTasksBy"] = sort_tasks_by

    params["asc"] = asc

    params["startRow"] = start_row

    params["rowsPerRead"] = rows_per_read

    params["queryId"] = query_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/{job_id}/tasks".format(
            job_id=quote(str(job_id), safe=""),
        ),
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
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    properties: str
    | Unset = "TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId",
    expand_parametric: bool | Unset = True,
    filter_: str | Unset = UNSET,
    sort_tasks_by: str | Unset = "TaskId",
    asc: bool | Unset = UNSET,
    start_row: int | Unset = UNSET,
    rows_per_read: int | Unset = 10,
    query_id: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[PropertyRow]]:
    """List a job's tasks

    Args:
        job_id (int):
        properties (str | Unset):  Default:
            'TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId'.
        expand_parametric (bool | Unset):  Default: True.
        filter_ (str | Unset):
        sort_tasks_by (str | Unset):  Default: 'TaskId'.
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
        job_id=job_id,
        properties=properties,
        expand_parametric=expand_parametric,
        filter_=filter_,
        sort_tasks_by=sort_tasks_by,
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
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    properties: str
    | Unset = "TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId",
    expand_parametric: bool | Unset = True,
    filter_: str | Unset = UNSET,
    sort_tasks_by: str | Unset = "TaskId",
    asc: bool | Unset = UNSET,
    start_row: int | Unset = UNSET,
    rows_per_read: int | Unset = 10,
    query_id: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> list[PropertyRow] | None:
    """List a job's tasks

    Args:
        job_id (int):
        properties (str | Unset):  Default:
            'TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId'.
        expand_parametric (bool | Unset):  Default: True.
        filter_ (str | Unset):
        sort_tasks_by (str | Unset):  Default: 'TaskId'.
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
        job_id=job_id,
        client=client,
        properties=properties,
        expand_parametric=expand_parametric,
        filter_=filter_,
        sort_tasks_by=sort_tasks_by,
        asc=asc,
        start_row=start_row,
        rows_per_read=rows_per_read,
        query_id=query_id,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    properties: str
    | Unset = "TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId",
    expand_parametric: bool | Unset = True,
    filter_: str | Unset = UNSET,
    sort_tasks_by: str | Unset = "TaskId",
    asc: bool | Unset = UNSET,
    start_row: int | Unset = UNSET,
    rows_per_read: int | Unset = 10,
    query_id: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[PropertyRow]]:
    """List a job's tasks

    Args:
        job_id (int):
        properties (str | Unset):  Default:
            'TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId'.
        expand_parametric (bool | Unset):  Default: True.
        filter_ (str | Unset):
        sort_tasks_by (str | Unset):  Default: 'TaskId'.
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
        job_id=job_id,
        properties=properties,
        expand_parametric=expand_parametric,
        filter_=filter_,
        sort_tasks_by=sort_tasks_by,
        asc=asc,
        start_row=start_row,
        rows_per_read=rows_per_read,
        query_id=query_id,
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    properties: str
    | Unset = "TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId",
    expand_parametric: bool | Unset = True,
    filter_: str | Unset = UNSET,
    sort_tasks_by: str | Unset = "TaskId",
    asc: bool | Unset = UNSET,
    start_row: int | Unset = UNSET,
    rows_per_read: int | Unset = 10,
    query_id: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> list[PropertyRow] | None:
    """List a job's tasks

    Args:
        job_id (int):
        properties (str | Unset):  Default:
            'TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId'.
        expand_parametric (bool | Unset):  Default: True.
        filter_ (str | Unset):
        sort_tasks_by (str | Unset):  Default: 'TaskId'.
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
            job_id=job_id,
            client=client,
            properties=properties,
            expand_parametric=expand_parametric,
            filter_=filter_,
            sort_tasks_by=sort_tasks_by,
            asc=asc,
            start_row=start_row,
            rows_per_read=rows_per_read,
            query_id=query_id,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
