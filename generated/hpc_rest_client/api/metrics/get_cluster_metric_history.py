import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.metric_data import MetricData
from ...types import UNSET, Response, Unset


def _get_kwargs(
    name: str,
    *,
    from_time: datetime.datetime,
    to_time: datetime.datetime,
    x_ms_as_user: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_ms_as_user, Unset):
        headers["x-ms-as-user"] = x_ms_as_user

    params: dict[str, Any] = {}

    json_from_time = from_time.isoformat()
    params["fromTime"] = json_from_time

    json_to_time = to_time.isoformat()
    params["toTime"] = json_to_time

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cluster/metrics/history/{name}".format(
            name=quote(str(name), safe=""),
        ),
        "params": params,
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
    name: str,
    *,
    client: AuthenticatedClient | Client,
    from_time: datetime.datetime,
    to_time: datetime.datetime,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[MetricData]:
    """Get a cluster metric's history

     Samples of one metric between two UTC times (both required). [D]

    Args:
        name (str):
        from_time (datetime.datetime):
        to_time (datetime.datetime):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MetricData]
    """

    kwargs = _get_kwargs(
        name=name,
        from_time=from_time,
        to_time=to_time,
        x_ms_as_user=x_ms_as_user,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    from_time: datetime.datetime,
    to_time: datetime.datetime,
    x_ms_as_user: str | Unset = UNSET,
) -> MetricData | None:
    """Get a cluster metric's history

     Samples of one metric between two UTC times (both required). [D]

    Args:
        name (str):
        from_time (datetime.datetime):
        to_time (datetime.datetime):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MetricData
    """

    return sync_detailed(
        name=name,
        client=client,
        from_time=from_time,
        to_time=to_time,
        x_ms_as_user=x_ms_as_user,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    from_time: datetime.datetime,
    to_time: datetime.datetime,
    x_ms_as_user: str | Unset = UNSET,
) -> Response[MetricData]:
    """Get a cluster metric's history

     Samples of one metric between two UTC times (both required). [D]

    Args:
        name (str):
        from_time (datetime.datetime):
        to_time (datetime.datetime):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MetricData]
    """

    kwargs = _get_kwargs(
        name=name,
        from_time=from_time,
        to_time=to_time,
        x_ms_as_user=x_ms_as_user,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    from_time: datetime.datetime,
    to_time: datetime.datetime,
    x_ms_as_user: str | Unset = UNSET,
) -> MetricData | None:
    """Get a cluster metric's history

     Samples of one metric between two UTC times (both required). [D]

    Args:
        name (str):
        from_time (datetime.datetime):
        to_time (datetime.datetime):
        x_ms_as_user (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MetricData
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            from_time=from_time,
            to_time=to_time,
            x_ms_as_user=x_ms_as_user,
        )
    ).parsed
