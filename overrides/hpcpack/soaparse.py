"""Incremental parsing of SOA reply streams (Get Responses bodies).

Why not one pull-parser event per element: a reply is about 22 elements, and reading a start
and an end event for each from Python was most of the client's CPU per message. Instead the
stream is cut after the envelope close tag (`</s:Envelope>`, the prefix the stream's first
child uses) and everything complete is parsed in one C call, inside a copy of the stream's root
start tag (so the namespaces in scope are the stream's). A cut is accepted only if that
document is well formed, which it cannot be when the tag sat inside CDATA, a comment or a
nested element: then an earlier cut is tried, and after a few failures (or past 64 KiB without
one, or a non-UTF-8 stream) the parser falls back to pull events for the rest of the stream.

Hostile XML: the stream's start goes through `safexml.Guard` (no DTD, so no entity) until the
root and its first child have started; past that point a DTD is a syntax error, and every
parse (of a cut, or pull events) is by the C parser, which refuses undeclared entities. An
envelope is bounded in bytes (`ResponseTooLarge`); errors are typed. A malformed byte is
reported when the envelope holding it is parsed (a cut or the fallback), not on arrival.
"""

from __future__ import annotations

import codecs
import dataclasses
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast
from xml.etree.ElementTree import Element, ParseError
from xml.parsers.expat import ExpatError

import defusedxml

from . import safexml
from .errors import (
    HostileXml,
    HpcProtocolError,
    MalformedResponse,
    ResponseTooLarge,
    TruncatedStream,
)
from .soafast import ENVELOPE_END, Fields, fast_parts
from .xmlcodec import escape_attr

__all__ = ["EndOfResponses", "EnvelopeParser", "GenericParser", "SoaResponse"]

NS_SOAP = "http://www.w3.org/2003/05/soap-envelope"
NS_WSA = "http://www.w3.org/2005/08/addressing"
NS_HPC = "http://www.microsoft.com/hpc"
NS_TEMPURI = "http://tempuri.org/"
END_ACTION = "http://hpc.microsoft.com/EndOfGetResponse"
BROKER_DOWN_ACTION = "http://hpc.microsoft.com/BrokerInstanceUnavailable"
SEP_FIELD = "\uffff"
SEP_RECORD = "\u0000"
DEFAULT_MAX_ENVELOPE = 16 * 1024 * 1024  # one reply; the stream as a whole is unbounded
FAST_MAX_PENDING = 64 * 1024  # an envelope bigger than this is read through pull events
FAST_MAX_MISSES = 8
GUARD_STEP = 1024  # cuts that were not envelope ends, before falling back

_HEADER = f"{{{NS_SOAP}}}Header"
_BODY = f"{{{NS_SOAP}}}Body"
_FAULT = f"{{{NS_SOAP}}}Fault"
_ACTION = f"{{{NS_WSA}}}Action"
_RELATES = f"{{{NS_WSA}}}RelatesTo"
_USER = f"{{{NS_HPC}}}HPCServer2008_Broker_UserDataNS"
_COUNT = f"{{{NS_TEMPURI}}}Count"
_SPECIAL = frozenset((END_ACTION, BROKER_DOWN_ACTION))
_REASON = f"{{{NS_TEMPURI}}}Reason"


@dataclass(frozen=True, slots=True)
class SoaResponse:
    """One reply: its action, user data, body element and the text of its first result."""

    action: str
    user_data: str | None
    relates_to: str | None
    value: str | None
    fault: bool = False
    body: Element | None = None

    def __str__(self) -> str:
        """The reply's result text (empty when the reply carried none)."""
        return self.value or ""


@dataclass(frozen=True)
class EndOfResponses:
    count: int
    reason: str


def _child_text(parent: Element | None, tag: str) -> str | None:
    if parent is None:
        return None
    found = parent.find(tag)
    return None if found is None else (found.text or "")


def envelope_to_reply(env: Element) -> SoaResponse | EndOfResponses:
    header = env.find(_HEADER)
    body = env.find(_BODY)
    return to_reply(
        (_child_text(header, _ACTION) or "").strip(),
        _child_text(header, _USER),
        _child_text(header, _RELATES),
        body,
    )


def to_reply(
    action: str, user: str | None, relates: str | None, body: Element | None
) -> SoaResponse | EndOfResponses:
    """The reply an envelope with these headers and this Body element stands for."""
    content = body[0] if body is not None and len(body) else None
    if action == END_ACTION:
        if content is None:
            raise MalformedResponse("EndOfResponses envelope without body")
        count = _child_text(content, _COUNT) or "0"
        reason = _child_text(content, _REASON) or ""
        try:
            return EndOfResponses(int(count), reason.strip())
        except ValueError:
            raise MalformedResponse(f"bad EndOfResponses count {count[:20]!r}") from None
    if action == BROKER_DOWN_ACTION:
        raise HpcProtocolError("the broker went away (BrokerInstanceUnavailable)")
    if content is None:
        return SoaResponse(action, user, relates, None, False, None)
    if content.tag == _FAULT:
        value = "".join(content.itertext()).strip() or None
        return SoaResponse(action, user, relates, value, True, content)
    value = content[0].text if len(content) else content.text
    return SoaResponse(action, user, relates, value, False, content)


