"""The Starlette application: wires config, store, cluster, scheduler, broker and routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.routing import Route as StarletteRoute

from hpc_emulator import routes_cluster, routes_jobs, routes_soa, routes_tasks, soa, values
from hpc_emulator.accounts import Accounts
from hpc_emulator.cluster import Cluster
from hpc_emulator.config import AUTH_METHODS, EmulatorConfig
from hpc_emulator.hpcapi import cluster as rest_cluster
from hpc_emulator.hpcapi import groups as rest_groups
from hpc_emulator.hpcapi import jobs as rest_jobs
from hpc_emulator.hpcapi import nodes as rest_nodes
from hpc_emulator.hpcapi.roles import check_roles
from hpc_emulator.hpcapi.state import RestState
from hpc_emulator.hpcapi.wire import RestRouter
from hpc_emulator.ntlm import write_user_file
from hpc_emulator.paging import QueryCache
from hpc_emulator.private import private_dir
from hpc_emulator.scheduler import Scheduler
from hpc_emulator.store import Store
from hpc_emulator.web import Router

DB_NAME = "emulator.sqlite3"
NTLM_USERS_NAME = "ntlm-users"


def load_broker(emu: Emulator) -> soa.Broker:
    """The SOA broker over the emulator's database: EchoService plus `config.services`."""
    registry = soa.ServiceRegistry()
    registry.register_all(emu.config.services)
    broker_node = emu.config.broker_node or "localhost"  # answers name the request's Host
    return soa.Broker(emu.db_path, registry, emu.scheduler, broker_node=broker_node)


class Emulator:
    """Everything one emulated head node owns."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        if config.auth not in AUTH_METHODS:
            raise ValueError(f"auth must be one of {', '.join(AUTH_METHODS)}, got {config.auth!r}")
        self.accounts = Accounts(config.users, config.default_domain)
        check_roles(config.roles)
        self.rest = RestState()  # the /hpc API's operation logs and node operations
        if config.auth == "ntlm" and not self.accounts:
            raise ValueError("auth='ntlm' needs users (an NTLM acceptor without accounts)")
        private_dir(config.data_dir)
        self.ntlm_user_file = config.data_dir / NTLM_USERS_NAME
        if config.auth == "ntlm":
            write_user_file(self.ntlm_user_file, self.accounts)
        self.db_path = config.data_dir / DB_NAME
        self.store = Store(self.db_path)
        self.cluster = Cluster(
            config.nodes, config.cores_per_node, values.now(), config.cluster_name
        )
        self.scheduler = Scheduler(self.store, self.cluster, config.data_dir, config.cluster_name)
        self.queries = QueryCache(config.max_queries, config.query_ttl)
        self.broker = load_broker(self)
        self.scheduler.on_service_end = self.broker.job_ended

    async def start(self) -> None:
        self.scheduler.start()
        await self.broker.start()

    async def stop(self) -> None:
        await self.rest.aclose()
        await self.broker.aclose()
        await self.scheduler.stop()
        self.store.close()


def create_app(config: EmulatorConfig) -> Starlette:
    emu = Emulator(config)
    router = Router(
        emu, routes_cluster.ROUTES + routes_jobs.ROUTES + routes_tasks.ROUTES, routes_soa.ROUTES
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await emu.start()
        try:
            yield
        finally:
            await emu.stop()

    rest = RestRouter(
        emu, router, rest_cluster.ROUTES + rest_groups.ROUTES + rest_nodes.ROUTES + rest_jobs.ROUTES
    )
    methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
    app = Starlette(
        routes=[
            StarletteRoute("/hpc/{path:path}", rest.handle, methods=methods),  # HPC Pack 2016 U1+
            StarletteRoute("/{path:path}", router.handle, methods=methods),
        ],
        lifespan=lifespan,
    )
    app.state.emulator = emu
    return app
