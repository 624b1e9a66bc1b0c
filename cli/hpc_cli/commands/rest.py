"""Commands that need the `/hpc` REST API (HPC Pack 2016 Update 1+; finish and --as-user 2016
Update 3+): `hpc job finish`, `hpc task finish`, `hpc node online|offline|reboot`, `hpc
nodegroup create|add|remove|delete`, `hpc cluster metrics`. They add themselves to the
WindowsHpc command groups (`rest_<group>.py`, each imported at the end of its group's module,
so a command builds only its own group); a head node without `/hpc` exits with
ApiUnavailable's message. This module holds what they share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from ..context import connect
from ..output import Output

AsUser = Annotated[
    str | None,
    typer.Option("--as-user", help="Act as this user (x-ms-as-user; administrators only)"),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON output")]
Message = Annotated[str, typer.Option("--message", "-m", help="Message recorded with the change")]


@contextmanager
def connect_rest(
    ctx: typer.Context, as_user: str | None, json_flag: bool = False
) -> Iterator[tuple[Any, Output]]:
    """Yield `(HpcClient, Output)` like `connect`, acting as `as_user` when given: these
    commands' operations always go to `/hpc`, whatever `--api` says."""
    with connect(ctx, json_flag) as (hpc, out):
        yield (hpc.acting_as(as_user) if as_user else hpc), out
