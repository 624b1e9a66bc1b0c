"""Files and directories only the emulator's OS user may read: they hold job data, hashes,
a TLS private key. Written with the mode from the start (no window at the umask's 0644)."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger("hpc_emulator")

FILE_MODE = 0o600
DIR_MODE = 0o700


def write_private(path: Path, data: str | bytes) -> None:
    """Replace `path` atomically with `data`, mode 0600."""
    raw = data.encode() if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        os.write(fd, raw)
    finally:
        os.close(fd)
    tmp.replace(path)


def touch_private(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing, else make it 0600 (e.g. SQLite's files)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def private_dir(path: Path) -> None:
    """Create `path` 0700; tighten an existing one that is empty or already the emulator's
    (a directory of other things, like a home, is only warned about: not ours to chmod)."""
    if not path.exists():
        path.mkdir(parents=True, mode=DIR_MODE)
        path.chmod(DIR_MODE)
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & 0o077:
        return
    ours = not any(path.iterdir()) or (path / "emulator.sqlite3").exists()
    if ours:
        path.chmod(DIR_MODE)
    else:
        log.warning("data dir %s is accessible by group/others (mode %o)", path, mode)
