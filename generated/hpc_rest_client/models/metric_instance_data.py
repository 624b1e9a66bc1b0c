from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metric_sample import MetricSample


T = TypeVar("T", bound="MetricInstanceData")


@_attrs_define
class MetricInstanceData:
    """
    Attributes:
        instance_name (str):
        values (list[MetricSample]):
    """

    instance_name: str
    values: list[MetricSample]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instance_name = self.instance_name

        values = []
        for values_item_data in self.values:
            values_item = values_item_data.to_dict()
            values.append(values_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "InstanceName": instance_name,
                "Values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metric_sample import MetricSample  # noqa: PLC0415

        d = dict(src_dict)
        instance_name = d.pop("InstanceName")

        values = []
        _values = d.pop("Values")
        for values_item_data in _values:
            values_item = MetricSample.from_dict(values_item_data)

            values.append(values_item)

        metric_instance_data = cls(
            instance_name=instance_name,
            values=values,
        )

        metric_instance_data.additional_properties = d
        return metric_instance_data

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
