from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.node_health import NodeHealth
from ..models.node_service_role import NodeServiceRole
from ..models.node_state import NodeState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Node")


@_attrs_define
class Node:
    """A typed node (2019). [D]

    Attributes:
        name (str):
        state (NodeState): Node state. [D]
        health (NodeHealth): Node health. [D]
        template (None | str | Unset):
        location (None | str | Unset):
        memory_size (int | Unset): MB. [D example]
        cores (int | Unset):
        sockets (int | Unset):
        hpc_pack_version (None | str | Unset):
        on_azure (bool | Unset):
        groups (list[str] | Unset):
        roles (list[str] | Unset):
        installed_service_roles (list[NodeServiceRole] | Unset):
        active_service_roles (list[NodeServiceRole] | Unset):
    """

    name: str
    state: NodeState
    health: NodeHealth
    template: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    memory_size: int | Unset = UNSET
    cores: int | Unset = UNSET
    sockets: int | Unset = UNSET
    hpc_pack_version: None | str | Unset = UNSET
    on_azure: bool | Unset = UNSET
    groups: list[str] | Unset = UNSET
    roles: list[str] | Unset = UNSET
    installed_service_roles: list[NodeServiceRole] | Unset = UNSET
    active_service_roles: list[NodeServiceRole] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        state = self.state.value

        health = self.health.value

        template: None | str | Unset
        if isinstance(self.template, Unset):
            template = UNSET
        else:
            template = self.template

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        memory_size = self.memory_size

        cores = self.cores

        sockets = self.sockets

        hpc_pack_version: None | str | Unset
        if isinstance(self.hpc_pack_version, Unset):
            hpc_pack_version = UNSET
        else:
            hpc_pack_version = self.hpc_pack_version

        on_azure = self.on_azure

        groups: list[str] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = self.groups

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        installed_service_roles: list[str] | Unset = UNSET
        if not isinstance(self.installed_service_roles, Unset):
            installed_service_roles = []
            for installed_service_roles_item_data in self.installed_service_roles:
                installed_service_roles_item = installed_service_roles_item_data.value
                installed_service_roles.append(installed_service_roles_item)

        active_service_roles: list[str] | Unset = UNSET
        if not isinstance(self.active_service_roles, Unset):
            active_service_roles = []
            for active_service_roles_item_data in self.active_service_roles:
                active_service_roles_item = active_service_roles_item_data.value
                active_service_roles.append(active_service_roles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Name": name,
                "State": state,
                "Health": health,
            }
        )
        if template is not UNSET:
            field_dict["Template"] = template
        if location is not UNSET:
            field_dict["Location"] = location
        if memory_size is not UNSET:
            field_dict["MemorySize"] = memory_size
        if cores is not UNSET:
            field_dict["Cores"] = cores
        if sockets is not UNSET:
            field_dict["Sockets"] = sockets
        if hpc_pack_version is not UNSET:
            field_dict["HpcPackVersion"] = hpc_pack_version
        if on_azure is not UNSET:
            field_dict["OnAzure"] = on_azure
        if groups is not UNSET:
            field_dict["Groups"] = groups
        if roles is not UNSET:
            field_dict["Roles"] = roles
        if installed_service_roles is not UNSET:
            field_dict["InstalledServiceRoles"] = installed_service_roles
        if active_service_roles is not UNSET:
            field_dict["ActiveServiceRoles"] = active_service_roles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("Name")

        state = NodeState(d.pop("State"))

        health = NodeHealth(d.pop("Health"))

        def _parse_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template = _parse_template(d.pop("Template", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("Location", UNSET))

        memory_size = d.pop("MemorySize", UNSET)

        cores = d.pop("Cores", UNSET)

        sockets = d.pop("Sockets", UNSET)

        def _parse_hpc_pack_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hpc_pack_version = _parse_hpc_pack_version(d.pop("HpcPackVersion", UNSET))

        on_azure = d.pop("OnAzure", UNSET)

        groups = cast(list[str], d.pop("Groups", UNSET))

        roles = cast(list[str], d.pop("Roles", UNSET))

        _installed_service_roles = d.pop("InstalledServiceRoles", UNSET)
        installed_service_roles: list[NodeServiceRole] | Unset = UNSET
        if _installed_service_roles is not UNSET:
            installed_service_roles = []
            for installed_service_roles_item_data in _installed_service_roles:
                installed_service_roles_item = NodeServiceRole(installed_service_roles_item_data)

                installed_service_roles.append(installed_service_roles_item)

        _active_service_roles = d.pop("ActiveServiceRoles", UNSET)
        active_service_roles: list[NodeServiceRole] | Unset = UNSET
        if _active_service_roles is not UNSET:
            active_service_roles = []
            for active_service_roles_item_data in _active_service_roles:
                active_service_roles_item = NodeServiceRole(active_service_roles_item_data)

                active_service_roles.append(active_service_roles_item)

        node = cls(
            name=name,
            state=state,
            health=health,
            template=template,
            location=location,
            memory_size=memory_size,
            cores=cores,
            sockets=sockets,
            hpc_pack_version=hpc_pack_version,
            on_azure=on_azure,
            groups=groups,
            roles=roles,
            installed_service_roles=installed_service_roles,
            active_service_roles=active_service_roles,
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
