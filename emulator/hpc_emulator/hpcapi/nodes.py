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
from hpc_emulator.faults import Fault, bad_request, not_found
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
MANAGED = ("ComputeNodes", "HeadNodes", "WCFBrokerNodes")
STEP = 0.05  # seconds between the steps of a node operation
MAX_NAME = 64


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


# ------------------------------------------------------------ node groups


def group_view(name: str, description: str) -> dict[str, Any]:
    return {"Name": name, "Description": description, "Managed": name in MANAGED}


def _group_key(ctx: Ctx, name: str) -> str:
    for key in ctx.emu.cluster.groups:
        if key.lower() == name.lower():
            return key
    raise not_found(f"The node group '{name}' does not exist.")


async def _group_body(ctx: Ctx) -> tuple[str, str]:
    data = xmlwire.parse_json(await ctx.body())
    if not isinstance(data, dict):
        raise bad_request("Expected a JSON NodeGroup object {Name, Description}.")
    lowered = {str(k).lower(): v for k, v in data.items()}
    name, desc = lowered.get("name"), lowered.get("description")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        raise bad_request(f"A node group needs a Name of 1 to {MAX_NAME} characters.")
    if desc is not None and not isinstance(desc, str):
        raise bad_request("Description must be a string.")
    return name.strip(), desc or ""


async def get_node_groups(ctx: Ctx) -> Response:
    groups = ctx.emu.cluster.groups
    return answer(ctx, [group_view(k, d) for k, (d, _) in groups.items()], "ArrayOfNodeGroup")


async def create_node_group(ctx: Ctx) -> Response:
    emu = ctx.emu
    roles.require_admin(emu.accounts, emu.config.roles, ctx.user)
    name, desc = await _group_body(ctx)
    if any(k.lower() == name.lower() for k in emu.cluster.groups):
        raise Fault(409, 0, f"The node group '{name}' already exists.")
    emu.cluster.groups[name] = (desc, [])
    emu.rest.oplogs.start(f"Create node group {name}", ctx.user, "(cluster)").commit("Created.")
    return answer(ctx, group_view(name, desc), "NodeGroup")


async def get_node_group(ctx: Ctx) -> Response:
    key = _group_key(ctx, ctx.params["name"])
    return answer(ctx, group_view(key, ctx.emu.cluster.groups[key][0]), "NodeGroup")


def _unmanaged(ctx: Ctx) -> str:
    emu = ctx.emu
    roles.require_admin(emu.accounts, emu.config.roles, ctx.user)
    key = _group_key(ctx, ctx.params["name"])
    if key in MANAGED:
        raise bad_request(f"The node group '{key}' is managed by the system.")
    return key


async def update_node_group(ctx: Ctx) -> Response:
    key = _unmanaged(ctx)
    name, desc = await _group_body(ctx)
    groups = ctx.emu.cluster.groups
    if name.lower() != key.lower() and any(k.lower() == name.lower() for k in groups):
        raise Fault(409, 0, f"The node group '{name}' already exists.")
    members = groups.pop(key)[1]
    groups[name] = (desc, members)
    return answer(ctx, group_view(name, desc), "NodeGroup")


async def delete_node_group(ctx: Ctx) -> Response:
    key = _unmanaged(ctx)
    del ctx.emu.cluster.groups[key]
    ctx.emu.rest.oplogs.start(f"Delete node group {key}", ctx.user, "(cluster)").commit("Deleted.")
    return ctx.respond(None)


async def get_nodes_of_group(ctx: Ctx) -> Response:
    key = _group_key(ctx, ctx.params["name"])
    return ctx.respond(xmlwire.string_array(ctx.emu.cluster.groups[key][1], ctx.fmt))


async def move_nodes_of_group(ctx: Ctx) -> Response:
    key = _group_key(ctx, ctx.params["name"])
    emu = ctx.emu
    roles.require_admin(emu.accounts, emu.config.roles, ctx.user)
    data = xmlwire.parse_json(await ctx.body())
    if not isinstance(data, dict):
        raise bad_request("Expected a JSON NodeGroupOperation {GroupName, Operation, NodeNames}.")
    lowered = {str(k).lower(): v for k, v in data.items()}
    group, op, names = lowered.get("groupname"), lowered.get("operation"), lowered.get("nodenames")
    if not isinstance(group, str) or group.lower() != key.lower():
        raise bad_request("GroupName must name the group of the path.")
    if op not in ("add", "remove"):
        raise bad_request("Operation must be 'add' or 'remove'.")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise bad_request("NodeNames must be an array of node names.")
    nodes = [emu.cluster.node(n).name for n in names]  # 404 for an unknown node
    desc, members = emu.cluster.groups[key]
    if op == "add":
        members = members + [n for n in nodes if n not in members]
    else:
        members = [m for m in members if m not in nodes]
    emu.cluster.groups[key] = (desc, members)
    log = emu.rest.oplogs.start(f"{op.title()} nodes of group {key}", ctx.user, "(cluster)")
    log.commit(f"{op} {', '.join(nodes) or '(none)'}.")
    return ctx.respond(xmlwire.string_array(members, ctx.fmt))


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


async def get_legacy_group_members(ctx: Ctx) -> Response:
    return await get_nodes_of_group(ctx)


ROUTES: list[Route] = [
    rest_route("GET", "/cluster/nodes", get_cluster_nodes),
    rest_route("GET", "/cluster/nodes/stats/state", stat_of_state),
    rest_route("GET", "/cluster/nodes/stats/health", stat_of_health),
    rest_route("GET", "/cluster/nodes/{name}", get_cluster_node),
    rest_route("POST", "/cluster/nodes/{name}/operations/{operation}", operate_node),
    rest_route("GET", "/cluster/nodeGroups", get_node_groups),
    rest_route("POST", "/cluster/nodeGroups", create_node_group),
    rest_route("GET", "/cluster/nodeGroups/{name}", get_node_group),
    rest_route("PUT", "/cluster/nodeGroups/{name}", update_node_group),
    rest_route("DELETE", "/cluster/nodeGroups/{name}", delete_node_group),
    rest_route("GET", "/cluster/nodeGroups/{name}/nodes", get_nodes_of_group),
    rest_route("PATCH", "/cluster/nodeGroups/{name}/nodes", move_nodes_of_group),
    rest_route("GET", "/nodes", get_node_list),
    rest_route("GET", "/nodes/groups", get_node_groups),
    rest_route("GET", "/nodes/groups/{name}", get_legacy_group_members),
    rest_route("GET", "/nodes/{name}", get_node_by_name),
]
