from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.end_of_responses_reason import EndOfResponsesReason

T = TypeVar("T", bound="EndOfResponses")


@_attrs_define
class EndOfResponses:
    """Body of the last envelope of a Get Responses stream. [D]

    Attributes:
        count (int):
        reason (EndOfResponsesReason):
    """

    count: int
    reason: EndOfResponsesReason
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Count": count,
                "Reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("Count")

        reason = EndOfResponsesReason(d.pop("Reason"))

        end_of_responses = cls(
            count=count,
            reason=reason,
        )

        end_of_responses.additional_properties = d
        return end_of_responses

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
