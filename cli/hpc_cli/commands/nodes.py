"""`hpc node view|list` and `hpc nodegroup list|view`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..context import connect
from ..views import NODE_COLUMNS, as_props, state_name
from . import lib

app: typer.Typer = typer.Typer(help="Compute nodes.")
group_app: typer.Typer = typer.Typer(help="Node groups.")

JsonOpt = Annotated[bool, typer.Option("--json", help="JSON output")]


@app.command("list")
def list_nodes(
    ctx: typer.Context,
    state: Annotated[
        str | None, typer.Option("--state", "-s", help="online|offline|draining")
    ] = None,
    group: Annotated[str | None, typer.Option("--group", "-g", help="Only this node group")] = None,
    json_flag: JsonOpt = False,
) -> None:
    """List nodes with their state and size."""
    with connect(ctx, json_flag) as (hpc, out):
        rows = [as_props(n) for n in lib.list_nodes(hpc)]
        if state:
            rows = [r for r in rows if state_name(r.get("State")).lower() == state.lower()]
        if group:
            members = set(lib.group_members(hpc, group))
            rows = [r for r in rows if r.get("Name") in members]
        out.table(rows, NODE_COLUMNS)


@app.command("view")
def view(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Node name")],
    json_flag: JsonOpt = False,
) -> None:
    """All properties of a node."""
    with connect(ctx, json_flag) as (hpc, out):
        out.record(as_props(lib.get_node(hpc, name)), title=f"Node {name}")


@group_app.command("list")
def list_groups(ctx: typer.Context, json_flag: JsonOpt = False) -> None:
    """List node groups."""
    with connect(ctx, json_flag) as (hpc, out):
        rows = [as_props(g) for g in lib.list_groups(hpc)]
        out.table(rows, ["Name", "Description"])


@group_app.command("view")
def view_group(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Node group name")],
    json_flag: JsonOpt = False,
) -> None:
    """The member nodes of a group."""
    with connect(ctx, json_flag) as (hpc, out):
        members = lib.group_members(hpc, name)
        if out.json_mode:
            out.json({"Name": name, "Nodes": members})
        else:
            out.table([{"Node": m} for m in members], ["Node"], title=f"Node group {name}")


from . import rest_nodes  # noqa: E402, F401  (the /hpc API's commands of this group)
