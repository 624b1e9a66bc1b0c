"""App assembly: the root options (connection, output) and the HPC Pack-style command groups."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, MutableMapping
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from typer.models import TyperInfo

from . import __version__
from .context import State

HELP = """Drive a Microsoft HPC Pack cluster through its WindowsHpc REST web service.

Settings come from flags, then HPC_URL / HPC_CLUSTER / HPC_USERNAME / HPC_PASSWORD /
HPC_API_VERSION / HPC_CA_BUNDLE / HPC_AUTH, then the profile (`hpc profile set`).

--json prints objects keyed by HPC Pack property names (Id, Name, State, ...).

Exit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 authentication/authorization,
5 connection/TLS/timeout, 6 job or task ended Failed/Canceled (wait).
"""

#: command groups in `hpc --help` order: name -> (module under hpc_cli.commands, Typer attribute)
GROUPS = {
    "job": ("jobs", "app"),
    "task": ("tasks", "app"),
    "node": ("nodes", "app"),
    "nodegroup": ("nodes", "group_app"),
    "cluster": ("cluster", "app"),
    "template": ("cluster", "template_app"),
    "session": ("sessions", "app"),
    "profile": ("profile", "app"),
}


class _Groups(MutableMapping[str, Any]):
    """The root's subcommands, each group imported and built when first looked up.

    Building a group inspects every command's signature and type hints; `hpc job view` only
    needs the job group (the other seven cost ~15 ms, and their modules' imports). `--help`
    iterates all of them, in `GROUPS` order.
    """

    def __init__(self, build: Callable[[str], Any]) -> None:
        self._build = build
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in GROUPS:
                raise KeyError(name)
            self._built[name] = self._build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        yield from GROUPS
        yield from (n for n in self._built if n not in GROUPS)

    def __len__(self) -> int:
        return len(GROUPS) + sum(1 for n in self._built if n not in GROUPS)


def _build_group(name: str) -> Any:
    """What `app.add_typer(<module>.<attr>, name=name)` would have built for this group."""
    module, attr = GROUPS[name]
    sub = getattr(importlib.import_module(f"{__package__}.commands.{module}"), attr)
    return typer.main.get_group_from_info(
        TyperInfo(sub, name=name),
        pretty_exceptions_short=app.pretty_exceptions_short,
        suggest_commands=app.suggest_commands,
        rich_markup_mode=app.rich_markup_mode,
    )


class _Root(TyperGroup):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = _Groups(_build_group)


app = typer.Typer(
    name="hpc",
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=_Root,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hpc {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    url: Annotated[
        str | None,
        typer.Option(help="Head node root, e.g. https://head or http://127.0.0.1:8080 [HPC_URL]"),
    ] = None,
    cluster_name: Annotated[
        str | None,
        typer.Option("--cluster", help="Cluster segment for pre-2016 head nodes [HPC_CLUSTER]"),
    ] = None,
    username: Annotated[
        str | None, typer.Option("--username", "-u", help="DOMAIN\\user [HPC_USERNAME]")
    ] = None,
    password: Annotated[
        str | None,
        typer.Option(
            "--password", "-p", help="Prefer HPC_PASSWORD or the prompt: argv is visible to ps"
        ),
    ] = None,
    api_version: Annotated[
        str | None, typer.Option(help="api-version sent with every call [HPC_API_VERSION]")
    ] = None,
    ca_bundle: Annotated[
        str | None, typer.Option(help="PEM file of CAs to trust [HPC_CA_BUNDLE]")
    ] = None,
    insecure: Annotated[
        bool | None, typer.Option("--insecure", help="Do not verify TLS certificates (warns)")
    ] = None,
    wire_format: Annotated[
        str | None, typer.Option("--format", help="Wire format: xml (default) or json")
    ] = None,
    auth: Annotated[
        str | None,
        typer.Option(help="basic (default; https only), ntlm or negotiate [HPC_AUTH]"),
    ] = None,
    timeout: Annotated[float | None, typer.Option(help="Per-request timeout, seconds")] = None,
    profile_name: Annotated[
        str | None, typer.Option("--profile", "-P", help="Profile name [HPC_PROFILE]")
    ] = None,
    json_mode: Annotated[bool, typer.Option("--json", help="Machine-readable JSON output")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Less chatter")] = False,
    no_prompt: Annotated[
        bool, typer.Option("--no-prompt", help="Never prompt for a password")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Tracebacks on errors")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version"),
    ] = False,
) -> None:
    """Parse the connection and output options shared by every command."""
    ctx.obj = State(
        flags={
            "url": url,
            "cluster": cluster_name,
            "username": username,
            "password": password,
            "api_version": api_version,
            "ca_bundle": ca_bundle,
            "insecure": insecure,
            "format": wire_format,
            "timeout": timeout,
            "auth": auth,
        },
        profile=profile_name,
        json_mode=json_mode,
        debug=debug,
        no_prompt=no_prompt,
        quiet=quiet,
    )


if __name__ == "__main__":  # pragma: no cover
    app()
