"""Emulator settings shared by the command line, the app factory and the test helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hpc_emulator.limits import SCHEDULER_MAX_BODY, SOA_MAX_BODY_DEFAULT
from hpc_emulator.soa.services import ServiceDef


@dataclass
class EmulatorConfig:
    data_dir: Path
    cluster_name: str = "EMULATED"
    nodes: int = 4
    cores_per_node: int = 4
    users: dict[str, str] = field(default_factory=dict)  # user -> password; empty = open
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


def parse_users(spec: str | None) -> dict[str, str]:
    """`alice:pw,HPC\\bob:pw2` -> {"alice": "pw", "HPC\\bob": "pw2"}."""
    users: dict[str, str] = {}
    if not spec:
        return users
    for pair in spec.split(","):
        if not pair.strip():
            continue
        name, sep, password = pair.partition(":")
        if not sep or not name.strip():
            raise ValueError(f"--users expects user:password pairs, got {pair!r}")
        users[name.strip()] = password
    return users
