"""Task and subtask operations of a job."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from hpc_emulator import jobxml, xmlwire
from hpc_emulator.entities import Task, apply_named_values
from hpc_emulator.faults import bad_request
from hpc_emulator.listing import check_render, continuation, parse_filter, rows_per_read, sort_key
from hpc_emulator.props import TASK_LIST_DEFAULT, TASK_PROPS, lookup, readable, resolve_names
from hpc_emulator.routes_jobs import forced, named, the_job
from hpc_emulator.values import parse_bool
from hpc_emulator.web import Ctx, Route, render, route


def task_view(task: Task) -> dict[str, Any]:
    props = dict(task.props)
    props["HasRuntime"] = props.get("RuntimeSeconds") is not None
    props["InstanceId"] = task.instance_id
    return props


def the_task(ctx: Ctx) -> Task:
    job = the_job(ctx)
    return ctx.emu.scheduler.task(job, ctx.int_param("taskId"))


def the_subtask(ctx: Ctx) -> Task:
    task = the_task(ctx)
    return ctx.emu.scheduler.subtask(task, ctx.int_param("subtaskId"))


def owner_of(ctx: Ctx, task: Task) -> None:
    ctx.check_owner(ctx.emu.scheduler.job(task.job_id).props.get("Owner"))


async def get_task_list(ctx: Ctx) -> Response:
    job = the_job(ctx)
    names = resolve_names(TASK_PROPS, ctx.q("Properties"), TASK_LIST_DEFAULT)
    check_render(ctx)
    flt = parse_filter(ctx.q("$filter"), "TaskState", "TaskState")
    rows = rows_per_read(ctx)
    raw = ctx.q("ExpandParametric")
    expand = parse_bool(raw) if raw else True
    field = ctx.q("SortTasksBy")
    key = sort_key(TASK_PROPS, field, "JobTaskId")
    natural = lookup(TASK_PROPS, field or "JobTaskId") in (None, TASK_PROPS["jobtaskid"])

    def candidates() -> list[Task]:
        """The rows the list may hold, in (task, instance) order: with ChangeTimeFrom, only
        the items of the job's change index from that time on, not every task."""
        if flt.since is None:
            return [
                t
                for task in job.tasks.values()
                for t in (task.subtasks.values() if expand and task.subtasks else (task,))
            ]
        out = []
        for key in sorted(job.changed_since(flt.since)):
            task = job.tasks.get(key[0])
            if task is None:
                continue
            if key[1] == 0:
                if not (expand and task.subtasks):
                    out.append(task)
            elif expand and (sub := task.subtasks.get(key[1])) is not None:
                out.append(sub)
        return out

    def select() -> list[tuple[int, int]]:
        accepts = flt.accepts
        chosen = [t for t in candidates() if accepts(t.state, t.props.get("ChangeTime"))]
        if natural:  # (task, instance) order is the stored order: no sort of 100,000 keys
            return [(t.task_id, t.instance_id) for t in chosen]
        # filter first, then sort what is left: a ChangeTimeFrom poll of a big sweep sorts
        # the few changed rows, not all of them
        chosen.sort(key=lambda t: (key(t.props), t.task_id, t.instance_id))
        return [(t.task_id, t.instance_id) for t in chosen]

    page, token = ctx.emu.queries.page(f"tasks/{job.id}", ctx.q("QueryId"), select, rows)
    rows_out = []
    for task_id, instance in page:
        master = job.tasks.get(task_id)
        item = master if master is None or instance == 0 else master.subtasks.get(instance)
        if item is not None:
            rows_out.append(render(task_view(item), names))
    return ctx.respond(xmlwire.object_list(rows_out, ctx.fmt), headers=continuation(token))


async def add_task(ctx: Ctx) -> Response:
    job = the_job(ctx)
    ctx.check_owner(job.props.get("Owner"))
    incoming = await ctx.read(xmlwire.read_property_list)
    task = ctx.emu.scheduler.add_task(job, incoming)
    return ctx.respond(xmlwire.scalar_int(task.task_id, ctx.fmt))


