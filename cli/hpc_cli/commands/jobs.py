"""`hpc job ...`: HPC Pack's `job new|add|submit|view|list|cancel|requeue|modify|wait`.

Options mirror HPC Pack's (`/jobname:` -> `--name`, `/numcores:2-4` -> `--num-cores 2-4`,
`/workdir:`, `/stdout:`, `/depend:`, `/parametric:1-100:5`), so a user's muscle memory works.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from ..config import ConfigError
from ..context import connect, state_of
from ..progress import wait_for_job
from ..specs import parse_env, parse_range, parse_sweep, resource_props
from ..views import JOB_COLUMNS, LISTED_JOB_STATES, as_props, normalise_state
from . import lib

app: typer.Typer = typer.Typer(
    help="Create, submit, inspect and control jobs.", no_args_is_help=True
)

JsonOpt = Annotated[bool, typer.Option("--json", help="JSON output")]
JobId = Annotated[int, typer.Argument(help="Job id", min=1)]


def _check(parser: Callable[[str], object]) -> Callable[[str | None], str | None]:
    """An option callback that turns a parser's ConfigError into a usage error (exit 2)."""

    def callback(value: str | None) -> str | None:
        if value is not None:
            try:
                parser(value)
            except ConfigError as exc:
                raise typer.BadParameter(str(exc)) from None
        return value

    return callback


# Job options shared by `new`, `submit` and `modify` (HPC Pack's /jobname, /numcores, ...).
NameOpt = Annotated[str | None, typer.Option("--name", "-n", help="Job name (/jobname)")]
ProjectOpt = Annotated[str | None, typer.Option(help="Project (/projectname)")]
PriorityOpt = Annotated[
    str | None,
    typer.Option(help="Lowest|BelowNormal|Normal|AboveNormal|Highest (/priority)", metavar="NAME"),
]
_range = _check(lambda v: parse_range(v, "count"))
CoresOpt = Annotated[
    str | None,
    typer.Option("--num-cores", help="N or MIN-MAX (/numcores)", callback=_range, metavar="N"),
]
SocketsOpt = Annotated[
    str | None,
    typer.Option("--num-sockets", help="N or MIN-MAX (/numsockets)", callback=_range, metavar="N"),
]
NodesOpt = Annotated[
    str | None,
    typer.Option("--num-nodes", help="N or MIN-MAX (/numnodes)", callback=_range, metavar="N"),
]
ExclusiveOpt = Annotated[bool | None, typer.Option("--exclusive/--shared", help="(/exclusive)")]
RuntimeOpt = Annotated[
    int | None, typer.Option("--runtime", help="Run-time limit, seconds (/runtime)")
]
GroupOpt = Annotated[
    list[str] | None, typer.Option("--node-group", help="Node group (/nodegroup), repeatable")
]
RequestedOpt = Annotated[
    str | None, typer.Option("--requested-nodes", help="Comma-separated node names")
]
TemplateOpt = Annotated[str | None, typer.Option("--template", help="Job template (/jobtemplate)")]
FailOpt = Annotated[bool | None, typer.Option("--fail-on-task-failure/--no-fail-on-task-failure")]
UntilCanceledOpt = Annotated[bool | None, typer.Option("--run-until-canceled")]

# Task options shared by `add` and `submit` (HPC Pack's /workdir, /stdout, /depend, ...).
TaskNameOpt = Annotated[str | None, typer.Option("--task-name", help="Task name")]
WorkdirOpt = Annotated[str | None, typer.Option("--workdir", help="Working directory (/workdir)")]
StdoutOpt = Annotated[str | None, typer.Option("--stdout", help="Standard output file (/stdout)")]
StderrOpt = Annotated[str | None, typer.Option("--stderr", help="Standard error file (/stderr)")]
StdinOpt = Annotated[str | None, typer.Option("--stdin", help="Standard input file (/stdin)")]
DependOpt = Annotated[
    str | None, typer.Option("--depend", help="Comma-separated task names it waits for (/depend)")
]


