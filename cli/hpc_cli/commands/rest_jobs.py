"""`hpc job finish` (the /hpc API), added to the job group."""

from __future__ import annotations

from typing import Annotated

import typer

from . import jobs
from .rest import AsUser, JsonOpt, Message, connect_rest


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
        rest.jobs.finish(job_id, message or None)
        out.result(f"job {job_id} finished", {"Id": job_id, "State": "Finished"})
