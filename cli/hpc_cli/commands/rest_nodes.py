"""`hpc node online|offline|reboot`, `hpc nodegroup create|add|remove|delete` (the /hpc API)."""

from __future__ import annotations

from typing import Annotated

import typer

from . import nodes
from .rest import AsUser, JsonOpt, connect_rest


def _operate(ctx: typer.Context, name: str, op: str, as_user: str | None, j: bool) -> None:
    with connect_rest(ctx, as_user, j) as (rest, out):
        rest.nodes.operate(name, op)
        out.result(
            f"{op} accepted for {name} (applied asynchronously)", {"Name": name, "Operation": op}
        )


@nodes.app.command("online")
def node_online(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="Node name")],
    as_user: AsUser = None, json_flag: JsonOpt = False,
) -> None:  # fmt: skip
    """Bring an Offline node online (asynchronous). Needs /hpc 2019."""
    _operate(ctx, name, "bringOnline", as_user, json_flag)


@nodes.app.command("offline")
def node_offline(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="Node name")],
    as_user: AsUser = None, json_flag: JsonOpt = False,
) -> None:  # fmt: skip
    """Take a node offline; a busy node drains first (asynchronous). Needs /hpc 2019."""
    _operate(ctx, name, "takeOffline", as_user, json_flag)


@nodes.app.command("reboot")
def node_reboot(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="Node name")],
    as_user: AsUser = None, json_flag: JsonOpt = False,
) -> None:  # fmt: skip
    """Reboot a node (asynchronous). Needs /hpc 2019."""
    _operate(ctx, name, "reboot", as_user, json_flag)


@nodes.group_app.command("create")
def group_create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Group name")],
    description: Annotated[str, typer.Option("--description", "-d")] = "",
    as_user: AsUser = None,
    json_flag: JsonOpt = False,
) -> None:
    """Create a node group. Needs /hpc 2019."""
    with connect_rest(ctx, as_user, json_flag) as (rest, out):
        group = rest.node_groups.create(name, description or None)
        out.result(f"node group {group.name} created", group.to_dict())


@nodes.group_app.command("add")
def group_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Group name")],
    node_names: Annotated[list[str], typer.Argument(help="Nodes to add")],
    as_user: AsUser = None,
    json_flag: JsonOpt = False,
) -> None:
    """Add nodes to a group. Needs /hpc 2019."""
    with connect_rest(ctx, as_user, json_flag) as (rest, out):
        members = rest.node_groups.add(name, *node_names)
        out.result(f"{name}: {', '.join(members)}", {"Name": name, "Nodes": members})


@nodes.group_app.command("remove")
def group_remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Group name")],
    node_names: Annotated[list[str], typer.Argument(help="Nodes to remove")],
    as_user: AsUser = None,
    json_flag: JsonOpt = False,
) -> None:
    """Remove nodes from a group. Needs /hpc 2019."""
    with connect_rest(ctx, as_user, json_flag) as (rest, out):
        members = rest.node_groups.remove(name, *node_names)
        out.result(f"{name}: {', '.join(members) or '(empty)'}", {"Name": name, "Nodes": members})


@nodes.group_app.command("delete")
def group_delete(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Group name")],
    as_user: AsUser = None,
    json_flag: JsonOpt = False,
) -> None:
    """Delete a node group. Needs /hpc 2019."""
    with connect_rest(ctx, as_user, json_flag) as (rest, out):
        rest.node_groups.delete(name)
        out.result(f"node group {name} deleted", {"Name": name})
