"""The `hpc` console script: name the missing extra in one line instead of a traceback.

`pip install hpcpack` is the client only; the command needs `hpcpack[cli]` (Typer, Rich).
Checked with `find_spec` (nothing imported), so `hpc --help` costs what it did.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib.util import find_spec

NEEDS = ("typer", "rich")


def missing(modules: Iterable[str]) -> list[str]:
    """The top-level modules of `modules` that cannot be imported here."""
    absent = []
    for name in modules:
        try:
            found = find_spec(name) is not None
        except (ImportError, ValueError):  # a blocked or half-removed module
            found = False
        if not found:
            absent.append(name)
    return absent


def main() -> None:
    absent = missing(NEEDS)
    if absent:
        sys.stderr.write(
            f"hpc needs the cli extra: pip install 'hpcpack[cli]' (missing: {', '.join(absent)})\n"
        )
        raise SystemExit(1)
    from hpc_cli import fastpath

    code = fastpath.run(sys.argv[1:])  # a plain `job view`: no typer (see fastpath)
    if code is not None:
        raise SystemExit(code)
    from hpc_cli.main import app

    app(prog_name="hpc")
