"""The `hpc-emulator` console script and the pytest plugin's guard: name the missing extra.

`pip install hpcpack` is the client only; the emulator needs `hpcpack[emulator]` (Starlette,
uvicorn, pydantic). Checked with `find_spec`, so nothing heavy is imported to find out.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib.util import find_spec

NEEDS = ("starlette", "uvicorn", "pydantic")


def missing(modules: Iterable[str] = NEEDS) -> list[str]:
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


def hint(what: str, absent: Iterable[str]) -> str:
    return (
        f"{what} needs the emulator extra: pip install 'hpcpack[emulator]' "
        f"(missing: {', '.join(absent)})"
    )


def require(what: str = "hpc-emulator") -> None:
    """Exit with the one-line hint when the emulator's dependencies are not installed."""
    absent = missing()
    if absent:
        sys.stderr.write(hint(what, absent) + "\n")
        raise SystemExit(1)


def main() -> None:
    require()
    from hpc_emulator.__main__ import main as run

    run()