def _replies(envelopes: Iterable[Element]) -> list[SoaResponse | EndOfResponses]:
    """The replies of these envelopes, up to and with EndOfResponses (nothing after it)."""
    out: list[SoaResponse | EndOfResponses] = []
    for env in envelopes:
        out.append(envelope_to_reply(env))
        if type(out[-1]) is EndOfResponses:
            break
    return out


def _fast_replies(fields: list[Fields], holders: Element) -> list[SoaResponse | EndOfResponses]:
    """`to_reply` of each envelope `soafast` read, the common case (a result) inline, each
    reply's slots set directly (the frozen dataclass's `__init__` is twice the cost)."""
    out: list[SoaResponse | EndOfResponses] = []
    actions: dict[bytes, str] = {}  # a batch's replies share one or two actions
    new, s_action, s_user, s_relates, s_value, s_fault, s_body = _SLOTS
    for (raw, user_b, relates_b), body in zip(fields, holders, strict=True):
        action = actions.get(raw)
        if action is None:
            action = actions[raw] = raw.decode().strip()
        user = None if user_b is None else user_b.decode()
        relates = None if relates_b is None else relates_b.decode()
        content = body[0] if len(body) else None
        if content is None or action in _SPECIAL or content.tag == _FAULT:
            out.append(to_reply(action, user, relates, body))
            if type(out[-1]) is EndOfResponses:
                break
            continue
        reply = new(SoaResponse)
        s_action(reply, action)
        s_user(reply, user)
        s_relates(reply, relates)
        s_value(reply, content[0].text if len(content) else content.text)
        s_fault(reply, False)
        s_body(reply, content)
        out.append(reply)
    return out


_SLOTS: tuple[Any, ...] = (
    object.__new__,
    *(
        SoaResponse.__dict__[f.name].__set__
        for f in dataclasses.fields(SoaResponse)  # every field, in order: checked at import
    ),
)
if [f.name for f in dataclasses.fields(SoaResponse)] != [
    "action",
    "user_data",
    "relates_to",
    "value",
    "fault",
    "body",
]:  # pragma: no cover - _fast_replies sets them in this order
    raise RuntimeError("SoaResponse fields changed: update _fast_replies")


class _Pull:
    """The general path: pull events, depth counted, finished envelopes detached."""

    def __init__(self, head: bytes) -> None:
        self._parser: ET.XMLPullParser[Element] = ET.XMLPullParser(events=("start", "end"))
        self._root: Element | None = None
        self._depth = 0
        self._parser.feed(head)

    def feed(self, data: bytes) -> list[Element]:
        self._parser.feed(data)
        done: list[Element] = []
        depth, root = self._depth, self._root
        events = cast(Iterator[tuple[str, Element]], self._parser.read_events())
        for event, elem in events:
            if event == "start":
                depth += 1
                if root is None:
                    root = elem
            else:
                depth -= 1
                if depth == 1 and root is not None:
                    done.append(elem)
                    root.remove(elem)
        self._depth, self._root = depth, root
        return done


