"""Cluster-level and node operations: clusters, version, head node, templates, nodes, groups."""

from __future__ import annotations

from starlette.responses import Response

from hpc_emulator import xmlwire
from hpc_emulator.entities import TEMPLATES
from hpc_emulator.listing import (
    check_render,
    continuation,
    parse_filter,
    rows_per_read,
    sort_key,
)
from hpc_emulator.props import NODE_PROPS, readable, resolve_names
from hpc_emulator.web import Ctx, Route, render, route


async def get_clusters(ctx: Ctx) -> Response:
    return ctx.respond(xmlwire.object_list([[("Name", ctx.emu.config.cluster_name)]], ctx.fmt))


async def get_version(ctx: Ctx) -> Response:
    return ctx.respond(xmlwire.scalar_string(ctx.emu.config.version, ctx.fmt))


async def get_active_head_node(ctx: Ctx) -> Response:
    return ctx.respond(xmlwire.scalar_string(ctx.emu.config.head_node, ctx.fmt))


async def get_job_templates(ctx: Ctx) -> Response:
    return ctx.respond(xmlwire.string_array(TEMPLATES, ctx.fmt))


async def get_node_list(ctx: Ctx) -> Response:
    names = resolve_names(NODE_PROPS, ctx.q("Properties"), readable(NODE_PROPS))
    check_render(ctx)
    flt = parse_filter(ctx.q("$filter"), "NodeState", "NodeState")
    rows = rows_per_read(ctx)
    nodes = {n.name: n.props() for n in ctx.emu.cluster.nodes}
    key = sort_key(NODE_PROPS, ctx.q("SortNodesBy"), "Id")

    def select() -> list[str]:
        ordered = sorted(nodes.items(), key=lambda kv: key(kv[1]))
        return [n for n, props in ordered if flt.accepts(props["State"], props["OnlineTime"])]

    page, token = ctx.emu.queries.page("nodes", ctx.q("QueryId"), select, rows)
    body = xmlwire.object_list([render(nodes[k], names) for k in page], ctx.fmt)
    return ctx.respond(body, headers=continuation(token))


async def get_node(ctx: Ctx) -> Response:
    node = ctx.emu.cluster.node(ctx.params["nodeName"])
    return ctx.respond(xmlwire.property_list(render(node.props(), readable(NODE_PROPS)), ctx.fmt))


async def get_node_groups(ctx: Ctx) -> Response:
    rows: list[xmlwire.Props] = [
        [("Name", name), ("Description", desc)]
        for name, (desc, _) in ctx.emu.cluster.groups.items()
    ]
    return ctx.respond(xmlwire.object_list(rows, ctx.fmt))


async def get_node_group_members(ctx: Ctx) -> Response:
    _, members = ctx.emu.cluster.group(ctx.params["groupName"])
    return ctx.respond(xmlwire.string_array(members, ctx.fmt))


ROUTES: list[Route] = [
    route("GET", "Clusters", get_clusters, required=True, cluster_segment=False),
    route("GET", "Version", get_version, required=False),
    route("GET", "ActiveHeadnode", get_active_head_node, required=True),
    route("GET", "JobTemplates", get_job_templates, required=False),
    route("GET", "Nodes", get_node_list, required=True),
    route("GET", "Node/{nodeName}", get_node, required=True),
    route("GET", "NodeGroups", get_node_groups, required=True),
    route("GET", "NodeGroup/{groupName}", get_node_group_members, required=True),
]
