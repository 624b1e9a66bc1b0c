"""Durability: a new Broker on the same database resumes sessions and unanswered requests."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from hpc_emulator.soa.broker import Broker, InMemoryServiceJobs, ServiceRegistry

from .conftest import collect, echo_batch, end_of, results

ROOT = Path(__file__).resolve().parents[2]


def _registry(gate: asyncio.Event | None) -> ServiceRegistry:
    reg = ServiceRegistry()

    async def gated(op: str, body: str) -> str:
        if gate is not None:
            await gate.wait()
        return "ok:" + body[body.index("<message>") + 9 : body.index("</message>")]

    reg.register("Gated", gated)
    return reg


async def test_restart_resumes_unanswered_requests(db: Path) -> None:
    jobs = InMemoryServiceJobs()
    gate = asyncio.Event()
    first = Broker(db, _registry(gate), jobs)
    interactive = (await first.create_session({"ServiceName": "Gated"}, False, "u"))["Id"]
    durable = (await first.create_session({"ServiceName": "Gated"}, True, "u"))["Id"]
    await first.send(interactive, "b", echo_batch(20), generic=False, commit=True)
    await first.send(durable, "open", echo_batch(5), generic=False)  # not committed
    await first.aclose()  # nothing answered: every handler is blocked on the gate

    second = Broker(db, _registry(None), jobs)
    try:
        assert (await second.attach(interactive, False))["Id"] == interactive
        assert (await second.attach(durable, True))["Id"] == durable
        text = await collect(second.responses(interactive, "b", generic=False, idle_timeout=5))
        assert sorted(results(text)) == sorted(f"ok:m{i}" for i in range(20))
        assert end_of(text) == (20, "Success")
        assert await second.status(durable, "open") == 1  # still open after restart
        await second.send(durable, "open", echo_batch(1, start=5), generic=False, commit=True)
        text = await collect(second.responses(durable, "open", generic=False, idle_timeout=5))
        assert len(results(text)) == 6
    finally:
        await second.aclose()


_CHILD = textwrap.dedent(
    """
    import asyncio, sys
    sys.path.insert(0, {tests!r})
    from soa.conftest import echo_batch
    from hpc_emulator.soa.broker import Broker, InMemoryServiceJobs, ServiceRegistry

    async def main():
        reg = ServiceRegistry()
        async def never(op, body):
            await asyncio.sleep(3600)
        reg.register("Gated", never)
        b = Broker({db!r}, reg, InMemoryServiceJobs())
        sid = (await b.create_session({{"ServiceName": "Gated"}}, False, "u"))["Id"]
        await b.send(sid, "b", echo_batch(50), generic=False, commit=True)
        print(sid, flush=True)
        await asyncio.sleep(3600)

    asyncio.run(main())
    """
)


async def test_accepted_requests_survive_sigkill(db: Path) -> None:
    code = _CHILD.format(tests=str(ROOT / "tests"), db=str(db))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "emulator")}
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, env=env, text=True
    )
    try:
        assert child.stdout is not None
        sid = int(child.stdout.readline())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    async with Broker(db, _registry(None), InMemoryServiceJobs(first_id=100)) as broker:
        text = await collect(broker.responses(sid, "b", generic=False, idle_timeout=5))
        assert sorted(results(text)) == sorted(f"ok:m{i}" for i in range(50))
