"""`hpc task finish` (the /hpc API), added to the task group."""

from __future__ import annotations

from typing import Annotated

import typer

from . import tasks
from .rest import AsUser, JsonOpt, Message, connect_rest


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
        rest.tasks.finish(job_id, task_id, message or None)
        out.result(f"task {job_id}.{task_id} finished", {"Id": f"{job_id}.{task_id}"})
