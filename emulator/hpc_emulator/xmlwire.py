"""The emulator's own XML/JSON body layer (independent of the `hpcpack` client on purpose).

Writes what WCF's DataContractSerializer writes (namespaces, element order, `i:nil`) and reads
request bodies by the DataContract rules, strictly: where a real head node would skip a member
silently (unknown, out of order, wrong namespace) the emulator refuses it (`contracts`). XML is
parsed with defusedxml, so hostile documents become a 400 fault, never a crash.
"""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from xml.sax.saxutils import escape, quoteattr

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from hpc_emulator import contracts
from hpc_emulator.faults import bad_request

XSI = "http://www.w3.org/2001/XMLSchema-instance"
COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SYSTEM = "http://schemas.datacontract.org/2004/07/System"
GENERIC = "http://schemas.datacontract.org/2004/07/System.Collections.Generic"
HPC = "http://hpc.microsoft.com/"
HPC_NOSLASH = "http://hpc.microsoft.com"
SCHED = "http://schemas.microsoft.com/HPCS2008R2/scheduler/"
DECL = '<?xml version="1.0" encoding="utf-8"?>'

_ILLEGAL = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Props = list[tuple[str, str | None]]


def text(value: str) -> str:
    """Escape element text; characters XML 1.0 cannot carry are dropped (never invalid XML)."""
    return escape(_ILLEGAL.sub("", value))


def attr(value: str) -> str:
    return quoteattr(_ILLEGAL.sub("", value))


# ---------------------------------------------------------------- writing


def _props_xml(props: Props) -> str:
    parts = []
    for name, value in props:
        val = '<Value i:nil="true"/>' if value is None else f"<Value>{text(value)}</Value>"
        parts.append(f"<Property><Name>{text(name)}</Name>{val}</Property>")
    return "".join(parts)


