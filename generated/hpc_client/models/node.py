from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.node_state import NodeState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Node")


@_attrs_define
class Node:
    """Typed view of a node's RestPropRender properties (Get Node, Get Node List rows). [D]

    Attributes:
        availability (None | str | Unset): NodeAvailability (members not documented).
        azure_service_name (None | str | Unset):
        cpu_speed (int | None | Unset):
        dns_suffix (None | str | Unset):
        guid (None | Unset | UUID):
        id (int | None | Unset):
        job_type (None | str | Unset):
        location (None | str | Unset):
        memory_size (int | None | Unset): MB.
        move_to_offline (bool | None | Unset):
        name (None | str | Unset):
        node_groups (None | str | Unset): Comma-separated.
        num_cores (int | None | Unset):
        num_sockets (int | None | Unset):
        offline_time (datetime.datetime | None | Unset):
        online_time (datetime.datetime | None | Unset):
        reachable (bool | None | Unset):
        state (NodeState | None | Unset):
    """

    availability: None | str | Unset = UNSET
    azure_service_name: None | str | Unset = UNSET
    cpu_speed: int | None | Unset = UNSET
    dns_suffix: None | str | Unset = UNSET
    guid: None | Unset | UUID = UNSET
    id: int | None | Unset = UNSET
    job_type: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    memory_size: int | None | Unset = UNSET
    move_to_offline: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    node_groups: None | str | Unset = UNSET
    num_cores: int | None | Unset = UNSET
    num_sockets: int | None | Unset = UNSET
    offline_time: datetime.datetime | None | Unset = UNSET
    online_time: datetime.datetime | None | Unset = UNSET
    reachable: bool | None | Unset = UNSET
    state: NodeState | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        availability: None | str | Unset
        if isinstance(self.availability, Unset):
            availability = UNSET
        else:
            availability = self.availability

        azure_service_name: None | str | Unset
        if isinstance(self.azure_service_name, Unset):
            azure_service_name = UNSET
        else:
            azure_service_name = self.azure_service_name

        cpu_speed: int | None | Unset
        if isinstance(self.cpu_speed, Unset):
            cpu_speed = UNSET
        else:
            cpu_speed = self.cpu_speed

        dns_suffix: None | str | Unset
        if isinstance(self.dns_suffix, Unset):
            dns_suffix = UNSET
        else:
            dns_suffix = self.dns_suffix

        guid: None | str | Unset
        if isinstance(self.guid, Unset):
            guid = UNSET
        elif isinstance(self.guid, UUID):
            guid = str(self.guid)
        else:
            guid = self.guid

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        job_type: None | str | Unset
        if isinstance(self.job_type, Unset):
            job_type = UNSET
        else:
            job_type = self.job_type

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        memory_size: int | None | Unset
        if isinstance(self.memory_size, Unset):
            memory_size = UNSET
        else:
            memory_size = self.memory_size

        move_to_offline: bool | None | Unset
        if isinstance(self.move_to_offline, Unset):
            move_to_offline = UNSET
        else:
            move_to_offline = self.move_to_offline

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        node_groups: None | str | Unset
        if isinstance(self.node_groups, Unset):
            node_groups = UNSET
        else:
            node_groups = self.node_groups

        num_cores: int | None | Unset
        if isinstance(self.num_cores, Unset):
            num_cores = UNSET
        else:
            num_cores = self.num_cores

        num_sockets: int | None | Unset
        if isinstance(self.num_sockets, Unset):
            num_sockets = UNSET
        else:
            num_sockets = self.num_sockets

        offline_time: None | str | Unset
        if isinstance(self.offline_time, Unset):
            offline_time = UNSET
        elif isinstance(self.offline_time, datetime.datetime):
            offline_time = self.offline_time.isoformat()
        else:
            offline_time = self.offline_time

        online_time: None | str | Unset
        if isinstance(self.online_time, Unset):
            online_time = UNSET
        elif isinstance(self.online_time, datetime.datetime):
            online_time = self.online_time.isoformat()
        else:
            online_time = self.online_time

        reachable: bool | None | Unset
        if isinstance(self.reachable, Unset):
            reachable = UNSET
        else:
            reachable = self.reachable

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, NodeState):
            state = self.state.value
        else:
            state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if availability is not UNSET:
            field_dict["Availability"] = availability
        if azure_service_name is not UNSET:
            field_dict["AzureServiceName"] = azure_service_name
        if cpu_speed is not UNSET:
            field_dict["CpuSpeed"] = cpu_speed
        if dns_suffix is not UNSET:
            field_dict["DnsSuffix"] = dns_suffix
        if guid is not UNSET:
            field_dict["Guid"] = guid
        if id is not UNSET:
            field_dict["Id"] = id
        if job_type is not UNSET:
            field_dict["JobType"] = job_type
        if location is not UNSET:
            field_dict["Location"] = location
        if memory_size is not UNSET:
            field_dict["MemorySize"] = memory_size
        if move_to_offline is not UNSET:
            field_dict["MoveToOffline"] = move_to_offline
        if name is not UNSET:
            field_dict["Name"] = name
        if node_groups is not UNSET:
            field_dict["NodeGroups"] = node_groups
        if num_cores is not UNSET:
            field_dict["NumCores"] = num_cores
        if num_sockets is not UNSET:
            field_dict["NumSockets"] = num_sockets
        if offline_time is not UNSET:
            field_dict["OfflineTime"] = offline_time
        if online_time is not UNSET:
            field_dict["OnlineTime"] = online_time
        if reachable is not UNSET:
            field_dict["Reachable"] = reachable
        if state is not UNSET:
            field_dict["State"] = state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_availability(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        availability = _parse_availability(d.pop("Availability", UNSET))

        def _parse_azure_service_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        azure_service_name = _parse_azure_service_name(d.pop("AzureServiceName", UNSET))

        def _parse_cpu_speed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cpu_speed = _parse_cpu_speed(d.pop("CpuSpeed", UNSET))

        def _parse_dns_suffix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dns_suffix = _parse_dns_suffix(d.pop("DnsSuffix", UNSET))

        def _parse_guid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                guid_type_0 = UUID(data)

                return guid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        guid = _parse_guid(d.pop("Guid", UNSET))

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("Id", UNSET))

        def _parse_job_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_type = _parse_job_type(d.pop("JobType", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("Location", UNSET))

        def _parse_memory_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        memory_size = _parse_memory_size(d.pop("MemorySize", UNSET))

        def _parse_move_to_offline(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        move_to_offline = _parse_move_to_offline(d.pop("MoveToOffline", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        def _parse_node_groups(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_groups = _parse_node_groups(d.pop("NodeGroups", UNSET))

        def _parse_num_cores(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_cores = _parse_num_cores(d.pop("NumCores", UNSET))

        def _parse_num_sockets(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_sockets = _parse_num_sockets(d.pop("NumSockets", UNSET))

        def _parse_offline_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                offline_time_type_0 = datetime.datetime.fromisoformat(data)

                return offline_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        offline_time = _parse_offline_time(d.pop("OfflineTime", UNSET))

        def _parse_online_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                online_time_type_0 = datetime.datetime.fromisoformat(data)

                return online_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        online_time = _parse_online_time(d.pop("OnlineTime", UNSET))

        def _parse_reachable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reachable = _parse_reachable(d.pop("Reachable", UNSET))

        def _parse_state(data: object) -> NodeState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = NodeState(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NodeState | None | Unset, data)

        state = _parse_state(d.pop("State", UNSET))

        node = cls(
            availability=availability,
            azure_service_name=azure_service_name,
            cpu_speed=cpu_speed,
            dns_suffix=dns_suffix,
            guid=guid,
            id=id,
            job_type=job_type,
            location=location,
            memory_size=memory_size,
            move_to_offline=move_to_offline,
            name=name,
            node_groups=node_groups,
            num_cores=num_cores,
            num_sockets=num_sockets,
            offline_time=offline_time,
            online_time=online_time,
            reachable=reachable,
            state=state,
        )

        node.additional_properties = d
        return node

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
