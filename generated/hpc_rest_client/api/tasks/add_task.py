from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.property_ import Property
from ...types import UNSET, Response, Unset


def _get_kwargs(
    job_id: int,
    *,
    body: list[Property],
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/jobs/{job_id}/tasks".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    _kwargs["json"] = []
    for componentsschemas_property_list_item_data in body:
        componentsschemas_property_list_item = componentsschemas_property_list_item_data.to_dict()
        _kwargs["json"].append(componentsschemas_property_list_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> int | None:
    if response.status_code == 200:
        response_200 = cast(int, response.json())
        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[int]:
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
    body: list[Property],
    x_ms_as_user: str | Unset = UNSET,
) -> Response[int]:
    """Add a task

     Answers the new per-job task id. [D]

    Args:
        job_id (int):
        x_ms_as_user (str | Unset):
        body (list[Property]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[int]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        body=body,
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
    body: list[Property],
    x_ms_as_user: str | Unset = UNSET,
) -> int | None:
    """Add a task

     Answers the new per-job task id. [D]

    Args:
        job_id (int):
        x_ms_as_user (str | Unset):
        body (list[Property]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        int
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
        body=body,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[Property],
    x_ms_as_user: str | Unset = UNSET,
) -> Response[int]:
    """Add a task

     Answers the new per-job task id. [D]

    Args:
        job_id (int):
        x_ms_as_user (str | Unset):
        body (list[Property]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[int]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        body=body,
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[Property],
    x_ms_as_user: str | Unset = UNSET,
) -> int | None:
    """Add a task

     Answers the new per-job task id. [D]

    Args:
        job_id (int):
        x_ms_as_user (str | Unset):
        body (list[Property]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        int
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            body=body,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
