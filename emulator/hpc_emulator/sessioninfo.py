"""Create Session bodies: `WebSessionStartInfo` from XML (DataContract rules enforced: a member
a head node would skip silently is a fault here) or JSON, into a plain dict for the broker."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from hpc_emulator import contracts, xmlwire
from hpc_emulator.faults import bad_request

FIELDS: dict[str, str] = {
    "AdminJobForHostInDiag": "bool",
    "AllocationGrowLoadRatioThreshold": "int",
    "AllocationShrinkLoadRatioThreshold": "int",
    "CanPreempt": "bool",
    "ClientConnectionTimeout": "int",
    "ClientIdleTimeout": "int",
    "DiagnosticBrokerNode": "str",
    "Environments": "env",
    "ExtendedPriority": "int",
    "JobTemplate": "str",
    "MaxMessageSize": "int",
    "MaxUnits": "int",
    "MessagesThrottleStartThreshold": "int",
    "MessagesThrottleStopThreshold": "int",
    "MinUnits": "int",
    "NodeGroupsStr": "str",
    "Password": "str",
    "Priority": "int",
    "RequestedNodesStr": "str",
    "ResourceUnitType": "int",
    "Runtime": "int",
    "ServiceJobName": "str",
    "ServiceJobProject": "str",
    "ServiceName": "str",
    "ServiceOperationTimeout": "int",
    "ServiceVersion": "version",
    "SessionIdleTimeout": "int",
    "ShareSession": "bool",
    "UseSessionPool": "bool",
    "Username": "str",
}
assert list(FIELDS) == sorted(FIELDS), "ordinal order"
_BY_LOWER = {k.lower(): k for k in FIELDS}
VERSION_KEYS = ("_Build", "_Major", "_Minor", "_Revision")


def _xml_scalar(kind: str, name: str, text: str) -> Any:
    text = text.strip() if kind != "str" else text
    if kind == "bool":
        if text.lower() in ("true", "1"):
            return True
        if text.lower() in ("false", "0"):
            return False
        raise bad_request(f"{name}: '{text}' is not a Boolean.")
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            raise bad_request(f"{name}: '{text}' is not an integer.") from None
    return text


def read(body: bytes, content_type: str) -> dict[str, Any]:
    """A Create Session body in either documented format."""
    return from_json(body) if xmlwire.is_json(content_type) else from_xml(body)


def from_xml(body: bytes) -> dict[str, Any]:
    """DataContract rules (`contracts`): root, namespaces, ordinal order; nothing skipped."""
    root = xmlwire.parse_xml(body)
    contracts.check_root(root, "WebSessionStartInfo")
    members = contracts.read_members(root, "WebSessionStartInfo", xmlwire.HPC, tuple(FIELDS))
    info: dict[str, Any] = {}
    for name, child in members.items():
        kind = FIELDS[name]
        if contracts.is_nil(child):
            info[name] = None
        elif kind == "env":
            info[name] = _environments(child)
        elif kind == "version":
            parts = contracts.read_members(child, "Version", xmlwire.SYSTEM)
            info[name] = {
                k: int(_xml_scalar("int", name, parts[k].text or "")) if k in parts else -1
                for k in VERSION_KEYS
            }
        else:
            contracts.no_children(child, f"WebSessionStartInfo member '{name}'")
            info[name] = _xml_scalar(kind, name, child.text or "")
    return _validate(info)


def _environments(el: Element) -> dict[str, str]:
    item, ns = contracts.root_of("KeyValueOfstringstring")
    env: dict[str, str] = {}
    for kv in el:
        kv_ns, tag = contracts.split(kv.tag)
        if tag != item or kv_ns != ns:
            raise bad_request(
                f"Environments item '{tag}' in namespace '{kv_ns}' is not a {item} in namespace "
                f"'{ns}': {contracts.SILENT}."
            )
        pair = contracts.read_members(kv, "KeyValueOfstringstring", ns)
        key = pair["Key"].text if "Key" in pair else None
        if key:
            value = pair.get("Value")
            env[key] = (value.text or "") if value is not None else ""
    return env


def from_json(body: bytes) -> dict[str, Any]:
    data = xmlwire.parse_json(body)
    if not isinstance(data, dict):
        raise bad_request("Expected a JSON object (WebSessionStartInfo).")
    info: dict[str, Any] = {}
    for raw_key, value in data.items():
        name = _BY_LOWER.get(str(raw_key).lower())
        if name is None:
            continue
        kind = FIELDS[name]
        if kind == "int" and isinstance(value, float) and value.is_integer():
            value = int(value)  # JSON does not tell 5 from 5.0; JSON Schema calls both integers
        if value is None:
            info[name] = None
        elif (
            (kind == "bool" and isinstance(value, bool))
            or (kind == "int" and isinstance(value, int) and not isinstance(value, bool))
            or (kind == "str" and isinstance(value, str))
        ):
            info[name] = value
        elif kind == "env" and isinstance(value, list):
            env: dict[str, str] = {}
            for item in value:
                if not isinstance(item, dict) or not isinstance(item.get("Key"), str):
                    raise bad_request("Environments: expected [{Key, Value}] items.")
                env[item["Key"]] = str(item.get("Value") or "")
            info[name] = env
        elif kind == "version" and isinstance(value, dict):
            try:
                info[name] = {k: int(value.get(k, -1)) for k in VERSION_KEYS}
            except (TypeError, ValueError):
                raise bad_request("ServiceVersion: expected integer members.") from None
        else:
            raise bad_request(f"{name}: wrong JSON type {type(value).__name__}.")
    return _validate(info)


def _validate(info: dict[str, Any]) -> dict[str, Any]:
    name = info.get("ServiceName")
    if not name:
        raise bad_request("ServiceName is required.")
    checks = [
        ("ExtendedPriority", 0, 4000),
        ("Priority", 0, 4),
        ("MaxMessageSize", 1, None),
        ("MinUnits", 1, None),
        ("MaxUnits", 1, None),
        ("Runtime", -1, None),
        ("ResourceUnitType", 0, 2),
    ]
    for field, low, high in checks:
        value = info.get(field)
        if value is None:
            continue
        if value < low or (high is not None and value > high):
            raise bad_request(f"{field} is out of range.")
    if len(info.get("Password") or "") > 127:
        raise bad_request("Password can have at most 127 characters.")
    if len(info.get("Username") or "") > 80:
        raise bad_request("Username can have at most 80 characters.")
    return info
