from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.property_ import Property
from ...types import UNSET, Response, Unset


def _get_kwargs(
    job_id: int,
    task_id: int,
    subtask_id: int,
    *,
    properties: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    params: dict[str, Any] = {}

    params["properties"] = properties

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/{job_id}/tasks/{task_id}/subtasks/{subtask_id}".format(
            job_id=quote(str(job_id), safe=""),
            task_id=quote(str(task_id), safe=""),
            subtask_id=quote(str(subtask_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[Property] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_property_list_item_data in _response_200:
            componentsschemas_property_list_item = Property.from_dict(
                componentsschemas_property_list_item_data
            )

            response_200.append(componentsschemas_property_list_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[Property]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: int,
    task_id: int,
    subtask_id: int,
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[Property]]:
    """Get a subtask

     Only parametric sweep tasks have subtasks [D]. A sweep still being expanded answers
    400 "not expanded yet" for a while on real servers [C].

    Args:
        job_id (int):
        task_id (int):
        subtask_id (int):
        properties (str | Unset):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Property]]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        task_id=task_id,
        subtask_id=subtask_id,
        properties=properties,
        x_ms_as_user=x_ms_as_user,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: int,
    task_id: int,
    subtask_id: int,
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> list[Property] | None:
    """Get a subtask

     Only parametric sweep tasks have subtasks [D]. A sweep still being expanded answers
    400 "not expanded yet" for a while on real servers [C].

    Args:
        job_id (int):
        task_id (int):
        subtask_id (int):
        properties (str | Unset):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Property]
    """

    return sync_detailed(
        job_id=job_id,
        task_id=task_id,
        subtask_id=subtask_id,
        client=client,
        properties=properties,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    job_id: int,
    task_id: int,
    subtask_id: int,
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[list[Property]]:
    """Get a subtask

     Only parametric sweep tasks have subtasks [D]. A sweep still being expanded answers
    400 "not expanded yet" for a while on real servers [C].

    Args:
        job_id (int):
        task_id (int):
        subtask_id (int):
        properties (str | Unset):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Property]]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        task_id=task_id,
        subtask_id=subtask_id,
        properties=properties,
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: int,
    task_id: int,
    subtask_id: int,
    *,
    client: AuthenticatedClient | Client,
    properties: str | Unset = UNSET,
    x_ms_as_user: str | Unset = UNSET,
) -> list[Property] | None:
    """Get a subtask

     Only parametric sweep tasks have subtasks [D]. A sweep still being expanded answers
    400 "not expanded yet" for a while on real servers [C].

    Args:
        job_id (int):
        task_id (int):
        subtask_id (int):
        properties (str | Unset):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Property]
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            task_id=task_id,
            subtask_id=subtask_id,
            client=client,
            properties=properties,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
