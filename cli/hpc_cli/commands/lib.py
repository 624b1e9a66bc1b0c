"""Every call the commands make into `hpcpack`, in one module.

Commands think in HPC property names (what users type and what `--json` prints); this module
turns them into the library's models and calls. Keeping the library surface in one place makes
the CLI easy to follow when the library evolves.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..config import ConfigError
from ..errors import CliError, ExitCode
from ..output import Output
from ..progress import SendProgress
from ..views import state_name

if TYPE_CHECKING:
    # `hpcpack` (and the generated client under it) is most of a run's start-up time: it is
    # imported where a command first needs it, so `hpc --help` and usage errors stay quick.
    import httpx
    from hpcpack import (
        HpcClient,
        Job,
        Node,
        NodeGroup,
        SessionStartInfo,
        SessionUnitType,
        Task,
        WebSessionInfo,
    )
    from hpcpack.soa import Session

PRIORITIES = ("Lowest", "BelowNormal", "Normal", "AboveNormal", "Highest")


def priority_name(value: str) -> str:
    """`normal`, `Normal`, `2` -> `Normal`; HPC Pack also accepts `Normal+100` forms."""
    text = value.strip()
    if text.isdigit() and int(text) < len(PRIORITIES):
        return PRIORITIES[int(text)]
    for name in PRIORITIES:
        if name.lower() == text.lower():
            return name
    raise ConfigError(f"unknown priority {value!r} (one of: {', '.join(PRIORITIES)})")


def join_command(args: list[str]) -> str:
    """argv -> one command line; a single argument is taken verbatim (a whole shell line)."""
    if len(args) == 1:
        return args[0]
    return " ".join(f'"{a}"' if (not a or any(c.isspace() for c in a)) else a for a in args)


def to_job(props: Mapping[str, Any]) -> Job:
    """A typed Job view from HPC property names (enums by name, ints, bools)."""
    from hpcpack import Job

    return Job.from_dict(dict(props))


def to_task(props: Mapping[str, Any]) -> Task:
    from hpcpack import Task

    return Task.from_dict(dict(props))


def create_job(hpc: HpcClient, props: Mapping[str, Any]) -> int:
    return int(hpc.jobs.create(to_job(props)))


def add_task(hpc: HpcClient, job_id: int, props: Mapping[str, Any], env: Mapping[str, str]) -> int:
    task_id = int(hpc.jobs.add_task(job_id, to_task(props)))
    if env:
        hpc.tasks.set_env_variables(job_id, task_id, dict(env))
    return task_id


def submit_job(hpc: HpcClient, job_id: int) -> None:
    hpc.jobs.submit(job_id)


def get_job(hpc: HpcClient, job_id: int) -> Job:
    return hpc.jobs.get(job_id)


def _job_id(job: Job) -> int:
    return job.id if isinstance(job.id, int) else 0


def list_jobs(hpc: HpcClient, owner: str | None, states: frozenset[str] | None) -> Iterator[Job]:
    """Jobs of `owner` in `states`, in Id order.

    The server filters one state per query (`$filter=JobState eq X`), so several states are
    one query each, merged by Id: finished jobs, usually most of a cluster's, are never fetched
    to be dropped here. A job that changes state between the queries is listed once.
    """
    if states is None:
        yield from hpc.jobs.list(owner=owner)
        return
    queries = [hpc.jobs.list(owner=owner, state=s) for s in sorted(states)]
    last: object = None
    for job in heapq.merge(*queries, key=_job_id):
        # an old head node may ignore $filter: the state check keeps the answer right anyway
        if job.id != last and state_name(job.state) in states:
            last = job.id
            yield job


def cancel_job(hpc: HpcClient, job_id: int, message: str | None) -> None:
    hpc.jobs.cancel(job_id, message)


def requeue_job(hpc: HpcClient, job_id: int) -> None:
    hpc.jobs.requeue(job_id)


def modify_job(hpc: HpcClient, job_id: int, props: Mapping[str, Any]) -> None:
    hpc.jobs.set(job_id, to_job(props))


def get_task(hpc: HpcClient, job_id: int, task_id: int, instance: int | None) -> Task:
    if instance is not None:
        return hpc.subtasks.get(job_id, task_id, instance)
    return hpc.tasks.get(job_id, task_id)


#: Get Task List's default properties plus Output, so sweep results are one call away.
TASK_LIST_PROPERTIES = (
    "TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId,Output"
)


def list_tasks(hpc: HpcClient, job_id: int, expand: bool = True) -> Iterator[Task]:
    return hpc.tasks.list(job_id, properties=TASK_LIST_PROPERTIES, expand_parametric=expand)


def cancel_task(
    hpc: HpcClient, job_id: int, task_id: int, instance: int | None, message: str | None
) -> None:
    if instance is not None:
        hpc.subtasks.cancel(job_id, task_id, instance, message)
    else:
        hpc.tasks.cancel(job_id, task_id, message)


def requeue_task(hpc: HpcClient, job_id: int, task_id: int, instance: int | None) -> None:
    if instance is not None:
        hpc.subtasks.requeue(job_id, task_id, instance)
    else:
        hpc.tasks.requeue(job_id, task_id)


def list_nodes(hpc: HpcClient) -> Iterator[Node]:
    return hpc.nodes.list()


def get_node(hpc: HpcClient, name: str) -> Node:
    return hpc.nodes.get(name)


def list_groups(hpc: HpcClient) -> list[NodeGroup]:
    return hpc.nodes.groups()


def group_members(hpc: HpcClient, name: str) -> list[str]:
    return hpc.nodes.group_members(name)


def base_url(hpc: HpcClient) -> str:
    """The service base the client talks to (with the cluster segment when one is set)."""
    return str(hpc.http.base_url).rstrip("/")


def version(hpc: HpcClient) -> str:
    return hpc.cluster.version()


def active_head_node(hpc: HpcClient) -> str:
    return hpc.cluster.active_head_node()


def job_templates(hpc: HpcClient) -> list[str]:
    return hpc.cluster.templates()


def finish_wait(out: Output, final: Mapping[str, Any]) -> None:
    """Report the terminal job and turn Failed/Canceled into exit code 6."""
    state = state_name(final.get("State"))
    job_id = final.get("Id")
    out.result(f"Job {job_id} {state}.", final)
    if state in ("Failed", "Canceled"):
        reason = final.get("ErrorMessage") or ""
        raise CliError(
            f"job {job_id} ended {state}" + (f": {reason}" if reason else ""), ExitCode.JOB_FAILED
        )


# -- SOA sessions ------------------------------------------------------------------------------


def unit_type(value: str | None) -> SessionUnitType | None:
    """`core`/`Socket`/`2` -> SessionUnitType (HPC Pack's /unittype)."""
    from hpcpack import SessionUnitType

    if value is None:
        return None
    text = value.strip()
    for member in SessionUnitType:
        if text.lower() in (member.name.lower(), str(member.value)):
            return member
    raise ConfigError(f"unknown unit type {value!r} (one of: Core, Socket, Node)")


def start_info(
    service: str,
    min_units: int | None = None,
    max_units: int | None = None,
    unit: str | None = None,
    job_name: str | None = None,
) -> SessionStartInfo:
    """The start info of a session; only the values the user gave are sent."""
    given: dict[str, Any] = {
        "min_units": min_units,
        "max_units": max_units,
        "resource_unit_type": unit_type(unit),
        "service_job_name": job_name,
    }
    from hpcpack import SessionStartInfo

    return SessionStartInfo(
        service_name=service, **{k: v for k, v in given.items() if v is not None}
    )


def create_session(
    hpc: HpcClient,
    service: str,
    min_units: int | None,
    max_units: int | None,
    unit: str | None,
    job_name: str | None,
    durable: bool,
) -> WebSessionInfo:
    """Create a session and leave it open (a later `hpc session close` ends it)."""
    info = start_info(service, min_units, max_units, unit, job_name)
    return hpc.sessions.create(info, durable=durable).info


def attach_session(hpc: HpcClient, session_id: int, durable: bool = False) -> WebSessionInfo:
    return hpc.sessions.attach(session_id, durable=durable).info


def close_session(hpc: HpcClient, session_id: int) -> None:
    """Attach first so that an unknown session is reported (exit 3), then close it."""
    hpc.sessions.attach(session_id).close()


def batch_status(hpc: HpcClient, session_id: int, batch: str) -> str:
    status = hpc.sessions.attach(session_id).status(batch)
    return status.name.capitalize()


@dataclass(frozen=True)
class Reply:
    """One reply of a batch, in request order; a SOAP fault keeps its text as `value`."""

    value: str | None
    fault: bool


def requests_per_post(total: int) -> int:
    """Requests per Send Requests POST: about 20 POSTs, so the sent count moves, but never
    POSTs so small that round trips dominate, nor bodies beyond the library's default."""
    from hpcpack.soa import DEFAULT_REQUESTS_PER_POST

    return max(100, min(DEFAULT_REQUESTS_PER_POST, -(-total // 20)))


@contextmanager
def _on_batch_posts(
    hpc: HpcClient, session_id: int, batch: str, call: Callable[[], None]
) -> Iterator[None]:
    """Call `call` after each Send Requests POST of this batch that the broker accepted.

    One `Session.send` keeps the request indices (user data) continuous and commits with its
    last POST; watching its POSTs on the HTTP client is how the sent count can follow it.
    """
    path = f"/session/{session_id}/batch/{batch}".lower()

    def hook(response: httpx.Response) -> None:
        request = response.request
        if request.method == "POST" and request.url.path.rstrip("/").lower().endswith(path):
            call()

    hooks = hpc.http.event_hooks["response"]
    hooks.append(hook)  # after the library's fault hook: a refused POST raises before this
    try:
        yield
    finally:
        hooks.remove(hook)


@dataclass(frozen=True)
class Batch:
    """The requests of `hpc session send`: `<ACTION><PARAM>text</PARAM></ACTION>` each, sent
    under the batch (client) name `name`."""

    action: str
    param: str
    name: str
    texts: list[str]


def _exchange(hpc: HpcClient, session: Session, batch: Batch, out: Output) -> list[Reply]:
    """Send every request in one committed batch, stream the replies back in request order.

    Replies carry their request's index as user data, so order on the wire does not matter;
    a missing reply is an error (the broker promised one per request).
    """
    replies: dict[int, Reply] = {}
    total = len(batch.texts)
    size = requests_per_post(total)
    with SendProgress(out, f"session {session.id}", total) as bar:
        posts = 0

        def posted() -> None:
            nonlocal posts
            posts += 1
            bar.sent(min(posts * size, total))

        with _on_batch_posts(hpc, session.id, batch.name, posted):
            payloads = [{batch.param: text} for text in batch.texts]
            session.send(batch.name, payloads, action=batch.action, commit=True, per_post=size)
        for reply in session.responses(batch.name):
            tag = reply.user_data or ""
            index = int(tag) if tag.isdigit() else len(replies)
            replies[index] = Reply(reply.value, reply.fault)
            bar.received(len(replies))
    if len(replies) != total:
        raise CliError(f"{total} requests sent but {len(replies)} replies received")
    return [replies[i] for i in range(total)]


def send_requests(
    hpc: HpcClient, session_id: int | None, service: str | None, batch: Batch, out: Output
) -> list[Reply]:
    """Requests into an open session, or into a throwaway session of `service`."""
    if session_id is not None:
        session = hpc.sessions.attach(session_id)
        return _exchange(hpc, session, batch, out)
    if service is None:
        raise ConfigError("give a session id, or --service NAME for a throwaway session")
    with hpc.sessions.create(start_info(service)) as session:
        out.note(f"Session {session.id} created.")
        return _exchange(hpc, session, batch, out)
