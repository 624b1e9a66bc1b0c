from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Version")


@_attrs_define
class Version:
    """A .NET `System.Version`; -1 marks an undefined build or revision. [I]

    Attributes:
        field_build (int):
        field_major (int):
        field_minor (int):
        field_revision (int):
    """

    field_build: int
    field_major: int
    field_minor: int
    field_revision: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_build = self.field_build

        field_major = self.field_major

        field_minor = self.field_minor

        field_revision = self.field_revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_Build": field_build,
                "_Major": field_major,
                "_Minor": field_minor,
                "_Revision": field_revision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_build = d.pop("_Build")

        field_major = d.pop("_Major")

        field_minor = d.pop("_Minor")

        field_revision = d.pop("_Revision")

        version = cls(
            field_build=field_build,
            field_major=field_major,
            field_minor=field_minor,
            field_revision=field_revision,
        )

        version.additional_properties = d
        return version

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
