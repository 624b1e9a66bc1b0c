from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    job_id: int,
    *,
    body: str | Unset = UNSET,
    forced: bool | Unset = False,
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    params: dict[str, Any] = {}

    params["forced"] = forced

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/jobs/{job_id}/cancel".format(
            job_id=quote(str(job_id), safe=""),
        ),
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if response.status_code == 204:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any]:
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
    body: str | Unset = UNSET,
    forced: bool | Unset = False,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[Any]:
    """Cancel a job

     Job becomes Canceled; `forced` skips the grace period and the node release task [D].
    Another user's job answers 403 unless the caller is an administrator [C].

    Args:
        job_id (int):
        forced (bool | Unset):  Default: False.
        x_ms_as_user (str | Unset):
        body (str | Unset): A free-text message for cancel, finish or requeue. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        body=body,
        forced=forced,
        x_ms_as_user=x_ms_as_user,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    job_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: str | Unset = UNSET,
    forced: bool | Unset = False,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[Any]:
    """Cancel a job

     Job becomes Canceled; `forced` skips the grace period and the node release task [D].
    Another user's job answers 403 unless the caller is an administrator [C].

    Args:
        job_id (int):
        forced (bool | Unset):  Default: False.
        x_ms_as_user (str | Unset):
        body (str | Unset): A free-text message for cancel, finish or requeue. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        body=body,
        forced=forced,
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