SweepOpt = Annotated[
    str | None,
    typer.Option(
        "--parametric",
        help="`*` in the command = instance value (/parametric)",
        metavar="START-END[:STEP]",
        callback=_check(parse_sweep),
    ),
]
EnvOpt = Annotated[list[str] | None, typer.Option("--env", help="NAME=VALUE, repeatable (/env)")]
CommandArg = Annotated[
    list[str] | None, typer.Argument(help="Command line (put it after `--`)", show_default=False)
]


def job_fields(
    name: str | None = None,
    project: str | None = None,
    priority: str | None = None,
    num_cores: str | None = None,
    num_sockets: str | None = None,
    num_nodes: str | None = None,
    exclusive: bool | None = None,
    runtime: int | None = None,
    node_groups: list[str] | None = None,
    requested_nodes: str | None = None,
    template: str | None = None,
    fail_on_task_failure: bool | None = None,
    run_until_canceled: bool | None = None,
) -> dict[str, Any]:
    """Job properties (HPC names) from the options the user actually gave."""
    props: dict[str, Any] = {
        "Name": name,
        "Project": project,
        "Priority": lib.priority_name(priority) if priority else None,
        "IsExclusive": exclusive,
        "RuntimeSeconds": runtime,
        "NodeGroups": ",".join(node_groups) if node_groups else None,
        "RequestedNodes": requested_nodes,
        "JobTemplate": template,
        "FailOnTaskFailure": fail_on_task_failure,
        "RunUntilCanceled": run_until_canceled,
    }
    props.update(resource_props(num_cores, num_sockets, num_nodes))
    return {k: v for k, v in props.items() if v is not None}


def task_fields(
    command: list[str] | None,
    name: str | None = None,
    workdir: str | None = None,
    stdout: str | None = None,
    stderr: str | None = None,
    stdin: str | None = None,
    depend: str | None = None,
    parametric: str | None = None,
) -> dict[str, Any]:
    """Task properties (HPC names); a command line is mandatory."""
    if not command:
        raise ConfigError("a command line is required, e.g. `-- myapp.exe arg`")
    props: dict[str, Any] = {
        "CommandLine": lib.join_command(command),
        "Name": name,
        "WorkDirectory": workdir,
        "StdOutFilePath": stdout,
        "StdErrFilePath": stderr,
        "StdInFilePath": stdin,
        "DependsOn": depend,
    }
    if parametric:
        sweep = parse_sweep(parametric)
        props.update(
            Type="ParametricSweep",
            StartValue=sweep.start,
            EndValue=sweep.end,
            IncrementValue=sweep.step,
        )
    return {k: v for k, v in props.items() if v is not None}


def _param(name: str, annotation: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation
    )


#: Job options in HPC Pack's order (/jobname, /projectname, /priority, /numcores, ...).
JOB_OPTIONS = [
    _param("name", NameOpt),
    _param("project", ProjectOpt),
    _param("priority", PriorityOpt),
    _param("num_cores", CoresOpt),
    _param("num_sockets", SocketsOpt),
    _param("num_nodes", NodesOpt),
    _param("exclusive", ExclusiveOpt),
    _param("runtime", RuntimeOpt),
    _param("node_groups", GroupOpt),
    _param("requested_nodes", RequestedOpt),
    _param("template", TemplateOpt),
    _param("fail_on_task_failure", FailOpt),
    _param("run_until_canceled", UntilCanceledOpt),
]
#: Task options (/workdir, /stdout, /depend, /parametric, /env, ...).
TASK_OPTIONS = [
    _param("name", TaskNameOpt),
    _param("workdir", WorkdirOpt),
    _param("stdout", StdoutOpt),
    _param("stderr", StderrOpt),
    _param("stdin", StdinOpt),
    _param("depend", DependOpt),
    _param("parametric", SweepOpt),
    _param("env", EnvOpt),
]


