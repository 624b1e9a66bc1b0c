"""Generic-service text format: input U+FFFF userdata U+0000 ... and the text end marker."""

from __future__ import annotations

import pytest
from hpc_emulator.faults import Fault
from hpc_emulator.soa.broker import Broker

from .conftest import collect, echo_session

END = "http://hpc.microsoft.com/EndOfGetResponse"
REPLY = "http://hpc.microsoft.com/GenericService/IGenericService/GenericOperationResponse"


def generic_body(*pairs: tuple[str, str]) -> bytes:
    return "".join(f"{i}\uffff{u}\x00" for i, u in pairs).encode()


async def test_generic_round_trip(broker: Broker) -> None:
    sid = await echo_session(broker)
    body = generic_body(("hello", "u1"), ("wörld <&>", ""), ("", "u3"))
    assert await broker.send(sid, "g", body, generic=True, commit=True) == 3
    text = await collect(broker.responses(sid, "g", generic=True))
    records = text.split("\x00")
    assert records[-1] == "" and records[-2] == f"{END}\uffff3\uffffSuccess"
    got = sorted(tuple(r.split("\uffff")) for r in records[:-2])
    assert got == sorted([(REPLY, "hello", "u1"), (REPLY, "wörld <&>", ""), (REPLY, "", "u3")])


async def test_generic_requests_read_as_soap(broker: Broker) -> None:
    sid = await echo_session(broker)
    await broker.send(sid, "g", generic_body(("a&b", "")), generic=True, commit=True)
    text = await collect(broker.responses(sid, "g", generic=False))
    assert "<GenericOperationResult>a&amp;b</GenericOperationResult>" in text


async def test_generic_refused_for_non_generic_service(broker: Broker) -> None:
    broker.registry.register("Plain", lambda op, body: "x", inline=True)
    info = await broker.create_session({"ServiceName": "Plain"}, False, "u")
    with pytest.raises(Fault) as e:
        await broker.send(info["Id"], "g", generic_body(("a", "")), generic=True)
    assert e.value.status == 400
    assert await broker.status(info["Id"], "g") == 0


@pytest.mark.parametrize(
    "body",
    [
        "a\uffffu\x00b\uffffu".encode(),  # truncated: no final U+0000
        b"a\x00",  # no U+FFFF
        "a\uffffb\uffffc\x00".encode(),  # two separators
        b"\xff\xfe\x00",  # not UTF-8
        ("a\uffff" + "u" * 1025 + "\x00").encode(),  # user data too long
    ],
)
async def test_generic_malformed_stores_nothing(broker: Broker, body: bytes) -> None:
    sid = await echo_session(broker)
    with pytest.raises(Fault) as e:
        await broker.send(sid, "g", body, generic=True)
    assert e.value.status == 400
    assert await broker.status(sid, "g") == 0
