"""Library objects -> property dictionaries keyed by HPC Pack property names.

Every command renders through these helpers, so the table columns and the `--json` keys are the
service's own names whatever Python shape the library gives a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

JOB_COLUMNS = ["Id", "Owner", "Name", "State", "Priority"]
TASK_COLUMNS = ["TaskId", "Name", "State", "ExitCode", "CommandLine"]
NODE_COLUMNS = ["Name", "State", "NumCores", "NumSockets", "MemorySize", "NodeGroups"]

TERMINAL_STATES = frozenset({"Finished", "Failed", "Canceled"})
ACTIVE_JOB_STATES = frozenset(
    {
        "Configuring",
        "Submitted",
        "Validating",
        "ExternalValidation",
        "Queued",
        "Running",
        "Finishing",
        "Canceling",
    }
)
JOB_STATES = ACTIVE_JOB_STATES | TERMINAL_STATES
#: What HPC Pack's `job list` shows without /all or /state: "a state of Queued or Running".
LISTED_JOB_STATES = frozenset({"Queued", "Running"})


def as_props(obj: Any) -> dict[str, Any]:
    """HPC property dict of a model object (attrs `to_dict`), a mapping, or a name/value list."""
    if obj is None:
        return {}
    if isinstance(obj, Mapping):
        return dict(obj)
    to_dict = getattr(obj, "to_dict", None)
    if callable(to_dict):
        data = to_dict()
        if isinstance(data, Mapping):
            return {k: v for k, v in data.items() if k != "additional_properties"}
    if isinstance(obj, Iterable) and not isinstance(obj, str | bytes):
        out: dict[str, Any] = {}
        for item in obj:
            name = getattr(item, "name", None)
            if isinstance(name, str):
                out[name] = getattr(item, "value", None)
        return out
    return {"Value": obj}


def state_name(value: Any) -> str:
    """`JobState.RUNNING`, `"Running"`, `"running"` -> `"Running"`."""
    raw = getattr(value, "value", value)
    text = str(raw) if raw is not None else ""
    for state in JOB_STATES | {"Dispatching"}:
        if state.lower() == text.lower():
            return state
    return text


def normalise_state(value: str) -> str:
    """A user-typed state (`running`) as the service's name, or a usage error."""
    from .config import ConfigError

    name = state_name(value)
    if name not in JOB_STATES | {"Dispatching"}:
        choices = ", ".join(sorted(s.lower() for s in JOB_STATES))
        raise ConfigError(f"unknown state {value!r} (one of: {choices})")
    return name
