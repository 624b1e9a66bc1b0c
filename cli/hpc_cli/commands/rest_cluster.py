"""`hpc cluster metrics` (the /hpc API), added to the cluster group."""

from __future__ import annotations

from typing import Annotated

import typer

from . import cluster
from .rest import AsUser, JsonOpt, connect_rest


@cluster.app.command("metrics")
def metrics(
    ctx: typer.Context,
    names: Annotated[
        str, typer.Option("--names", help="Comma-separated node metrics")
    ] = "HPCCpuUsage,HPCCoresInUse",
    as_user: AsUser = None,
    json_flag: JsonOpt = False,
) -> None:
    """Current node metrics (unreachable nodes show none). Needs /hpc 2019."""
    with connect_rest(ctx, as_user, json_flag) as (rest, out):
        wanted = [n.strip() for n in names.split(",") if n.strip()]
        per_node = rest.nodes.metrics(*wanted)
        rows = [{"Node": node, **values} for node, values in per_node.items()]
        out.table(rows, ["Node", *wanted])
