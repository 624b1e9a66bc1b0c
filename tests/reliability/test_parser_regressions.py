"""Concrete inputs the property tests and the fuzzer found (see FOUND.md): each must end in a
typed `hpcpack` error, never an escaped `RecursionError`/`AttributeError`/`TypeError`."""

from __future__ import annotations

import datetime

import httpx
import pytest
from hpcpack import HpcClient, Job, errors, hooks, transport, xmlcodec

pytestmark = pytest.mark.timeout(60)

_FAULT = (
    '<HpcWebServiceFault xmlns="http://schemas.microsoft.com/HPCS2008R2/common" '
    'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Code>267386880</Code>'
    "<Message>{message}</Message>"
    '<Values xmlns:a="http://schemas.datacontract.org/2004/07/System.Collections.Generic">'
    "<a:KeyValuePairOfstringstring><a:key>k</a:key>{value}</a:KeyValuePairOfstringstring>"
    "</Values></HpcWebServiceFault>"
)


def _response(status: int, content_type: str, body: bytes) -> httpx.Response:
    request = httpx.Request("GET", "http://head.example/WindowsHpc/Job/1")
    return httpx.Response(
        status, headers={"content-type": content_type}, content=body, request=request
    )


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("{0.foo}", "<a:value>v</a:value>"),  # AttributeError from str.format
        ("{0:d}", '<a:value i:nil="true"/>'),  # TypeError: None.__format__('d')
        ("{0[x]}", "<a:value>v</a:value>"),  # TypeError: string indices must be integers
        ("{0:>200000}", "<a:value>v</a:value>"),  # a server-sized string (1 GB with 999999999)
    ],
)
def test_fault_message_is_not_a_format_string(message: str, value: str) -> None:
    body = _FAULT.format(message=xmlcodec.escape_text(message), value=value).encode()
    fault = hooks.fault_from_response(_response(404, "application/xml", body))
    assert isinstance(fault, errors.NotFound)
    assert len(fault.message) < 10_000


def test_fault_message_placeholders_still_substituted() -> None:
    body = _FAULT.format(message="Job {0} not found", value="<a:value>7</a:value>").encode()
    fault = hooks.fault_from_response(_response(404, "application/xml", body))
    assert fault.message == "Job 7 not found"


@pytest.mark.parametrize("depth", [10, 100_000])
def test_deep_json_success_body_is_malformed_not_recursion(depth: int) -> None:
    body = b"[" * depth
    with pytest.raises(errors.MalformedResponse):
        transport.decode_body(_response(200, "application/json", body), body)


def test_deep_json_fault_body_still_gives_the_fault() -> None:
    body = b'{"Code": 1, "Message": ' + b"[" * 100_000 + b"}"
    fault = hooks.fault_from_response(_response(404, "application/json", body))
    assert isinstance(fault, errors.NotFound)


@pytest.mark.parametrize(
    "ids",
    [(b"1", b"x2"), (b"x1", b"2"), (b"1", b"")],
)
def test_list_row_key_that_is_not_a_number_is_typed(ids: tuple[bytes, bytes]) -> None:
    """FOUND.md #5: the paging iterator orders rows by key; a non-numeric Id from the server
    must not escape as `TypeError` comparing str and int."""
    rows = b",".join(b'{"Properties":[{"Name":"Id","Value":"%s"}]}' % i for i in ids)
    transport = httpx.MockTransport(
        lambda request: httpx.Response(
            200, headers={"content-type": "application/json"}, content=b"[" + rows + b"]"
        )
    )
    with HpcClient("http://head.example", transport=transport) as hpc:
        try:
            jobs = list(hpc.jobs.list())
        except errors.HpcError:
            return
    assert len(jobs) == 2


@pytest.mark.parametrize("values", [b"5", b"true", b"1.5"])
def test_json_fault_with_scalar_values_is_still_the_fault(values: bytes) -> None:
    """FOUND.md #6: `Values` that is not a list must not escape as `TypeError`."""
    body = b'{"Code": 267386880, "Message": "m", "Values": ' + values + b"}"
    fault = hooks.fault_from_response(_response(404, "application/json", body))
    assert isinstance(fault, errors.NotFound)


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_lone_surrogate_in_a_request_value_is_typed_and_nothing_is_sent(fmt: str) -> None:
    """FOUND.md #7: a lone surrogate cannot be encoded as UTF-8; it must be refused with a
    typed error before sending, not escape as `UnicodeEncodeError` from httpx."""
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=7)

    with HpcClient("http://head.example", transport=httpx.MockTransport(handle), format=fmt) as hpc:
        with pytest.raises(errors.HpcError):
            hpc.jobs.create(Job(name="a\ud800b"))
        with pytest.raises(errors.HpcError):
            hpc.jobs.set_env_variables(7, {"K": "\udfff"})
    assert sent == []


def test_aware_datetimes_for_different_instants_are_not_sent_the_same() -> None:
    """FOUND.md #8: the en-US rendering drops the UTC offset, so 12:00+05:00 and 12:00Z (five
    hours apart) reach the server as the same `1/1/2026 12:00:00 PM`. Either convert aware
    values (e.g. to local time) or refuse them; never send a different instant."""
    sent: list[bytes] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request.read())
        return httpx.Response(200, json=7)

    plus5 = datetime.timezone(datetime.timedelta(hours=5))
    instants = [
        datetime.datetime(2026, 1, 1, 12, 0, tzinfo=plus5),
        datetime.datetime(2026, 1, 1, 12, 0, tzinfo=datetime.UTC),
    ]
    assert instants[0] != instants[1]
    with HpcClient("http://head.example", transport=httpx.MockTransport(handle)) as hpc:
        for when in instants:
            try:
                hpc.jobs.create(Job(name="hold", hold_until=when))
            except (ValueError, TypeError):  # refusing aware values is fine too
                return
    assert sent[0] != sent[1]


@pytest.mark.parametrize(
    ("root", "value"),
    [("ArrayOfProperty", [0]), ("ArrayOfProperty", ["Name"]), ("ArrayOfProperty", "NameValue")],
)
def test_writer_refuses_a_value_of_the_wrong_container_with_the_typed_error(
    root: str, value: object
) -> None:
    """FOUND.md #9: an item that is not a record, or a string for a list, is refused."""
    with pytest.raises(errors.XmlCharacterError, match=r"cannot write (int|str) as XML"):
        xmlcodec.encode(root, value)
