from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operation_log_severity import OperationLogSeverity
from ..types import UNSET, Unset

T = TypeVar("T", bound="OperationLogEntry")


@_attrs_define
class OperationLogEntry:
    """
    Attributes:
        message (str):
        severity (OperationLogSeverity):
        source (str | Unset):
        create_time (datetime.datetime | Unset):
    """

    message: str
    severity: OperationLogSeverity
    source: str | Unset = UNSET
    create_time: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        severity = self.severity.value

        source = self.source

        create_time: str | Unset = UNSET
        if not isinstance(self.create_time, Unset):
            create_time = self.create_time.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Message": message,
                "Severity": severity,
            }
        )
        if source is not UNSET:
            field_dict["Source"] = source
        if create_time is not UNSET:
            field_dict["CreateTime"] = create_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("Message")

        severity = OperationLogSeverity(d.pop("Severity"))

        source = d.pop("Source", UNSET)

        _create_time = d.pop("CreateTime", UNSET)
        create_time: datetime.datetime | Unset
        if isinstance(_create_time, Unset):
            create_time = UNSET
        else:
            create_time = datetime.datetime.fromisoformat(_create_time)

        operation_log_entry = cls(
            message=message,
            severity=severity,
            source=source,
            create_time=create_time,
        )

        operation_log_entry.additional_properties = d
        return operation_log_entry

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
