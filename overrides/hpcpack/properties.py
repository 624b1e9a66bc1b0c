"""Typed views of RestPropRender name/value lists (`x-hpc-property-set` schemas).

The server sends every job, task and node property as a string (`"True"`, `"9/27/2011 9:53:26
PM"`, enum names, `""` or nil). These functions turn such a list into the generated attrs model
(`Job`, `Task`, `Node`, `NodeGroup`, `Cluster`) with real types, and a model back into the list,
rendering values the way the service does.
"""

from __future__ import annotations

import datetime
import enum
import operator
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs
from hpc_client import models
from hpc_client.models import Property
from hpc_client.types import UNSET, Unset

from . import _spec

__all__ = [
    "coerce_properties",
    "format_datetime",
    "from_model",
    "parse_datetime",
    "property_list",
    "to_model",
]

M = TypeVar("M")
PropertyLike = Property | Mapping[str, Any]

_US_FORMATS = ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p", "%m/%d/%Y")


def parse_datetime(text: str) -> datetime.datetime | None:
    """en-US culture (`9/27/2011 9:53:26 PM`) or ISO 8601; None when neither."""
    text = text.strip()
    if not text:
        return None
    if "/" in text:
        for fmt in _US_FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt)
            except ValueError:
                continue
        return None
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None


def format_datetime(value: datetime.datetime) -> str:
    """en-US culture rendering, as the service writes and reads date-times.

    The rendering has no offset: a naive value is sent as it is (the head node's local time),
    an aware one is first converted to this machine's local time, so it names the same instant
    whenever client and head node share a time zone (it is never sent with its offset dropped).
    """
    if value.tzinfo is not None:
        value = value.astimezone()
    hour = value.hour % 12 or 12
    ampm = "AM" if value.hour < 12 else "PM"
    return f"{value.month}/{value.day}/{value.year} {hour}:{value.minute:02d}:{value.second:02d} {ampm}"


class _Kind(enum.Enum):
    STR = "str"
    INT = "int"
    BOOL = "bool"
    DATETIME = "datetime"
    UUID = "uuid"
    ENUM = "enum"


@attrs.frozen
class _Field:
    json: str
    attr: str
    kind: _Kind
    enum_cls: type[enum.Enum] | None = None


@attrs.frozen
class _Table:
    by_lower: dict[str, _Field]
    by_attr: dict[str, _Field]
    # every attribute of `by_attr` at once, in its order (one C call instead of ~90 getattr)
    read_all: Callable[[Any], tuple[Any, ...]]


def _kind_of(schema: _spec.Schema) -> tuple[_Kind, type[enum.Enum] | None]:
    inner, _ = _spec.unwrap(schema)
    ref = _spec.ref_name(inner)
    if ref is not None:
        enum_cls = getattr(models, ref)
        return _Kind.ENUM, enum_cls
    typ, fmt = inner.get("type"), inner.get("format")
    if typ == "integer":
        return _Kind.INT, None
    if typ == "boolean":
        return _Kind.BOOL, None
    if fmt == "date-time":
        return _Kind.DATETIME, None
    if fmt == "uuid":
        return _Kind.UUID, None
    return _Kind.STR, None


_TABLES: dict[type[Any], _Table] = {}
_ENUMS: dict[type[enum.Enum], dict[str, enum.Enum]] = {}


def _table(cls: type[Any]) -> _Table:
    """Wire name -> attribute table of a property-set view (built once per class)."""
    table = _TABLES.get(cls)
    if table is None:
        table = _TABLES[cls] = _build_table(cls)
    return table


def _build_table(cls: type[Any]) -> _Table:
    schema = _spec.schemas()[cls.__name__]
    if not schema.get("x-hpc-property-set"):
        raise TypeError(f"{cls.__name__} is not a property-set view")
    by_lower: dict[str, _Field] = {}
    names = [f.name for f in attrs.fields(cls) if f.init]
    for json_name, prop_schema in schema.get("properties", {}).items():
        probe = cls.from_dict({json_name: None})  # find the attribute the generator chose
        attr = next(n for n in names if getattr(probe, n) is None)
        kind, enum_cls = _kind_of(prop_schema)
        by_lower[json_name.lower()] = _Field(json_name, attr, kind, enum_cls)
    by_attr = {f.attr: f for f in by_lower.values()}
    if len(by_attr) > 1:  # attrgetter of one name gives the value, of none fails
        return _Table(by_lower, by_attr, operator.attrgetter(*by_attr))
    return _Table(by_lower, by_attr, lambda m: tuple(getattr(m, a) for a in by_attr))


