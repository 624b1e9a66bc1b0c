"""Jobs, tasks and subtasks of the /hpc API: the WindowsHpc handlers where the operations
match (same scheduler, same rules), plus lists with offset paging, finish, and job XML sent as
a JSON string."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from starlette.responses import Response

from hpc_emulator import jobxml, routes_jobs, routes_tasks, values, xmlwire
from hpc_emulator.entities import TEMPLATES, Task
from hpc_emulator.faults import bad_request
from hpc_emulator.hpcapi.listing import changed_since, page, parse_filter, since
from hpc_emulator.hpcapi.wire import rest_route
from hpc_emulator.listing import sort_key
from hpc_emulator.props import JOB_LIST_DEFAULT, JOB_PROPS, TASK_PROPS, resolve_names
from hpc_emulator.web import Ctx, Route, render

TASK_LIST_DEFAULT = [
    "TaskId", "Name", "State", "CommandLine", "ExitCode", "ParentJobId", "JobTaskId", "InstanceId",
]  # fmt: skip
SCHEDULER_NS = "http://schemas.microsoft.com/HPCS2008R2/scheduler/"
MAX_MESSAGE = 128  # as the WindowsHpc cancel message [I]


def _csv(raw: str) -> list[str]:
    return [p.strip() for p in raw.split(",") if p.strip()]


def _ints(raw: str, what: str) -> set[int]:
    try:
        return {int(p) for p in _csv(raw)}
    except ValueError:
        raise bad_request(f"{what} must be comma-separated integers: '{raw}'.") from None


async def get_jobs(ctx: Ctx) -> Response:
    sched = ctx.emu.scheduler
    node_names = ctx.q("nodeNames")
    if node_names is not None:  # every other parameter ignored; all properties [D]
        wanted = {n.lower() for n in _csv(node_names)}
        rows = []
        for job in sched.all_jobs():
            view = routes_jobs.job_view(job)
            alloc = {n.lower() for n in _csv(str(view.get("AllocatedNodes") or ""))}
            if job.state == "Running" and alloc & wanted:
                rows.append(render(view, resolve_names(JOB_PROPS, None, list(view))))
        return ctx.respond(xmlwire.object_list(rows, ctx.fmt))
    names = resolve_names(JOB_PROPS, ctx.q("properties"), JOB_LIST_DEFAULT)
    flt = parse_filter(ctx.q("$filter"), ("JobState", "NodeGroup", "ChangeTimeFrom"))
    state = values.parse_enum("JobState", flt["jobstate"]) if "jobstate" in flt else None
    group = flt.get("nodegroup")
    after = since(flt)
    owner = ctx.q("owner")
    key = sort_key(JOB_PROPS, ctx.q("sortJobsBy"), "Id")
    jobs = sched.jobs

    def accepts(props: dict[str, Any]) -> bool:
        if state is not None and props.get("State") != state:
            return False
        if group is not None and group.lower() not in {
            g.lower() for g in _csv(str(props.get("NodeGroups") or ""))
        }:
            return False
        if owner and not ctx.emu.accounts.same(str(props.get("Owner") or ""), owner):
            return False
        return changed_since(props.get("ChangeTime"), after)

    def select() -> list[int]:
        chosen = [j for j in sched.all_jobs() if accepts(j.props)]
        chosen.sort(key=lambda j: (key(j.props), j.id))
        return [j.id for j in chosen]

    keys, headers = page(ctx, "hpc/jobs", select)
    body = xmlwire.object_list(
        [render(routes_jobs.job_view(jobs[i]), names) for i in keys if i in jobs], ctx.fmt
    )
    return ctx.respond(body, headers=headers)


async def create_job_from_xml(ctx: Ctx) -> Response:
    """The body is a JSON string holding the job XML [D]."""
    data = xmlwire.parse_json(await ctx.body())
    if not isinstance(data, str) or not data.strip():
        raise bad_request("The body must be a JSON string holding the job XML.")
    root = xmlwire.parse_xml(data.encode("utf-8"))
    if root.tag == "Job":  # Microsoft's /hpc example carries no namespace [D]
        for el in root.iter():
            if isinstance(el.tag, str) and not el.tag.startswith("{"):
                el.tag = f"{{{SCHEDULER_NS}}}{el.tag}"
    root = jobxml.read_document(ET.tostring(root), "application/xml")
    job = jobxml.create_from_xml(ctx.emu.scheduler, ctx.user, root)
    return ctx.respond(xmlwire.scalar_int(job.id, ctx.fmt))


async def get_job_templates(ctx: Ctx) -> Response:
    return ctx.respond(xmlwire.string_array(TEMPLATES, ctx.fmt))


async def message(ctx: Ctx) -> str:
    text = await ctx.read(xmlwire.read_string)
    if len(text) > MAX_MESSAGE:
        raise bad_request(f"The message can have at most {MAX_MESSAGE} characters.")
    return text


async def finish_job(ctx: Ctx) -> Response:
    job = routes_jobs.the_job(ctx)
    ctx.check_owner(job.props.get("Owner"))
    ctx.emu.scheduler.finish_job(job, await message(ctx))
    return ctx.respond(None)


async def requeue_job(ctx: Ctx) -> Response:
    job = routes_jobs.the_job(ctx)
    ctx.check_owner(job.props.get("Owner"))
    ctx.emu.scheduler.requeue_job(job)
    return ctx.respond(None)


async def get_tasks(ctx: Ctx) -> Response:
    job = routes_jobs.the_job(ctx)
    names = resolve_names(TASK_PROPS, ctx.q("properties"), TASK_LIST_DEFAULT)
    flt = parse_filter(
        ctx.q("$filter"),
        ("TaskState", "ChangeTimeFrom", "TaskStates", "TaskIds", "TaskInstanceIds"),
    )
    states = {values.parse_enum("TaskState", s) for s in _csv(flt.get("taskstates", ""))}
    if "taskstate" in flt:
        states.add(values.parse_enum("TaskState", flt["taskstate"]))
    ids = _ints(flt["taskids"], "TaskIds") if "taskids" in flt else None
    instances = (
        _ints(flt["taskinstanceids"], "TaskInstanceIds") if "taskinstanceids" in flt else None
    )
    after = since(flt)
    raw = ctx.q("expandParametric")
    expand = values.parse_bool(raw) if raw else True
    by = ctx.q("sortTasksBy")
    # "TaskId" (the documented default) is the text "job.task": sort by its number instead
    key = sort_key(TASK_PROPS, "JobTaskId" if (by or "").lower() == "taskid" else by, "JobTaskId")

    def accepts(t: Task) -> bool:
        return (
            (not states or t.state in states)
            and (ids is None or t.task_id in ids)
            and (instances is None or t.instance_id in instances)
            and changed_since(t.props.get("ChangeTime"), after)
        )

    def select() -> list[tuple[int, int]]:
        items: dict[tuple[int, int], Task] = {}
        for task in job.tasks.values():
            if expand and task.is_sweep and task.subtasks:
                items.update({(s.task_id, s.instance_id): s for s in task.subtasks.values()})
            else:
                items[(task.task_id, 0)] = task
        ordered = sorted(items.items(), key=lambda kv: (key(kv[1].props), kv[0]))
        return [k for k, t in ordered if accepts(t)]

    keys, headers = page(ctx, f"hpc/tasks/{job.id}", select)
    rows = []
    for task_id, instance in keys:
        master = job.tasks.get(task_id)
        item = master if master is None or instance == 0 else master.subtasks.get(instance)
        if item is not None:
            rows.append(render(routes_tasks.task_view(item), names))
    return ctx.respond(xmlwire.object_list(rows, ctx.fmt), headers=headers)


async def _finish(ctx: Ctx, task: Task) -> Response:
    routes_tasks.owner_of(ctx, task)
    ctx.emu.scheduler.finish_task(task, await message(ctx))
    return ctx.respond(None)


async def finish_task(ctx: Ctx) -> Response:
    return await _finish(ctx, routes_tasks.the_task(ctx))


async def finish_subtask(ctx: Ctx) -> Response:
    return await _finish(ctx, routes_tasks.the_subtask(ctx))


async def requeue_task(ctx: Ctx) -> Response:
    task = routes_tasks.the_task(ctx)
    routes_tasks.owner_of(ctx, task)
    await message(ctx)  # a message body is allowed [D]; the scheduler keeps none
    ctx.emu.scheduler.requeue_task(task)
    return ctx.respond(None)


async def requeue_subtask(ctx: Ctx) -> Response:
    task = routes_tasks.the_subtask(ctx)
    routes_tasks.owner_of(ctx, task)
    ctx.emu.scheduler.requeue_task(task)
    return ctx.respond(None)


J = "/jobs/{jobId:int}"
T = J + "/tasks/{taskId:int}"
S = T + "/subtasks/{subtaskId:int}"
ROUTES: list[Route] = [
    rest_route("GET", "/jobs", get_jobs),
    rest_route("POST", "/jobs", routes_jobs.create_job),
    rest_route("POST", "/jobs/jobFile", create_job_from_xml),
    rest_route("GET", "/jobs/templates", get_job_templates),
    rest_route("GET", J, routes_jobs.get_job),
    rest_route("PUT", J, routes_jobs.set_job_properties),
    rest_route("GET", J + "/customProperties", routes_jobs.get_job_custom),
    rest_route("POST", J + "/customProperties", routes_jobs.set_job_custom),
    rest_route("GET", J + "/envVariables", routes_jobs.get_job_env),
    rest_route("POST", J + "/envVariables", routes_jobs.set_job_env),
    rest_route("POST", J + "/submit", routes_jobs.submit_job),
    rest_route("POST", J + "/cancel", routes_jobs.cancel_job),
    rest_route("POST", J + "/finish", finish_job),
    rest_route("POST", J + "/requeue", requeue_job),
    rest_route("GET", J + "/tasks", get_tasks),
    rest_route("POST", J + "/tasks", routes_tasks.add_task),
    rest_route("GET", T, routes_tasks.get_task),
    rest_route("PUT", T, routes_tasks.set_task_properties),
    rest_route("GET", T + "/customProperties", routes_tasks.get_task_custom),
    rest_route("POST", T + "/customProperties", routes_tasks.set_task_custom),
    rest_route("GET", T + "/envVariables", routes_tasks.get_task_env),
    rest_route("POST", T + "/envVariables", routes_tasks.set_task_env),
    rest_route("POST", T + "/cancel", routes_tasks.cancel_task),
    rest_route("POST", T + "/finish", finish_task),
    rest_route("POST", T + "/requeue", requeue_task),
    rest_route("GET", S, routes_tasks.get_subtask),
    rest_route("PUT", S, routes_tasks.set_subtask_properties),
    rest_route("POST", S + "/cancel", routes_tasks.cancel_subtask),
    rest_route("POST", S + "/finish", finish_subtask),
    rest_route("POST", S + "/requeue", requeue_subtask),
]
