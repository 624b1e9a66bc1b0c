"""Commands that need the `/hpc` REST API (HPC Pack 2016 Update 1+; finish and --as-user 2016
Update 3+): `hpc job finish`, `hpc task finish`, `hpc node online|offline|reboot`, `hpc
nodegroup create|add|remove|delete`, `hpc cluster metrics`. They add themselves to the
WindowsHpc command groups; a head node without `/hpc` exits with ApiUnavailable's message."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from ..context import client_kwargs, configure_logging, settings_for, state_of
from ..errors import handled
from ..output import Output
from . import cluster, jobs, nodes, tasks

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


@jobs.app.command("finish")
def finish_job(
    ctx: typer.Context,
    job_id: Annotated[int, typer.Argument(help="Job id")],
    message: Message = "",
    as_user: AsUser = None,
    json_flag: JsonOpt = False,
) -> None:
    """End an active job Finished (like cancel, but Finished). Needs /hpc."""
    with connect_rest(ctx, as_user, json_flag) as (rest, out):
        rest.finish_job(job_id, message)
        out.result(f"job {job_id} finished", {"Id": job_id, "State": "Finished"})


@tasks.app.command("finish")
def finish_task(
    ctx: typer.Context,
    job_id: Annotated[int, typer.Argument(help="Job id")],
    task_id: Annotated[int, typer.Argument(help="Task id within the job")],
    message: Message = "",
    as_user: AsUser = None,
    json_flag: JsonOpt = False,
) -> None:
    """End an active task Finished; the message becomes its ErrorMessage. Needs /hpc."""
    with connect_rest(ctx, as_user, json_flag) as (rest, out):
        rest.finish_task(job_id, task_id, message)
        out.result(f"task {job_id}.{task_id} finished", {"Id": f"{job_id}.{task_id}"})


def _operate(ctx: typer.Context, name: str, op: str, as_user: str | None, j: bool) -> None:
    with connect_rest(ctx, as_user, j) as (rest, out):
        rest.operate(name, op)
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
        group = rest.create_group(name, description)
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
        members = rest.add_to_group(name, *node_names)
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
        members = rest.remove_from_group(name, *node_names)
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
        rest.delete_group(name)
        out.result(f"node group {name} deleted", {"Name": name})


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
        per_node = rest.node_metrics(*wanted)
        rows = [{"Node": node, **values} for node, values in per_node.items()]
        out.table(rows, ["Node", *wanted])
