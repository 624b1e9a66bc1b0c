"""The `hpc_emulator_services` fixture: overriding it starts the plugin's emulators with them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

import pytest
from hpc_emulator.soa import ServiceDef, ServiceSpec
from hpc_emulator.testing import RunningEmulator
from hpcpack import HpcClient

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def hpc_emulator_services() -> Mapping[str, ServiceDef]:
    return {
        "Double": lambda op, body: str(2 * int(ET.fromstring(body).text or "")),
        "Rev": ServiceSpec(lambda op, text: text[::-1], generic=True, inline=True),
    }


def test_fresh_emulator_starts_with_the_overridden_services(
    fresh_hpc_emulator: RunningEmulator,
) -> None:
    with HpcClient(fresh_hpc_emulator.url) as hpc:
        with hpc.sessions.create("Rev", generic=True) as session:
            assert sorted(str(r) for r in session.call_many("x", ["abc", "xy"])) == ["cba", "yx"]
        with hpc.sessions.create("Double") as session:
            (reply,) = session.call_many("Double", ['<Double xmlns="urn:d">4</Double>'])
        assert not reply.fault and str(reply) == "8"
        assert reply.body is not None and reply.body.tag == "{urn:d}DoubleResponse"


CONFTEST = """
import pytest
from hpc_emulator.soa import ServiceSpec


@pytest.fixture(scope="session")
def hpc_emulator_services():
    return {"Upper": ServiceSpec(lambda op, text: text.upper(), generic=True)}
"""

TEST = """
from hpcpack import HpcClient


def test_shared_emulator_has_it(hpc_emulator):
    with HpcClient(hpc_emulator.url) as hpc, hpc.sessions.create("Upper", generic=True) as s:
        assert [str(r) for r in s.call_many("x", ["shout"])] == ["SHOUT"]


def test_shared_emulator_lacks_others(hpc_emulator):
    from hpcpack import NotFound
    import pytest

    with HpcClient(hpc_emulator.url) as hpc, pytest.raises(NotFound):
        hpc.sessions.create("Lower")
"""


def test_users_conftest_override_reaches_the_shared_fixture(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(textwrap.dedent(CONFTEST))
    (tmp_path / "test_user.py").write_text(textwrap.dedent(TEST))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "2 passed" in result.stdout