def property_list(props: Props, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([{"Name": n, "Value": v} for n, v in props])
    return (
        f'<ArrayOfProperty xmlns="{COMMON}" xmlns:i="{XSI}">{_props_xml(props)}</ArrayOfProperty>'
    )


def object_list(rows: list[Props], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [{"Properties": [{"Name": n, "Value": v} for n, v in row]} for row in rows]
        )
    body = "".join(f"<Object><Properties>{_props_xml(r)}</Properties></Object>" for r in rows)
    return f'<ArrayOfObject xmlns="{COMMON}" xmlns:i="{XSI}">{body}</ArrayOfObject>'


def scalar_int(value: int, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(value)
    return f'<int xmlns="{SER}">{value}</int>'


def scalar_string(value: str, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(value)
    return f'<string xmlns="{SER}">{text(value)}</string>'


def string_array(values: list[str], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(values)
    body = "".join(f"<string>{text(v)}</string>" for v in values)
    return f'<ArrayOfstring xmlns="{ARRAYS}" xmlns:i="{XSI}">{body}</ArrayOfstring>'


def fault(code: int, message: str, values: dict[str, str], fmt: str) -> str:
    if fmt == "json":
        pairs = [{"key": k, "value": v} for k, v in values.items()] or None
        return json.dumps({"Code": code, "Message": message, "Values": pairs})
    if values:
        items = "".join(
            f"<a:KeyValuePairOfstringstring><a:key>{text(k)}</a:key><a:value>{text(v)}</a:value>"
            "</a:KeyValuePairOfstringstring>"
            for k, v in values.items()
        )
        vals = f'<Values xmlns:a="{GENERIC}">{items}</Values>'
    else:
        vals = f'<Values i:nil="true" xmlns:a="{GENERIC}"/>'
    return (
        f'<HpcWebServiceFault xmlns="{COMMON}" xmlns:i="{XSI}"><Code>{code}</Code>'
        f"<Message>{text(message)}</Message>{vals}</HpcWebServiceFault>"
    )


def _version_xml(version: dict[str, int], tag: str, ns_decl: str = "") -> str:
    inner = "".join(
        f"<{k}>{int(version[k])}</{k}>" for k in ("_Build", "_Major", "_Minor", "_Revision")
    )
    return f"<{tag}{ns_decl}>{inner}</{tag}>"


def session_info(info: dict[str, Any], fmt: str) -> str:
    """WebSessionInfo, members in DataContract order."""
    version = info.get("ServiceVersion")
    if fmt == "json":
        return json.dumps(
            {
                "BrokerNode": info["BrokerNode"],
                "Id": int(info["Id"]),
                "IsDurable": bool(info["IsDurable"]),
                "MaxMessageSize": int(info["MaxMessageSize"]),
                "ServiceOperationTimeout": int(info["ServiceOperationTimeout"]),
                "ServiceVersion": version,
            }
        )
    if version is None:
        ver = '<ServiceVersion i:nil="true"/>'
    else:
        ver = (
            _version_xml(version, "ServiceVersion", f' xmlns:a="{SYSTEM}"')
            .replace("<_", "<a:_")
            .replace("</_", "</a:_")
        )
    return (
        f'<WebSessionInfo xmlns="{HPC}" xmlns:i="{XSI}">'
        f"<BrokerNode>{text(str(info['BrokerNode']))}</BrokerNode><Id>{int(info['Id'])}</Id>"
        f"<IsDurable>{'true' if info['IsDurable'] else 'false'}</IsDurable>"
        f"<MaxMessageSize>{int(info['MaxMessageSize'])}</MaxMessageSize>"
        f"<ServiceOperationTimeout>{int(info['ServiceOperationTimeout'])}</ServiceOperationTimeout>"
        f"{ver}</WebSessionInfo>"
    )


def version_array(versions: list[dict[str, int]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [{k: int(v[k]) for k in ("_Build", "_Major", "_Minor", "_Revision")} for v in versions]
        )
    body = "".join(_version_xml(v, "Version") for v in versions)
    return f'<ArrayOfVersion xmlns="{SYSTEM}" xmlns:i="{XSI}">{body}</ArrayOfVersion>'


BROKER_STATUS = ("Unknown", "Ready", "Processing", "Finished")


def broker_status(value: int, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(value)
    return f'<BrokerClientStatus xmlns="{HPC_NOSLASH}">{BROKER_STATUS[value]}</BrokerClientStatus>'


# ---------------------------------------------------------------- reading


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_xml(body: bytes) -> Element:
    try:
        root: Element = DET.fromstring(body, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise bad_request(f"The request body is not valid XML: {exc}") from None
    return root


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise bad_request(f"The request body is not valid JSON: {exc}") from None
    except RecursionError:  # nesting deeper than the interpreter's stack: no body needs that
        raise bad_request("The request body is nested too deeply.") from None


def is_json(content_type: str) -> bool:
    return "json" in content_type.lower()


def read_property_list(body: bytes, content_type: str) -> Props:
    """An `ArrayOfProperty` body (XML, or JSON with the emulator's JSON extension); an empty
    body or a nil root is an empty list. XML follows the DataContract rules (`contracts`)."""
    if not body.strip():
        return []
    if is_json(content_type):
        return _json_property_list(parse_json(body))
    root = parse_xml(body)
    contracts.check_root(root, "ArrayOfProperty")
    if contracts.is_nil(root):
        return []
    item_name, ns = contracts.root_of("Property")
    props: Props = []
    for child in root:
        child_ns, tag = contracts.split(child.tag)
        if tag != item_name or child_ns != ns:
            raise bad_request(
                f"ArrayOfProperty item '{tag}' in namespace '{child_ns}' is not a Property in "
                f"namespace '{ns}': {contracts.SILENT}."
            )
        if contracts.is_nil(child):
            raise bad_request("ArrayOfProperty holds a nil Property: every Property needs a Name.")
        members = contracts.read_members(child, "Property", ns)
        name_el = members.get("Name")
        if name_el is None or contracts.is_nil(name_el) or not (name_el.text or ""):
            raise bad_request("Every Property needs a Name.")
        contracts.no_children(name_el, "Property member 'Name'")
        value_el = members.get("Value")
        value: str | None = None
        if value_el is not None and not contracts.is_nil(value_el):
            contracts.no_children(value_el, "Property member 'Value'")
            value = value_el.text or ""
        props.append((name_el.text or "", value))
    return props


def _json_property_list(data: Any) -> Props:
    if data is None:
        return []
    if not isinstance(data, list):
        raise bad_request("Expected a JSON array of {Name, Value} objects.")
    out: Props = []
    for item in data:
        if not isinstance(item, dict):
            raise bad_request("Expected a JSON array of {Name, Value} objects.")
        lowered = {str(k).lower(): v for k, v in item.items()}
        name = lowered.get("name")
        if not isinstance(name, str) or not name:
            raise bad_request("Every property needs a Name.")
        value = lowered.get("value")
        if value is not None and not isinstance(value, str):
            value = (
                json.dumps(value)
                if not isinstance(value, bool | int | float)
                else (("True" if value else "False") if isinstance(value, bool) else str(value))
            )
        out.append((name, value))
    return out


def read_string(body: bytes, content_type: str) -> str:
    """A `<string>` body (cancel reason, `CancelMessage`); empty, absent or nil is ""."""
    if not body.strip():
        return ""
    if is_json(content_type):
        data = parse_json(body)
        if data is None:
            return ""
        if not isinstance(data, str):
            raise bad_request("Expected a JSON string.")
        return data
    root = parse_xml(body)
    contracts.check_root(root, "CancelMessage")
    if contracts.is_nil(root):
        return ""
    contracts.no_children(root, "The string element")
    return root.text or ""
