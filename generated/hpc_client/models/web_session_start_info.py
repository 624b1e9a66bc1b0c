from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_unit_type import SessionUnitType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_value_ofstringstring import KeyValueOfstringstring
    from ..models.version import Version


T = TypeVar("T", bound="WebSessionStartInfo")


@_attrs_define
class WebSessionStartInfo:
    """Create Session body. **In XML the child elements must be in ordinal alphabetical order**
    (as listed here: note `UseSessionPool` before `Username`). The documentation requires
    `ServiceName`, `Username`, `Password`, `MaxMessageSize` and `Runtime`; the deserializer
    accepts any subset. [D]/[C]

        Attributes:
            service_name (str): Registered service name (file name without `.config`).
            admin_job_for_host_in_diag (bool | Unset): Diagnostics only. Default false.
            allocation_grow_load_ratio_threshold (int | None | Unset): Broker default 125 (%).
            allocation_shrink_load_ratio_threshold (int | None | Unset): Broker default 75 (%).
            can_preempt (bool | None | Unset): Default true.
            client_connection_timeout (int | None | Unset): Milliseconds; default 300000.
            client_idle_timeout (int | None | Unset): Milliseconds; default 300000.
            diagnostic_broker_node (None | str | Unset):
            environments (list[KeyValueOfstringstring] | None | Unset): Environment variables of the service hosts.
            extended_priority (int | None | Unset): Expanded priority; default 2000.
            job_template (None | str | Unset): Job template; "Default" when unset.
            max_message_size (int | None | Unset): Maximum request/response size. The doc says kilobytes (default 64); the
                client constant and WebSessionInfo use bytes. [D]/[C]
            max_units (int | None | Unset):
            messages_throttle_start_threshold (int | None | Unset): Default 5120 messages.
            messages_throttle_stop_threshold (int | None | Unset): Default 3840 messages.
            min_units (int | None | Unset):
            node_groups_str (None | str | Unset): Comma-separated node groups (intersection).
            password (None | str | Unset):
            priority (int | None | Unset): JobPriority by number; default 2 (Normal).
            requested_nodes_str (None | str | Unset): Comma-separated node names.
            resource_unit_type (None | SessionUnitType | Unset):
            runtime (int | Unset): Seconds; -1 (default) is unlimited.
            service_job_name (None | str | Unset):
            service_job_project (None | str | Unset):
            service_operation_timeout (int | None | Unset): Milliseconds; default 86400000.
            service_version (None | Unset | Version):
            session_idle_timeout (int | None | Unset): Milliseconds; default 0.
            share_session (bool | Unset): Let other users attach. Default false.
            use_session_pool (bool | Unset): Default false.
            username (None | str | Unset): `DOMAIN\\user`.
    """

    service_name: str
    admin_job_for_host_in_diag: bool | Unset = UNSET
    allocation_grow_load_ratio_threshold: int | None | Unset = UNSET
    allocation_shrink_load_ratio_threshold: int | None | Unset = UNSET
    can_preempt: bool | None | Unset = UNSET
    client_connection_timeout: int | None | Unset = UNSET
    client_idle_timeout: int | None | Unset = UNSET
    diagnostic_broker_node: None | str | Unset = UNSET
    environments: list[KeyValueOfstringstring] | None | Unset = UNSET
    extended_priority: int | None | Unset = UNSET
    job_template: None | str | Unset = UNSET
    max_message_size: int | None | Unset = UNSET
    max_units: int | None | Unset = UNSET
    messages_throttle_start_threshold: int | None | Unset = UNSET
    messages_throttle_stop_threshold: int | None | Unset = UNSET
    min_units: int | None | Unset = UNSET
    node_groups_str: None | str | Unset = UNSET
    password: None | str | Unset = UNSET
    priority: int | None | Unset = UNSET
    requested_nodes_str: None | str | Unset = UNSET
    resource_unit_type: None | SessionUnitType | Unset = UNSET
    runtime: int | Unset = UNSET
    service_job_name: None | str | Unset = UNSET
    service_job_project: None | str | Unset = UNSET
    service_operation_timeout: int | None | Unset = UNSET
    service_version: None | Unset | Version = UNSET
    session_idle_timeout: int | None | Unset = UNSET
    share_session: bool | Unset = UNSET
    use_session_pool: bool | Unset = UNSET
    username: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.version import Version  # noqa: PLC0415

        service_name = self.service_name

        admin_job_for_host_in_diag = self.admin_job_for_host_in_diag

        allocation_grow_load_ratio_threshold: int | None | Unset
        if isinstance(self.allocation_grow_load_ratio_threshold, Unset):
            allocation_grow_load_ratio_threshold = UNSET
        else:
            allocation_grow_load_ratio_threshold = self.allocation_grow_load_ratio_threshold

        allocation_shrink_load_ratio_threshold: int | None | Unset
        if isinstance(self.allocation_shrink_load_ratio_threshold, Unset):
            allocation_shrink_load_ratio_threshold = UNSET
        else:
            allocation_shrink_load_ratio_threshold = self.allocation_shrink_load_ratio_threshold

        can_preempt: bool | None | Unset
        if isinstance(self.can_preempt, Unset):
            can_preempt = UNSET
        else:
            can_preempt = self.can_preempt

        client_connection_timeout: int | None | Unset
        if isinstance(self.client_connection_timeout, Unset):
            client_connection_timeout = UNSET
        else:
            client_connection_timeout = self.client_connection_timeout

        client_idle_timeout: int | None | Unset
        if isinstance(self.client_idle_timeout, Unset):
            client_idle_timeout = UNSET
        else:
            client_idle_timeout = self.client_idle_timeout

        diagnostic_broker_node: None | str | Unset
        if isinstance(self.diagnostic_broker_node, Unset):
            diagnostic_broker_node = UNSET
        else:
            diagnostic_broker_node = self.diagnostic_broker_node

        environments: list[dict[str, Any]] | None | Unset
        if isinstance(self.environments, Unset):
            environments = UNSET
        elif isinstance(self.environments, list):
            environments = []
            for environments_type_0_item_data in self.environments:
                environments_type_0_item = environments_type_0_item_data.to_dict()
                environments.append(environments_type_0_item)

        else:
            environments = self.environments

        extended_priority: int | None | Unset
        if isinstance(self.extended_priority, Unset):
            extended_priority = UNSET
        else:
            extended_priority = self.extended_priority

        job_template: None | str | Unset
        if isinstance(self.job_template, Unset):
            job_template = UNSET
        else:
            job_template = self.job_template

        max_message_size: int | None | Unset
        if isinstance(self.max_message_size, Unset):
            max_message_size = UNSET
        else:
            max_message_size = self.max_message_size

        max_units: int | None | Unset
        if isinstance(self.max_units, Unset):
            max_units = UNSET
        else:
            max_units = self.max_units

        messages_throttle_start_threshold: int | None | Unset
        if isinstance(self.messages_throttle_start_threshold, Unset):
            messages_throttle_start_threshold = UNSET
        else:
            messages_throttle_start_threshold = self.messages_throttle_start_threshold

        messages_throttle_stop_threshold: int | None | Unset
        if isinstance(self.messages_throttle_stop_threshold, Unset):
            messages_throttle_stop_threshold = UNSET
        else:
            messages_throttle_stop_threshold = self.messages_throttle_stop_threshold

        min_units: int | None | Unset
        if isinstance(self.min_units, Unset):
            min_units = UNSET
        else:
            min_units = self.min_units

        node_groups_str: None | str | Unset
        if isinstance(self.node_groups_str, Unset):
            node_groups_str = UNSET
        else:
            node_groups_str = self.node_groups_str

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        requested_nodes_str: None | str | Unset
        if isinstance(self.requested_nodes_str, Unset):
            requested_nodes_str = UNSET
        else:
            requested_nodes_str = self.requested_nodes_str

        resource_unit_type: int | None | Unset
        if isinstance(self.resource_unit_type, Unset):
            resource_unit_type = UNSET
        elif isinstance(self.resource_unit_type, SessionUnitType):
            resource_unit_type = self.resource_unit_type.value
        else:
            resource_unit_type = self.resource_unit_type

        runtime = self.runtime

        service_job_name: None | str | Unset
        if isinstance(self.service_job_name, Unset):
            service_job_name = UNSET
        else:
            service_job_name = self.service_job_name

        service_job_project: None | str | Unset
        if isinstance(self.service_job_project, Unset):
            service_job_project = UNSET
        else:
            service_job_project = self.service_job_project

        service_operation_timeout: int | None | Unset
        if isinstance(self.service_operation_timeout, Unset):
            service_operation_timeout = UNSET
        else:
            service_operation_timeout = self.service_operation_timeout

        service_version: dict[str, Any] | None | Unset
        if isinstance(self.service_version, Unset):
            service_version = UNSET
        elif isinstance(self.service_version, Version):
            service_version = self.service_version.to_dict()
        else:
            service_version = self.service_version

        session_idle_timeout: int | None | Unset
        if isinstance(self.session_idle_timeout, Unset):
            session_idle_timeout = UNSET
        else:
            session_idle_timeout = self.session_idle_timeout

        share_session = self.share_session

        use_session_pool = self.use_session_pool

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ServiceName": service_name,
            }
        )
        if admin_job_for_host_in_diag is not UNSET:
            field_dict["AdminJobForHostInDiag"] = admin_job_for_host_in_diag
        if allocation_grow_load_ratio_threshold is not UNSET:
            field_dict["AllocationGrowLoadRatioThreshold"] = allocation_grow_load_ratio_threshold
        if allocation_shrink_load_ratio_threshold is not UNSET:
            field_dict["AllocationShrinkLoadRatioThreshold"] = (
                allocation_shrink_load_ratio_threshold
            )
        if can_preempt is not UNSET:
            field_dict["CanPreempt"] = can_preempt
        if client_connection_timeout is not UNSET:
            field_dict["ClientConnectionTimeout"] = client_connection_timeout
        if client_idle_timeout is not UNSET:
            field_dict["ClientIdleTimeout"] = client_idle_timeout
        if diagnostic_broker_node is not UNSET:
            field_dict["DiagnosticBrokerNode"] = diagnostic_broker_node
        if environments is not UNSET:
            field_dict["Environments"] = environments
        if extended_priority is not UNSET:
            field_dict["ExtendedPriority"] = extended_priority
        if job_template is not UNSET:
            field_dict["JobTemplate"] = job_template
        if max_message_size is not UNSET:
            field_dict["MaxMessageSize"] = max_message_size
        if max_units is not UNSET:
            field_dict["MaxUnits"] = max_units
        if messages_throttle_start_threshold is not UNSET:
            field_dict["MessagesThrottleStartThreshold"] = messages_throttle_start_threshold
        if messages_throttle_stop_threshold is not UNSET:
            field_dict["MessagesThrottleStopThreshold"] = messages_throttle_stop_threshold
        if min_units is not UNSET:
            field_dict["MinUnits"] = min_units
        if node_groups_str is not UNSET:
            field_dict["NodeGroupsStr"] = node_groups_str
        if password is not UNSET:
            field_dict["Password"] = password
        if priority is not UNSET:
            field_dict["Priority"] = priority
        if requested_nodes_str is not UNSET:
            field_dict["RequestedNodesStr"] = requested_nodes_str
        if resource_unit_type is not UNSET:
            field_dict["ResourceUnitType"] = resource_unit_type
        if runtime is not UNSET:
            field_dict["Runtime"] = runtime
        if service_job_name is not UNSET:
            field_dict["ServiceJobName"] = service_job_name
        if service_job_project is not UNSET:
            field_dict["ServiceJobProject"] = service_job_project
        if service_operation_timeout is not UNSET:
            field_dict["ServiceOperationTimeout"] = service_operation_timeout
        if service_version is not UNSET:
            field_dict["ServiceVersion"] = service_version
        if session_idle_timeout is not UNSET:
            field_dict["SessionIdleTimeout"] = session_idle_timeout
        if share_session is not UNSET:
            field_dict["ShareSession"] = share_session
        if use_session_pool is not UNSET:
            field_dict["UseSessionPool"] = use_session_pool
        if username is not UNSET:
            field_dict["Username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.key_value_ofstringstring import KeyValueOfstringstring  # noqa: PLC0415
        from ..models.version import Version  # noqa: PLC0415

        d = dict(src_dict)
        service_name = d.pop("ServiceName")

        admin_job_for_host_in_diag = d.pop("AdminJobForHostInDiag", UNSET)

        def _parse_allocation_grow_load_ratio_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        allocation_grow_load_ratio_threshold = _parse_allocation_grow_load_ratio_threshold(
            d.pop("AllocationGrowLoadRatioThreshold", UNSET)
        )

        def _parse_allocation_shrink_load_ratio_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        allocation_shrink_load_ratio_threshold = _parse_allocation_shrink_load_ratio_threshold(
            d.pop("AllocationShrinkLoadRatioThreshold", UNSET)
        )

        def _parse_can_preempt(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        can_preempt = _parse_can_preempt(d.pop("CanPreempt", UNSET))

        def _parse_client_connection_timeout(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        client_connection_timeout = _parse_client_connection_timeout(
            d.pop("ClientConnectionTimeout", UNSET)
        )

        def _parse_client_idle_timeout(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        client_idle_timeout = _parse_client_idle_timeout(d.pop("ClientIdleTimeout", UNSET))

        def _parse_diagnostic_broker_node(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        diagnostic_broker_node = _parse_diagnostic_broker_node(d.pop("DiagnosticBrokerNode", UNSET))

        def _parse_environments(data: object) -> list[KeyValueOfstringstring] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                environments_type_0 = []
                _environments_type_0 = data
                for environments_type_0_item_data in _environments_type_0:
                    environments_type_0_item = KeyValueOfstringstring.from_dict(
                        environments_type_0_item_data
                    )

                    environments_type_0.append(environments_type_0_item)

                return environments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KeyValueOfstringstring] | None | Unset, data)

        environments = _parse_environments(d.pop("Environments", UNSET))

        def _parse_extended_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        extended_priority = _parse_extended_priority(d.pop("ExtendedPriority", UNSET))

        def _parse_job_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_template = _parse_job_template(d.pop("JobTemplate", UNSET))

        def _parse_max_message_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_message_size = _parse_max_message_size(d.pop("MaxMessageSize", UNSET))

        def _parse_max_units(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_units = _parse_max_units(d.pop("MaxUnits", UNSET))

        def _parse_messages_throttle_start_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        messages_throttle_start_threshold = _parse_messages_throttle_start_threshold(
            d.pop("MessagesThrottleStartThreshold", UNSET)
        )

        def _parse_messages_throttle_stop_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        messages_throttle_stop_threshold = _parse_messages_throttle_stop_threshold(
            d.pop("MessagesThrottleStopThreshold", UNSET)
        )

        def _parse_min_units(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_units = _parse_min_units(d.pop("MinUnits", UNSET))

        def _parse_node_groups_str(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_groups_str = _parse_node_groups_str(d.pop("NodeGroupsStr", UNSET))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("Password", UNSET))

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("Priority", UNSET))

        def _parse_requested_nodes_str(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_nodes_str = _parse_requested_nodes_str(d.pop("RequestedNodesStr", UNSET))

        def _parse_resource_unit_type(data: object) -> None | SessionUnitType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                resource_unit_type_type_0 = SessionUnitType(data)

                return resource_unit_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionUnitType | Unset, data)

        resource_unit_type = _parse_resource_unit_type(d.pop("ResourceUnitType", UNSET))

        runtime = d.pop("Runtime", UNSET)

        def _parse_service_job_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_job_name = _parse_service_job_name(d.pop("ServiceJobName", UNSET))

        def _parse_service_job_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_job_project = _parse_service_job_project(d.pop("ServiceJobProject", UNSET))

        def _parse_service_operation_timeout(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        service_operation_timeout = _parse_service_operation_timeout(
            d.pop("ServiceOperationTimeout", UNSET)
        )

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

        def _parse_session_idle_timeout(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        session_idle_timeout = _parse_session_idle_timeout(d.pop("SessionIdleTimeout", UNSET))

        share_session = d.pop("ShareSession", UNSET)

        use_session_pool = d.pop("UseSessionPool", UNSET)

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("Username", UNSET))

        web_session_start_info = cls(
            service_name=service_name,
            admin_job_for_host_in_diag=admin_job_for_host_in_diag,
            allocation_grow_load_ratio_threshold=allocation_grow_load_ratio_threshold,
            allocation_shrink_load_ratio_threshold=allocation_shrink_load_ratio_threshold,
            can_preempt=can_preempt,
            client_connection_timeout=client_connection_timeout,
            client_idle_timeout=client_idle_timeout,
            diagnostic_broker_node=diagnostic_broker_node,
            environments=environments,
            extended_priority=extended_priority,
            job_template=job_template,
            max_message_size=max_message_size,
            max_units=max_units,
            messages_throttle_start_threshold=messages_throttle_start_threshold,
            messages_throttle_stop_threshold=messages_throttle_stop_threshold,
            min_units=min_units,
            node_groups_str=node_groups_str,
            password=password,
            priority=priority,
            requested_nodes_str=requested_nodes_str,
            resource_unit_type=resource_unit_type,
            runtime=runtime,
            service_job_name=service_job_name,
            service_job_project=service_job_project,
            service_operation_timeout=service_operation_timeout,
            service_version=service_version,
            session_idle_timeout=session_idle_timeout,
            share_session=share_session,
            use_session_pool=use_session_pool,
            username=username,
        )

        web_session_start_info.additional_properties = d
        return web_session_start_info

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
