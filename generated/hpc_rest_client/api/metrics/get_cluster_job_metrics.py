from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.metric_data import MetricData
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cluster/metrics/jobs",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MetricData | None:
    if response.status_code == 200:
        response_200 = MetricData.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MetricData]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[MetricData]:
    """Get cluster job metrics

     Counts of finished and canceled jobs over the last 7 days. [D]

    Args:
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MetricData]
    """

    kwargs = _get_kwargs(
        x_ms_as_user=x_ms_as_user,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    x_ms_as_user: str | Unset = UNSET,
) -> MetricData | None:
    """Get cluster job metrics

     Counts of finished and canceled jobs over the last 7 days. [D]

    Args:
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MetricData
    """

    return sync_detailed(
        client=client,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[MetricData]:
    """Get cluster job metrics

     Counts of finished and canceled jobs over the last 7 days. [D]

    Args:
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MetricData]
    """

    kwargs = _get_kwargs(
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    x_ms_as_user: str | Unset = UNSET,
) -> MetricData | None:
    """Get cluster job metrics

     Counts of finished and canceled jobs over the last 7 days. [D]

    Args:
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MetricData
    """

    return (
        await asyncio_detailed(
            client=client,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
