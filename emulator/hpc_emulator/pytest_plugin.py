"""pytest plugin (entry point `hpc_emulator`): emulator fixtures for any test suite.

* `hpc_emulator` (session scope): one emulator shared by the whole run.
* `fresh_hpc_emulator` (function scope): a new emulator with an empty data dir per test.

Both yield a `hpc_emulator.testing.RunningEmulator` (`.url`, `.base_url`, `.cluster_name`,
`.data_dir`, `.stop()`, `.register_service(...)`, `.unregister_service(name)`).

Your own SOA service (next to the built-in `EchoService`) is a Python callable
`handler(operation, body) -> reply`; see `hpc_emulator.soa.services` for the contract::

    def square(operation: str, body: str) -> str:
        x = int(ET.fromstring(body).findtext("{http://tempuri.org/}x"))
        return str(x * x)  # plain text: sent back as <SquareResponse><SquareResult>

    def test_squares(fresh_hpc_emulator):
        fresh_hpc_emulator.register_service("Squares", square)
        with HpcClient(fresh_hpc_emulator.url) as hpc, hpc.sessions.create("Squares") as s:
            assert [str(r) for r in s.call_many("Square", [{"x": 3}])] == ["9"]

On the shared `hpc_emulator` a registration lasts for the rest of the run. To have services
in both fixtures from the start, override `hpc_emulator_services` in your conftest.py::

    @pytest.fixture(scope="session")
    def hpc_emulator_services():
        return {"Squares": square, "Upper": ServiceSpec(upper, generic=True)}

Both fixtures speak XML only on the scheduler, node and cluster operations, as a head node
does. Code that relies on JSON there (the emulator's extension) can switch it on::

    @pytest.fixture(scope="session")
    def hpc_emulator_json_extension():
        return True

For a fixture of your own, `hpc_emulator.testing.run_emulator(services={"Squares": square})`.

pytest loads this plugin for everyone who installed `hpcpack`, also without the `emulator`
extra: nothing heavy is imported until a fixture is used, and a fixture used without the extra
fails that test with one line naming the extra, leaving the rest of the run alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import pytest

from hpc_emulator._entry import hint, missing

if TYPE_CHECKING:
    from hpc_emulator.soa.services import ServiceDef
    from hpc_emulator.testing import RunningEmulator


def _run(
    fixture: str, services: Mapping[str, ServiceDef], json_extension: bool = False
) -> Iterator[RunningEmulator]:
    absent = missing()
    if absent:
        pytest.fail(hint(f"fixture {fixture!r}", absent), pytrace=False)
    from hpc_emulator.testing import run_emulator

    with run_emulator(services=services, json_extension=json_extension) as emulator:
        yield emulator


@pytest.fixture(scope="session")
def hpc_emulator_services() -> Mapping[str, ServiceDef]:
    """SOA services both emulator fixtures start with (override it; default: none)."""
    return {}


@pytest.fixture(scope="session")
def hpc_emulator_json_extension() -> bool:
    """JSON on scheduler operations in both fixtures (override it; default: off, XML only)."""
    return False


@pytest.fixture(scope="session")
def hpc_emulator(
    hpc_emulator_services: Mapping[str, ServiceDef], hpc_emulator_json_extension: bool
) -> Iterator[RunningEmulator]:
    yield from _run("hpc_emulator", hpc_emulator_services, hpc_emulator_json_extension)


@pytest.fixture
def fresh_hpc_emulator(
    hpc_emulator_services: Mapping[str, ServiceDef], hpc_emulator_json_extension: bool
) -> Iterator[RunningEmulator]:
    yield from _run("fresh_hpc_emulator", hpc_emulator_services, hpc_emulator_json_extension)
