"""Emulator settings shared by the command line, the app factory and the test helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hpc_emulator.accounts import DEFAULT_DOMAIN
from hpc_emulator.limits import SCHEDULER_MAX_BODY, SOA_MAX_BODY_DEFAULT
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
    # /hpc roles beyond User: [DOMAIN\\]user -> Administrator | JobAdministrator | JobOperator
    roles: dict[str, str] = field(default_factory=dict)
    default_domain: str = DEFAULT_DOMAIN  # the domain of accounts and logins given without one
    version: str = "5.3.6435.0"
    head_node: str = "HEADNODE"
    # WebSessionInfo.BrokerNode: None = the host and port each request came to (its Host
    # header), so a client that sends batch calls to BrokerNode reaches this emulator
    broker_node: str | None = None
    max_queries: int = 1000
    query_ttl: float = 600.0
    # SOA services besides the built-in EchoService: name -> handler or `ServiceSpec`
    services: dict[str, ServiceDef] = field(default_factory=dict)
    # seconds waited before answering each request: a head node across a WAN, not on loopback
    latency: float = 0.0
    # JSON bodies/answers on scheduler, node and cluster operations: the emulator's extension
    # (the real WindowsHpc scheduler API speaks XML only; JSON is documented for SOA only)
    json_extension: bool = False
    # request body bounds in bytes (413 above them; see limits.py)
    max_body: int = SCHEDULER_MAX_BODY
    soa_max_body: int = SOA_MAX_BODY_DEFAULT
