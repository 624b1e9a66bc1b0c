from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_value_pair_ofstringstring import KeyValuePairOfstringstring


T = TypeVar("T", bound="HpcWebServiceFault")


@_attrs_define
class HpcWebServiceFault:
    """Error body from api-version 2011-11-01 on. `Message` may contain `{0}` placeholders
    filled from `Values`. [D]/[C]

        Attributes:
            code (int): Fault code, e.g. 50331700 (0x03000034, api-version incorrect). [C]
            message (str):
            values (list[KeyValuePairOfstringstring] | None | Unset):
    """

    code: int
    message: str
    values: list[KeyValuePairOfstringstring] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        values: list[dict[str, Any]] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, list):
            values = []
            for values_type_0_item_data in self.values:
                values_type_0_item = values_type_0_item_data.to_dict()
                values.append(values_type_0_item)

        else:
            values = self.values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Code": code,
                "Message": message,
            }
        )
        if values is not UNSET:
            field_dict["Values"] = values

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.key_value_pair_ofstringstring import KeyValuePairOfstringstring  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("Code")

        message = d.pop("Message")

        def _parse_values(data: object) -> list[KeyValuePairOfstringstring] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                values_type_0 = []
                _values_type_0 = data
                for values_type_0_item_data in _values_type_0:
                    values_type_0_item = KeyValuePairOfstringstring.from_dict(
                        values_type_0_item_data
                    )

                    values_type_0.append(values_type_0_item)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KeyValuePairOfstringstring] | None | Unset, data)

        values = _parse_values(d.pop("Values", UNSET))

        hpc_web_service_fault = cls(
            code=code,
            message=message,
            values=values,
        )

        hpc_web_service_fault.additional_properties = d
        return hpc_web_service_fault

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
