"""Registered Python services: sync (thread and inline), async, faults, versions, timeouts."""

from __future__ import annotations

import asyncio
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hpc_emulator.faults import Fault
from hpc_emulator.soa.broker import Broker, InMemoryServiceJobs, ServiceRegistry

from .conftest import array, collect, envelope, results


async def _run(broker: Broker, service: str, *envs: str) -> str:
    info = await broker.create_session({"ServiceName": service}, False, "u")
    await broker.send(info["Id"], "b", array(*envs), generic=False, commit=True)
    return await collect(broker.responses(info["Id"], "b", generic=False))


async def test_sync_service_runs_on_a_thread(broker: Broker) -> None:
    threads: list[str] = []

    def upper(op: str, body: str) -> str:
        threads.append(threading.current_thread().name)
        text = ET.fromstring(body).findtext("{http://tempuri.org/}message") or ""
        return f'<{op}Response xmlns="http://tempuri.org/"><{op}Result>{text.upper()}</{op}Result></{op}Response>'

    broker.registry.register("Upper", upper)
    text = await _run(
        broker, "Upper", envelope("abc", op="Shout", action="http://tempuri.org/I/Shout")
    )
    assert "<ShoutResult>ABC</ShoutResult>" in text
    assert threads and threads[0] != threading.main_thread().name


async def test_async_service_and_plain_text_reply(broker: Broker) -> None:
    async def rev(op: str, body: str) -> str:
        await asyncio.sleep(0.001)
        return (ET.fromstring(body).findtext("{http://tempuri.org/}message") or "")[::-1]

    broker.registry.register("Rev", rev)
    text = await _run(broker, "Rev", envelope("abc"), envelope("x&lt;y"))
    # plain text is wrapped as <EchoResponse><EchoResult> in the request's namespace, escaped
    assert sorted(results(text)) == ["cba", "y&lt;x"]
    assert '<EchoResponse xmlns="http://tempuri.org/">' in text


async def test_handler_exception_becomes_fault_envelope(broker: Broker) -> None:
    def flaky(op: str, body: str) -> str:
        if "bad" in body:
            raise KeyError("boom")
        return "ok"

    broker.registry.register("Flaky", flaky, inline=True)
    text = await _run(broker, "Flaky", envelope("good"), envelope("bad"), envelope("good2"))
    assert results(text) == ["ok", "ok"]
    assert text.count("<s:Fault>") == 1 and "KeyError: &apos;boom&apos;" not in text
    assert "KeyError: 'boom'" in text
    assert "http://www.w3.org/2005/08/addressing/soap/fault" in text
    ET.fromstring(text)  # the stream stays well-formed


async def test_malformed_or_wrong_type_output_becomes_fault(broker: Broker) -> None:
    broker.registry.register("Broken", lambda op, body: "<unclosed>", inline=True)
    broker.registry.register("Wrong", lambda op, body: 42, inline=True)  # type: ignore[arg-type,return-value]
    assert "not well-formed" in await _run(broker, "Broken", envelope("a"))
    assert "TypeError" in await _run(broker, "Wrong", envelope("a"))


async def test_echo_fault_operation(broker: Broker) -> None:
    env = envelope("kaput", op="EchoFault", action="http://tempuri.org/IService/EchoFault")
    text = await _run(broker, "EchoService", env)
    assert '<s:Text xml:lang="en-US">RuntimeError: kaput</s:Text>' in text


async def test_operation_timeout_becomes_fault(broker: Broker) -> None:
    async def slow(op: str, body: str) -> str:
        await asyncio.sleep(5)
        return "LATE-REPLY"

    broker.registry.register("Slow", slow)
    info = await broker.create_session(
        {"ServiceName": "Slow", "ServiceOperationTimeout": 50}, False, "u"
    )
    await broker.send(info["Id"], "b", array(envelope("a")), generic=False, commit=True)
    text = await collect(broker.responses(info["Id"], "b", generic=False))
    assert "timed out" in text and "LATE-REPLY" not in text


def test_versions() -> None:
    reg = ServiceRegistry()
    assert reg.service_versions("echoservice") == [
        {"_Build": -1, "_Major": 0, "_Minor": 0, "_Revision": -1}
    ]
    reg.register("Calc", lambda op, body: "", version=(1, 0, 0, 0))
    reg.register("Calc", lambda op, body: "", version=(2, 1))
    assert reg.service_versions("Calc") == [
        {"_Build": 0, "_Major": 1, "_Minor": 0, "_Revision": 0},
        {"_Build": -1, "_Major": 2, "_Minor": 1, "_Revision": -1},
    ]
    with pytest.raises(Fault) as e:
        reg.service_versions("Nope")
    assert e.value.status == 404


async def test_session_version_selection(broker: Broker) -> None:
    broker.registry.register("Calc", lambda op, body: "v1", version=(1, 0, 0, 0), inline=True)
    broker.registry.register("Calc", lambda op, body: "v2", version=(2, 0, 0, 0), inline=True)
    latest = await broker.create_session({"ServiceName": "Calc"}, False, "u")
    assert latest["ServiceVersion"] == {"_Build": 0, "_Major": 2, "_Minor": 0, "_Revision": 0}
    v1 = {"_Build": 0, "_Major": 1, "_Minor": 0, "_Revision": 0}
    pinned = await broker.create_session({"ServiceName": "Calc", "ServiceVersion": v1}, False, "u")
    assert pinned["ServiceVersion"] == v1
    await broker.send(pinned["Id"], "b", array(envelope("a")), generic=False, commit=True)
    assert results(await collect(broker.responses(pinned["Id"], "b", generic=False))) == ["v1"]
    with pytest.raises(Fault) as e:
        await broker.create_session({"ServiceName": "Calc", "ServiceVersion": "3.0"}, False, "u")
    assert e.value.status == 400


async def test_concurrency_is_bounded_by_workers(db: Path) -> None:
    running = peak = 0

    async def count(op: str, body: str) -> str:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.01)
        running -= 1
        return "ok"

    reg = ServiceRegistry()
    reg.register("Count", count)
    async with Broker(db, reg, InMemoryServiceJobs(), workers=4) as broker:
        info = await broker.create_session({"ServiceName": "Count"}, False, "u")
        await broker.send(
            info["Id"], "b", array(*[envelope(str(i)) for i in range(40)]), commit=True
        )
        assert len(results(await collect(broker.responses(info["Id"], "b", generic=False)))) == 40
    assert peak == 4
