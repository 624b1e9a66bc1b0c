"""Job operations: list, create (properties or job XML), get, set, submit, cancel, requeue,
custom properties and environment variables."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from hpc_emulator import jobxml, values, xmlwire
from hpc_emulator.entities import Job, apply_named_values, check_name
from hpc_emulator.faults import bad_request
from hpc_emulator.listing import check_render, continuation, parse_filter, rows_per_read, sort_key
from hpc_emulator.props import JOB_LIST_DEFAULT, JOB_PROPS, lookup, readable, resolve_names
from hpc_emulator.web import Ctx, Route, render, route


def job_view(job: Job) -> dict[str, Any]:
    """Stored properties plus the derived ones."""
    props = dict(job.props)
    props["HasRuntime"] = props.get("RuntimeSeconds") is not None
    props["Progress"] = job.progress()
    nodes = sorted(name for name, held in job.nodes.items() if held > 0)
    props["AllocatedNodes"] = ",".join(nodes) if nodes else None
    return props


def the_job(ctx: Ctx) -> Job:
    return ctx.emu.scheduler.job(ctx.int_param("jobId"))


def forced(ctx: Ctx) -> bool:
    raw = ctx.q("Forced")
    return values.parse_bool(raw) if raw else False


async def get_job_list(ctx: Ctx) -> Response:
    names = resolve_names(JOB_PROPS, ctx.q("Properties"), JOB_LIST_DEFAULT)
    check_render(ctx)
    flt = parse_filter(ctx.q("$filter"), "JobState", "JobState")
    rows = rows_per_read(ctx)
    owner = ctx.q("Owner")
    scheduler = ctx.emu.scheduler
    jobs = scheduler.jobs
    field = ctx.q("SortJobsBy")
    key = sort_key(JOB_PROPS, field, "Id")
    by_id = lookup(JOB_PROPS, field or "Id") in (None, JOB_PROPS["id"])

    def select() -> list[int]:
        # state, ChangeTime and Owner come from columns: ended jobs are not read (or held)
        selected: list[int] = []
        for job_id, state, changed, job_owner in scheduler.store.job_rows():
            live = jobs.live.get(job_id)
            if live is not None:
                state, when = live.state, live.props.get("ChangeTime")
                job_owner = str(live.props.get("Owner") or "")
            else:
                when = values.parse_stored_datetime(changed)
            if flt.accepts(state, when) and (
                not owner or ctx.emu.accounts.same(job_owner or "", owner)
            ):
                selected.append(job_id)
        if not by_id:  # any other order needs the properties: ended jobs are read for it
            props = {i: (j.props if (j := jobs.peek(i)) else {}) for i in selected}
            selected.sort(key=lambda i: (key(props[i]), i))
        return selected

    page, token = ctx.emu.queries.page("jobs", ctx.q("QueryId"), select, rows)
    shown = [job for i in page if (job := jobs.peek(i)) is not None]
    body = xmlwire.object_list([render(job_view(job), names) for job in shown], ctx.fmt)
    return ctx.respond(body, headers=continuation(token))


async def create_job(ctx: Ctx) -> Response:
    incoming = await ctx.read(xmlwire.read_property_list)
    job = ctx.emu.scheduler.create_job(ctx.user, incoming)
    return ctx.respond(xmlwire.scalar_int(job.id, ctx.fmt))


async def create_job_from_xml(ctx: Ctx) -> Response:
    root = await ctx.read(jobxml.read_document)
    job = jobxml.create_from_xml(ctx.emu.scheduler, ctx.user, root)
    return ctx.respond(xmlwire.scalar_int(job.id, ctx.fmt))


async def get_job(ctx: Ctx) -> Response:
    job = the_job(ctx)
    spec = ctx.q("Properties")
    names = resolve_names(JOB_PROPS, spec, readable(JOB_PROPS))
    mode = (ctx.q("Render") or "RestPropRender").lower()
    if mode == "hpcjobxml":
        return jobxml.response(jobxml.render_job(job_view(job), job, names if spec else None))
    if mode != "restproprender":
        raise bad_request(f"The render '{ctx.q('Render')}' is not supported.")
    return ctx.respond(xmlwire.property_list(render(job_view(job), names), ctx.fmt))


async def set_job_properties(ctx: Ctx) -> Response:
    job = the_job(ctx)
    ctx.check_owner(job.props.get("Owner"))
    incoming = await ctx.read(xmlwire.read_property_list)
    ctx.emu.scheduler.set_job_props(job, incoming)
    return ctx.respond(None)


async def submit_job(ctx: Ctx) -> Response:
    job = the_job(ctx)
    ctx.check_owner(job.props.get("Owner"))
    incoming = await ctx.read(xmlwire.read_property_list)
    ctx.emu.scheduler.submit(job, incoming)
    return ctx.respond(None)


async def cancel_job(ctx: Ctx) -> Response:
    job = the_job(ctx)
    ctx.check_owner(job.props.get("Owner"))
    message = await ctx.read(xmlwire.read_string)
    if len(message) > 128:
        raise bad_request("The cancel message can have at most 128 characters.")
    ctx.emu.scheduler.cancel_job(job, message, forced(ctx))
    return ctx.respond(None)


async def requeue_job(ctx: Ctx) -> Response:
    job = the_job(ctx)
    ctx.check_owner(job.props.get("Owner"))
    await ctx.read(xmlwire.read_property_list)  # must parse; ignored [D]
    ctx.emu.scheduler.requeue_job(job)
    return ctx.respond(None)


def named(store: dict[str, str], names: str | None, missing_empty: bool) -> xmlwire.Props:
    if not names:
        return list(store.items())
    out: xmlwire.Props = []
    for name in (n.strip() for n in names.split(",")):
        if not name:
            continue
        check_name(name)
        if name in store:
            out.append((name, store[name]))
        elif missing_empty:
            out.append((name, ""))
    return out


async def get_job_custom(ctx: Ctx) -> Response:
    job = the_job(ctx)
    return ctx.respond(xmlwire.property_list(named(job.custom, ctx.q("Names"), False), ctx.fmt))


async def set_job_custom(ctx: Ctx) -> Response:
    job = the_job(ctx)
    ctx.check_owner(job.props.get("Owner"))
    incoming = await ctx.read(xmlwire.read_property_list)
    apply_named_values(job.custom, incoming)
    ctx.emu.scheduler.touch_job(job)
    return ctx.respond(None)


async def get_job_env(ctx: Ctx) -> Response:
    job = the_job(ctx)
    return ctx.respond(xmlwire.property_list(named(job.env, ctx.q("Names"), True), ctx.fmt))


async def set_job_env(ctx: Ctx) -> Response:
    job = the_job(ctx)
    ctx.check_owner(job.props.get("Owner"))
    incoming = await ctx.read(xmlwire.read_property_list)
    apply_named_values(job.env, incoming)
    ctx.emu.scheduler.touch_job(job)
    return ctx.respond(None)


ROUTES: list[Route] = [
    route("GET", "Jobs", get_job_list, required=False),
    route("POST", "Jobs", create_job, required=False),
    route("POST", "Jobs/JobFile", create_job_from_xml, required=False),
    route("GET", "Job/{jobId:int}", get_job, required=False),
    route("PUT", "Job/{jobId:int}", set_job_properties, required=False),
    route("POST", "Job/{jobId:int}/Submit", submit_job, required=False),
    route("POST", "Job/{jobId:int}/Cancel", cancel_job, required=False),
    route("POST", "Job/{jobId:int}/Requeue", requeue_job, required=False),
    route("GET", "Job/{jobId:int}/CustomProperties", get_job_custom, required=False),
    route("POST", "Job/{jobId:int}/CustomProperties", set_job_custom, required=False),
    route("GET", "Job/{jobId:int}/EnvVariables", get_job_env, required=False),
    route("POST", "Job/{jobId:int}/EnvVariables", set_job_env, required=False),
]
