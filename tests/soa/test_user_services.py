"""Users' own SOA services, over loopback HTTP with the `hpcpack` client.

Paths in: `run_emulator(services=...)` and `RunningEmulator.register_service` on a live one
(the command line is in tests/emulator/test_cli_services.py).
"""

from __future__ import annotations

import asyncio
import threading
import xml.etree.ElementTree as ET

import httpx
import pytest
from hpc_emulator.soa import ServiceSpec
from hpc_emulator.testing import RunningEmulator, run_emulator
from hpcpack import HpcClient, NotFound, SessionStartInfo

pytestmark = pytest.mark.timeout(60)

NOT_FOUND_CODE = 267386880  # DESIGN.md fault table: service not found


def square(operation: str, body: str) -> str:
    """`Square(x)` -> x*x as plain text (the broker wraps it as <SquareResponse>)."""
    if operation != "Square":
        raise ValueError(f"Squares has no operation {operation}")
    x = int(ET.fromstring(body).findtext("{http://tempuri.org/}x") or "")
    return str(x * x)


def squares_of(emulator: RunningEmulator, xs: list[int], service: str = "Squares") -> list[str]:
    with (
        HpcClient(emulator.url) as hpc,
        hpc.sessions.create(SessionStartInfo(service_name=service)) as session,
    ):
        replies = list(session.call_many("Square", [{"x": x} for x in xs]))
    assert not any(r.fault for r in replies), [str(r) for r in replies if r.fault]
    by_index = {int(r.user_data or ""): str(r) for r in replies}
    return [by_index[i] for i in range(len(xs))]


def test_run_emulator_services_argument() -> None:
    with run_emulator(services={"Squares": square}) as emulator:
        assert squares_of(emulator, [3, -4, 12]) == ["9", "16", "144"]
        # the built-in EchoService is still there
        with HpcClient(emulator.url) as hpc, hpc.sessions.create("EchoService") as session:
            assert [str(r) for r in session.call_many("Echo", [{"message": "hi"}])] == ["hi"]


def test_service_spec_carries_version_generic_and_inline() -> None:
    spec = ServiceSpec(lambda op, text: text.upper(), version=(2, 1), generic=True, inline=True)
    with run_emulator(services={"Upper": spec}) as emulator:
        with HpcClient(emulator.url) as hpc, hpc.sessions.create("Upper", generic=True) as s:
            assert sorted(str(r) for r in s.call_many("x", ["ab", "c&d"])) == ["AB", "C&D"]
        versions = httpx.get(
            f"{emulator.base_url}/SoaService/Upper/Versions",
            headers={"Accept": "application/json", "api-version": "2012-11-01.4.0"},
        )
        assert versions.status_code == 200, versions.text
        assert versions.json() == [{"_Build": -1, "_Major": 2, "_Minor": 1, "_Revision": -1}]


def test_register_service_on_a_running_emulator(fresh_hpc_emulator: RunningEmulator) -> None:
    with HpcClient(fresh_hpc_emulator.url) as hpc, pytest.raises(NotFound) as missing:
        hpc.sessions.create("Squares")
    assert missing.value.code == NOT_FOUND_CODE
    assert "Squares" in missing.value.message

    fresh_hpc_emulator.register_service("Squares", square)
    assert squares_of(fresh_hpc_emulator, list(range(20))) == [str(x * x) for x in range(20)]
    # names are case-insensitive, like HPC Pack's registration files
    assert squares_of(fresh_hpc_emulator, [5], service="squares") == ["25"]

    fresh_hpc_emulator.unregister_service("Squares")
    with HpcClient(fresh_hpc_emulator.url) as hpc, pytest.raises(NotFound):
        hpc.sessions.create("Squares")


def test_register_an_async_handler(fresh_hpc_emulator: RunningEmulator) -> None:
    async def slow_square(operation: str, body: str) -> str:
        await asyncio.sleep(0.001)
        return square(operation, body)

    fresh_hpc_emulator.register_service("AsyncSquares", slow_square)
    assert squares_of(fresh_hpc_emulator, [7, 8], service="AsyncSquares") == ["49", "64"]


def test_handler_that_raises_gives_a_fault_reply_not_a_500(
    fresh_hpc_emulator: RunningEmulator,
) -> None:
    def picky(operation: str, body: str) -> str:
        if "13" in body:
            raise LookupError("unlucky 13")
        return square(operation, body)

    fresh_hpc_emulator.register_service("Picky", picky, inline=True)
    with HpcClient(fresh_hpc_emulator.url) as hpc, hpc.sessions.create("Picky") as session:
        replies = list(session.call_many("Square", [{"x": 2}, {"x": 13}, {"x": 4}]))
    faults = [r for r in replies if r.fault]
    assert len(faults) == 1 and faults[0].user_data == "1"
    assert "LookupError: unlucky 13" in str(faults[0])
    assert sorted(str(r) for r in replies if not r.fault) == ["16", "4"]


def test_unknown_operation_of_a_user_service_is_a_fault(
    fresh_hpc_emulator: RunningEmulator,
) -> None:
    fresh_hpc_emulator.register_service("Squares", square)
    with HpcClient(fresh_hpc_emulator.url) as hpc, hpc.sessions.create("Squares") as session:
        (reply,) = session.call_many("Cube", [{"x": 2}])
    assert reply.fault and "Squares has no operation Cube" in str(reply)


def test_concurrent_registrations_from_threads_all_land(
    fresh_hpc_emulator: RunningEmulator,
) -> None:
    def register(i: int) -> None:
        fresh_hpc_emulator.register_service("Multi", square, version=(1, i))

    threads = [threading.Thread(target=register, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    versions = httpx.get(
        f"{fresh_hpc_emulator.base_url}/SoaService/Multi/Versions",
        headers={"Accept": "application/json", "api-version": "2012-11-01.4.0"},
    ).json()
    assert sorted(v["_Minor"] for v in versions) == list(range(16))


def test_register_service_refuses_what_is_not_a_handler(
    fresh_hpc_emulator: RunningEmulator,
) -> None:
    with pytest.raises(TypeError):
        fresh_hpc_emulator.register_service("Bad", "not callable")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        fresh_hpc_emulator.register_service("", square)
