"""Nodes of the /hpc API: typed views, asynchronous operations (202), statistics, node
groups and the 2016 name/value node views.

Operations run as background steps [D: "performed asynchronously ... query the node state"]:
takeOffline drains a busy node (Draining until its cores are free) then Offline; bringOnline
makes an Offline node Online; stop/shutdown drain then end NotDeployed/Offline (unreachable);
start brings a stopped node back Online; reboot drains, goes Offline, then back Online [I:
HPC Pack node states]. Only Online nodes take new tasks (cluster.allocate).
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from starlette.responses import Response

from hpc_emulator import xmlwire
from hpc_emulator.cluster import Node
from hpc_emulator.faults import bad_request, not_found
from hpc_emulator.hpcapi import roles
from hpc_emulator.hpcapi.listing import page, parse_filter
from hpc_emulator.hpcapi.wire import rest_route
from hpc_emulator.listing import sort_key
from hpc_emulator.props import NODE_PROPS, readable, resolve_names
from hpc_emulator.values import parse_enum
from hpc_emulator.web import Ctx, Route, render

STATES = ("Unknown", "Provisioning", "Offline", "Starting", "Online", "Draining", "Rejected",
          "Removing", "NotDeployed", "Stopping")  # fmt: skip
HEALTHS = ("OK", "Warning", "Error", "Transitional", "Unapproved")
OPERATIONS = ("start", "stop", "reboot", "shutdown", "bringOnline", "takeOffline")
STEP = 0.05  # seconds between the steps of a node operation


def health(node: Node) -> str:
    if not node.reachable:
        return "Error"
    return "Transitional" if node.state in ("Draining", "Starting", "Stopping") else "OK"


def groups_of(ctx: Ctx, node: Node) -> list[str]:
    return [g for g, (_, members) in ctx.emu.cluster.groups.items() if node.name in members]


def node_view(ctx: Ctx, node: Node) -> dict[str, Any]:
    busy = len(node.free) < node.cores
    return {
        "Name": node.name,
        "State": node.state,
        "Health": health(node),
        "Template": "Default ComputeNode Template",
        "Location": None,
        "MemorySize": 4096 * node.cores,
        "Cores": node.cores,
        "Sockets": 1,
        "HpcPackVersion": ctx.emu.config.version,
        "OnAzure": False,
        "Groups": groups_of(ctx, node),
        "Roles": ["ComputeNode"],
        "InstalledServiceRoles": ["ComputeNode"],
        "ActiveServiceRoles": ["ComputeNode"] if node.state == "Online" or busy else [],
    }


def answer(ctx: Ctx, data: Any, xml_root: str = "Result") -> Response:
    """Typed answers: JSON; XML as one element per member (DataContract shape [I])."""
    if ctx.fmt == "json":
        return ctx.respond(json.dumps(data))
    return ctx.respond(f"<{xml_root}>{_xml(data)}</{xml_root}>")


def _xml(data: Any) -> str:
    if data is None:
        return ""
    if isinstance(data, dict):
        return "".join(f"<{k}>{_xml(v)}</{k}>" for k, v in data.items())
    if isinstance(data, list):
        return "".join(f"<Item>{_xml(v)}</Item>" for v in data)
    if isinstance(data, bool):
        return "true" if data else "false"
    return xmlwire.text(str(data))


def the_node(ctx: Ctx) -> Node:
    return ctx.emu.cluster.node(ctx.params["name"])


def _csv(raw: str | None) -> list[str]:
    return [p.strip() for p in (raw or "").split(",") if p.strip()]


async def get_cluster_nodes(ctx: Ctx) -> Response:
    nodes = list(ctx.emu.cluster.nodes)
    names = {n.lower() for n in _csv(ctx.q("names"))}
    if names:
        nodes = [n for n in nodes if n.name.lower() in names]
    if ctx.q("jobs"):
        try:
            ids = {int(j) for j in _csv(ctx.q("jobs"))}
        except ValueError:
            raise bad_request("jobs must be comma-separated job ids.") from None
        used = {
            name.lower()
            for i in ids
            if i in ctx.emu.scheduler.jobs
            for item in ctx.emu.scheduler.jobs[i].items()
            if item.alloc
            for name, _ in item.alloc
        }
        nodes = [n for n in nodes if n.name.lower() in used]
    if ctx.q("group"):
        _, members = ctx.emu.cluster.group(ctx.q("group") or "")
        nodes = [n for n in nodes if n.name in members]
    if ctx.q("state"):
        state = _choice(ctx.q("state") or "", STATES, "state")
        nodes = [n for n in nodes if n.state == state]
    if ctx.q("health"):
        wanted = _choice(ctx.q("health") or "", HEALTHS, "health")
        nodes = [n for n in nodes if health(n) == wanted]
    return answer(ctx, [node_view(ctx, n) for n in nodes], "ArrayOfNode")


def _choice(raw: str, allowed: tuple[str, ...], what: str) -> str:
    for value in allowed:
        if value.lower() == raw.strip().lower():
            return value
    raise bad_request(f"The {what} '{raw}' is not one of {', '.join(allowed)}.")


async def get_cluster_node(ctx: Ctx) -> Response:
    return answer(ctx, node_view(ctx, the_node(ctx)), "Node")


async def operate_node(ctx: Ctx) -> Response:
    node = the_node(ctx)
    emu = ctx.emu
    roles.require_admin(emu.accounts, emu.config.roles, ctx.user)
    raw = ctx.params["operation"]
    op = next((o for o in OPERATIONS if o.lower() == raw.lower()), None)
    if op is None:
        raise not_found(f"No node operation '{raw}' (one of {', '.join(OPERATIONS)}).")
    await ctx.body()  # no body is expected; any sent is read and ignored
    log = emu.rest.oplogs.start(f"Node operation {op}", ctx.user, node.name)
    log.add(f"{op} requested on {node.name} (state {node.state}).")
    emu.rest.spawn(_run(node, op, log, emu.scheduler.wake))
    return ctx.respond(None, status=202)


async def _drain(node: Node) -> None:
    if len(node.free) < node.cores:
        node.state = "Draining"
        while len(node.free) < node.cores:
            await asyncio.sleep(STEP)


async def _run(node: Node, op: str, log: Any, wake: Callable[[], None]) -> None:
    await asyncio.sleep(STEP)
    before = node.state
    if op == "takeOffline" and node.state in ("Online", "Draining"):
        await _drain(node)
        node.state = "Offline"
    elif op == "bringOnline" and node.state == "Offline" and node.reachable:
        node.state = "Online"
    elif op in ("stop", "shutdown") and node.state not in ("NotDeployed", "Stopping"):
        await _drain(node)
        node.state = "Stopping"
        await asyncio.sleep(STEP)
        node.state = "NotDeployed" if op == "stop" else "Offline"
        node.reachable = False
    elif op == "start" and not node.reachable:
        node.state = "Starting"
        await asyncio.sleep(STEP)
        node.reachable = True
        node.state = "Online"
    elif op == "reboot" and node.reachable:
        await _drain(node)
        node.state = "Offline"
        await asyncio.sleep(STEP)
        node.state = before if before != "Draining" else "Online"
    log.commit(f"{op} on {node.name}: {before} -> {node.state}.")
    wake()  # a node back Online may take queued work now


def _counts(values: list[str]) -> list[dict[str, Any]]:
    return [{"Name": k, "Value": v} for k, v in sorted(Counter(values).items())]


async def stat_of_state(ctx: Ctx) -> Response:
    return answer(ctx, _counts([n.state for n in ctx.emu.cluster.nodes]), "ArrayOfStat")


async def stat_of_health(ctx: Ctx) -> Response:
    return answer(ctx, _counts([health(n) for n in ctx.emu.cluster.nodes]), "ArrayOfStat")


# ------------------------------------------------------------ the 2016 name/value views


def legacy_props(ctx: Ctx, node: Node) -> dict[str, Any]:
    props = node.props()
    props["NodeGroups"] = ",".join(groups_of(ctx, node))
    return props


async def get_node_list(ctx: Ctx) -> Response:
    cluster = ctx.emu.cluster
    wanted = ctx.q("nodeNames")
    if wanted is not None:  # every other parameter ignored, unknown names skipped [D]
        names = {n.lower() for n in _csv(wanted)}
        rows = [
            render(legacy_props(ctx, n), readable(NODE_PROPS))
            for n in cluster.nodes
            if n.name.lower() in names
        ]
        return ctx.respond(xmlwire.object_list(rows, ctx.fmt))
    props = resolve_names(NODE_PROPS, ctx.q("properties"), readable(NODE_PROPS))
    flt = parse_filter(ctx.q("$filter"), ("NodeState",))
    state = parse_enum("NodeState", flt["nodestate"]) if "nodestate" in flt else None
    key = sort_key(NODE_PROPS, ctx.q("sortNodesBy"), "Id")

    def select() -> list[str]:
        views = [(n.name, legacy_props(ctx, n)) for n in cluster.nodes]
        ordered = sorted(views, key=lambda kv: (key(kv[1]), kv[0]))
        return [name for name, p in ordered if state is None or p["State"] == state]

    keys, headers = page(ctx, "hpc/nodes", select)
    rows = [render(legacy_props(ctx, cluster.node(k)), props) for k in keys]
    return ctx.respond(xmlwire.object_list(rows, ctx.fmt), headers=headers)


async def get_node_by_name(ctx: Ctx) -> Response:
    props = legacy_props(ctx, the_node(ctx))
    return ctx.respond(xmlwire.property_list(render(props, readable(NODE_PROPS)), ctx.fmt))


ROUTES: list[Route] = [
    rest_route("GET", "/cluster/nodes", get_cluster_nodes),
    rest_route("GET", "/cluster/nodes/stats/state", stat_of_state),
    rest_route("GET", "/cluster/nodes/stats/health", stat_of_health),
    rest_route("GET", "/cluster/nodes/{name}", get_cluster_node),
    rest_route("POST", "/cluster/nodes/{name}/operations/{operation}", operate_node),
    rest_route("GET", "/nodes", get_node_list),
    rest_route("GET", "/nodes/{name}", get_node_by_name),
]
