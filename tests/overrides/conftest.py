"""MockTransport helpers: every request the client puts on the wire is recorded, and the
answers come from a per-test handler."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from xml.sax.saxutils import escape

import httpx
import pytest
from hpcpack import AsyncHpcClient, HpcClient

BASE = "https://head.example"
NS_COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
NS_SER = "http://schemas.microsoft.com/2003/10/Serialization/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "application/xml; charset=utf-8"
JSON = "application/json; charset=utf-8"
_CR = {"\r": "&#xD;"}
Handler = Callable[[httpx.Request], httpx.Response]


def props_xml(pairs: list[tuple[str, str | None]]) -> bytes:
    """An ArrayOfProperty body as the service writes it."""
    items = "".join(
        f"<Property><Name>{n}</Name>"
        + ('<Value i:nil="true"/>' if v is None else f"<Value>{escape(v, _CR)}</Value>")
        + "</Property>"
        for n, v in pairs
    )
    return (
        f'<ArrayOfProperty xmlns="{NS_COMMON}" xmlns:i="{XSI}">{items}</ArrayOfProperty>'
    ).encode()


def objects_xml(rows: list[list[tuple[str, str | None]]]) -> bytes:
    """An ArrayOfObject body as the service writes it."""
    objs = "".join(
        "<Object><Properties>"
        + "".join(
            f"<Property><Name>{n}</Name><Value>{escape(v)}</Value></Property>" for n, v in row
        )
        + "</Properties></Object>"
        for row in rows
    )
    return f'<ArrayOfObject xmlns="{NS_COMMON}" xmlns:i="{XSI}">{objs}</ArrayOfObject>'.encode()


def scalar_xml(tag: str, text: str) -> bytes:
    return f'<{tag} xmlns="{NS_SER}">{text}</{tag}>'.encode()


def xml(body: bytes, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=body, headers={"Content-Type": XML, **headers})


def json_response(body: bytes, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=body, headers={"Content-Type": JSON, **headers})


class Wire:
    """Records requests; answers with `handler` (default: 200, empty body)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.handler: Handler = lambda request: httpx.Response(200)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.handler(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def answer(self, *responses: httpx.Response) -> None:
        """Answer the next requests with these responses, in order (the last one repeats)."""
        queue = list(responses)

        def handler(request: httpx.Request) -> httpx.Response:
            return queue.pop(0) if len(queue) > 1 else queue[0]

        self.handler = handler


@pytest.fixture
def wire() -> Wire:
    return Wire()


def make_client(wire: Wire, **options: Any) -> HpcClient:
    options.setdefault("username", "HPC\\alice")
    options.setdefault("password", "s3cret-pw")
    options.setdefault("retry_backoff", 0.0)
    return HpcClient(options.pop("url", BASE), transport=httpx.MockTransport(wire), **options)


def make_async_client(wire: Wire, **options: Any) -> AsyncHpcClient:
    options.setdefault("username", "HPC\\alice")
    options.setdefault("password", "s3cret-pw")
    options.setdefault("retry_backoff", 0.0)
    return AsyncHpcClient(options.pop("url", BASE), transport=httpx.MockTransport(wire), **options)


@pytest.fixture
def hpc(wire: Wire) -> Iterator[HpcClient]:
    with make_client(wire) as client:
        yield client


@pytest.fixture
def hpc_json(wire: Wire) -> Iterator[HpcClient]:
    with make_client(wire, format="json") as client:
        yield client
