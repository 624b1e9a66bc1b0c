"""`hpc task view|list|cancel|requeue`, with HPC Pack's `JOB.TASK[.INSTANCE]` ids.

An id with an instance (`5.1.7`) addresses one subtask of a parametric sweep, as in HPC Pack.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..config import ConfigError
from ..context import connect
from ..specs import parse_task_id
from ..views import TASK_COLUMNS, as_props, normalise_state, state_name
from . import lib

app: typer.Typer = typer.Typer(help="Inspect and control tasks (JOB.TASK or JOB.TASK.INSTANCE).")

JsonOpt = Annotated[bool, typer.Option("--json", help="JSON output")]


def _check_task_id(value: str) -> str:
    """Reject malformed ids while parsing arguments, so they are usage errors (exit 2)."""
    try:
        parse_task_id(value)
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from None
    return value


TaskIdArg = Annotated[
    str,
    typer.Argument(
        help="JOB.TASK or JOB.TASK.INSTANCE, e.g. 5.1 or 5.1.7",
        callback=_check_task_id,
        metavar="JOB.TASK[.INSTANCE]",
    ),
]


@app.command("view")
def view(ctx: typer.Context, task_id: TaskIdArg, json_flag: JsonOpt = False) -> None:
    """All properties of a task or subtask."""
    with connect(ctx, json_flag) as (hpc, out):
        job, task, instance = parse_task_id(task_id)
        out.record(as_props(lib.get_task(hpc, job, task, instance)), title=f"Task {task_id}")


@app.command("list")
def list_tasks(
    ctx: typer.Context,
    job_id: Annotated[int, typer.Argument(help="Job id", min=1)],
    state: Annotated[
        list[str] | None, typer.Option("--state", "-s", help="Only this state, repeatable")
    ] = None,
    expand: Annotated[
        bool, typer.Option("--expand/--no-expand", help="Show sweep instances (subtasks)")
    ] = True,
    json_flag: JsonOpt = False,
) -> None:
    """The tasks of a job (parametric sweeps expanded into their subtasks by default)."""
    with connect(ctx, json_flag) as (hpc, out):
        wanted = {normalise_state(s) for s in state} if state else None
        rows = [as_props(t) for t in lib.list_tasks(hpc, job_id, expand=expand)]
        if wanted is not None:
            rows = [r for r in rows if state_name(r.get("State")) in wanted]
        out.table(rows, TASK_COLUMNS)


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    task_id: TaskIdArg,
    message: Annotated[str | None, typer.Option("--message", "-m", help="Reason")] = None,
    json_flag: JsonOpt = False,
) -> None:
    """Cancel a task or subtask."""
    with connect(ctx, json_flag) as (hpc, out):
        job, task, instance = parse_task_id(task_id)
        lib.cancel_task(hpc, job, task, instance, message)
        out.result(f"Task {task_id} canceled.", {"TaskId": task_id, "Canceled": True})


@app.command("requeue")
def requeue(ctx: typer.Context, task_id: TaskIdArg, json_flag: JsonOpt = False) -> None:
    """Requeue a failed or canceled task or subtask."""
    with connect(ctx, json_flag) as (hpc, out):
        job, task, instance = parse_task_id(task_id)
        lib.requeue_task(hpc, job, task, instance)
        out.result(f"Task {task_id} requeued.", {"TaskId": task_id, "Requeued": True})


from . import rest_tasks  # noqa: E402, F401  (the /hpc API's commands of this group)
