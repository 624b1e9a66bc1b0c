"""SOAP 1.2 / WS-Addressing codec for the SOA message streams (catalogue §3.10).

Parsing applies defusedxml's policy with DTDs forbidden (any DOCTYPE, entity declaration or
external reference is refused with defusedxml's exceptions): request bodies come from the
network, and a broker that expands entities is a denial-of-service target. The parser is
incremental (`MessageArrayParser.feed`) so a chunked upload can be parsed as it arrives, and it
drops each envelope from the tree once read so memory stays flat for big batches.

Rendering is plain string building: the response stream is hot (thousands of envelopes per
second) and its shape is fixed, so an XML library would only add cost.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, cast
from xml.parsers import expat

from defusedxml import (
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)
from defusedxml.ElementTree import DefusedXMLParser

from ..faults import Fault, bad_request

S_NS = "http://www.w3.org/2003/05/soap-envelope"
A_NS = "http://www.w3.org/2005/08/addressing"
HPC_NS = "http://www.microsoft.com/hpc"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous"
END_OF_RESPONSES_ACTION = "http://hpc.microsoft.com/EndOfGetResponse"
FAULT_ACTION = "http://www.w3.org/2005/08/addressing/soap/fault"
GENERIC_ACTION = "http://hpc.microsoft.com/GenericService/IGenericService/GenericOperation"
GENERIC_REPLY_ACTION = GENERIC_ACTION + "Response"
GENERIC_OPERATION = "GenericOperation"
GENERIC_NS = "http://hpc.microsoft.com/GenericService"
MAX_USER_DATA = 1024  # client constant [C]
MAX_DEPTH = 200  # element nesting, wrapper included

_ENVELOPE = f"{{{S_NS}}}Envelope"
_HEADER = f"{{{S_NS}}}Header"
_BODY = f"{{{S_NS}}}Body"
_ACTION = f"{{{A_NS}}}Action"
_MESSAGE_ID = f"{{{A_NS}}}MessageID"
# The docs spell the headers HPCPack2008_*, the client HPCServer2008_* (catalogue §3.10).
_USER_DATA_NAMES = {
    f"{{{HPC_NS}}}HPCServer2008_Broker_UserDataNS",
    f"{{{HPC_NS}}}HPCPack2008_Broker_UserDataNS",
    "HPCServer2008_Broker_UserDataNS",
    "HPCPack2008_Broker_UserDataNS",
}
_INVALID_XML_CHARS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NEEDS_ESCAPE = re.compile('[&<>"]|' + _INVALID_XML_CHARS.pattern)
_GENERIC_UNSAFE = re.compile("[\x00\uffff]")


class StoredResponse(Protocol):
    """A computed response as the store returns it (see `store.ResponseRow`)."""

    @property
    def action(self) -> str: ...
    @property
    def message_id(self) -> str: ...
    @property
    def user_data(self) -> str: ...
    @property
    def generic(self) -> bool: ...
    @property
    def reply_action(self) -> str: ...
    @property
    def output(self) -> str: ...
    @property
    def fault(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Request:
    """One request as the broker stores it.

    `body` is the `s:Body` child re-serialised with default namespaces (normal service) or the
    input text (generic service); `operation` is the last segment of the action.
    """

    action: str
    message_id: str
    user_data: str
    body: str
    generic: bool

    @property
    def operation(self) -> str:
        return GENERIC_OPERATION if self.generic else self.action.rsplit("/", 1)[-1]


def escape(text: str) -> str:
    """Escape for element content and attribute values; drop chars XML 1.0 cannot carry."""
    if not _NEEDS_ESCAPE.search(text):  # the common case, one C-level scan
        return text
    text = _INVALID_XML_CHARS.sub("\ufffd", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


# ---------------------------------------------------------------------------------------------
# parsing


class MessageArrayParser:
    """Incremental parser of `<AnyWrapper><s:Envelope>...</s:Envelope>...</AnyWrapper>`.

    `feed` returns the requests completed so far; `close` checks the document ended properly.
    Every problem (DTD, entity, malformed or truncated XML, wrong structure) is a `Fault` 400.
    """

    def __init__(self) -> None:
        # Two C-speed passes instead of defusedxml's pure-Python tree builder (4x slower):
        # a bare expat parser whose only handlers refuse DTDs and entity declarations (the
        # defusedxml policy, same exception types), and the C pull parser that builds the tree.
        self._guard = expat.ParserCreate()
        self._guard.StartDoctypeDeclHandler = _forbid_dtd
        self._guard.EntityDeclHandler = _forbid_entity
        self._guard.UnparsedEntityDeclHandler = _forbid_entity
        self._guard.ExternalEntityRefHandler = _forbid_external
        self._pull: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
        self._root: ET.Element | None = None
        self._depth = 0

    def feed(self, data: bytes) -> list[Request]:
        try:
            self._guard.Parse(data, False)
            self._pull.feed(data)
            return list(self._events())
        except (ET.ParseError, expat.ExpatError, DefusedXmlException, ValueError) as exc:
            raise _malformed(exc) from exc

    def close(self) -> list[Request]:
        try:
            self._guard.Parse(b"", True)
            self._pull.close()
            out = list(self._events())
        except (ET.ParseError, expat.ExpatError, DefusedXmlException, ValueError) as exc:
            raise _malformed(exc) from exc
        if self._root is None:
            raise bad_request("The request body is empty.")
        return out

    def _events(self) -> Iterator[Request]:
        for pair in self._pull.read_events():
            event, elem = cast(tuple[str, ET.Element], pair)
            if event == "start":
                self._depth += 1
                if self._depth > MAX_DEPTH:  # serialisation recurses; refuse, don't crash
                    raise bad_request(f"The message array is nested deeper than {MAX_DEPTH}.")
                if self._root is None:
                    if elem.tag == _ENVELOPE:
                        raise bad_request("Envelopes must be wrapped in a message-array element.")
                    self._root = elem
                elif self._depth == 2 and elem.tag != _ENVELOPE:
                    raise bad_request(f"Unexpected element {elem.tag} in the message array.")
                continue
            self._depth -= 1
            if self._depth == 1 and self._root is not None:
                yield parse_envelope(elem)
                self._root.remove(elem)


def _forbid_dtd(name: str, sysid: str | None, pubid: str | None, has_internal: bool) -> None:
    raise DTDForbidden(name, sysid, pubid)


def _forbid_entity(name: str, *args: object) -> None:
    raise EntitiesForbidden(name, None, None, None, None, None)


def _forbid_external(context: str, base: str | None, sysid: str | None, pubid: str | None) -> int:
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


def _malformed(exc: Exception) -> Fault:
    return bad_request(f"The request body is not a valid message array: {exc}")


def parse_message_array(body: bytes) -> list[Request]:
    """Parse a whole message-array body; an empty body is an empty list (commit-only sends)."""
    if not body.strip():
        return []
    parser = MessageArrayParser()
    out = parser.feed(body)
    out.extend(parser.close())
    return out


def parse_envelope(env: ET.Element) -> Request:
    """Extract action, message id, user data and body from one request envelope."""
    header = env.find(_HEADER)
    body = env.find(_BODY)
    if body is None or len(body) != 1:
        raise bad_request("A request envelope must have an s:Body with exactly one element.")
    action = message_id = user_data = ""
    if header is not None:
        for h in header:
            if h.tag == _ACTION:
                action = (h.text or "").strip()
            elif h.tag == _MESSAGE_ID:
                message_id = (h.text or "").strip()
            elif h.tag in _USER_DATA_NAMES:
                user_data = h.text or ""
    if not action:
        raise bad_request("A request envelope has no a:Action header.")
    if len(user_data) > MAX_USER_DATA:
        raise bad_request(f"User data longer than {MAX_USER_DATA} characters.")
    return Request(
        action=action,
        message_id=message_id or f"urn:uuid:{uuid.uuid4()}",
        user_data=user_data,
        body=serialize(body[0]),
        generic=False,
    )


def parse_generic(body: bytes) -> list[Request]:
    """Parse `input U+FFFF userdata U+0000 ...` (UTF-8); the last record must be terminated."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad_request(f"The generic-service body is not UTF-8: {exc}") from exc
    if not text:
        return []
    if not text.endswith("\x00"):
        raise bad_request("The generic-service body is truncated (no final U+0000).")
    out = []
    for record in text[:-1].split("\x00"):
        parts = record.split("\uffff")
        if len(parts) != 2:
            raise bad_request("A generic-service record must be 'input U+FFFF userdata U+0000'.")
        if len(parts[1]) > MAX_USER_DATA:
            raise bad_request(f"User data longer than {MAX_USER_DATA} characters.")
        out.append(Request(GENERIC_ACTION, f"urn:uuid:{uuid.uuid4()}", parts[1], parts[0], True))
    return out


