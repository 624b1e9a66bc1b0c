"""Which live process group is a task's: verified before any kill after a restart.

A PID stored before a crash may now belong to another program (PID reuse), so a restarted
emulator kills a stored process group only when it can prove the group is the task's: the
leader has the start time recorded at spawn (`/proc/<pid>/stat` field 22, same boot), or a
member of the group carries the run's token in its environment (the leader exited and its
children did not, or the PID was never stored). Linux only; elsewhere nothing is killed.
"""

from __future__ import annotations

import contextlib
import functools
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
    try:  # raw os calls: this runs on the loop once per task start
        fd = os.open(f"/proc/{pid}/stat", os.O_RDONLY | os.O_CLOEXEC)
        try:
            text = os.read(fd, 4096).decode("ascii", "replace")
        finally:
            os.close(fd)
    except (OSError, ValueError):
        return None
    return text[text.rfind(")") + 2 :].split()


@functools.cache
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


def task_groups(pid: int | None, ident: str | None, token: str | None) -> set[int]:
    """Live process groups provably started by the task run: the stored leader if its
    identity matches, and the group of every process carrying the run's token (found also
    when the PID was never stored, or the leader exited and left its children)."""
    groups = set()
    if pid is not None and ident is not None and identity(pid) == ident:
        groups.add(pid)
    if token and PROC.is_dir():
        for entry in PROC.iterdir():
            if entry.name.isdigit() and _carries(int(entry.name), token):
                fields = _stat(int(entry.name))
                if fields and len(fields) > 2 and fields[2].isdigit():
                    groups.add(int(fields[2]))
    return {g for g in groups if g > 1 and g != os.getpgrp()}


def kill_verified(pid: int | None, ident: str | None, token: str | None) -> set[int]:
    """SIGKILL the task run's groups (`task_groups`) and nothing else; returns them."""
    groups = task_groups(pid, ident, token)
    for group in groups:
        kill_group(group, signal.SIGKILL)
    return groups
