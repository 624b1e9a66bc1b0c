"""`hpc cluster info` and `hpc template list`: what the head node says about itself."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

import typer

from ..context import connect
from ..views import as_props, state_name
from . import lib

app: typer.Typer = typer.Typer(help="Cluster-wide information.")
template_app: typer.Typer = typer.Typer(help="Job templates.")

JsonOpt = Annotated[bool, typer.Option("--json", help="JSON output")]


@app.command("info")
def info(ctx: typer.Context, json_flag: JsonOpt = False) -> None:
    """Version, active head node, and node/core totals: a quick "is it up" check."""
    with connect(ctx, json_flag) as (hpc, out):
        nodes = [as_props(n) for n in lib.list_nodes(hpc)]
        states = Counter(state_name(n.get("State")) for n in nodes)
        data: dict[str, Any] = {
            "Url": lib.base_url(hpc),
            "Version": lib.version(hpc),
            "ActiveHeadNode": lib.active_head_node(hpc),
            "Nodes": len(nodes),
            "OnlineNodes": states.get("Online", 0),
            "Cores": sum(int(n.get("NumCores") or 0) for n in nodes),
        }
        out.record(data, title="Cluster")


@template_app.command("list")
def list_templates(ctx: typer.Context, json_flag: JsonOpt = False) -> None:
    """Job template names."""
    with connect(ctx, json_flag) as (hpc, out):
        names = lib.job_templates(hpc)
        if out.json_mode:
            out.json(names)
        else:
            out.table([{"Name": n} for n in names], ["Name"])


from . import rest_cluster  # noqa: E402, F401  (the /hpc API's commands of this group)
