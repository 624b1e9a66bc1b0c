"""The node's side of paths and command lines: Windows (UNC or drive) or POSIX, by the share.

`remote_share` decides: `\\\\server\\share` or `X:\\...` is Windows (ntpath, cmd.exe quoting),
anything else POSIX (posixpath, sh quoting). HPC Pack limits a command line to 480 characters
[D], so a task's command line is only the interpreter, the bootstrap path and a short call name.
"""

from __future__ import annotations

import ntpath
import posixpath
import re
import shlex

from .errors import InvalidOption

MAX_COMMAND_LINE = 480  # HPC Pack's documented CommandLine limit [D]
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_CMD_SAFE = re.compile(r"^[A-Za-z0-9_\-.:\\/]+$")


def is_windows(remote_share: str) -> bool:
    return remote_share.startswith(("\\\\", "//")) or bool(_DRIVE.match(remote_share))


def join(remote_share: str, *parts: str) -> str:
    if is_windows(remote_share):
        return ntpath.join(remote_share, *parts)
    return posixpath.join(remote_share, *parts)


def quote(arg: str, windows: bool) -> str:
    """One argument for cmd.exe (double quotes; `"`, `%`, `!` refused) or for sh (shlex)."""
    if not windows:
        return shlex.quote(arg)
    if re.search(r'["%!^&|<>\r\n]', arg):
        raise InvalidOption(f"cannot quote {arg!r} safely for cmd.exe on a Windows node")
    return arg if _CMD_SAFE.match(arg) else f'"{arg}"'


def command_line(python: str, bootstrap: str, call: str, windows: bool) -> str:
    """`python bootstrap.py <call>`; `call` is `[a-z0-9-]` plus `*` for a sweep (unquoted)."""
    line = f"{quote(python, windows)} {quote(bootstrap, windows)} {call}"
    if len(line) > MAX_COMMAND_LINE:
        raise InvalidOption(
            f"the task command line would be {len(line)} characters, over HPC Pack's limit of "
            f"{MAX_COMMAND_LINE}: use a shorter python path or remote_share"
        )
    return line
