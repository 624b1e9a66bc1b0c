from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.node_metric_values import NodeMetricValues


T = TypeVar("T", bound="NodeMetric")


@_attrs_define
class NodeMetric:
    """
    Attributes:
        node_name (str):
        metrics (NodeMetricValues): Metric name to current value.
    """

    node_name: str
    metrics: NodeMetricValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_name = self.node_name

        metrics = self.metrics.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "NodeName": node_name,
                "Metrics": metrics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.node_metric_values import NodeMetricValues  # noqa: PLC0415

        d = dict(src_dict)
        node_name = d.pop("NodeName")

        metrics = NodeMetricValues.from_dict(d.pop("Metrics"))

        node_metric = cls(
            node_name=node_name,
            metrics=metrics,
        )

        node_metric.additional_properties = d
        return node_metric

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
