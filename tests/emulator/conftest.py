"""Clients bound to the emulator fixtures of the `hpc_emulator` plugin."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator, run_emulator


@pytest.fixture
def client(hpc_emulator: RunningEmulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=hpc_emulator.base_url, timeout=30) as c:
        yield c


@pytest.fixture
def fresh_client(fresh_hpc_emulator: RunningEmulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fresh_hpc_emulator.base_url, timeout=30) as c:
        yield c


@pytest.fixture(scope="session")
def json_emulator() -> Iterator[RunningEmulator]:
    """An emulator with the JSON extension on: JSON on the scheduler, node and cluster
    operations is not what a head node speaks (XML only), so only these tests may use it."""
    with run_emulator(json_extension=True) as emulator:
        yield emulator


@pytest.fixture
def json_client(json_emulator: RunningEmulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=json_emulator.base_url, timeout=30) as c:
        yield c
