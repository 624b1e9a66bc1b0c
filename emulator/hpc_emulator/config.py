"""Emulator settings shared by the command line, the app factory and the test helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hpc_emulator.accounts import DEFAULT_DOMAIN
from hpc_emulator.soa.services import ServiceDef

AUTH_METHODS = ("basic", "ntlm")  # Set-HPCWebComponents.ps1 -AuthenticationMethod Basic|NTLM


@dataclass
class EmulatorConfig:
    data_dir: Path
    cluster_name: str = "EMULATED"
    nodes: int = 4
    cores_per_node: int = 4
    users: dict[str, str] = field(default_factory=dict)  # [DOMAIN\\]user -> password; empty = open
    auth: str = "basic"  # one of AUTH_METHODS
    default_domain: str = DEFAULT_DOMAIN  # the domain of accounts and logins given without one
    version: str = "5.3.6435.0"
    head_node: str = "HEADNODE"
    broker_node: str = "localhost"  # WebSessionInfo.BrokerNode; clients keep using their base URL
    max_queries: int = 1000
    query_ttl: float = 600.0
    # SOA services besides the built-in EchoService: name -> handler or `ServiceSpec`
    services: dict[str, ServiceDef] = field(default_factory=dict)
    # seconds waited before answering each request: a head node across a WAN, not on loopback
    latency: float = 0.0
