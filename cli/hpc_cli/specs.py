"""Parsing of HPC Pack-style option values into HPC property names/values.

HPC Pack users write `/numcores:2-4`, `/parametric:1-100:5`, `/depend:a,b`, `5.2.7` for a
subtask; these helpers accept the same shapes so knowledge carries over, and return property
dictionaries keyed by HPC property names (the vocabulary the service and `--json` share).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .config import ConfigError

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+|\*)\s*)?$")
_SWEEP = re.compile(r"^\s*(-?\d+)\s*-\s*(-?\d+)\s*(?::\s*(\d+)\s*)?$")
_TASK_ID = re.compile(r"^\s*(\d+)\.(\d+)(?:\.(\d+))?\s*$")


def parse_range(value: str, what: str) -> tuple[int, int | None]:
    """`4` -> (4, 4); `2-8` -> (2, 8); `2-*` -> (2, None) meaning "as many as available"."""
    match = _RANGE.match(value)
    if not match:
        raise ConfigError(f"{what}: expected N or MIN-MAX, got {value!r}")
    low = int(match.group(1))
    high_text = match.group(2)
    if high_text is None:
        return low, low
    if high_text == "*":
        return low, None
    high = int(high_text)
    if high < low:
        raise ConfigError(f"{what}: maximum {high} is below minimum {low}")
    return low, high


@dataclass(frozen=True)
class Sweep:
    """A parametric sweep: instances start..end by step (HPC Pack's StartValue/EndValue/Increment)."""

    start: int
    end: int
    step: int = 1

    @property
    def count(self) -> int:
        return len(range(self.start, self.end + 1, self.step))

    def values(self) -> range:
        return range(self.start, self.end + 1, self.step)


def parse_sweep(value: str) -> Sweep:
    """`1-100` or `1-100:5` (HPC Pack's `/parametric:start-end[:increment]`)."""
    match = _SWEEP.match(value)
    if not match:
        raise ConfigError(f"--parametric: expected START-END[:STEP], got {value!r}")
    start, end = int(match.group(1)), int(match.group(2))
    step = int(match.group(3) or 1)
    if step < 1 or end < start:
        raise ConfigError(f"--parametric: empty sweep {value!r}")
    return Sweep(start, end, step)


def parse_task_id(value: str) -> tuple[int, int, int | None]:
    """`JOB.TASK[.INSTANCE]`, as HPC Pack's `task view 5.2` / `5.2.7`."""
    match = _TASK_ID.match(value)
    if not match:
        raise ConfigError(f"task id must be JOB.TASK or JOB.TASK.INSTANCE, got {value!r}")
    instance = match.group(3)
    return int(match.group(1)), int(match.group(2)), int(instance) if instance else None


def resource_props(cores: str | None, sockets: str | None, nodes: str | None) -> dict[str, object]:
    """Min/Max{Cores,Sockets,Nodes} and the UnitType they imply; at most one may be given."""
    given = [(n, v) for n, v in (("Core", cores), ("Socket", sockets), ("Node", nodes)) if v]
    if len(given) > 1:
        raise ConfigError("give only one of --num-cores, --num-sockets, --num-nodes")
    if not given:
        return {}
    unit, text = given[0]
    low, high = parse_range(text, f"--num-{unit.lower()}s")
    props: dict[str, object] = {"UnitType": unit, f"Min{unit}s": low}
    if high is None:
        props["AutoCalculateMax"] = True
    else:
        props[f"Max{unit}s"] = high
        props["AutoCalculateMax"] = False
    props["AutoCalculateMin"] = False
    return props


def parse_env(pairs: list[str]) -> dict[str, str]:
    """`NAME=value` options into a dict (HPC Pack's `/env:NAME=value`)."""
    env: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ConfigError(f"--env: expected NAME=VALUE, got {pair!r}")
        env[name] = value
    return env