class EnvelopeParser:
    """Feed chunks, get finished replies; `end` is set once EndOfResponses arrived."""

    def __init__(self, max_envelope: int = DEFAULT_MAX_ENVELOPE) -> None:
        self._guard = safexml.Guard()
        self._guard.StartElementHandler = self._started
        self._guard.XmlDeclHandler = self._declared
        self._starts: list[tuple[str, dict[str, str]]] = []
        self._buf = bytearray()  # fed, not yet parsed (from a point between envelopes)
        self._head = b""  # what opens the document around _buf ("" at the stream's start)
        self._tail = b""  # what closes it
        self._synthetic = b""  # the copy of the root start tag, once made
        self._cut = b""  # the envelope close tag; empty until known
        self._misses = 0
        self._first = 0  # where the stream's first envelope starts in _buf (before a cut)
        self._fast = False  # the envelopes may be of soafast's shape (`s:Envelope`, UTF-8)
        self._utf8 = True
        self._pull: _Pull | None = None
        self._pending = 0  # bytes fed since the last finished envelope (pull path)
        self._max = max_envelope
        self.end: EndOfResponses | None = None

    def _started(self, name: str, attrs: dict[str, str]) -> None:
        self._starts.append((name, attrs))
        if len(self._starts) == 2:  # the root and its first child: enough
            self._guard.StartElementHandler = None
            self._first = self._guard.CurrentByteIndex

    def _declared(self, version: str, encoding: str | None, standalone: int) -> None:
        if encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
            self._utf8 = False

    def feed(self, chunk: bytes) -> list[SoaResponse]:
        if self.end is not None:
            return []
        try:
            if not self._cut:
                self._guard_start(chunk)
            pull = self._pull is not None
            done = _replies(self._pulled(chunk)) if pull else self._split(chunk)
        except defusedxml.DefusedXmlException as exc:
            raise HostileXml(
                f"refused hostile XML in response stream: {type(exc).__name__}"
            ) from None
        except (ParseError, ExpatError) as exc:
            raise MalformedResponse(f"malformed response stream: {exc}") from None
        if done and type(done[-1]) is EndOfResponses:
            self.end = cast(EndOfResponses, done.pop())
        return cast(list[SoaResponse], done)

    def _guard_start(self, chunk: bytes) -> None:
        """The guard reads the prolog (any DTD) up to the first child's start tag, in small
        steps so that it stops soon after (the rest is parsed by the C parser alone)."""
        for i in range(0, len(chunk), GUARD_STEP):
            self._guard.Parse(chunk[i : i + GUARD_STEP], False)
            if len(self._starts) == 2:
                return

    def _split(self, chunk: bytes) -> list[SoaResponse | EndOfResponses]:
        buf = self._buf
        searched = max(0, len(buf) - len(self._cut) + 1)
        buf += chunk
        if not self._cut and len(self._starts) == 2:
            self._know_tags()
            searched = 0
        if not self._utf8:  # cut pieces are parsed as UTF-8: any other encoding goes by events
            return _replies(self._fall_back())
        if self._cut:
            end = buf.rfind(self._cut, searched)
            if end >= 0 and self._fast:
                stop = end + len(self._cut)
                parts = fast_parts(bytes(buf[self._first : stop]), self._root_tag(), self._tail)
                if parts is not None:
                    del buf[:stop]
                    self._first = self._misses = 0
                    self._head = self._root_tag()
                    return _fast_replies(*parts)
            while end >= 0:
                stop = end + len(self._cut)
                try:
                    root = ET.XML(self._head + buf[:stop] + self._tail)
                except ParseError:  # the tag was not an envelope's end (CDATA, nesting, ...)
                    self._misses += 1
                    if self._misses > FAST_MAX_MISSES:
                        break
                    end = buf.rfind(self._cut, searched, end)
                    continue
                del buf[:stop]
                self._first = self._misses = 0
                self._head = self._root_tag()
                return _replies(root)
        if self._misses > FAST_MAX_MISSES or len(buf) > FAST_MAX_PENDING:
            return _replies(self._fall_back())
        self._check_bound(len(buf))
        return []

    def _know_tags(self) -> None:
        (root, _), (child, _) = self._starts
        self._cut = f"</{child}>".encode()
        self._tail = f"</{root}>".encode()
        if bytes(self._buf[:2]) in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 without a declaration
            self._utf8 = False
        self._fast = self._utf8 and self._cut == ENVELOPE_END

    def _root_tag(self) -> bytes:
        """A copy of the stream's root start tag (same name, attributes and namespace
        declarations): what opens the document once the stream's own start is cut off."""
        if not self._synthetic:
            name, attrs = self._starts[0]
            copied = "".join(f' {k}="{escape_attr(v)}"' for k, v in attrs.items())
            self._synthetic = f"<{name}{copied}>".encode()
        return self._synthetic

    def _fall_back(self) -> list[Element]:
        self._pull = _Pull(self._head)
        data, self._buf = bytes(self._buf), bytearray()
        self._pending = 0
        return self._pulled(data)

    def _pulled(self, chunk: bytes) -> list[Element]:
        assert self._pull is not None
        self._pending += len(chunk)
        done = self._pull.feed(chunk)
        if done:
            self._pending = 0
        else:
            self._check_bound(self._pending)
        return done

    def _check_bound(self, size: int) -> None:
        if size > self._max:
            raise ResponseTooLarge(f"a response envelope exceeds the {self._max}-byte bound")

    def finish(self) -> EndOfResponses:
        if self.end is None:
            raise TruncatedStream("response stream ended before EndOfResponses")
        return self.end


class GenericParser:
    """Incremental parser of the generic-service text stream."""

    def __init__(self, max_envelope: int = DEFAULT_MAX_ENVELOPE) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._buffer = ""
        self.end: EndOfResponses | None = None
        self._max = max_envelope

    def feed(self, chunk: bytes) -> list[SoaResponse]:
        if self.end is not None:
            return []
        try:
            self._buffer += self._decoder.decode(chunk)
        except UnicodeDecodeError:
            raise MalformedResponse("response stream is not valid UTF-8") from None
        *records, self._buffer = self._buffer.split(SEP_RECORD)
        if len(self._buffer) > self._max:
            raise ResponseTooLarge(f"a generic-service record exceeds the {self._max}-byte bound")
        out: list[SoaResponse] = []
        for record in records:
            fields = record.split(SEP_FIELD)
            if len(fields) != 3:
                raise MalformedResponse("generic-service record without three fields")
            action, output, user = fields
            if action == END_ACTION:
                try:
                    self.end = EndOfResponses(int(output), user)
                except ValueError:
                    raise MalformedResponse("bad EndOfGetResponse count") from None
                break
            out.append(SoaResponse(action=action, user_data=user, relates_to=None, value=output))
        return out

    def finish(self) -> EndOfResponses:
        if self.end is None:
            raise TruncatedStream("response stream ended before EndOfGetResponse")
        return self.end
