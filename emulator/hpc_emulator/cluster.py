"""The emulated compute nodes, node groups and core allocation.

Nodes are `NODE01`..`NODEnn`, one socket each, all Online and in `ComputeNodes`. Allocation is
first-fit on free cores; Node/Socket units take whole nodes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hpc_emulator.faults import not_found


@dataclass
class Node:
    id: int
    name: str
    cores: int
    guid: str
    online_time: datetime
    free: list[int] = field(default_factory=list)  # free core ids
    state: str = "Online"  # changed by the /hpc node operations (hpcapi/nodes.py)
    reachable: bool = True

    def props(self) -> dict[str, Any]:
        return {
            "Availability": "AlwaysOn",
            "AzureServiceName": None,
            "CpuSpeed": 2400,
            "DnsSuffix": "emulated.local",
            "Guid": self.guid,
            "Id": self.id,
            "JobType": "Batch, Admin, Service, Broker",
            "Location": "",
            "MemorySize": 4096 * self.cores,
            "MoveToOffline": False,
            "Name": self.name,
            "NodeGroups": "ComputeNodes",
            "NumCores": self.cores,
            "NumSockets": 1,
            "OfflineTime": None,
            "OnlineTime": self.online_time,
            "Reachable": self.reachable,
            "State": self.state,
        }


Allocation = list[tuple[str, list[int]]]  # (node name, core ids)


class Cluster:
    def __init__(self, nodes: int, cores_per_node: int, started: datetime, seed: str) -> None:
        self.cores_per_node = cores_per_node
        self.nodes = [
            Node(
                i + 1,
                f"NODE{i + 1:02d}",
                cores_per_node,
                str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{seed}.node{i + 1}")),
                started,
                list(range(cores_per_node)),
            )
            for i in range(nodes)
        ]
        self.by_name = {n.name.lower(): n for n in self.nodes}
        self.groups: dict[str, tuple[str, list[str]]] = {
            "ComputeNodes": ("The default group of compute nodes.", [n.name for n in self.nodes]),
            "HeadNodes": ("Head nodes of the cluster (the emulated head node runs no tasks).", []),
            "WCFBrokerNodes": (
                "Nodes that act as SOA brokers (the head node in the emulator).",
                [],
            ),
        }

    @property
    def total_cores(self) -> int:
        return sum(n.cores for n in self.nodes)

    def node(self, name: str) -> Node:
        node = self.by_name.get(name.lower())
        if node is None:
            raise not_found(f"The node '{name}' does not exist.")
        return node

    def group(self, name: str) -> tuple[str, list[str]]:
        for key, value in self.groups.items():
            if key.lower() == name.lower():
                return value
        raise not_found(f"The node group '{name}' does not exist.")

    def allocate(self, cores: int, whole_nodes: int, allowed: set[str] | None) -> Allocation | None:
        """Reserve `cores` cores (first fit) or `whole_nodes` entirely free nodes; None if full."""
        candidates = [
            n
            for n in self.nodes
            if n.state == "Online" and (allowed is None or n.name.lower() in allowed)
        ]
        if whole_nodes:
            free_nodes = [n for n in candidates if len(n.free) == n.cores]
            if len(free_nodes) < whole_nodes:
                return None
            alloc = [(n.name, list(n.free)) for n in free_nodes[:whole_nodes]]
            for n in free_nodes[:whole_nodes]:
                n.free.clear()
            return alloc
        if sum(len(n.free) for n in candidates) < cores:
            return None
        result: Allocation = []
        need = cores
        for n in candidates:
            if need <= 0:
                break
            take = n.free[:need]
            if take:
                del n.free[: len(take)]
                result.append((n.name, take))
                need -= len(take)
        return result

    def release(self, alloc: Allocation) -> None:
        for name, cores in alloc:
            node = self.by_name[name.lower()]
            node.free = sorted(set(node.free) | set(cores))
