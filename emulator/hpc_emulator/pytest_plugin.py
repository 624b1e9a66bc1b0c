"""pytest plugin (entry point `hpc_emulator`): emulator fixtures for any test suite.

* `hpc_emulator` (session scope): one emulator shared by the whole run.
* `fresh_hpc_emulator` (function scope): a new emulator with an empty data dir per test.

Both yield a `hpc_emulator.testing.RunningEmulator` (`.url`, `.base_url`, `.cluster_name`,
`.data_dir`, `.stop()`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hpc_emulator.testing import RunningEmulator, run_emulator


@pytest.fixture(scope="session")
def hpc_emulator() -> Iterator[RunningEmulator]:
    with run_emulator() as emulator:
        yield emulator


@pytest.fixture
def fresh_hpc_emulator() -> Iterator[RunningEmulator]:
    with run_emulator() as emulator:
        yield emulator
