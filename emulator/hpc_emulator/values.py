"""RestPropRender value conventions (DESIGN.md "Wire conventions"), in both directions.

Every property travels as a string; the scheduler keeps native Python values. This module is
the single place that knows how .NET (en-US culture) writes booleans, enums and date-times, and
what the service accepts on input (any case, numbers for enums, ISO 8601 dates too).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from hpc_emulator.faults import bad_request

ENUMS: dict[str, dict[str, int]] = {
    "JobState": {
        "Configuring": 1,
        "Submitted": 2,
        "Validating": 4,
        "ExternalValidation": 8,
        "Queued": 16,
        "Running": 32,
        "Finishing": 64,
        "Finished": 128,
        "Failed": 256,
        "Canceled": 512,
        "Canceling": 1024,
        "All": 2047,
    },
    "TaskState": {
        "Configuring": 1,
        "Submitted": 2,
        "Validating": 4,
        "Queued": 8,
        "Dispatching": 16,
        "Running": 32,
        "Finishing": 64,
        "Finished": 128,
        "Failed": 256,
        "Canceled": 512,
        "Canceling": 1024,
        "All": 2047,
    },
    "JobPriority": {"Lowest": 0, "BelowNormal": 1, "Normal": 2, "AboveNormal": 3, "Highest": 4},
    "JobUnitType": {"Core": 0, "Socket": 1, "Node": 2, "GPU": 3},
    "TaskType": {"Basic": 0, "ParametricSweep": 1, "NodePrep": 2, "NodeRelease": 3, "Service": 4},
    "NodeState": {"Offline": 1, "Draining": 2, "Online": 4, "All": 7},
    "JobNodeGroupOp": {"Intersect": 0, "Uniform": 1, "Union": 2},
    "JobType": {"Batch": 1, "Admin": 2, "Service": 4, "Broker": 8},
}

SCALAR_KINDS = ("int", "bool", "str", "datetime")


def now() -> datetime:
    """Timestamps are kept timezone-aware (UTC) and rendered in local time like the server."""
    return datetime.now(UTC)


def render_datetime(value: datetime) -> str:
    """`9/27/2011 9:53:26 PM`: .NET `DateTime.ToString()` under en-US."""
    local = value.astimezone()
    hour = local.hour % 12 or 12
    ampm = "AM" if local.hour < 12 else "PM"
    return (
        f"{local.month}/{local.day}/{local.year} {hour}:{local.minute:02}:{local.second:02} {ampm}"
    )


_US = re.compile(
    r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*$"
)
_YMD_SLASH = re.compile(
    r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$"
)


def parse_datetime(text: str) -> datetime:
    """Accept en-US culture, `yyyy/M/d H:mm:ss` (doc examples) and ISO 8601."""
    try:
        m = _US.match(text)
        if m:
            mo, d, y, hh, mi, ss, ampm = m.groups()
            hour = int(hh or 0)
            if ampm:
                hour = hour % 12 + (12 if ampm.upper() == "PM" else 0)
            local = datetime(int(y), int(mo), int(d), hour, int(mi or 0), int(ss or 0))
            return local.astimezone(UTC)
        m = _YMD_SLASH.match(text)
        if m:
            y, mo, d, hh, mi, ss = m.groups()
            local = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
            return local.astimezone(UTC)
        parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.astimezone()
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError, OSError):  # out of range (year 1 in local time, month 13)
        raise bad_request(f"'{text}' is not a valid date and time.") from None


def parse_bool(text: str) -> bool:
    low = text.strip().lower()
    if low in ("true", "1"):
        return True
    if low in ("false", "0"):
        return False
    raise bad_request(f"'{text}' is not a valid Boolean value.")


def parse_enum(kind: str, text: str) -> str:
    """Enum by name (any case) or number; flags enums accept `A, B` or a sum."""
    members = ENUMS[kind]
    stripped = text.strip()
    for name in members:
        if name.lower() == stripped.lower():
            return name
    try:
        number = int(stripped)
    except ValueError:
        number = None
    if number is not None:
        for name, value in members.items():
            if value == number:
                return name
        if kind == "JobType":
            names = [n for n, v in members.items() if number & v]
            if names and sum(members[n] for n in names) == number:
                return ", ".join(names)
    if kind == "JobType":
        parts = [p.strip() for p in stripped.split(",") if p.strip()]
        canon = [next((n for n in members if n.lower() == p.lower()), "") for p in parts]
        if parts and all(canon):
            return ", ".join(canon)
    raise bad_request(f"'{text}' is not a valid {kind} value.")


def parse_int(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise bad_request(f"'{text}' is not a valid integer value.") from None
    if not -(2**31) <= value < 2**31:
        raise bad_request(f"'{text}' is out of range for an Int32 value.")
    return value


def parse_value(kind: str, text: str | None) -> Any:
    """Wire string -> native value for a property of the given kind (None stays None)."""
    if text is None:
        return None
    if kind == "str":
        return text
    if text.strip() == "":
        return None
    if kind == "int":
        return parse_int(text)
    if kind == "bool":
        return parse_bool(text)
    if kind == "datetime":
        return parse_datetime(text)
    return parse_enum(kind, text)


def render_value(value: Any) -> str | None:
    """Native value -> wire string (None -> nil)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, datetime):
        return render_datetime(value)
    return str(value)


def to_json(value: Any) -> Any:
    """Native value -> JSON-storable value (datetimes as ISO strings)."""
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def parse_stored_datetime(value: str | None) -> datetime | None:
    """A datetime as `to_json` stored it (None stays None)."""
    return datetime.fromisoformat(value) if value else None


def from_json(kind: str, value: Any) -> Any:
    if kind == "datetime" and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value
