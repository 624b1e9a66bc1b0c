"""Node groups of the /hpc API: list, create, update, delete, membership (PATCH), and the
2016 `/nodes/groups` views. HeadNodes, ComputeNodes and WCFBrokerNodes are Managed: the
system's, not changeable [D: `Managed`; I: refused with 400]. Changes need an Administrator."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from hpc_emulator import xmlwire
from hpc_emulator.faults import Fault, bad_request, not_found
from hpc_emulator.hpcapi import roles
from hpc_emulator.hpcapi.nodes import answer
from hpc_emulator.hpcapi.wire import rest_route
from hpc_emulator.web import Ctx, Route

MANAGED = ("ComputeNodes", "HeadNodes", "WCFBrokerNodes")
MAX_NAME = 64


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


ROUTES: list[Route] = [
    rest_route("GET", "/cluster/nodeGroups", get_node_groups),
    rest_route("POST", "/cluster/nodeGroups", create_node_group),
    rest_route("GET", "/cluster/nodeGroups/{name}", get_node_group),
    rest_route("PUT", "/cluster/nodeGroups/{name}", update_node_group),
    rest_route("DELETE", "/cluster/nodeGroups/{name}", delete_node_group),
    rest_route("GET", "/cluster/nodeGroups/{name}/nodes", get_nodes_of_group),
    rest_route("PATCH", "/cluster/nodeGroups/{name}/nodes", move_nodes_of_group),
    rest_route("GET", "/nodes/groups", get_node_groups),
    rest_route("GET", "/nodes/groups/{name}", get_nodes_of_group),
]
