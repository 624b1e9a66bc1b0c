"""Echo round trips through the broker: streaming, count/reset/action, the envelope shape."""

from __future__ import annotations

import asyncio
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

from hpc_emulator.soa.broker import Broker

from .conftest import A, S, array, collect, echo_batch, echo_session, end_of, envelope, results

HPC = "http://www.microsoft.com/hpc"


async def test_create_session_defaults_and_attach(broker: Broker) -> None:
    info = await broker.create_session({"ServiceName": "EchoService"}, False, "HPC\\alice")
    assert info == {
        "BrokerNode": "localhost",
        "Id": 1,
        "IsDurable": False,
        "MaxMessageSize": 65536,
        "ServiceOperationTimeout": 86400000,
        "ServiceVersion": None,
    }
    assert await broker.attach(1, False) == info
    assert broker.owner_of(1) == "HPC\\alice"


async def test_1000_requests_count_and_reset(broker: Broker) -> None:
    sid = await echo_session(broker, durable=True)
    assert await broker.send(sid, "b", echo_batch(1000), generic=False, commit=True) == 1000
    first = await collect(broker.responses(sid, "b", generic=False, count=300))
    assert len(results(first)) == 300 and end_of(first) == (300, "Success")
    rest = await collect(broker.responses(sid, "b", generic=False))
    assert len(results(rest)) == 700 and end_of(rest) == (700, "Success")
    assert sorted(results(first) + results(rest)) == sorted(f"m{i}" for i in range(1000))
    # durable: reset=True replays everything, nothing was deleted
    again = await collect(broker.responses(sid, "b", generic=False, reset=True))
    assert len(results(again)) == 1000
    # nothing left after the cursor
    empty = await collect(broker.responses(sid, "b", generic=False))
    assert results(empty) == [] and end_of(empty) == (0, "Success")


async def test_response_envelope_shape(broker: Broker) -> None:
    sid = await echo_session(broker)
    body = array(envelope("a&lt;&amp;&gt;b", mid="urn:uuid:42", user_data="ud&amp;1"))
    await broker.send(sid, "b", body, generic=False, commit=True)
    text = await collect(broker.responses(sid, "b", generic=False, clientdata="cb<1>"))
    root = ET.fromstring(text)
    assert root.tag == "HPCServer2008_WebAPI_MessageArray" and len(root) == 2
    resp, end = root
    h = resp.find(f"{{{S}}}Header")
    assert h is not None
    assert h.findtext(f"{{{A}}}Action") == "http://tempuri.org/IService/EchoResponse"
    assert h.findtext(f"{{{A}}}RelatesTo") == "urn:uuid:42"
    assert h.findtext(f"{{{A}}}To") == "http://www.w3.org/2005/08/addressing/anonymous"
    assert (
        h.findtext(f"{{{HPC}}}HPCServer2008_Broker_RequestActionNS")
        == "http://tempuri.org/IService/Echo"
    )
    assert h.findtext(f"{{{HPC}}}HPCServer2008_Broker_UserDataNS") == "ud&1"
    assert h.findtext(f"{{{HPC}}}HPCServer2008_Broker_ResponseCallbackId") == "cb<1>"
    result = resp.find(
        f"{{{S}}}Body/{{http://tempuri.org/}}EchoResponse/{{http://tempuri.org/}}EchoResult"
    )
    assert result is not None and result.text == "a<&>b"
    eh = end.find(f"{{{S}}}Header")
    assert (
        eh is not None
        and eh.findtext(f"{{{A}}}Action") == "http://hpc.microsoft.com/EndOfGetResponse"
    )
    eor = end.find(f"{{{S}}}Body/{{http://tempuri.org/}}EndOfResponses")
    assert eor is not None
    assert eor.findtext("{http://tempuri.org/}Count") == "1"
    assert eor.findtext("{http://tempuri.org/}Reason") == "Success"


async def test_hpcpack_header_spelling_and_any_wrapper(broker: Broker) -> None:
    sid = await echo_session(broker)
    body = array(envelope("x", user_data="pack", prefix="HPCPack2008"), wrapper="Whatever")
    await broker.send(sid, "b", body, generic=False, commit=True)
    text = await collect(broker.responses(sid, "b", generic=False))
    assert ">pack</HPCServer2008_Broker_UserDataNS>" in text and results(text) == ["x"]


async def test_interactive_deletes_returned_on_continue(broker: Broker, db: Path) -> None:
    sid = await echo_session(broker, durable=False)
    await broker.send(sid, "b", echo_batch(10), generic=False, commit=True)
    first = await collect(broker.responses(sid, "b", generic=False, count=4))
    assert len(results(first)) == 4
    # reset=True keeps them: all 10 come back
    assert (
        len(results(await collect(broker.responses(sid, "b", generic=False, count=10, reset=True))))
        == 10
    )
    # continue (reset=False) deletes the 10 returned ones; nothing remains
    rest = await collect(broker.responses(sid, "b", generic=False))
    assert end_of(rest) == (0, "Success")
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM soa_messages").fetchone()[0] == 0


async def test_durable_keeps_returned(broker: Broker, db: Path) -> None:
    sid = await echo_session(broker, durable=True)
    await broker.send(sid, "b", echo_batch(10), generic=False, commit=True)
    await collect(broker.responses(sid, "b", generic=False))
    await collect(broker.responses(sid, "b", generic=False))
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM soa_messages").fetchone()[0] == 10


async def test_action_filter(broker: Broker) -> None:
    sid = await echo_session(broker)
    body = array(
        envelope("e1"),
        envelope("faultmsg", action="http://tempuri.org/IService/EchoFault", op="EchoFault"),
    )
    await broker.send(sid, "b", body, generic=False, commit=True)
    text = await collect(
        broker.responses(sid, "b", generic=False, action="http://tempuri.org/IService/Echo")
    )
    assert results(text) == ["e1"] and "faultmsg" not in text


async def test_streams_before_commit_then_ends_on_commit(broker: Broker) -> None:
    sid = await echo_session(broker)
    await broker.send(sid, "b", echo_batch(5), generic=False)
    stream = broker.responses(sid, "b", generic=False)
    got = b""
    async for chunk in stream:
        got += chunk
        if got.count(b"<EchoResult>") == 5:
            break  # all five arrived while the batch is still open
    await stream.aclose()  # type: ignore[attr-defined]
    await broker.send(sid, "b", echo_batch(3, start=5), generic=False, commit=True)
    text = await collect(broker.responses(sid, "b", generic=False, reset=True))
    assert len(results(text)) == 8 and end_of(text) == (8, "Success")


async def test_idle_timeout_reason(broker: Broker) -> None:
    sid = await echo_session(broker)
    await broker.send(sid, "b", b"", generic=False)  # open, uncommitted, empty
    text = await collect(broker.responses(sid, "b", generic=False, idle_timeout=0.05))
    assert end_of(text) == (0, "ClientTimeout")


async def test_count_waits_for_requests_sent_later(broker: Broker) -> None:
    sid = await echo_session(broker)
    await broker.send(sid, "b", echo_batch(1), generic=False)
    stream = asyncio.create_task(collect(broker.responses(sid, "b", generic=False, count=3)))
    await asyncio.sleep(0.05)
    assert not stream.done()  # one response so far, the batch is open: keep waiting
    await broker.send(sid, "b", echo_batch(2, start=1), generic=False)
    text = await asyncio.wait_for(stream, 2)
    assert sorted(results(text)) == ["m0", "m1", "m2"] and end_of(text) == (3, "Success")
