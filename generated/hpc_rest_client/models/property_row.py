from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.property_ import Property


T = TypeVar("T", bound="PropertyRow")


@_attrs_define
class PropertyRow:
    """One job, task or node of a list. [D]

    Attributes:
        properties (list[Property]):
    """

    properties: list[Property]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        properties = []
        for componentsschemas_property_list_item_data in self.properties:
            componentsschemas_property_list_item = (
                componentsschemas_property_list_item_data.to_dict()
            )
            properties.append(componentsschemas_property_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Properties": properties,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.property_ import Property  # noqa: PLC0415

        d = dict(src_dict)
        properties = []
        _properties = d.pop("Properties")
        for componentsschemas_property_list_item_data in _properties:
            componentsschemas_property_list_item = Property.from_dict(
                componentsschemas_property_list_item_data
            )

            properties.append(componentsschemas_property_list_item)

        property_row = cls(
            properties=properties,
        )

        property_row.additional_properties = d
        return property_row

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
