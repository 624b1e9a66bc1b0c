"""Clients bound to the emulator fixtures of the `hpc_emulator` plugin."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator


@pytest.fixture
def client(hpc_emulator: RunningEmulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=hpc_emulator.base_url, timeout=30) as c:
        yield c


@pytest.fixture
def fresh_client(fresh_hpc_emulator: RunningEmulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fresh_hpc_emulator.base_url, timeout=30) as c:
        yield c
