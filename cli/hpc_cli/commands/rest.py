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

from ..context import client_kwargs, configure_logging, settings_for, state_of
from ..errors import handled
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
    """Yield `(HpcRestClient, Output)` from the same settings as WindowsHpc commands."""
    from hpcpack.rest import HpcRestClient

    state = state_of(ctx)
    out = state.output(json_flag)
    with handled(state.debug):
        configure_logging(state.debug)
        settings = settings_for(state)
        kwargs = client_kwargs(settings, out)
        rest = HpcRestClient(
            kwargs["url"],
            username=settings.username,
            password=settings.password,
            as_user=as_user,
            verify=kwargs.get("verify", True),
            timeout=settings.timeout or 30.0,
        )
        with rest:
            yield rest, out
