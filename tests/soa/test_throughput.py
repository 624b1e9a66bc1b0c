"""10,000 echo requests through the broker (no HTTP) in a few seconds."""

from __future__ import annotations

import time

from hpc_emulator.soa.broker import Broker

from .conftest import collect, echo_batch, echo_session, end_of, results


async def test_10k_echo_requests(broker: Broker) -> None:
    sid = await echo_session(broker)
    body = echo_batch(10_000)
    start = time.perf_counter()
    assert await broker.send(sid, "b", body, generic=False, commit=True) == 10_000
    text = await collect(broker.responses(sid, "b", generic=False))
    elapsed = time.perf_counter() - start
    assert len(set(results(text))) == 10_000 and end_of(text) == (10_000, "Success")
    assert elapsed < 8, f"{10_000 / elapsed:.0f} requests/s"