def _render_task(ctx: Ctx, task: Task) -> Response:
    spec = ctx.q("Properties")
    names = resolve_names(TASK_PROPS, spec, readable(TASK_PROPS))
    mode = (ctx.q("Render") or "RestPropRender").lower()
    if mode == "hpcjobxml":
        return jobxml.response(
            jobxml.render_task(task_view(task), task, names if spec else None, root=True)
        )
    if mode != "restproprender":
        raise bad_request(f"The render '{ctx.q('Render')}' is not supported.")
    return ctx.respond(xmlwire.property_list(render(task_view(task), names), ctx.fmt))


async def get_task(ctx: Ctx) -> Response:
    return _render_task(ctx, the_task(ctx))


async def set_task_properties(ctx: Ctx) -> Response:
    task = the_task(ctx)
    owner_of(ctx, task)
    incoming = await ctx.read(xmlwire.read_property_list)
    ctx.emu.scheduler.set_task_props(task, incoming)
    return ctx.respond(None)


async def _cancel(ctx: Ctx, task: Task) -> Response:
    owner_of(ctx, task)
    message = await ctx.read(xmlwire.read_string)
    if len(message) > 128:
        raise bad_request("The cancel message can have at most 128 characters.")
    ctx.emu.scheduler.cancel_task(task, message, forced(ctx))
    return ctx.respond(None)


async def _requeue(ctx: Ctx, task: Task) -> Response:
    owner_of(ctx, task)
    await ctx.read(xmlwire.read_property_list)
    ctx.emu.scheduler.requeue_task(task)
    return ctx.respond(None)


async def cancel_task(ctx: Ctx) -> Response:
    return await _cancel(ctx, the_task(ctx))


async def requeue_task(ctx: Ctx) -> Response:
    return await _requeue(ctx, the_task(ctx))


async def get_task_custom(ctx: Ctx) -> Response:
    task = the_task(ctx)
    return ctx.respond(xmlwire.property_list(named(task.custom, ctx.q("Names"), False), ctx.fmt))


async def set_task_custom(ctx: Ctx) -> Response:
    task = the_task(ctx)
    owner_of(ctx, task)
    apply_named_values(task.custom, await ctx.read(xmlwire.read_property_list))
    ctx.emu.scheduler.touch_task(task)
    return ctx.respond(None)


async def get_task_env(ctx: Ctx) -> Response:
    task = the_task(ctx)
    return ctx.respond(xmlwire.property_list(named(task.env, ctx.q("Names"), True), ctx.fmt))


async def set_task_env(ctx: Ctx) -> Response:
    task = the_task(ctx)
    owner_of(ctx, task)
    apply_named_values(task.env, await ctx.read(xmlwire.read_property_list))
    ctx.emu.scheduler.touch_task(task)
    return ctx.respond(None)


async def get_subtask(ctx: Ctx) -> Response:
    return _render_task(ctx, the_subtask(ctx))


async def set_subtask_properties(ctx: Ctx) -> Response:
    """Sets the properties of the task that contains the subtask [D]."""
    the_subtask(ctx)
    return await set_task_properties(ctx)


async def cancel_subtask(ctx: Ctx) -> Response:
    return await _cancel(ctx, the_subtask(ctx))


async def requeue_subtask(ctx: Ctx) -> Response:
    return await _requeue(ctx, the_subtask(ctx))


T = "Job/{jobId:int}/Task/{taskId:int}"
S = T + "/SubTask/{subtaskId:int}"
ROUTES: list[Route] = [
    route("GET", "Job/{jobId:int}/Tasks", get_task_list, required=False),
    route("POST", "Job/{jobId:int}/Tasks", add_task, required=False),
    route("GET", T, get_task, required=False),
    route("PUT", T, set_task_properties, required=False),
    route("POST", T + "/Cancel", cancel_task, required=False),
    route("POST", T + "/Requeue", requeue_task, required=False),
    route("GET", T + "/CustomProperties", get_task_custom, required=False),
    route("POST", T + "/CustomProperties", set_task_custom, required=False),
    route("GET", T + "/EnvVariables", get_task_env, required=False),
    route("POST", T + "/EnvVariables", set_task_env, required=False),
    route("GET", S, get_subtask, required=False),
    route("PUT", S, set_subtask_properties, required=False),
    route("POST", S + "/Cancel", cancel_subtask, required=False),
    route("POST", S + "/Requeue", requeue_subtask, required=False),
]