def with_options(
    into: str, group: list[inspect.Parameter], prefix: str = "", exclude: tuple[str, ...] = ()
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Put a group of shared options where the command declares `into`, and hand the command
    the values as one dict: `new`, `add`, `submit` and `modify` declare them once, here.

    `prefix` keeps the Python names of two groups apart (`name` is --name and --task-name).
    """
    chosen = [p.replace(name=prefix + p.name) for p in group if p.name not in exclude]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = list(inspect.signature(command, eval_str=True).parameters.values())
        at = [p.name for p in own].index(into)
        params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own[at + 1 :]]

        @functools.wraps(command)
        def wrapper(**kwargs: Any) -> None:
            values = {p.name[len(prefix) :]: kwargs.pop(p.name) for p in chosen}
            command(**kwargs, **{into: values})

        wrapper.__signature__ = inspect.Signature([*own[:at], *chosen, *params])  # type: ignore[attr-defined]
        return wrapper

    return decorate


@app.command("new")
@with_options("job", JOB_OPTIONS)
def new(ctx: typer.Context, job: dict[str, Any], json_flag: JsonOpt = False) -> None:
    """Create a job (Configuring state, no tasks) and print its id."""
    with connect(ctx, json_flag) as (hpc, out):
        job_id = lib.create_job(hpc, job_fields(**job))
        out.result(f"Created job, ID: {job_id}", {"Id": job_id})


@app.command("add")
@with_options("task", TASK_OPTIONS, prefix="task_")
def add(
    ctx: typer.Context,
    job_id: JobId,
    command: CommandArg = None,
    task: dict[str, Any] | None = None,
    json_flag: JsonOpt = False,
) -> None:
    """Add a task to a job: `hpc job add 5 --workdir /tmp -- myapp.exe arg`."""
    with connect(ctx, json_flag) as (hpc, out):
        options = dict(task or {})
        env = parse_env(options.pop("env") or [])
        task_id = lib.add_task(hpc, job_id, task_fields(command, **options), env)
        out.result(f"Task {job_id}.{task_id} added.", {"JobId": job_id, "TaskId": task_id})


@app.command("submit")
@with_options("task", TASK_OPTIONS, prefix="task_", exclude=("depend",))
@with_options("job", JOB_OPTIONS, exclude=("run_until_canceled",))
def submit(
    ctx: typer.Context,
    command: CommandArg = None,
    job_id: Annotated[
        int | None, typer.Option("--id", help="Submit this existing job (/id:)", min=1)
    ] = None,
    job: dict[str, Any] | None = None,
    task: dict[str, Any] | None = None,
    wait: Annotated[bool, typer.Option("--wait", help="Wait for the end, with progress")] = False,
    timeout: Annotated[float | None, typer.Option(help="--wait limit, seconds")] = None,
    json_flag: JsonOpt = False,
) -> None:
    """Submit a job: `--id N` for an existing one, or a one-task job from `-- command args`."""
    with connect(ctx, json_flag) as (hpc, out):
        jprops = job_fields(**(job or {}))
        options = dict(task or {})
        if job_id is not None:
            if command or jprops or any(v is not None for v in options.values()):
                raise ConfigError(
                    "--id submits an existing job as it is: use `hpc job modify` / "
                    "`hpc job add` to change it"
                )
            lib.submit_job(hpc, job_id)
        else:
            # every value is checked before anything is created on the head node
            variables = parse_env(options.pop("env") or [])
            tprops = task_fields(command, **options)
            job_id = lib.create_job(hpc, jprops)
            lib.add_task(hpc, job_id, tprops, variables)
            lib.submit_job(hpc, job_id)
        if not wait:
            out.result(f"Job has been submitted. ID: {job_id}.", {"Id": job_id})
            return
        out.note(f"Job has been submitted. ID: {job_id}.")
        final = wait_for_job(hpc, job_id, out, timeout=timeout)
        lib.finish_wait(out, final)


@app.command("view")
def view(ctx: typer.Context, job_id: JobId, json_flag: JsonOpt = False) -> None:
    """All properties of a job."""
    with connect(ctx, json_flag) as (hpc, out):
        out.record(as_props(lib.get_job(hpc, job_id)), title=f"Job {job_id}")


def list_filter(
    state: list[str] | None, owner: str | None, all_jobs: bool, current_user: str | None
) -> tuple[frozenset[str] | None, str | None]:
    """(states, owner) to list, None meaning any, as HPC Pack's `job list` decides them.

    Without /all it lists "jobs that have a state of Queued or Running and that belong to the
    current user, unless you explicitly specify a state or user with /state or /user"; `/all`
    lists every job, `/user:*` every owner. `--state` takes names, comma lists, or `all`.
    """
    states: frozenset[str] | None = None if all_jobs else LISTED_JOB_STATES
    if state:
        names = [n.strip() for s in state for n in s.split(",") if n.strip()]
        given = {n.lower() for n in names}
        states = None if "all" in given else frozenset(normalise_state(n) for n in names)
    wanted_owner = None if all_jobs else current_user
    if owner is not None:
        wanted_owner = None if owner.strip() in ("*", "") else owner.strip()
    return states, wanted_owner


@app.command("list")
def list_jobs(
    ctx: typer.Context,
    state: Annotated[
        list[str] | None,
        typer.Option("--state", "-s", help="Only these states (repeatable or a,b; `all`) (/state)"),
    ] = None,
    owner: Annotated[
        str | None,
        typer.Option("--owner", "--user", help="Only this owner (DOMAIN\\user); `*` = all (/user)"),
    ] = None,
    all_jobs: Annotated[
        bool, typer.Option("--all", "-a", help="Every job: any state, any owner (/all)")
    ] = False,
    json_flag: JsonOpt = False,
) -> None:
    """List jobs; by default, like HPC Pack's `job list`, your Queued and Running ones.

    "Your" is the configured username; without one (an open emulator) every owner is listed.
    """
    with connect(ctx, json_flag) as (hpc, out):
        user = state_of(ctx).username
        states, wanted_owner = list_filter(state, owner, all_jobs, user)
        rows = [as_props(j) for j in lib.list_jobs(hpc, owner=wanted_owner, states=states)]
        out.table(rows, JOB_COLUMNS)
        if owner is None and not all_jobs and user is None:
            out.note("(no username set: jobs of every owner are listed)")


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    job_id: JobId,
    message: Annotated[str | None, typer.Option("--message", "-m", help="Reason")] = None,
    json_flag: JsonOpt = False,
) -> None:
    """Cancel a job (its running tasks are stopped)."""
    with connect(ctx, json_flag) as (hpc, out):
        lib.cancel_job(hpc, job_id, message)
        out.result(f"Job {job_id} canceled.", {"Id": job_id, "Canceled": True})


@app.command("requeue")
def requeue(ctx: typer.Context, job_id: JobId, json_flag: JsonOpt = False) -> None:
    """Requeue a failed or canceled job."""
    with connect(ctx, json_flag) as (hpc, out):
        lib.requeue_job(hpc, job_id)
        out.result(f"Job {job_id} requeued.", {"Id": job_id, "Requeued": True})


ProgressOpt = Annotated[
    int | None,
    typer.Option(
        "--progress",
        min=0,
        max=100,
        help="Percent complete; the scheduler stops maintaining it (/progress)",
        show_default=False,
    ),
]
ProgressMsgOpt = Annotated[
    str | None,
    typer.Option("--progress-msg", help="Progress message, up to 80 characters (/progressmsg)"),
]


@app.command("modify")
@with_options("job", JOB_OPTIONS, exclude=("template", "run_until_canceled"))
def modify(
    ctx: typer.Context,
    job_id: JobId,
    job: dict[str, Any],
    progress: ProgressOpt = None,
    progress_message: ProgressMsgOpt = None,
    json_flag: JsonOpt = False,
) -> None:
    """Change properties of a job (HPC Pack's `job modify`)."""
    with connect(ctx, json_flag) as (hpc, out):
        props = job_fields(**job)
        if progress is not None:
            props["Progress"] = progress
        if progress_message is not None:
            props["ProgressMessage"] = progress_message
        if not props:
            raise ConfigError("nothing to change: give at least one property option")
        lib.modify_job(hpc, job_id, props)
        out.result(f"Job {job_id} modified.", {"Id": job_id, **props})


@app.command("wait")
def wait_cmd(
    ctx: typer.Context,
    job_id: JobId,
    timeout: Annotated[float | None, typer.Option(help="Give up after this many seconds")] = None,
    json_flag: JsonOpt = False,
) -> None:
    """Wait until the job ends; exit 6 if it ended Failed or Canceled."""
    with connect(ctx, json_flag) as (hpc, out):
        final = wait_for_job(hpc, job_id, out, timeout=timeout)
        lib.finish_wait(out, final)


from . import rest_jobs  # noqa: E402, F401  (the /hpc API's commands of this group)
