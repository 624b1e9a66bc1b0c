"""Command lines and paths built for the nodes' side: Windows (cmd.exe) or POSIX (sh)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from hpcpack import HpcClient
from hpcpack.futures import HpcPackExecutor, InvalidOption
from hpcpack.futures import _remote as remote


def test_unc_and_drive_shares_are_windows_paths() -> None:
    assert remote.is_windows(r"\\head\share") and remote.is_windows("D:\\data")
    assert not remote.is_windows("/mnt/share")
    assert remote.join(r"\\head\share", "run", "bootstrap.py") == r"\\head\share\run\bootstrap.py"
    assert remote.join("/mnt/share", "run", "bootstrap.py") == "/mnt/share/run/bootstrap.py"


def test_cmd_quoting_wraps_spaces_and_refuses_what_cmd_would_reinterpret() -> None:
    line = remote.command_line(
        r"C:\Program Files\Python311\python.exe", r"\\head\share\r\bootstrap.py", "m1-*", True
    )
    assert line == r'"C:\Program Files\Python311\python.exe" \\head\share\r\bootstrap.py m1-*'
    for bad in ('C:\\a"b\\python.exe', "C:\\%PATH%\\python.exe", "C:\\a&b\\python.exe"):
        with pytest.raises(InvalidOption):
            remote.command_line(bad, r"\\h\s\bootstrap.py", "c1", True)


def test_sh_quoting_round_trips() -> None:
    line = remote.command_line("/opt/my python/bin/python3", "/mnt/s/r/bootstrap.py", "c7", False)
    assert shlex.split(line) == ["/opt/my python/bin/python3", "/mnt/s/r/bootstrap.py", "c7"]


def test_a_command_line_over_480_characters_is_refused_at_construction(
    hpc: HpcClient, share: Path
) -> None:
    with pytest.raises(InvalidOption, match="480"):
        HpcPackExecutor(hpc, share, remote_share="/mnt/" + "d" * 470, python=sys.executable)
    assert list(share.iterdir()) == []
