"""Every non-success answer becomes one typed exception, whatever its body looks like, and no
exception or log line ever carries a credential."""

from __future__ import annotations

import logging

import httpx
import pytest
from hpcpack import (
    AccessDenied,
    ApiVersionIncorrect,
    ArgumentError,
    BadRequest,
    Conflict,
    Forbidden,
    HpcClient,
    HpcError,
    HpcFault,
    NotFound,
    ServerError,
    Unauthorized,
    UnknownError,
)

from .conftest import NS_COMMON, XSI, Wire, make_client

GENERIC = "http://schemas.datacontract.org/2004/07/System.Collections.Generic"


def fault_xml(code: int, message: str, values: dict[str, str | None] | None = None) -> bytes:
    if values is None:
        vals = f'<Values i:nil="true" xmlns:a="{GENERIC}"/>'
    else:
        vals = (
            f'<Values xmlns:a="{GENERIC}">'
            + "".join(
                f"<a:KeyValuePairOfstringstring><a:key>{k}</a:key>"
                + ('<a:value i:nil="true"/>' if v is None else f"<a:value>{v}</a:value>")
                + "</a:KeyValuePairOfstringstring>"
                for k, v in values.items()
            )
            + "</Values>"
        )
    return (
        f'<HpcWebServiceFault xmlns="{NS_COMMON}" xmlns:i="{XSI}"><Code>{code}</Code>'
        f"<Message>{message}</Message>{vals}</HpcWebServiceFault>"
    ).encode()


def sp2_fault(message: str) -> bytes:
    return (
        f'<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">{message}</string>'
    ).encode()


def respond(wire: Wire, status: int, body: bytes, content_type: str = "application/xml") -> None:
    wire.answer(httpx.Response(status, content=body, headers={"Content-Type": content_type}))


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (400, 251723775, ArgumentError),
        (400, 50331700, ApiVersionIncorrect),
        (400, 1, BadRequest),
        (401, 50331701, Unauthorized),
        (403, 50331701, AccessDenied),
        (403, 2, Forbidden),
        (404, 267386880, NotFound),
        (409, -2147220984, Conflict),
        (500, 251658240, UnknownError),
        (500, 3, ServerError),
        (503, 4, ServerError),
        (418, 5, HpcFault),
    ],
)
def test_status_and_code_choose_the_class(
    wire: Wire, hpc: HpcClient, status: int, code: int, cls: type[HpcFault]
) -> None:
    respond(wire, status, fault_xml(code, "Jobs in the Canceled state cannot be canceled."))
    with pytest.raises(cls) as info:
        hpc.jobs.cancel(3)
    fault = info.value
    assert type(fault) is cls
    assert (fault.status, fault.code) == (status, code)
    assert fault.message == "Jobs in the Canceled state cannot be canceled."
    assert fault.values == {}
    assert (fault.method, fault.url) == ("POST", "https://head.example/WindowsHpc/Job/3/Cancel")
    assert isinstance(fault, HpcError)


def test_code_that_contradicts_the_status_keeps_the_status_class(
    wire: Wire, hpc: HpcClient
) -> None:
    respond(wire, 404, fault_xml(50331700, "odd"))  # api-version code on a 404
    with pytest.raises(NotFound) as info:
        hpc.jobs.get(1)
    assert not isinstance(info.value, ApiVersionIncorrect)
    assert info.value.code == 50331700


def test_values_fill_positional_placeholders(wire: Wire, hpc: HpcClient) -> None:
    respond(
        wire,
        404,
        fault_xml(267386880, "Job {0} of {1} not found {2} {9}", {"a": "7", "b": "bob", "c": None}),
    )
    with pytest.raises(NotFound) as info:
        hpc.jobs.get(7)
    assert info.value.message == "Job 7 of bob not found  {9}"
    assert info.value.values == {"a": "7", "b": "bob", "c": None}


def test_sp2_string_fault(wire: Wire, hpc: HpcClient) -> None:
    respond(wire, 400, sp2_fault("The job 99 was not found."))
    with pytest.raises(BadRequest) as info:
        hpc.jobs.get(99)
    assert info.value.code is None
    assert info.value.message == "The job 99 was not found."


def test_json_fault(wire: Wire) -> None:
    wire.answer(
        httpx.Response(
            400,
            json={
                "Code": 50331700,
                "Message": "api-version {0} is wrong",
                "Values": [{"Key": "v", "Value": "1999"}],
            },
        )
    )
    with make_client(wire, format="json") as hpc, pytest.raises(ApiVersionIncorrect) as info:
        hpc.nodes.groups()
    assert info.value.message == "api-version 1999 is wrong"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"", "application/xml"),
        (b"", ""),
        (b"<html><body>Bad Gateway</body></html>", "text/html"),
        (b"Service Unavailable", "text/plain"),
        (b"<HpcWebServiceFault", "application/xml"),  # truncated
        (b"\xff\xfe\x00<", "application/xml"),
        (b"{not json", "application/json"),
        (b'<other xmlns="urn:x">x</other>', "application/xml"),
    ],
)
def test_unreadable_or_empty_bodies_still_give_the_status_fault(
    wire: Wire, hpc: HpcClient, body: bytes, content_type: str
) -> None:
    respond(wire, 404, body, content_type)
    with pytest.raises(NotFound) as info:
        hpc.jobs.get(1)
    assert info.value.status == 404
    assert info.value.code is None
    assert info.value.message  # reason phrase or a description, never empty


def test_401_challenge_is_unauthorized(wire: Wire, hpc: HpcClient) -> None:
    wire.answer(
        httpx.Response(401, headers={"WWW-Authenticate": 'Basic realm="WindowsHpc"'}, content=b"")
    )
    with pytest.raises(Unauthorized):
        hpc.cluster.version()


def test_no_secret_in_exceptions_reprs_or_logs(
    wire: Wire, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "s3cret-pw"
    respond(wire, 503, fault_xml(1, "down"))
    with (
        make_client(
            wire, url=f"https://HPC%5Calice:{secret}@head.example", username=None, password=None
        ) as hpc,
        pytest.raises(ServerError) as info,
    ):
        assert secret not in repr(hpc)
        hpc.jobs.get(1)  # retried 3 times (logged), then raised
    # credentials from the URL were used as Basic credentials, not left in the URL
    assert wire.last.headers["authorization"].startswith("Basic ")
    assert wire.last.url.userinfo == b""
    assert len(wire.requests) == 4
    text = str(info.value) + repr(info.value) + (info.value.url or "")
    assert secret not in text
    assert "alice" not in (info.value.url or "")
    assert secret not in caplog.text
    assert "Basic " not in caplog.text and "retrying" in caplog.text


def test_fault_message_is_bounded(wire: Wire, hpc: HpcClient) -> None:
    respond(wire, 500, fault_xml(1, "x" * 100_000))
    with pytest.raises(ServerError) as info:
        hpc.with_api_version("2012-11-01").jobs.cancel(1)
    assert len(info.value.message) <= 4096


@pytest.mark.parametrize("status", [301, 302, 304, 307])
def test_redirects_are_faults_not_silent_successes(wire: Wire, hpc: HpcClient, status: int) -> None:
    wire.answer(httpx.Response(status, headers={"Location": "https://login.example/"}))
    with pytest.raises(HpcFault) as info:
        hpc.jobs.set(1, name="x")  # an operation without an answer body
    assert info.value.status == status
    assert len(wire.requests) == 1
