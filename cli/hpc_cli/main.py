"""App assembly: the root options (connection, output) and the HPC Pack-style command groups."""

from __future__ import annotations

import functools
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import lazy
from .context import State

HELP = """Drive a Microsoft HPC Pack cluster through its WindowsHpc REST web service.

Settings come from flags, then HPC_URL / HPC_CLUSTER / HPC_USERNAME / HPC_PASSWORD /
HPC_API_VERSION / HPC_CA_BUNDLE / HPC_AUTH, then the profile (`hpc profile set`).

--json prints objects keyed by HPC Pack property names (Id, Name, State, ...).

Exit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 authentication/authorization,
5 connection/TLS/timeout, 6 job or task ended Failed/Canceled (wait).
"""

#: command groups in `hpc --help` order: name -> (module, Typer attribute), built when used
GROUPS = {
    "job": ("hpc_cli.commands.jobs", "app"),
    "task": ("hpc_cli.commands.tasks", "app"),
    "node": ("hpc_cli.commands.nodes", "app"),
    "nodegroup": ("hpc_cli.commands.nodes", "group_app"),
    "cluster": ("hpc_cli.commands.cluster", "app"),
    "template": ("hpc_cli.commands.cluster", "template_app"),
    "session": ("hpc_cli.commands.sessions", "app"),
    "profile": ("hpc_cli.commands.profile", "app"),
}


class _Root(TyperGroup):
    """The root group: its command groups come from `lazy`, built on first lookup."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = lazy.LazyCommands(
            {
                name: functools.partial(lazy.group, app, name, *where)
                for name, where in GROUPS.items()
            }
        )


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
        from hpcpack import __version__

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
        str | None,
        typer.Option(
            "--format",
            help="Wire format of SOA calls: xml (default) or json; scheduler calls are always XML",
        ),
    ] = None,
    auth: Annotated[
        str | None,
        typer.Option(help="basic (default; https only), ntlm or negotiate [HPC_AUTH]"),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(help="Bound of each call as a whole (retries included), seconds"),
    ] = None,
    api: Annotated[
        str | None,
        typer.Option(
            help="REST API for jobs, tasks and nodes: windowshpc (default), hpc (2016 Update 1+) "
            "or auto (ask the head node once) [HPC_API]"
        ),
    ] = None,
    as_user: Annotated[
        str | None,
        typer.Option(
            "--as-user",
            help="Act as this user (x-ms-as-user over /hpc; administrators only) [HPC_AS_USER]",
        ),
    ] = None,
    no_env_proxy: Annotated[
        bool,
        typer.Option("--no-env-proxy", help="Ignore HTTP(S)_PROXY / ALL_PROXY / NO_PROXY"),
    ] = False,
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
            "api": api,
            "as_user": as_user,
        },
        profile=profile_name,
        json_mode=json_mode,
        debug=debug,
        no_prompt=no_prompt,
        quiet=quiet,
        env_proxy=not no_env_proxy,
    )


if __name__ == "__main__":  # pragma: no cover
    app(prog_name="hpc")
