"""The catalogue's wire forms, written by hand (no hpcpack): encode request bodies as XML or
JSON, and decode XML answers into the JSON forms of DESIGN.md so both formats compare equal."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any
from xml.sax.saxutils import escape

COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
HPC = "http://hpc.microsoft.com/"
HPC_STATUS = "http://hpc.microsoft.com"
SYSTEM = "http://schemas.datacontract.org/2004/07/System"
STATUS_NAMES = {"Unknown": 0, "Ready": 1, "Processing": 2, "Finished": 3}


def encode(kind: str, body: Any, fmt: str) -> tuple[bytes, str]:
    """(bytes, Content-Type) of a request body of schema `kind` in `fmt`."""
    if kind == "stream":
        return body, "application/octet-stream"
    if kind == "jobxml":  # JobXml: the document itself in XML; a JSON string in JSON
        if fmt == "json":
            return json.dumps(body).encode(), "application/json; charset=utf-8"
        return body.encode(), "application/xml; charset=utf-8"
    if fmt == "json":
        return json.dumps(body).encode(), "application/json; charset=utf-8"
    if kind == "props":
        items = "".join(
            f"<Property><Name>{escape(p['Name'])}</Name>"
            + (
                '<Value i:nil="true"/>'
                if p["Value"] is None
                else f"<Value>{escape(p['Value'])}</Value>"
            )
            + "</Property>"
            for p in body
        )
        xml = f'<ArrayOfProperty xmlns="{COMMON}" xmlns:i="{XSI}">{items}</ArrayOfProperty>'
    elif kind == "string":
        xml = f'<string xmlns="{SER}">{escape(body)}</string>'
    elif kind == "session":  # members in ordinal order, as DataContractSerializer reads them
        members = "".join(f"<{k}>{_scalar(body[k])}</{k}>" for k in sorted(body))
        xml = f'<WebSessionStartInfo xmlns="{HPC}" xmlns:i="{XSI}">{members}</WebSessionStartInfo>'
    else:
        raise ValueError(kind)
    return xml.encode(), "application/xml; charset=utf-8"


def _scalar(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else escape(str(value))


def _props(elem: ET.Element) -> list[dict[str, str | None]]:
    out: list[dict[str, str | None]] = []
    for prop in elem.findall(f"{{{COMMON}}}Property"):
        value = prop.find(f"{{{COMMON}}}Value")
        assert value is not None
        nil = value.get(f"{{{XSI}}}nil") == "true"
        out.append(
            {
                "Name": prop.findtext(f"{{{COMMON}}}Name") or "",
                "Value": None if nil else (value.text or ""),
            }
        )
    return out


def decode(kind: str, content: bytes, fmt: str) -> Any:
    """An answer of schema `kind` as its JSON form (XML answers are converted)."""
    if kind == "none":
        assert content == b"", content
        return None
    if kind == "stream":
        return content.decode("utf-8")
    if fmt == "json":
        return json.loads(content)
    root = ET.fromstring(content)
    if kind == "props":
        assert root.tag == f"{{{COMMON}}}ArrayOfProperty", root.tag
        return _props(root)
    if kind == "objects":
        assert root.tag == f"{{{COMMON}}}ArrayOfObject", root.tag
        return [
            {"Properties": _props(o.find(f"{{{COMMON}}}Properties") or ET.Element("x"))}
            for o in root.findall(f"{{{COMMON}}}Object")
        ]
    if kind == "int":
        assert root.tag == f"{{{SER}}}int", root.tag
        return int(root.text or "")
    if kind == "string":
        assert root.tag == f"{{{SER}}}string", root.tag
        return root.text or ""
    if kind == "strings":
        assert root.tag == f"{{{ARRAYS}}}ArrayOfstring", root.tag
        return [e.text or "" for e in root]
    if kind == "status":
        assert root.tag == f"{{{HPC_STATUS}}}BrokerClientStatus", root.tag
        return STATUS_NAMES[root.text or ""]
    if kind == "versions":
        assert root.tag.endswith("ArrayOfVersion"), root.tag
        return [{_local(m.tag): int(m.text or "") for m in v} for v in root]
    if kind == "session":
        assert root.tag == f"{{{HPC}}}WebSessionInfo", root.tag
        info: dict[str, Any] = {}
        for child in root:
            name = _local(child.tag)
            if child.get(f"{{{XSI}}}nil") == "true":
                info[name] = None
            elif name == "ServiceVersion":
                info[name] = {_local(m.tag): int(m.text or "") for m in child}
            elif name == "IsDurable":
                info[name] = (child.text or "").lower() == "true"
            elif name in ("Id", "MaxMessageSize", "ServiceOperationTimeout"):
                info[name] = int(child.text or "")
            else:
                info[name] = child.text or ""
        return info
    raise ValueError(kind)


def as_dict(props: list[dict[str, Any]]) -> dict[str, Any]:
    return {p["Name"]: p.get("Value") for p in props}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