def serialize(elem: ET.Element) -> str:
    """Serialise with default-namespace declarations (`<Echo xmlns="http://tempuri.org/">`).

    ElementTree would invent `ns0:` prefixes; services and users expect the body as sent.
    """
    parts: list[str] = []
    _write(elem, "", parts)
    return "".join(parts)


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _write(elem: ET.Element, parent_ns: str, out: list[str]) -> None:
    ns, local = _split(str(elem.tag))
    out.append("<" + local)
    if ns != parent_ns:
        out.append(f' xmlns="{escape(ns)}"')
    prefixes: dict[str, str] = {}
    for key, value in elem.attrib.items():
        ans, alocal = _split(key)
        if not ans:
            name = alocal
        elif ans == XML_NS:
            name = "xml:" + alocal
        else:
            if ans not in prefixes:
                prefixes[ans] = f"p{len(prefixes)}"
                out.append(f' xmlns:{prefixes[ans]}="{escape(ans)}"')
            name = f"{prefixes[ans]}:{alocal}"
        out.append(f' {name}="{escape(value)}"')
    out.append(">")
    if elem.text:
        out.append(escape(elem.text))
    for child in elem:
        _write(child, ns, out)
        if child.tail:
            out.append(escape(child.tail))
    out.append(f"</{local}>")


