"""`timeout=` bounds a whole call, not each socket read (FOUND.md, client hardening #2).

A raw socket server drips a valid answer one byte at a time, each byte well within the
per-read timeout; the call must end with `HpcTimeout` before the answer is complete. The
assertions count bytes and requests; every wait is bounded (a thread join), so the old code
fails instead of hanging.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hpcpack import AsyncHpcClient, HpcClient, HpcTimeout, ServerError, xmlcodec

from .loopback import Drip, Scripted, http_message

pytestmark = pytest.mark.timeout(90)

XML = {"Content-Type": "application/xml; charset=utf-8"}
JOB = xmlcodec.encode(
    "ArrayOfProperty", [{"Name": "Id", "Value": "1"}, {"Name": "Name", "Value": "x" * 200}]
)
ANSWER = http_message(200, XML, JOB)
HEAD = len(ANSWER) - len(JOB)


def bounded(call: Callable[[], Any], wait: float = 60) -> Any:
    """`call()` in a thread, waited for at most `wait` s: its result or the exception."""
    box: list[Any] = []

    def run() -> None:
        try:
            box.append(call())
        except BaseException as exc:
            box.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(wait)
    assert box, "the call did not end"
    return box[0]


@pytest.mark.parametrize("burst", [0, HEAD], ids=["dripped-head", "dripped-body"])
def test_a_dripping_answer_ends_at_the_call_deadline(burst: int) -> None:
    drip = Drip(ANSWER, interval=0.05, burst=burst)  # each byte far inside the 1 s read timeout
    with drip.run() as url, HpcClient(url, timeout=1.0, retries=0) as hpc:
        outcome = bounded(lambda: hpc.jobs.get(1))
    assert isinstance(outcome, HpcTimeout), outcome
    assert drip.sent < len(ANSWER)  # the client stopped reading before the end
    assert drip.connections == 1


def test_async_dripping_answer_ends_at_the_call_deadline() -> None:
    drip = Drip(ANSWER, interval=0.05, burst=HEAD)

    async def main(url: str) -> Any:
        async with AsyncHpcClient(url, timeout=1.0, retries=0) as hpc:
            try:
                return await hpc.jobs.get(1)
            except Exception as exc:
                return exc

    with drip.run() as url:
        outcome = bounded(lambda: asyncio.run(main(url)))
    assert isinstance(outcome, HpcTimeout), outcome
    assert drip.sent < len(ANSWER)


def test_retries_and_their_backoff_are_inside_the_deadline() -> None:
    """503 with Retry-After: 1 s each time, 3 retries allowed, a 1.5 s call: at most the
    retries that fit are made, then `HpcTimeout` (the old code made all 4 requests and
    raised the 503)."""
    server = Scripted(lambda path: (503, {"Retry-After": "1", **XML}, b""))
    with server.run() as url, HpcClient(url, timeout=1.5, retries=3) as hpc:
        outcome = bounded(lambda: hpc.jobs.get(1))
    assert isinstance(outcome, HpcTimeout), outcome
    assert not isinstance(outcome, ServerError)
    assert len(server.paths) == 2


def test_a_raw_stream_is_not_cut_by_the_deadline_unless_it_asks() -> None:
    """SOA reply streams (`hpc.raw`) are read by their own bounded reader: the call deadline
    covers only their answer's head; `hpc.deadline` opts a raw body in."""
    body = b"y" * 40
    answer = http_message(200, {"Content-Type": "application/octet-stream"}, body)
    head = len(answer) - len(body)

    def read(hpc: HpcClient, extensions: dict[str, Any]) -> Any:
        with hpc.http.stream("GET", "/stream", extensions={"hpc.raw": True, **extensions}) as r:
            return r.read()

    # a fresh server and client for each read: a connection the first answer's server closed
    # must not be picked up again by the second request (RemoteProtocolError, not the subject)
    drip = Drip(answer, interval=0.05, burst=head)  # 2 s of body, twice the timeout
    with drip.run() as url, HpcClient(url, timeout=1.0, retries=0) as hpc:
        assert bounded(lambda: read(hpc, {})) == body
    drip = Drip(answer, interval=0.05, burst=head)
    with drip.run() as url, HpcClient(url, timeout=1.0, retries=0) as hpc:
        outcome = bounded(lambda: read(hpc, {"hpc.deadline": True}))
    assert isinstance(outcome, HpcTimeout), outcome


def test_a_per_request_deadline_can_be_switched_off() -> None:
    drip = Drip(ANSWER, interval=0.005, burst=HEAD)
    with drip.run() as url, HpcClient(url, timeout=0.5, retries=0) as hpc:
        request = {"method": "GET", "url": "/Job/1", "extensions": {"hpc.deadline": None}}
        outcome = bounded(lambda: hpc.http.request(**request))
    assert isinstance(outcome, httpx.Response) and outcome.status_code == 200
    assert drip.sent == len(ANSWER)


def test_a_caller_supplied_transport_is_bounded_between_chunks() -> None:
    """With `transport=` (no socket of ours to clip), the body is checked between chunks."""
    pulled: list[int] = []

    class Slow(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            for i in range(len(JOB)):
                pulled.append(i)
                time.sleep(0.01)
                yield JOB[i : i + 1]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=XML, stream=Slow())

    transport = httpx.MockTransport(handler)
    with HpcClient("https://head.example", transport=transport, timeout=0.3) as hpc:
        outcome = bounded(lambda: hpc.jobs.get(1))
    assert isinstance(outcome, HpcTimeout), outcome
    assert len(pulled) < len(JOB)
