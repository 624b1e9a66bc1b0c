"""Session and batch life cycle: status, commit, purge, close, faults for bad calls."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from hpc_emulator.faults import Fault
from hpc_emulator.soa.broker import Broker, InMemoryServiceJobs

from .conftest import array, collect, echo_batch, echo_session, end_of, envelope, results


async def _gated(broker: Broker) -> tuple[int, asyncio.Event]:
    gate = asyncio.Event()

    async def wait_for_gate(op: str, body: str) -> str:
        await gate.wait()
        return "done"

    broker.registry.register("Gated", wait_for_gate)
    info = await broker.create_session({"ServiceName": "Gated"}, False, "u")
    return int(info["Id"]), gate


async def _until(predicate: object, timeout: float = 5.0) -> None:
    async def loop() -> None:
        while not await predicate():  # type: ignore[operator]
            await asyncio.sleep(0.005)

    await asyncio.wait_for(loop(), timeout)


async def test_status_transitions(broker: Broker) -> None:
    sid, gate = await _gated(broker)
    assert await broker.status(sid, "b") == 0  # Unknown
    await broker.send(sid, "b", array(envelope("a"), envelope("b")), generic=False)
    assert await broker.status(sid, "b") == 1  # Ready: open for requests
    await broker.commit(sid, "b")
    assert await broker.status(sid, "b") == 2  # Processing
    gate.set()

    async def finished() -> bool:
        return await broker.status(sid, "b") == 3

    await _until(finished)


async def test_send_after_commit_is_409_and_commit_idempotent(broker: Broker) -> None:
    sid = await echo_session(broker)
    await broker.send(sid, "b", echo_batch(2), generic=False, commit=True)
    await broker.commit(sid, "b")
    with pytest.raises(Fault) as e:
        await broker.send(sid, "b", echo_batch(1), generic=False)
    assert e.value.status == 409


async def test_commit_only_batch_is_empty_and_finished(broker: Broker) -> None:
    sid = await echo_session(broker)
    await broker.commit(sid, "empty")
    assert await broker.status(sid, "empty") == 3
    assert end_of(await collect(broker.responses(sid, "empty", generic=False))) == (0, "Success")


async def test_purge_ends_open_stream_and_deletes(broker: Broker, db: Path) -> None:
    sid, gate = await _gated(broker)
    await broker.send(sid, "b", array(envelope("a")), generic=False, commit=True)
    stream = asyncio.create_task(collect(broker.responses(sid, "b", generic=False)))
    await asyncio.sleep(0.02)
    assert not stream.done()  # waiting for the gated response
    await broker.purge(sid, "b")
    text = await asyncio.wait_for(stream, 2)
    assert end_of(text) == (0, "ClientPurged")
    gate.set()
    await asyncio.sleep(0.02)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM soa_messages").fetchone()[0] == 0
    assert await broker.status(sid, "b") == 0
    later = await collect(broker.responses(sid, "b", generic=False))
    assert end_of(later) == (0, "ClientPurged")
    # the batch name can be used again afterwards
    await broker.send(sid, "b", array(envelope("again")), generic=False, commit=True)
    assert results(await collect(broker.responses(sid, "b", generic=False))) == ["done"]


async def test_close_ends_job_deletes_and_404s(
    broker: Broker, jobs: InMemoryServiceJobs, db: Path
) -> None:
    sid = await echo_session(broker)
    await broker.send(sid, "b", echo_batch(3), generic=False)
    stream = asyncio.create_task(collect(broker.responses(sid, "b", generic=False)))
    await asyncio.sleep(0.02)
    await broker.close(sid)
    assert end_of(await asyncio.wait_for(stream, 2))[1] == "ClientPurged"
    assert jobs.ended == {sid: False}
    with sqlite3.connect(db) as con:
        for table in ("soa_messages", "soa_batches", "soa_sessions"):
            assert con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    for call in (
        broker.close(sid),
        broker.attach(sid, False),
        broker.status(sid, "b"),
        broker.send(sid, "b", b"", generic=False),
    ):
        with pytest.raises(Fault) as e:
            await call
        assert e.value.status == 404


async def test_job_ended_by_scheduler_drops_session(broker: Broker) -> None:
    sid = await echo_session(broker)
    await broker.job_ended(sid)
    with pytest.raises(Fault) as e:
        await broker.attach(sid, False)
    assert e.value.status == 404


async def test_create_and_attach_faults(broker: Broker) -> None:
    cases = [
        (broker.create_session({}, False, "u"), 400),
        (broker.create_session({"ServiceName": "Missing"}, False, "u"), 404),
        (
            broker.create_session(
                {"ServiceName": "EchoService", "MaxMessageSize": "x"}, False, "u"
            ),
            400,
        ),
        (
            broker.create_session({"ServiceName": "EchoService", "MaxMessageSize": 0}, False, "u"),
            400,
        ),
        (broker.attach(999, False), 404),
    ]
    for call, status in cases:
        with pytest.raises(Fault) as e:
            await call
        assert e.value.status == status
    sid = await echo_session(broker, durable=True)
    with pytest.raises(Fault) as e:
        await broker.attach(sid, False)
    assert e.value.status == 400
    with pytest.raises(Fault) as e:
        broker.responses(sid, "never-sent", generic=False)
    assert e.value.status == 404
    with pytest.raises(Fault) as e:
        await broker.purge(sid, "never-sent")
    assert e.value.status == 404
