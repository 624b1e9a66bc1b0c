from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    group_name: str,
    *,
    api_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["api-version"] = api_version

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/NodeGroup/{group_name}".format(
            group_name=quote(str(group_name), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[str] | None:
    if response.status_code == 200:
        response_200 = cast(list[str], response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[str]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group_name: str,
    *,
    client: AuthenticatedClient | Client,
    api_version: str | Unset = UNSET,
) -> Response[list[str]]:
    """Get Node Group Members

     Names of the nodes in the group. (Namespace of `ArrayOfstring` per Microsoft's client; the doc page
    shows another. [C]/[I])

    Args:
        group_name (str):
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
        Response[list[str]]
    """

    kwargs = _get_kwargs(
        group_name=group_name,
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group_name: str,
    *,
    client: AuthenticatedClient | Client,
    api_version: str | Unset = UNSET,
) -> list[str] | None:
    """Get Node Group Members

     Names of the nodes in the group. (Namespace of `ArrayOfstring` per Microsoft's client; the doc page
    shows another. [C]/[I])

    Args:
        group_name (str):
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
        list[str]
    """

    return sync_detailed(
        group_name=group_name,
        client=client,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    group_name: str,
    *,
    client: AuthenticatedClient | Client,
    api_version: str | Unset = UNSET,
) -> Response[list[str]]:
    """Get Node Group Members

     Names of the nodes in the group. (Namespace of `ArrayOfstring` per Microsoft's client; the doc page
    shows another. [C]/[I])

    Args:
        group_name (str):
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
        Response[list[str]]
    """

    kwargs = _get_kwargs(
        group_name=group_name,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group_name: str,
    *,
    client: AuthenticatedClient | Client,
    api_version: str | Unset = UNSET,
) -> list[str] | None:
    """Get Node Group Members

     Names of the nodes in the group. (Namespace of `ArrayOfstring` per Microsoft's client; the doc page
    shows another. [C]/[I])

    Args:
        group_name (str):
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
        list[str]
    """

    return (
        await asyncio_detailed(
            group_name=group_name,
            client=client,
            api_version=api_version,
        )
    ).parsed
