"""Malformed and hostile message arrays: Fault 400, nothing stored, the batch untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hpc_emulator.faults import Fault
from hpc_emulator.soa.broker import Broker

from .conftest import A, S, array, echo_session, envelope

GOOD = envelope("fine")
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    f"<Arr>{envelope('&lol2;')}</Arr>"
).encode()
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f"<Arr>{envelope('&x;')}</Arr>"
).encode()
NO_ACTION = (
    f'<Arr><s:Envelope xmlns:s="{S}" xmlns:a="{A}"><s:Header/><s:Body><Echo xmlns="http://tempuri.org/"/>'
    "</s:Body></s:Envelope></Arr>"
).encode()
EMPTY_BODY = (
    f'<Arr><s:Envelope xmlns:s="{S}" xmlns:a="{A}"><s:Header><a:Action>x</a:Action></s:Header>'
    "<s:Body/></s:Envelope></Arr>"
).encode()

HOSTILE = {
    "dtd-entities": LAUGHS,
    "external-entity": EXTERNAL,
    "bare-doctype": b'<!DOCTYPE Arr SYSTEM "http://example.invalid/x.dtd"><Arr/>',
    "undeclared-entity": array(envelope("&nope;")),
    "truncated": array(GOOD, GOOD)[:-20],
    "bare-envelope": GOOD.encode(),
    "wrong-child": array(GOOD, "<NotAnEnvelope/>"),
    "text-only": b"hello",
    "no-action": NO_ACTION,
    "empty-s-body": EMPTY_BODY,
    "long-user-data": array(envelope("x", user_data="u" * 1025)),
    "deep-nesting": array(envelope("<x>" * 5000 + "</x>" * 5000)),
    "good-then-garbage": array(GOOD, GOOD) + b"<trailing/>",
    "utf16-doctype": '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE a [<!ENTITY x "y">]><a/>'.encode(
        "utf-16"
    ),
}


def _stored(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT COUNT(*) FROM soa_messages").fetchone()[0])


@pytest.mark.parametrize("name", sorted(HOSTILE))
async def test_hostile_body_refused_and_nothing_stored(broker: Broker, db: Path, name: str) -> None:
    sid = await echo_session(broker)
    with pytest.raises(Fault) as e:
        await broker.send(sid, "b", HOSTILE[name], generic=False, commit=True)
    assert e.value.status == 400 and e.value.code == 251723775
    assert _stored(db) == 0
    assert await broker.status(sid, "b") == 0  # batch not even created, not committed


async def test_oversize_message_refused_all_or_nothing(broker: Broker, db: Path) -> None:
    sid = await echo_session(broker, MaxMessageSize=2048)  # >= 1024: bytes
    big = envelope("x" * 3000)
    with pytest.raises(Fault) as e:
        await broker.send(sid, "b", array(GOOD, big), generic=False)
    assert e.value.status == 400 and "MaxMessageSize" in e.value.message
    assert _stored(db) == 0
    assert await broker.send(sid, "b", array(GOOD), generic=False) == 1


async def test_max_message_size_in_kilobytes_when_small(broker: Broker) -> None:
    info = await broker.create_session(
        {"ServiceName": "EchoService", "MaxMessageSize": "64"}, False, "u"
    )
    assert info["MaxMessageSize"] == 65536


async def test_bad_batch_names(broker: Broker) -> None:
    sid = await echo_session(broker)
    for name in ("", "x" * 129):
        with pytest.raises(Fault) as e:
            await broker.send(sid, name, array(GOOD), generic=False)
        assert e.value.status == 400