def _enum_lookup(enum_cls: type[enum.Enum]) -> dict[str, enum.Enum]:
    """Lower-case names and numbers -> members (flag enums by bit value)."""
    table = _ENUMS.get(enum_cls)
    if table is None:
        table = _ENUMS[enum_cls] = _build_enum_lookup(enum_cls)
    return table


def _build_enum_lookup(enum_cls: type[enum.Enum]) -> dict[str, enum.Enum]:
    members = list(enum_cls)
    spec_order: list[str] = _spec.schemas()[enum_cls.__name__].get("enum", [])
    table: dict[str, enum.Enum] = {str(m.value).lower(): m for m in members}
    by_value = {str(m.value): m for m in members}
    flags = "All" in spec_order  # JobState, TaskState, NodeState are flag enums
    for index, name in enumerate(spec_order):
        member = by_value[name]
        if flags and name == "All":
            table[str(2 ** (len(spec_order) - 1) - 1)] = member
        else:
            table[str(2**index if flags else index)] = member
    return table


def _coerce(field: _Field, value: str | None) -> Any:
    """Wire string -> Python value of the model attribute."""
    if value is None:
        return None
    kind = field.kind
    if kind is _Kind.STR:
        return value
    text = value.strip()
    if not text:
        # An empty rendering of a typed value means "not set"; a GUID keeps the raw string,
        # as the generated model does for text that is not a GUID.
        return value if kind is _Kind.UUID else None
    if kind is _Kind.INT:
        try:
            return int(text)
        except ValueError:
            return value
    if kind is _Kind.BOOL:
        low = text.lower()
        if low in ("true", "1"):
            return True
        if low in ("false", "0"):
            return False
        return value
    if kind is _Kind.ENUM:
        assert field.enum_cls is not None
        return _enum_lookup(field.enum_cls).get(text.lower(), value)
    if kind is _Kind.DATETIME:
        return parse_datetime(text) or value
    try:
        return uuid.UUID(text)
    except ValueError:
        return value


def _pairs(props: Iterable[PropertyLike]) -> Iterable[tuple[str, str | None]]:
    for p in props:
        if isinstance(p, Property):
            v = p.value
            yield p.name, None if isinstance(v, Unset) else v
        else:
            yield p["Name"], p.get("Value")


def to_model(cls: type[M], props: Iterable[PropertyLike]) -> M:
    """Name/value list -> the typed attrs view `cls` (Job, Task, Node, NodeGroup, Cluster).

    Names match case-insensitively; unknown names land in `additional_properties` as strings.
    """
    table = _table(cls).by_lower
    kwargs: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for name, value in _pairs(props):
        field = table.get(name.lower())
        if field is None:
            extra[name] = value
        else:
            kwargs[field.attr] = _coerce(field, value)
    model = cls(**kwargs)
    if extra:
        model.additional_properties = extra  # type: ignore[attr-defined]
    return model


def coerce_properties(cls: type[Any], props: Iterable[PropertyLike]) -> dict[str, Any]:
    """Name/value list -> the JSON dict `cls.from_dict` takes (date-times as ISO strings)."""
    table = _table(cls).by_lower
    out: dict[str, Any] = {}
    for name, value in _pairs(props):
        field = table.get(name.lower())
        if field is None:
            out[name] = value
            continue
        coerced = _coerce(field, value)
        if isinstance(coerced, datetime.datetime | uuid.UUID):
            coerced = (
                coerced.isoformat() if isinstance(coerced, datetime.datetime) else str(coerced)
            )
        elif isinstance(coerced, enum.Enum):
            coerced = coerced.value
        out[field.json] = coerced
    return out


def render_value(value: Any) -> str | None:
    """Python value -> wire string: True/False, enums by name, en-US date-times."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    return str(value)


def from_model(model: Any) -> list[Property]:
    """Typed view -> name/value list of the fields that are set (UNSET ones are left out)."""
    table = _table(type(model))
    out = [
        Property(name=field.json, value=render_value(value))
        for field, value in zip(table.by_attr.values(), table.read_all(model), strict=True)
        if value is not UNSET
    ]
    for name, value in getattr(model, "additional_properties", {}).items():
        out.append(Property(name=name, value=render_value(value)))
    return out


def property_list(values: Mapping[str, Any]) -> list[Property]:
    """Plain mapping (custom properties, environment variables) -> name/value list."""
    return [Property(name=k, value=render_value(v)) for k, v in values.items()]
