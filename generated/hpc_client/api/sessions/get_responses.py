from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    session_id: int,
    batch_name: str,
    *,
    genericservice: bool | Unset = UNSET,
    count: int | Unset = UNSET,
    action: str | Unset = UNSET,
    reset: bool | Unset = UNSET,
    clientdata: str | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["api-version"] = api_version

    params: dict[str, Any] = {}

    params["genericservice"] = genericservice

    params["count"] = count

    params["action"] = action

    params["reset"] = reset

    params["clientdata"] = clientdata

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Session/{session_id}/batch/{batch_name}/Response".format(
            session_id=quote(str(session_id), safe=""),
            batch_name=quote(str(batch_name), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: int,
    batch_name: str,
    *,
    client: AuthenticatedClient | Client,
    genericservice: bool | Unset = UNSET,
    count: int | Unset = UNSET,
    action: str | Unset = UNSET,
    reset: bool | Unset = UNSET,
    clientdata: str | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> Response[File]:
    """Get Responses

     Streams the batch's responses (chunked): a message array of SOAP envelopes ending with an
    `EndOfResponses` envelope (action `http://hpc.microsoft.com/EndOfGetResponse`), or for a
    generic service `action U+FFFF output U+FFFF userdata U+0000 ...` ending with
    `http://hpc.microsoft.com/EndOfGetResponse U+FFFF count U+FFFF reason U+0000`.
    `clientdata` is undocumented; Microsoft's client always sends it. [D]/[C]
    When a response counts as returned is not documented: the emulator counts a stream's
    responses only once its whole body, EndOfResponses included, went to a connection that
    was still open, so a stream cut anywhere re-delivers all of them; after an interruption
    a client re-reads with `reset=true` and skips what it has. [I]

    Args:
        session_id (int):
        batch_name (str):
        genericservice (bool | Unset):
        count (int | Unset):
        action (str | Unset):
        reset (bool | Unset):
        clientdata (str | Unset):
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
        Response[File]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        batch_name=batch_name,
        genericservice=genericservice,
        count=count,
        action=action,
        reset=reset,
        clientdata=clientdata,
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: int,
    batch_name: str,
    *,
    client: AuthenticatedClient | Client,
    genericservice: bool | Unset = UNSET,
    count: int | Unset = UNSET,
    action: str | Unset = UNSET,
    reset: bool | Unset = UNSET,
    clientdata: str | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> File | None:
    """Get Responses

     Streams the batch's responses (chunked): a message array of SOAP envelopes ending with an
    `EndOfResponses` envelope (action `http://hpc.microsoft.com/EndOfGetResponse`), or for a
    generic service `action U+FFFF output U+FFFF userdata U+0000 ...` ending with
    `http://hpc.microsoft.com/EndOfGetResponse U+FFFF count U+FFFF reason U+0000`.
    `clientdata` is undocumented; Microsoft's client always sends it. [D]/[C]
    When a response counts as returned is not documented: the emulator counts a stream's
    responses only once its whole body, EndOfResponses included, went to a connection that
    was still open, so a stream cut anywhere re-delivers all of them; after an interruption
    a client re-reads with `reset=true` and skips what it has. [I]

    Args:
        session_id (int):
        batch_name (str):
        genericservice (bool | Unset):
        count (int | Unset):
        action (str | Unset):
        reset (bool | Unset):
        clientdata (str | Unset):
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
        File
    """

    return sync_detailed(
        session_id=session_id,
        batch_name=batch_name,
        client=client,
        genericservice=genericservice,
        count=count,
        action=action,
        reset=reset,
        clientdata=clientdata,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    session_id: int,
    batch_name: str,
    *,
    client: AuthenticatedClient | Client,
    genericservice: bool | Unset = UNSET,
    count: int | Unset = UNSET,
    action: str | Unset = UNSET,
    reset: bool | Unset = UNSET,
    clientdata: str | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> Response[File]:
    """Get Responses

     Streams the batch's responses (chunked): a message array of SOAP envelopes ending with an
    `EndOfResponses` envelope (action `http://hpc.microsoft.com/EndOfGetResponse`), or for a
    generic service `action U+FFFF output U+FFFF userdata U+0000 ...` ending with
    `http://hpc.microsoft.com/EndOfGetResponse U+FFFF count U+FFFF reason U+0000`.
    `clientdata` is undocumented; Microsoft's client always sends it. [D]/[C]
    When a response counts as returned is not documented: the emulator counts a stream's
    responses only once its whole body, EndOfResponses included, went to a connection that
    was still open, so a stream cut anywhere re-delivers all of them; after an interruption
    a client re-reads with `reset=true` and skips what it has. [I]

    Args:
        session_id (int):
        batch_name (str):
        genericservice (bool | Unset):
        count (int | Unset):
        action (str | Unset):
        reset (bool | Unset):
        clientdata (str | Unset):
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
        Response[File]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        batch_name=batch_name,
        genericservice=genericservice,
        count=count,
        action=action,
        reset=reset,
        clientdata=clientdata,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: int,
    batch_name: str,
    *,
    client: AuthenticatedClient | Client,
    genericservice: bool | Unset = UNSET,
    count: int | Unset = UNSET,
    action: str | Unset = UNSET,
    reset: bool | Unset = UNSET,
    clientdata: str | Unset = UNSET,
    api_version: str | Unset = UNSET,
) -> File | None:
    """Get Responses

     Streams the batch's responses (chunked): a message array of SOAP envelopes ending with an
    `EndOfResponses` envelope (action `http://hpc.microsoft.com/EndOfGetResponse`), or for a
    generic service `action U+FFFF output U+FFFF userdata U+0000 ...` ending with
    `http://hpc.microsoft.com/EndOfGetResponse U+FFFF count U+FFFF reason U+0000`.
    `clientdata` is undocumented; Microsoft's client always sends it. [D]/[C]
    When a response counts as returned is not documented: the emulator counts a stream's
    responses only once its whole body, EndOfResponses included, went to a connection that
    was still open, so a stream cut anywhere re-delivers all of them; after an interruption
    a client re-reads with `reset=true` and skips what it has. [I]

    Args:
        session_id (int):
        batch_name (str):
        genericservice (bool | Unset):
        count (int | Unset):
        action (str | Unset):
        reset (bool | Unset):
        clientdata (str | Unset):
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
        File
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            batch_name=batch_name,
            client=client,
            genericservice=genericservice,
            count=count,
            action=action,
            reset=reset,
            clientdata=clientdata,
            api_version=api_version,
        )
    ).parsed
