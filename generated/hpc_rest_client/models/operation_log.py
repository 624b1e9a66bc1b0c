from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.operation_log_entry import OperationLogEntry


T = TypeVar("T", bound="OperationLog")


@_attrs_define
class OperationLog:
    """
    Attributes:
        id (str):
        name (str):
        state (str): e.g. Executing, Committed. [D]
        operator (str | Unset):
        node (str | Unset):
        cancelable (bool | Unset):
        update_time (datetime.datetime | Unset):
        entries (list[OperationLogEntry] | None | Unset):
    """

    id: str
    name: str
    state: str
    operator: str | Unset = UNSET
    node: str | Unset = UNSET
    cancelable: bool | Unset = UNSET
    update_time: datetime.datetime | Unset = UNSET
    entries: list[OperationLogEntry] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        state = self.state

        operator = self.operator

        node = self.node

        cancelable = self.cancelable

        update_time: str | Unset = UNSET
        if not isinstance(self.update_time, Unset):
            update_time = self.update_time.isoformat()

        entries: list[dict[str, Any]] | None | Unset
        if isinstance(self.entries, Unset):
            entries = UNSET
        elif isinstance(self.entries, list):
            entries = []
            for entries_type_0_item_data in self.entries:
                entries_type_0_item = entries_type_0_item_data.to_dict()
                entries.append(entries_type_0_item)

        else:
            entries = self.entries

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "State": state,
            }
        )
        if operator is not UNSET:
            field_dict["Operator"] = operator
        if node is not UNSET:
            field_dict["Node"] = node
        if cancelable is not UNSET:
            field_dict["Cancelable"] = cancelable
        if update_time is not UNSET:
            field_dict["UpdateTime"] = update_time
        if entries is not UNSET:
            field_dict["Entries"] = entries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.operation_log_entry import OperationLogEntry  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("Id")

        name = d.pop("Name")

        state = d.pop("State")

        operator = d.pop("Operator", UNSET)

        node = d.pop("Node", UNSET)

        cancelable = d.pop("Cancelable", UNSET)

        _update_time = d.pop("UpdateTime", UNSET)
        update_time: datetime.datetime | Unset
        if isinstance(_update_time, Unset):
            update_time = UNSET
        else:
            update_time = datetime.datetime.fromisoformat(_update_time)

        def _parse_entries(data: object) -> list[OperationLogEntry] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                entries_type_0 = []
                _entries_type_0 = data
                for entries_type_0_item_data in _entries_type_0:
                    entries_type_0_item = OperationLogEntry.from_dict(entries_type_0_item_data)

                    entries_type_0.append(entries_type_0_item)

                return entries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OperationLogEntry] | None | Unset, data)

        entries = _parse_entries(d.pop("Entries", UNSET))

        operation_log = cls(
            id=id,
            name=name,
            state=state,
            operator=operator,
            node=node,
            cancelable=cancelable,
            update_time=update_time,
            entries=entries,
        )

        operation_log.additional_properties = d
        return operation_log

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
