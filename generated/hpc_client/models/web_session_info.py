from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.version import Version


T = TypeVar("T", bound="WebSessionInfo")


@_attrs_define
class WebSessionInfo:
    """A created or attached session. [D]

    Attributes:
        broker_node (str): Broker host; send batch calls there.
        id (int):
        is_durable (bool):
        max_message_size (int): Bytes.
        service_operation_timeout (int): Milliseconds.
        service_version (None | Unset | Version):
    """

    broker_node: str
    id: int
    is_durable: bool
    max_message_size: int
    service_operation_timeout: int
    service_version: None | Unset | Version = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.version import Version  # noqa: PLC0415

        broker_node = self.broker_node

        id = self.id

        is_durable = self.is_durable

        max_message_size = self.max_message_size

        service_operation_timeout = self.service_operation_timeout

        service_version: dict[str, Any] | None | Unset
        if isinstance(self.service_version, Unset):
            service_version = UNSET
        elif isinstance(self.service_version, Version):
            service_version = self.service_version.to_dict()
        else:
            service_version = self.service_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "BrokerNode": broker_node,
                "Id": id,
                "IsDurable": is_durable,
                "MaxMessageSize": max_message_size,
                "ServiceOperationTimeout": service_operation_timeout,
            }
        )
        if service_version is not UNSET:
            field_dict["ServiceVersion"] = service_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.version import Version  # noqa: PLC0415

        d = dict(src_dict)
        broker_node = d.pop("BrokerNode")

        id = d.pop("Id")

        is_durable = d.pop("IsDurable")

        max_message_size = d.pop("MaxMessageSize")

        service_operation_timeout = d.pop("ServiceOperationTimeout")

        def _parse_service_version(data: object) -> None | Unset | Version:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                service_version_type_0 = Version.from_dict(data)

                return service_version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Version, data)

        service_version = _parse_service_version(d.pop("ServiceVersion", UNSET))

        web_session_info = cls(
            broker_node=broker_node,
            id=id,
            is_durable=is_durable,
            max_message_size=max_message_size,
            service_operation_timeout=service_operation_timeout,
            service_version=service_version,
        )

        web_session_info.additional_properties = d
        return web_session_info

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
