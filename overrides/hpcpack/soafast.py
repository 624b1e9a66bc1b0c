"""The common reply shape read by regular expressions: one C parse per chunk for the bodies only.

Why: even parsed in one C call, a reply's ~11 elements (headers the client never reads) cost
most of its parse. Envelopes written the way the broker writes them (the `s`/`a` prefixes
declared on the envelope, header elements holding plain ASCII text, no attributes but
`s:mustUnderstand="1"` or the HPC namespace) are recognised by one expression; the three
headers the client needs are searched for in the header text, and the bodies of all the
chunk's envelopes are parsed in one document, inside a copy of the stream's root start tag
(the namespaces in scope are those of the stream, plus `s` and `a` as the envelope declared).

Safety: the expression admits only well-formed header markup (matched tags, text without `<`,
`&`, `>`, CR or control characters), so nothing in it is left unchecked; a body that is not
well formed on its own (the envelope's end was inside CDATA or a comment, a DTD, an entity)
fails its parse, and then the caller parses the region the general way. Anything else (another
prefix, an attribute, a character reference, non-ASCII header text) is simply not recognised:
the general path handles it, with its errors.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.etree.ElementTree import Element, ParseError

__all__ = ["ENVELOPE_END", "fast_parts"]

ENVELOPE_END = b"</s:Envelope>"
_OPEN = (
    b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    b'xmlns:a="http://www.w3.org/2005/08/addressing">'
)
_START = _OPEN + b"<s:Header>"
_MIDDLE = b"</s:Header><s:Body>"
_END = b"</s:Body></s:Envelope>"
_TEXT = rb"[\t\n\x20-\x25\x27-\x3b\x3d\x3f-\x7e]*"  # ASCII; no & < > CR or control character
_HPC = rb' xmlns="http://www\.microsoft\.com/hpc"'
_USER = b"HPCServer2008_Broker_UserDataNS"


def _item(group: int) -> bytes:
    """One header element: `a:Name`, or an HPC broker header in the HPC namespace, holding
    plain text; `group` and `group + 1` are its name groups (for the end tag)."""
    return (
        rb"<(?:(a:[A-Za-z]{1,64})(?: s:mustUnderstand=\"1\")?|(HPCServer2008_Broker_[A-Za-z]{1,64})"
        + _HPC
        + rb")>"
        + _TEXT
        + rb"</(?:\%d|\%d)>" % (group, group + 1)
    )


# Action first, then RelatesTo (if any): the order WCF writes a reply's addressing headers; the
# first UserData wherever it is. Another order is not recognised (the general path reads it).
_HEADER = re.compile(
    rb'<a:Action(?: s:mustUnderstand="1")?>(' + _TEXT + rb")</a:Action>"
    rb"(?:<a:RelatesTo>(" + _TEXT + rb")</a:RelatesTo>)?"
    rb"(?:(?:" + _item(3) + rb")*?<" + _USER + _HPC + rb">(" + _TEXT + rb")</" + _USER + rb">)?"
    rb"(?:" + _item(6) + rb")*"
)
_LS, _LM, _LE = len(_START), len(_MIDDLE), len(_END)
_SLOT = b"hpcpack-body"  # the element each body is parsed in; refused in the region itself

Fields = tuple[bytes, bytes | None, bytes | None]  # action, user data, relates-to (ASCII)


def fast_parts(region: bytes, head: bytes, tail: bytes) -> tuple[list[Fields], Element] | None:
    """The header fields of each envelope in `region` (complete envelopes, nothing else) and
    an element holding, in order, an element per envelope holding its body; or None when one is not of the common shape or the bodies do
    not parse: the caller then parses the region the general way.

    Each body is parsed inside a `<hpcpack-body>` element. That name does not occur in the
    bodies (nor the root's copy), so in a well-formed result each holder's start tag is closed by its own end tag:
    each body is balanced markup on its own, as in the stream. With no `<!` or `<?` in the
    bodies (no comment, CDATA or processing instruction), the first `</s:Body></s:Envelope>`
    after a body's start is the envelope's end, as an XML parser reads it."""
    fields: list[Fields] = []
    bodies: list[bytes] = [head, _OPEN]
    pos, size, find, header = 0, len(region), region.find, _HEADER.fullmatch
    while pos < size:
        if not region.startswith(_START, pos):
            return None
        start = pos + _LS
        middle = find(_MIDDLE, start)
        end = find(_END, middle)
        if middle < 0 or end < 0:
            return None
        found = header(region, start, middle)
        if found is None:
            return None
        action, relates, user = found.group(1, 2, 5)
        if relates is None and region.find(b"<a:RelatesTo", start, middle) >= 0:
            return None  # not second: read the general way
        fields.append((action, user, relates))
        bodies += (b"<hpcpack-body>", region[middle + _LM : end], b"</hpcpack-body>")
        pos = end + _LE
    bodies += (ENVELOPE_END, tail)
    doc = b"".join(bodies)  # the headers hold neither `<!`, `<?` nor the holder's name
    if doc.count(_SLOT) != 2 * len(fields) or b"<!" in doc or b"<?" in doc:
        return None
    try:
        root = ET.XML(doc)
    except ParseError:
        return None
    if len(root) != 1 or len(root[0]) != len(fields):
        return None
    return fields, root[0]
