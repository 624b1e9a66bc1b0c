"""DataContract reading rules, with the shapes taken from the generated models (`models.py`).

DataContractSerializer [I, from .NET's documented behaviour; field-notes.md] checks the root
element's name and namespace, then reads members in ordinal order (base type first, then
alphabetical, unless an explicit `Order` is set; no HPC Pack contract sets one [I]), each in
the contract's namespace. A member that comes out of order or is unknown is *skipped
silently* by a real head node, so the data is lost without an error. The emulator refuses
such a body with a 400 fault naming the member, so a client test goes red where production
would quietly drop data.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from xml.etree.ElementTree import Element

from pydantic import BaseModel, RootModel

from hpc_emulator import models
from hpc_emulator.faults import bad_request

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
SILENT = "a head node would skip it silently, losing the data"


def _xml_hint(model: type[BaseModel]) -> dict[str, Any]:
    extras = [model.model_config.get("json_schema_extra")]
    if issubclass(model, RootModel):
        extras.append(model.model_fields["root"].json_schema_extra)
    for extra in extras:
        hint = extra.get("xml") if isinstance(extra, dict) else None
        if isinstance(hint, dict):
            return {str(k): v for k, v in hint.items()}
    raise LookupError(f"{model.__name__} has no xml hint in the spec")


@cache
def root_of(name: str) -> tuple[str, str]:
    """(element name, namespace) of the spec schema `name`."""
    hint = _xml_hint(getattr(models, name))
    return str(hint["name"]), str(hint.get("namespace", ""))


@cache
def members_of(name: str) -> tuple[str, ...]:
    """The member element names of a DataContract schema, in ordinal order."""
    model = getattr(models, name)
    return tuple(sorted((f.alias or n) for n, f in model.model_fields.items()))


def is_nil(el: Element) -> bool:
    return el.get(XSI_NIL, "").strip().lower() in ("true", "1")


def check_root(el: Element, schema: str) -> None:
    """A 400 fault unless `el` is the root element of `schema` (name and namespace)."""
    name, ns = root_of(schema)
    if el.tag != f"{{{ns}}}{name}":
        got_ns, _, got = el.tag[1:].partition("}") if el.tag.startswith("{") else ("", "", el.tag)
        raise bad_request(
            f"Expected the root element '{name}' in namespace '{ns}' ({schema}), not '{got}' "
            f"in namespace '{got_ns}'."
        )


def split(tag: str) -> tuple[str, str]:
    """`{ns}name` -> (ns, name)."""
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def read_members(
    el: Element, contract: str, ns: str, order: tuple[str, ...] | None = None
) -> dict[str, Element]:
    """The members of the DataContract element `el`, checked as a head node reads them.

    Every child must be a member of `contract` in namespace `ns`, at most once, in `order`
    (default: ordinal). Anything a real server would skip silently is a 400 fault instead.
    """
    order = order if order is not None else members_of(contract)
    rank = {m: i for i, m in enumerate(order)}
    found: dict[str, Element] = {}
    last = -1
    for child in el:
        child_ns, name = split(child.tag)
        where = f"{contract} member '{name}'"
        if name not in rank:
            raise bad_request(
                f"{where} is not a member of {contract} ({', '.join(order)}): {SILENT}."
            )
        if child_ns != ns:
            raise bad_request(f"{where} is in namespace '{child_ns}', not '{ns}': {SILENT}.")
        if rank[name] <= last:
            raise bad_request(
                f"{where} is out of order (members are read in the order {', '.join(order)}): "
                f"{SILENT}."
            )
        last = rank[name]
        found[name] = child
    return found


def no_children(el: Element, what: str) -> None:
    """A simple-content member (text only) must have no child elements."""
    child = next(iter(el), None)
    if child is not None:
        raise bad_request(
            f"{what} has a child element '{split(child.tag)[1]}' where text was expected."
        )
