from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_instance_data import MetricInstanceData


T = TypeVar("T", bound="MetricData")


@_attrs_define
class MetricData:
    """
    Attributes:
        metric_name (str):
        instances (list[MetricInstanceData]):
        from_time (datetime.datetime | Unset):
        to_time (datetime.datetime | Unset):
    """

    metric_name: str
    instances: list[MetricInstanceData]
    from_time: datetime.datetime | Unset = UNSET
    to_time: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric_name = self.metric_name

        instances = []
        for instances_item_data in self.instances:
            instances_item = instances_item_data.to_dict()
            instances.append(instances_item)

        from_time: str | Unset = UNSET
        if not isinstance(self.from_time, Unset):
            from_time = self.from_time.isoformat()

        to_time: str | Unset = UNSET
        if not isinstance(self.to_time, Unset):
            to_time = self.to_time.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "MetricName": metric_name,
                "Instances": instances,
            }
        )
        if from_time is not UNSET:
            field_dict["FromTime"] = from_time
        if to_time is not UNSET:
            field_dict["ToTime"] = to_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metric_instance_data import MetricInstanceData  # noqa: PLC0415

        d = dict(src_dict)
        metric_name = d.pop("MetricName")

        instances = []
        _instances = d.pop("Instances")
        for instances_item_data in _instances:
            instances_item = MetricInstanceData.from_dict(instances_item_data)

            instances.append(instances_item)

        _from_time = d.pop("FromTime", UNSET)
        from_time: datetime.datetime | Unset
        if isinstance(_from_time, Unset):
            from_time = UNSET
        else:
            from_time = datetime.datetime.fromisoformat(_from_time)

        _to_time = d.pop("ToTime", UNSET)
        to_time: datetime.datetime | Unset
        if isinstance(_to_time, Unset):
            to_time = UNSET
        else:
            to_time = datetime.datetime.fromisoformat(_to_time)

        metric_data = cls(
            metric_name=metric_name,
            instances=instances,
            from_time=from_time,
            to_time=to_time,
        )

        metric_data.additional_properties = d
        return metric_data

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
