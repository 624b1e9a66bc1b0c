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
    forced: bool | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["api-version"] = api_version

    params: dict[str, Any] = {}

    params["Forced"] = forced

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Job/{job_id}/Cancel".format(
            job_id=quote(str(job_id), safe=""),
        ),
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body

    headers["Content-Type"] = "application/vnd.hpc.xml+json; root=CancelMessage"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if response.status_code == 200:
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
    forced: bool | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> Response[Any]:
    """Cancel Job

     Cancels the job. The optional body is the cancel reason (at most 128 characters); the
    SP-era sample sends no body at all. Canceling a Canceled job is an error. [D]
    The answer can come while the job is still Canceling (a JobState [D]) and its tasks are
    being stopped: a client that needs the end waits for Canceled. [I] The emulator shows
    this for jobs of more than 250 open tasks and instances.

    Args:
        job_id (int):
        forced (bool | Unset):
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]
        body (str | Unset): Reason for a cancel, at most 128 characters. [D]

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
        api_version=api_version,
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
    forced: bool | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> Response[Any]:
    """Cancel Job

     Cancels the job. The optional body is the cancel reason (at most 128 characters); the
    SP-era sample sends no body at all. Canceling a Canceled job is an error. [D]
    The answer can come while the job is still Canceling (a JobState [D]) and its tasks are
    being stopped: a client that needs the end waits for Canceled. [I] The emulator shows
    this for jobs of more than 250 open tasks and instances.

    Args:
        job_id (int):
        forced (bool | Unset):
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]
        body (str | Unset): Reason for a cancel, at most 128 characters. [D]

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
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
