"""An `HpcClient` on the session emulator that counts its requests, and executors on a share."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator
from hpcpack import HpcClient

from . import work


class Counted:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []

    def __call__(self, request: httpx.Request) -> None:
        self.requests.append((request.method, request.url.path))


@pytest.fixture
def counted() -> Counted:
    return Counted()


@pytest.fixture
def hpc(hpc_emulator: RunningEmulator, counted: Counted) -> Iterator[HpcClient]:
    with HpcClient(hpc_emulator.url, allow_insecure_basic=True) as client:
        client.http.event_hooks["request"].append(counted)
        yield client


@pytest.fixture
def share(tmp_path: Path) -> Path:
    path = tmp_path / "share"
    path.mkdir()
    return path


@pytest.fixture
def options() -> dict[str, Any]:
    """What every test executor gets: the emulator's tasks see a minimal PATH."""
    return {"python": sys.executable, "poll_interval": 0.1, "by_value": [work]}


def wait_until(check: Callable[[], bool], timeout: float = 60.0) -> None:
    """Bounded wait for a condition (never an assertion on time)."""
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise AssertionError("condition not reached in time")
        time.sleep(0.05)
