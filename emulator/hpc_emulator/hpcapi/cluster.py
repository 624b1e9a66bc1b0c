"""Cluster information, metrics and operation logs of the /hpc API.

Metrics come from what the emulator runs: `HPCSchedulerJobs` (jobs submitted and not yet
ended) is rebuilt for any past minute from job times; `HPCSchedulerNodes` (Online nodes) and
`HPCClusterCpu` (percent of cores in use) are known only now, so their history holds the
current sample when the range covers it [I]. Node metrics are current values per node.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.responses import Response

from hpc_emulator import values, xmlwire
from hpc_emulator.faults import bad_request, not_found
from hpc_emulator.hpcapi import roles
from hpc_emulator.hpcapi.nodes import answer
from hpc_emulator.hpcapi.oplog import iso, utcnow
from hpc_emulator.hpcapi.wire import rest_route
from hpc_emulator.routes_cluster import get_active_head_node, get_version  # same answers
from hpc_emulator.web import Ctx, Route

DATE_TIME_FORMAT = "M/d/yyyy h:mm:ss tt"
MAX_SAMPLES = 1440  # one day of minutes per history request (400 beyond)
DEFINITIONS = [
    {"Name": "HPCSchedulerJobs", "DisplayName": "Cluster Jobs",
     "Description": "The number of jobs submitted and not ended"},
    {"Name": "HPCSchedulerNodes", "DisplayName": "Cluster Nodes",
     "Description": "The number of Online nodes in the cluster"},
    {"Name": "HPCClusterCpu", "DisplayName": "Cluster Core Usage",
     "Description": "The percentage of cluster cores running tasks"},
]  # fmt: skip
NODE_METRICS = ("HPCCpuUsage", "HPCMemoryPaging", "HPCDiskThroughput", "HPCNetwork",
                "HPCCoresInUse")  # fmt: skip


async def get_date_time_format(ctx: Ctx) -> Response:
    return ctx.respond(xmlwire.scalar_string(DATE_TIME_FORMAT, ctx.fmt))


async def get_user_roles(ctx: Ctx) -> Response:
    emu = ctx.emu
    return answer(ctx, roles.user_roles(emu.accounts, emu.config.roles, ctx.user), "ArrayOfRole")


def utc_param(ctx: Ctx, name: str, required: bool) -> datetime | None:
    raw = ctx.q(name)
    if raw is None or raw == "":
        if required:
            raise bad_request(f"{name} is required.")
        return None
    try:
        when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise bad_request(f"{name} is not an ISO 8601 date-time: '{raw}'.") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _aware(value: Any) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def cores_in_use(ctx: Ctx) -> int:
    return sum(n.cores - len(n.free) for n in ctx.emu.cluster.nodes)


def _active_at(ctx: Ctx, when: datetime) -> int:
    count = 0
    for job in ctx.emu.scheduler.all_jobs():
        start, end = _aware(job.props.get("SubmitTime")), _aware(job.props.get("EndTime"))
        if start is not None and start <= when and (end is None or end > when):
            count += 1
    return count


async def get_metric_history(ctx: Ctx) -> Response:
    name = ctx.params["name"]
    known = next((d["Name"] for d in DEFINITIONS if d["Name"].lower() == name.lower()), None)
    if known is None:
        raise not_found(f"No cluster metric '{name}'.")
    start = utc_param(ctx, "fromTime", True)
    end = utc_param(ctx, "toTime", True)
    assert start is not None and end is not None
    if end < start:
        raise bad_request("toTime is before fromTime.")
    if end - start > timedelta(minutes=MAX_SAMPLES):
        raise bad_request(f"At most {MAX_SAMPLES} minutes of history per request.")
    now = utcnow()
    samples: list[dict[str, Any]] = []
    if known == "HPCSchedulerJobs":
        t = start
        while t <= end and t <= now:
            samples.append({"Key": iso(t), "Value": _active_at(ctx, t)})
            t += timedelta(minutes=1)
    elif start <= now <= end:
        nodes = ctx.emu.cluster.nodes
        value = (
            sum(1 for n in nodes if n.state == "Online")
            if known == "HPCSchedulerNodes"
            else round(100.0 * cores_in_use(ctx) / max(1, ctx.emu.cluster.total_cores), 3)
        )
        samples.append({"Key": iso(now), "Value": value})
    data = {
        "MetricName": known,
        "FromTime": iso(start),
        "ToTime": iso(end),
        "Instances": [{"InstanceName": "Instance", "Values": samples}],
    }
    return answer(ctx, data, "MetricData")


async def get_job_metrics(ctx: Ctx) -> Response:
    """Finished and canceled jobs per day over the last 7 days [D: last 7 days; daily I]."""
    now = utcnow()
    start = now - timedelta(days=7)
    days = [start + timedelta(days=i) for i in range(8)]
    counts: dict[str, list[int]] = {"Finished": [0] * 7, "Canceled": [0] * 7}
    for job in ctx.emu.scheduler.all_jobs():
        end = _aware(job.props.get("EndTime"))
        if job.state in counts and end is not None and start <= end <= now:
            index = min(6, int((end - start) / timedelta(days=1)))
            counts[job.state][index] += 1
    instances = [
        {
            "InstanceName": f"Number of {state.lower()} jobs",
            "Values": [{"Key": iso(days[i + 1]), "Value": n} for i, n in enumerate(per_day)],
        }
        for state, per_day in counts.items()
    ]
    data = {
        "MetricName": "Jobs",
        "FromTime": iso(start),
        "ToTime": iso(now),
        "Instances": instances,
    }
    return answer(ctx, data, "MetricData")


async def get_node_metrics(ctx: Ctx) -> Response:
    raw = ctx.q("metricNames")
    if not raw or not raw.strip():
        raise bad_request("metricNames is required.")
    wanted = []
    for part in (p.strip() for p in raw.split(",") if p.strip()):
        name = next((m for m in NODE_METRICS if m.lower() == part.lower()), None)
        if name is None:
            raise bad_request(f"No node metric '{part}' (one of {', '.join(NODE_METRICS)}).")
        wanted.append(name)
    out = []
    for node in ctx.emu.cluster.nodes:
        used = node.cores - len(node.free)
        current = {
            "HPCCpuUsage": round(100.0 * used / max(1, node.cores), 3),
            "HPCMemoryPaging": 0.0,
            "HPCDiskThroughput": 0.0,
            "HPCNetwork": 0.0,
            "HPCCoresInUse": float(used),
        }
        metrics = {m: current[m] for m in wanted} if node.reachable else {}
        out.append({"NodeName": node.name, "Metrics": metrics})
    return answer(ctx, out, "ArrayOfNodeMetric")


def _log_filter(ctx: Ctx) -> tuple[datetime | None, datetime | None, set[str] | None]:
    names = ctx.q("nodeNames")
    nodes = {n.strip().lower() for n in names.split(",") if n.strip()} if names else None
    return utc_param(ctx, "fromTime", False), utc_param(ctx, "toTime", False), nodes


async def get_operations(ctx: Ctx) -> Response:
    after, before, nodes = _log_filter(ctx)
    raw_limit = ctx.q("limit")
    limit = values.parse_int(raw_limit) if raw_limit else None
    if limit is not None and limit < 1:
        raise bad_request("limit must be at least 1.")
    raw = ctx.q("withDetail")
    detail = values.parse_bool(raw) if raw else False
    logs = list(reversed(ctx.emu.rest.oplogs.select(after, before, nodes)))  # latest first
    if limit is not None:
        logs = logs[:limit]
    return answer(ctx, [log.view(detail) for log in logs], "ArrayOfOperationLog")


async def get_first_operation(ctx: Ctx) -> Response:
    logs = ctx.emu.rest.oplogs.select(*_log_filter(ctx))
    if not logs:
        raise not_found("No operation log matches.")
    return answer(ctx, logs[0].view(True), "OperationLog")


async def get_operation(ctx: Ctx) -> Response:
    wanted = ctx.params["id"].lower()
    for log in ctx.emu.rest.oplogs.logs:
        if log.id == wanted:
            return answer(ctx, log.view(True), "OperationLog")
    raise not_found(f"No operation log '{ctx.params['id']}'.")


async def get_definitions(ctx: Ctx) -> Response:
    return answer(ctx, DEFINITIONS, "ArrayOfMetricDefinition")


ROUTES: list[Route] = [
    rest_route("GET", "/cluster/version", get_version),
    rest_route("GET", "/cluster/activeHeadNode", get_active_head_node),
    rest_route("GET", "/cluster/info/dateTimeFormat", get_date_time_format),
    rest_route("GET", "/cluster/userRoles", get_user_roles),
    rest_route("GET", "/cluster/metrics/definitions", get_definitions),
    rest_route("GET", "/cluster/metrics/history/{name}", get_metric_history),
    rest_route("GET", "/cluster/metrics/jobs", get_job_metrics),
    rest_route("GET", "/cluster/nodes/metrics", get_node_metrics),
    rest_route("GET", "/cluster/operations", get_operations),
    rest_route("GET", "/cluster/operations/first", get_first_operation),
    rest_route("GET", "/cluster/operations/{id}", get_operation),
]
