"""The client's SOA hot path, by counts and by equivalence (never by time).

* replies of the common shape (`soafast`): Python calls per reply, and the same replies (or the
  same typed error) as the general parser on generated and adversarial streams;
* request bodies: the same bytes as one `build_envelope` per request;
* httpx URL parses per batch, and anyio checkpoints per async batch.
"""

from __future__ import annotations

import itertools
import random
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from types import FrameType
from typing import Any

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import AsyncHpcClient, HpcClient, errors, soa, soaparse

from .test_client_cpu import end, python_calls, reply, stream

pytestmark = pytest.mark.timeout(120)

S = "http://www.w3.org/2003/05/soap-envelope"
A = "http://www.w3.org/2005/08/addressing"
H = "http://www.microsoft.com/hpc"
OPEN = f'<s:Envelope xmlns:s="{S}" xmlns:a="{A}">'


def _replies(data: bytes, step: int, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    """What the parser makes of `data` fed in `step`-byte chunks: (replies, end) or the error
    type; with `fast=False` the soafast path is switched off (the general parser alone)."""
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(soaparse, "fast_parts", lambda *args: None)
        parser = soa.EnvelopeParser()
        got = []
        try:
            for i in range(0, len(data), step):
                got += parser.feed(data[i : i + step])
            done = parser.finish()
        except errors.HpcError as exc:
            return type(exc).__name__
    return [
        (
            r.action,
            r.user_data,
            r.relates_to,
            r.value,
            r.fault,
            None if r.body is None else ET.tostring(r.body),
        )
        for r in got
    ], (done.count, done.reason)


def test_a_common_reply_costs_about_one_python_call() -> None:
    """The general parser made ~6 Python calls per reply (envelope_to_reply, three header
    lookups, the reply); the common shape is read by regular expressions and one C parse."""
    data = stream(*(reply(i) for i in range(100)), end(100))
    parser = soa.EnvelopeParser()
    out: list[soa.SoaResponse] = []
    calls = python_calls(lambda: out.extend(parser.feed(data)))
    assert [r.user_data for r in out] == [str(i) for i in range(100)] and parser.end is not None
    assert calls <= 100 * 2, calls


def _header(rng: random.Random, i: int) -> str:
    items = [
        '<a:Action s:mustUnderstand="1">http://tempuri.org/IService/EchoResponse</a:Action>',
        f"<a:RelatesTo>urn:uuid:{i}</a:RelatesTo>",
        '<a:To s:mustUnderstand="1">http://www.w3.org/2005/08/addressing/anonymous</a:To>',
        f'<HPCServer2008_Broker_UserDataNS xmlns="{H}">{i}</HPCServer2008_Broker_UserDataNS>',
        f'<HPCServer2008_Broker_ResponseCallbackId xmlns="{H}"></HPCServer2008_Broker_ResponseCallbackId>',
    ]
    odd = [
        lambda: rng.shuffle(items),
        lambda: items.pop(1),
        lambda: items.pop(3),
        lambda: items.append(items[3].replace(f">{i}<", ">dup<")),
        lambda: items.insert(1, items.pop(3)),
        lambda: items.__setitem__(3, items[3].replace(f">{i}<", f"> {i}&amp;x\u00e9 <")),
        lambda: items.__setitem__(1, items[1].replace("urn", "a&gt;b")),
        lambda: items.__setitem__(1, items[1].replace("urn", "a>b\r")),
        lambda: items.__setitem__(0, items[0].replace(' s:mustUnderstand="1"', "")),
        lambda: items.__setitem__(2, "<a:ReplyTo><a:Address>x</a:Address></a:ReplyTo>"),
        lambda: items.__setitem__(4, f'<HPCServer2008_Broker_ResponseCallbackId xmlns="{H}"/>'),
        lambda: items.__setitem__(2, "<a:To>x</a:From>"),  # malformed
        lambda: items.__setitem__(
            0,
            items[0].replace("EchoResponse", "http://hpc.microsoft.com/BrokerInstanceUnavailable"),
        ),
    ]
    if rng.random() < 0.3:
        rng.choice(odd)()
    return "".join(items)


def _body(rng: random.Random, i: int) -> str:
    bodies = [
        f'<EchoResponse xmlns="http://tempuri.org/"><EchoResult>m{i}</EchoResult></EchoResponse>',
        "<R><![CDATA[</s:Body></s:Envelope>]]></R>",
        "<R>a<!-- </s:Body></s:Envelope> -->b</R>",
        "<R><s:Envelope><s:Body>x</s:Body></s:Envelope></R>",
        "<R>hpcpack-body</R>",
        "<R>&lt;&amp;&#65;</R>",
        '<s:Fault><s:Reason><s:Text xml:lang="en">bad</s:Text></s:Reason></s:Fault>',
        "",
        "text only",
        "<R><x></R>",  # malformed
        "<R>&undefined;</R>",  # undeclared entity
    ]
    return bodies[0] if rng.random() < 0.6 else rng.choice(bodies)


def _stream(rng: random.Random) -> bytes:
    n = rng.randint(1, 12)
    parts = [
        f"{OPEN}<s:Header>{_header(rng, i)}</s:Header><s:Body>{_body(rng, i)}</s:Body></s:Envelope>"
        + (rng.choice([" ", "\n", ""]) if rng.random() < 0.1 else "")
        for i in range(n)
    ]
    parts.append(end(n))
    if rng.random() < 0.1:  # a comment spanning two envelopes: their bodies are one text
        k = rng.randrange(len(parts) - 1)
        parts[k] = parts[k].replace("</EchoResult>", "<!--</EchoResult>", 1)
        parts[k + 1] = parts[k + 1].replace("<EchoResult>", "--><EchoResult>", 1)
    return stream(*parts)


@pytest.mark.parametrize("seed", range(40))
def test_the_fast_path_reads_what_the_general_parser_reads(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    for _ in range(10):
        data = _stream(rng)
        step = rng.choice([7, 300, 4096, 1 << 20])
        general = _replies(data, step, False, monkeypatch)
        assert _replies(data, step, True, monkeypatch) == general, data


ADVERSARIAL = [
    # the comment swallows the first envelope's end and the second's header: one reply, not two
    stream(
        f"{OPEN}<s:Header>{_header(random.Random(0), 0)}</s:Header><s:Body><R>a<!--</R></s:Body>"
        "</s:Envelope>"
        f"{OPEN}<s:Header>{_header(random.Random(0), 1)}</s:Header><s:Body>--></R></s:Body>"
        "</s:Envelope>",
        end(1),
    ),
    # an end tag with a space: a second envelope (without header) the regex cannot see
    stream(
        f"{OPEN}<s:Header>{_header(random.Random(0), 0)}</s:Header><s:Body><R>a</R></s:Body>"
        f"</s:Envelope ><s:Envelope><s:Body><R>b</R></s:Body></s:Envelope>",
        end(2),
        root=f'<HPCServer2008_WebAPI_MessageArray xmlns:s="{S}" xmlns:a="{A}">',
    ),
    # two bodies whose holders a fragment tries to close and reopen
    stream(
        f"{OPEN}<s:Header>{_header(random.Random(0), 0)}</s:Header><s:Body><R>a</R>"
        "</hpcpack-body><hpcpack-body></s:Body></s:Envelope>",
        end(1),
    ),
]


@pytest.mark.parametrize("data", ADVERSARIAL)
def test_markup_that_would_fool_a_splitter_is_read_exactly(
    data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    for step in (5, 1 << 20):
        assert _replies(data, step, True, monkeypatch) == _replies(data, step, False, monkeypatch)


def test_request_bodies_are_one_build_envelope_per_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counter = itertools.count()
    monkeypatch.setattr(soa, "new_message_id", lambda: f"urn:uuid:id-{next(counter)}&")
    payloads: list[Any] = [
        {"message": "m"},
        {"message": "a<b & c>\r\n\t\"'"},
        {"a": 1, "b": True, "c": 2.5, "d": "é"},
        {},
        "<Raw>x</Raw>",
    ]
    got = soa.build_message_array("b&1", "Echo", payloads, start=3)
    counter = itertools.count()
    want = "".join(
        soa.build_envelope(
            "http://tempuri.org/IService/Echo",
            soa.body_xml("Echo", p),
            message_id=f"urn:uuid:id-{next(counter)}&",
            user_data=str(i),
            client_id="b&1",
        )
        for i, p in enumerate(payloads, 3)
    )
    assert got == f"<{soa.WRAPPER}>{want}</{soa.WRAPPER}>".encode()


def test_message_ids_are_distinct_version_4_uuids() -> None:
    import uuid

    body = soa.build_message_array("b", "Echo", [{"message": "x"}] * 500)
    ids = [e.text or "" for e in ET.fromstring(body).iter(f"{{{A}}}MessageID")]
    assert len(set(ids)) == 500
    for mid in ids:
        u = uuid.UUID(mid.removeprefix("urn:uuid:"))
        assert mid.startswith("urn:uuid:") and u.version == 4 and u.variant == uuid.RFC_4122


def _count_calls(fn: Callable[[], object], name: str, where: str) -> int:
    count = 0

    def prof(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event == "call" and frame.f_code.co_name == name and where in frame.f_code.co_filename:
            count += 1

    sys.setprofile(prof)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def test_a_batch_costs_one_url_parse_per_request(hpc_emulator: RunningEmulator) -> None:
    """A relative URL plus `params=` cost httpx three URL parses per request (each a Python
    loop over the URL's characters)."""
    with HpcClient(hpc_emulator.url, timeout=30) as hpc, hpc.sessions.create("EchoService") as s:
        list(s.call_many("Echo", [{"message": "warm"}]))
        payloads = [{"message": f"m{i}"} for i in range(20)]
        got: list[soa.SoaResponse] = []
        parses = _count_calls(
            lambda: got.extend(s.call_many("Echo", payloads)), "urlparse", "httpx"
        )
    assert len(got) == 20
    assert parses <= 2, parses  # Send Requests and Get Responses


async def test_an_async_batch_does_not_yield_to_the_loop_for_free_locks(
    hpc_emulator: RunningEmulator,
) -> None:
    """httpcore's connection locks are anyio locks that yield to the event loop even when
    free (three per request); the client's connections use `fast_acquire` locks."""
    import asyncio

    async with AsyncHpcClient(hpc_emulator.url, timeout=30) as hpc:
        s = await hpc.sessions.create("EchoService")
        [r async for r in s.call_many("Echo", [{"message": "warm"}])]
        checkpoints = 0

        def prof(frame: FrameType, event: str, arg: Any) -> None:
            nonlocal checkpoints
            code = frame.f_code
            if event == "call" and code.co_name == "cancel_shielded_checkpoint":
                checkpoints += "anyio" in code.co_filename

        async def batch() -> list[soa.SoaResponse]:
            return [r async for r in s.call_many("Echo", [{"message": "x"}] * 5)]

        sys.setprofile(prof)
        try:
            got = await asyncio.wait_for(batch(), 60)
        finally:
            sys.setprofile(None)
        await s.close()
    assert len(got) == 5
    assert checkpoints == 0, checkpoints


def test_fast_locks_leave_a_supplied_transport_alone() -> None:
    """Only the client's own network transport gets the locks (a caller's stays as given)."""
    transport = httpx.AsyncHTTPTransport()
    before = transport._pool.create_connection  # type: ignore[attr-defined]
    AsyncHpcClient("http://127.0.0.1:9", transport=transport, allow_insecure_basic=True)
    assert transport._pool.create_connection == before  # type: ignore[attr-defined]
