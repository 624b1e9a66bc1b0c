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
    *,
    body: list[Property],
    api_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["api-version"] = api_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Job/{job_id}/Task/{task_id}/CustomProperties".format(
            job_id=quote(str(job_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
    }

    _kwargs["json"] = []
    for componentsschemas_array_of_property_item_data in body:
        componentsschemas_array_of_property_item = (
            componentsschemas_array_of_property_item_data.to_dict()
        )
        _kwargs["json"].append(componentsschemas_array_of_property_item)

    headers["Content-Type"] = "application/vnd.hpc.xml+json; root=ArrayOfProperty"

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
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[Property],
    api_version: str | Unset = UNSET,
) -> Response[Any]:
    """Set Task Custom Properties

     Adds or replaces custom properties of the task. [D]

    Args:
        job_id (int):
        task_id (int):
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]
        body (list[Property]): A single object (job, task, node, custom properties, environment
            variables) as a name/value list. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        task_id=task_id,
        body=body,
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    job_id: int,
    task_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: list[Property],
    api_version: str | Unset = UNSET,
) -> Response[Any]:
    """Set Task Custom Properties

     Adds or replaces custom properties of the task. [D]

    Args:
        job_id (int):
        task_id (int):
        api_version (str | Unset): Known api-version values: 2011-11-01 (HPC Pack 2008 R2 SP3),
            2012-03-31.3.4 (SP4),
            2012-11-01.4.0 (HPC Pack 2012, 2012 R2, 2016). `2012-11-01` appears in the `$filter`
            documentation. [D]
            A string, not an enum: the dotted values are not identifiers in C (and a newer head node
            may accept values not listed here). [I]
        body (list[Property]): A single object (job, task, node, custom properties, environment
            variables) as a name/value list. [D]

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        task_id=task_id,
        body=body,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
