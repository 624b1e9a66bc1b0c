from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: str,
    api_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["api-version"] = api_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Jobs/JobFile",
    }

    _kwargs["json"] = body

    headers["Content-Type"] = "application/vnd.hpc.xml+json; root=JobXml"

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
    api_version: str | Unset = UNSET,
) -> Response[int]:
    """Create Job From XML

     Creates a job, with its tasks, from a job XML document (the `HpcJobXml` rendering of Get
    Job, root `Job` in `http://schemas.microsoft.com/HPCS2008R2/scheduler/`). Not idempotent. [D]

    Args:
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]
        body (str): A job XML document (HpcJobXml): root `<Job Version="3.000" ...>` in namespace
            `http://schemas.microsoft.com/HPCS2008R2/scheduler/`, properties as attributes, children
            `CustomProperties`, `Dependencies`, `Tasks` (`<Task CommandLine=".." .../>`). Sent
            verbatim. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[int]
    """

    kwargs = _get_kwargs(
        body=body,
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: str,
    api_version: str | Unset = UNSET,
) -> int | None:
    """Create Job From XML

     Creates a job, with its tasks, from a job XML document (the `HpcJobXml` rendering of Get
    Job, root `Job` in `http://schemas.microsoft.com/HPCS2008R2/scheduler/`). Not idempotent. [D]

    Args:
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]
        body (str): A job XML document (HpcJobXml): root `<Job Version="3.000" ...>` in namespace
            `http://schemas.microsoft.com/HPCS2008R2/scheduler/`, properties as attributes, children
            `CustomProperties`, `Dependencies`, `Tasks` (`<Task CommandLine=".." .../>`). Sent
            verbatim. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        int
    """

    return sync_detailed(
        client=client,
        body=body,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: str,
    api_version: str | Unset = UNSET,
) -> Response[int]:
    """Create Job From XML

     Creates a job, with its tasks, from a job XML document (the `HpcJobXml` rendering of Get
    Job, root `Job` in `http://schemas.microsoft.com/HPCS2008R2/scheduler/`). Not idempotent. [D]

    Args:
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]
        body (str): A job XML document (HpcJobXml): root `<Job Version="3.000" ...>` in namespace
            `http://schemas.microsoft.com/HPCS2008R2/scheduler/`, properties as attributes, children
            `CustomProperties`, `Dependencies`, `Tasks` (`<Task CommandLine=".." .../>`). Sent
            verbatim. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[int]
    """

    kwargs = _get_kwargs(
        body=body,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: str,
    api_version: str | Unset = UNSET,
) -> int | None:
    """Create Job From XML

     Creates a job, with its tasks, from a job XML document (the `HpcJobXml` rendering of Get
    Job, root `Job` in `http://schemas.microsoft.com/HPCS2008R2/scheduler/`). Not idempotent. [D]

    Args:
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]
        body (str): A job XML document (HpcJobXml): root `<Job Version="3.000" ...>` in namespace
            `http://schemas.microsoft.com/HPCS2008R2/scheduler/`, properties as attributes, children
            `CustomProperties`, `Dependencies`, `Tasks` (`<Task CommandLine=".." .../>`). Sent
            verbatim. [D]

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
            api_version=api_version,
        )
    ).parsed
