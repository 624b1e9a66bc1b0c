from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: str,
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/jobs/jobFile",
    }

    _kwargs["json"] = body

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
    *,
    client: AuthenticatedClient | Client,
    body: str,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[int]:
    """Create a job from job XML

     The body is **a JSON string** holding the job XML (HPC Pack job schema), e.g.
    `"<Job><Tasks><Task CommandLine=\\"hostname\\"/></Tasks></Job>"`. [D]

    Args:
        x_ms_as_user (str | Unset):
        body (str): Job XML (HPC Pack job schema) encoded as one JSON string. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[int]
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
    body: str,
    x_ms_as_user: str | Unset = UNSET,
) -> int | None:
    """Create a job from job XML

     The body is **a JSON string** holding the job XML (HPC Pack job schema), e.g.
    `"<Job><Tasks><Task CommandLine=\\"hostname\\"/></Tasks></Job>"`. [D]

    Args:
        x_ms_as_user (str | Unset):
        body (str): Job XML (HPC Pack job schema) encoded as one JSON string. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        int
    """

    return sync_detailed(
        client=client,
        body=body,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: str,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[int]:
    """Create a job from job XML

     The body is **a JSON string** holding the job XML (HPC Pack job schema), e.g.
    `"<Job><Tasks><Task CommandLine=\\"hostname\\"/></Tasks></Job>"`. [D]

    Args:
        x_ms_as_user (str | Unset):
        body (str): Job XML (HPC Pack job schema) encoded as one JSON string. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[int]
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
    body: str,
    x_ms_as_user: str | Unset = UNSET,
) -> int | None:
    """Create a job from job XML

     The body is **a JSON string** holding the job XML (HPC Pack job schema), e.g.
    `"<Job><Tasks><Task CommandLine=\\"hostname\\"/></Tasks></Job>"`. [D]

    Args:
        x_ms_as_user (str | Unset):
        body (str): Job XML (HPC Pack job schema) encoded as one JSON string. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        int
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
