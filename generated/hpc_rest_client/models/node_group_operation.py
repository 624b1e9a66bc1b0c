from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.node_group_operation_kind import NodeGroupOperationKind

T = TypeVar("T", bound="NodeGroupOperation")


@_attrs_define
class NodeGroupOperation:
    """
    Attributes:
        group_name (str):
        operation (NodeGroupOperationKind):
        node_names (list[str]):
    """

    group_name: str
    operation: NodeGroupOperationKind
    node_names: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_name = self.group_name

        operation = self.operation.value

        node_names = self.node_names

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "GroupName": group_name,
                "Operation": operation,
                "NodeNames": node_names,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group_name = d.pop("GroupName")

        operation = NodeGroupOperationKind(d.pop("Operation"))

        node_names = cast(list[str], d.pop("NodeNames"))

        node_group_operation = cls(
            group_name=group_name,
            operation=operation,
            node_names=node_names,
        )

        node_group_operation.additional_properties = d
        return node_group_operation

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