def parse_xml_fragment(text: str) -> ET.Element:
    """Parse service output or a stored body safely (used to validate handler replies)."""
    try:
        parser = DefusedXMLParser(target=ET.TreeBuilder(), forbid_dtd=True)
        parser.feed(text)
        return parser.close()
    except (ET.ParseError, DefusedXmlException, ValueError) as exc:
        raise ValueError(f"not well-formed XML: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# rendering

ARRAY_OPEN = b"<HPCServer2008_WebAPI_MessageArray>"
ARRAY_CLOSE = b"</HPCServer2008_WebAPI_MessageArray>"
_ENV_OPEN = f'<s:Envelope xmlns:s="{S_NS}" xmlns:a="{A_NS}"><s:Header>'
_TO = f'<a:To s:mustUnderstand="1">{ANONYMOUS}</a:To>'


def _hpc(name: str, value: str) -> str:
    return f'<HPCServer2008_Broker_{name} xmlns="{HPC_NS}">{escape(value)}</HPCServer2008_Broker_{name}>'


def render_response(
    *,
    reply_action: str,
    request_action: str,
    relates_to: str,
    user_data: str,
    client_data: str,
    body_xml: str,
) -> str:
    """One response envelope; `body_xml` goes into `s:Body` verbatim (already well-formed)."""
    return (
        f'{_ENV_OPEN}<a:Action s:mustUnderstand="1">{escape(reply_action)}</a:Action>'
        f"<a:RelatesTo>{escape(relates_to)}</a:RelatesTo>{_TO}"
        f"{_hpc('RequestActionNS', request_action)}{_hpc('UserDataNS', user_data)}"
        f"{_hpc('ResponseCallbackId', client_data)}</s:Header><s:Body>{body_xml}</s:Body></s:Envelope>"
    )


def fault_body(message: str) -> str:
    """SOAP 1.2 fault body for a request whose service failed."""
    return (
        "<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason>"
        f'<s:Text xml:lang="en-US">{escape(message)}</s:Text></s:Reason></s:Fault>'
    )


def wrap_result(operation: str, text: str, namespace: str = "http://tempuri.org/") -> str:
    """`<OpResponse xmlns=ns><OpResult>text</OpResult></OpResponse>` for plain-text replies."""
    return (
        f'<{operation}Response xmlns="{escape(namespace)}"><{operation}Result>{escape(text)}'
        f"</{operation}Result></{operation}Response>"
    )


def render_end(count: int, reason: str, client_data: str = "") -> str:
    """The EndOfResponses envelope that terminates every normal-service response stream."""
    return (
        f'{_ENV_OPEN}<a:Action s:mustUnderstand="1">{END_OF_RESPONSES_ACTION}</a:Action>{_TO}'
        f"{_hpc('ResponseCallbackId', client_data)}</s:Header><s:Body>"
        f'<EndOfResponses xmlns="http://tempuri.org/"><Count>{count}</Count>'
        f"<Reason>{escape(reason)}</Reason></EndOfResponses></s:Body></s:Envelope>"
    )


def render_generic(action: str, output: str, user_data: str) -> str:
    """One generic-service record; separators inside values would break the framing."""
    clean = _GENERIC_UNSAFE.sub
    return f"{action}\uffff{clean(chr(0xFFFD), output)}\uffff{clean(chr(0xFFFD), user_data)}\x00"


def render_generic_end(count: int, reason: str) -> str:
    return f"{END_OF_RESPONSES_ACTION}\uffff{count}\uffff{reason}\x00"


def render_stored(rows: Sequence[StoredResponse], generic: bool, clientdata: str) -> bytes:
    """Stream chunk for computed responses, in the SOAP or the generic-service format."""
    parts = []
    for r in rows:
        if generic:
            parts.append(render_generic(r.reply_action, r.output, r.user_data))
            continue
        if r.fault:
            body = fault_body(r.output)
        elif r.generic:
            body = wrap_result(GENERIC_OPERATION, r.output, GENERIC_NS)
        else:
            body = r.output
        parts.append(
            render_response(
                reply_action=r.reply_action,
                request_action=r.action,
                relates_to=r.message_id,
                user_data=r.user_data,
                client_data=clientdata,
                body_xml=body,
            )
        )
    return "".join(parts).encode()
