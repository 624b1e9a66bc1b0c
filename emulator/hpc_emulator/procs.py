"""Which live process group is a task's: verified before any kill after a restart.

A PID stored before a crash may now belong to another program (PID reuse), so a restarted
emulator kills a stored process group only when it can prove the group is the task's: the
leader has the start time recorded at spawn (`/proc/<pid>/stat` field 22, same boot), or a
member of the group still carries the run's token in its environment (the leader exited, its
children did not). Linux only; elsewhere nothing is killed.
"""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path

PROC = Path("/proc")
TOKEN_VAR = "HPC_EMULATOR_RUN"  # in every task's environment: the run that started it


def kill_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/<pid>/stat after the command name (state is [0], pgrp [2])."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except (OSError, ValueError):
        return None
    return text[text.rfind(")") + 2 :].split()


def boot_id() -> str:
    try:
        return (PROC / "sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def identity(pid: int) -> str | None:
    """`boot:starttime` of a live process: unique for the machine's uptime."""
    fields = _stat(pid)
    return f"{boot_id()}:{fields[19]}" if fields and len(fields) > 19 else None


def _carries(pid: int, token: str) -> bool:
    try:
        environ = (PROC / str(pid) / "environ").read_bytes()
    except OSError:
        return False
    return f"{TOKEN_VAR}={token}".encode() in environ.split(b"\0")


def group_is_task(pgid: int, ident: str | None, token: str | None) -> bool:
    """Is the live process group `pgid` the one the task run (`ident`, `token`) started?"""
    if ident is not None and identity(pgid) == ident:
        return True
    if not token:
        return False
    for entry in PROC.iterdir() if PROC.is_dir() else ():
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if (
            fields
            and len(fields) > 2
            and fields[2] == str(pgid)
            and _carries(int(entry.name), token)
        ):
            return True
    return False


def kill_verified(pgid: int, ident: str | None, token: str | None) -> bool:
    """SIGKILL the group only if it is provably the task's; says whether it did."""
    if pgid <= 1 or not group_is_task(pgid, ident, token):
        return False
    kill_group(pgid, signal.SIGKILL)
    return True
