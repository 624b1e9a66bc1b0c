"""Jobs and tasks as the scheduler holds them: native property values plus runtime handles.

Also the rules for setting properties from a name/value list (case-insensitive names, enums by
name or number, read-only names refused) and the JSON documents the store persists.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hpc_emulator import values
from hpc_emulator.changes import ChangeIndex
from hpc_emulator.cluster import Allocation
from hpc_emulator.faults import bad_request
from hpc_emulator.props import JOB_PROPS, TASK_PROPS, Prop, defaults, lookup
from hpc_emulator.runner import TaskProcess
from hpc_emulator.xmlwire import Props

TERMINAL = frozenset({"Finished", "Failed", "Canceled"})
TEMPLATES = ["Default"]


def set_state(props: dict[str, Any], state: str) -> None:
    if props.get("State") != state:
        props["PreviousState"] = props.get("State")
        props["State"] = state
    props["ChangeTime"] = values.now()


def open_count(counts: Counter[str]) -> int:
    """How many of the counted objects are not in a terminal state."""
    return sum(n for state, n in counts.items() if state not in TERMINAL)


@dataclass
class Task:
    job_id: int
    task_id: int
    instance_id: int
    props: dict[str, Any]
    custom: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    subtasks: dict[int, Task] = field(default_factory=dict)
    pid: int | None = None  # leader (= process group) of the current run
    pid_ident: str | None = None  # `procs.identity` of that PID at spawn
    run_token: str | None = None  # in the run's environment (`procs.TOKEN_VAR`)
    proc: TaskProcess | None = None
    alloc: Allocation | None = None
    cores: int = 0
    sub_counts: Counter[str] = field(default_factory=Counter)  # states of `subtasks`
    indexed: datetime | None = None  # the ChangeTime last put in the job's `changes`
    # A sweep that is Canceling or Finishing: how it ends (saved), what is left (in memory)
    ending: dict[str, Any] | None = None
    to_stop: Iterator[Task] | None = None

    @property
    def state(self) -> str:
        return str(self.props.get("State", "Configuring"))

    @property
    def is_sweep(self) -> bool:
        return self.props.get("Type") == "ParametricSweep" and self.instance_id == 0

    def document(self) -> dict[str, Any]:
        """What the store saves; datetimes become ISO strings in its JSON encoder (`Store`),
        not here: this runs for every save of every instance."""
        return {
            "props": self.props,
            "custom": self.custom,
            "env": self.env,
            "pid": self.pid,
            "pid_ident": self.pid_ident,
            "run_token": self.run_token,
            **({"ending": self.ending} if self.ending else {}),
        }

    @classmethod
    def from_document(
        cls, job_id: int, task_id: int, instance_id: int, doc: dict[str, Any]
    ) -> Task:
        props = {k: values.from_json(_kind(TASK_PROPS, k), v) for k, v in doc["props"].items()}
        task = cls(job_id, task_id, instance_id, props, doc["custom"], doc["env"])
        task.pid, task.pid_ident = doc.get("pid"), doc.get("pid_ident")
        task.run_token = doc.get("run_token")
        task.ending = doc.get("ending")
        return task


@dataclass
class Job:
    id: int
    props: dict[str, Any]
    custom: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    tasks: dict[int, Task] = field(default_factory=dict)
    next_task_id: int = 1
    reserve_min: int = 0  # cores held while Running, whatever the tasks use
    reserve_max: int = 0
    used: int = 0
    # Progress given by a client: from then on the scheduler stops maintaining it [D]
    progress_set: bool = False
    # Kept up to date by `track`/`move`, so that no event costs O(tasks): states of the
    # schedulable items (basic tasks, sweep instances) and of `tasks`, the keys of Queued
    # items in dispatch order (a heap; stale entries are skipped), cores held per node.
    counts: Counter[str] = field(default_factory=Counter)
    task_counts: Counter[str] = field(default_factory=Counter)
    queue: list[tuple[int, int]] = field(default_factory=list)
    nodes: Counter[str] = field(default_factory=Counter)
    runs: int = 0  # task processes started and not yet ended (the job stays in memory)
    changes: ChangeIndex = field(default_factory=ChangeIndex)  # what ChangeTimeFrom reads
    # False for a job loaded from SQLite: `changes` is built on its first ChangeTimeFrom query
    indexed: bool = True
    # How a job that is Canceling or Finishing ends (the scheduler's `Ending`, as a dict so
    # that it is saved with the job): its items are stopped a slice a pass, then it ends
    ending: dict[str, Any] | None = None
    to_stop: Iterator[Task] | None = None  # what an ending has still to stop (in memory)
    task_endings: set[int] = field(default_factory=set)  # ids of its sweeps that are ending

    @property
    def state(self) -> str:
        return str(self.props.get("State", "Configuring"))

    def document(self) -> dict[str, Any]:
        return {
            "props": {k: values.to_json(v) for k, v in self.props.items()},
            "custom": self.custom,
            "env": self.env,
            "next_task_id": self.next_task_id,
            "reserve": [self.reserve_min, self.reserve_max],
            "progress_set": self.progress_set,
            **({"ending": self.ending} if self.ending else {}),
        }

    @classmethod
    def from_document(cls, job_id: int, doc: dict[str, Any]) -> Job:
        props = {k: values.from_json(_kind(JOB_PROPS, k), v) for k, v in doc["props"].items()}
        job = cls(job_id, props, doc["custom"], doc["env"], next_task_id=doc["next_task_id"])
        job.reserve_min, job.reserve_max = doc.get("reserve", [0, 0])
        job.progress_set = bool(doc.get("progress_set", False))
        job.ending = doc.get("ending")
        return job

    def progress(self) -> int:
        """Progress as the scheduler maintains it: the share of tasks (sweep instances counted
        one by one) that have ended; a value set by a client stays as set [D]."""
        total = sum(self.counts.values())
        if self.progress_set or not total:
            return int(self.props.get("Progress") or 0)
        return (total - open_count(self.counts)) * 100 // total

    def track(self, item: Task, sign: int = 1) -> None:
        """Count `item` (a task of this job or an instance of one) in its state (-1: uncount)."""
        state = item.state
        if item.instance_id == 0:
            self.task_counts[state] += sign
        if item.is_sweep:
            return
        self.counts[state] += sign
        if item.instance_id:
            self.tasks[item.task_id].sub_counts[state] += sign
        if sign > 0 and state == "Queued":
            heapq.heappush(self.queue, (item.task_id, item.instance_id))

    def move(self, item: Task, state: str) -> None:
        """Every state change of a task or instance goes through here (counts stay exact)."""
        self.track(item, -1)
        set_state(item.props, state)
        self.track(item)

    def changed(self, item: Task) -> None:
        """Index `item` in `changes` if its ChangeTime moved since (on every save of it)."""
        when = item.props.get("ChangeTime")
        if when is None or when is item.indexed or not self.indexed:
            return
        item.indexed = when
        size = len(self.tasks) + sum(self.counts.values())
        self.changes.add(when, (item.task_id, item.instance_id), size)

    def changed_since(self, when: datetime) -> set[tuple[int, int]]:
        """Keys of the items that may have changed at or after `when` (a superset)."""
        if not self.indexed:
            self._reindex()
        return self.changes.since(when)

    def _reindex(self) -> None:
        """`changes` from scratch: each task and instance once (loaded from SQLite)."""
        self.indexed = True
        entries = []
        for task in self.tasks.values():
            for item in (task, *task.subtasks.values()):
                when = item.indexed = item.props.get("ChangeTime")
                if when is not None:
                    entries.append((when, (item.task_id, item.instance_id)))
        self.changes.rebuild(entries)

    def item(self, key: tuple[int, int]) -> Task | None:
        task = self.tasks.get(key[0])
        if task is None or key[1] == 0:
            return task
        return task.subtasks.get(key[1])

    def finished_all(self) -> bool:
        return open_count(self.counts) == 0 and open_count(self.task_counts) == 0

    def items(self) -> list[Task]:
        """Schedulable units: basic tasks and expanded sweep instances."""
        out: list[Task] = []
        for task in self.tasks.values():
            if task.is_sweep:
                out.extend(task.subtasks.values())
            else:
                out.append(task)
        return out


def _kind(catalogue: dict[str, Prop], name: str) -> str:
    prop = lookup(catalogue, name)
    return prop.kind if prop else "str"


def new_props(catalogue: dict[str, Prop]) -> dict[str, Any]:
    return defaults(catalogue)


_UNIT_FIELDS = {
    "mincores": "Core",
    "maxcores": "Core",
    "minsockets": "Socket",
    "maxsockets": "Socket",
    "minnodes": "Node",
    "maxnodes": "Node",
}


def apply_props(
    catalogue: dict[str, Prop], target: dict[str, Any], incoming: Props, is_job: bool
) -> None:
    """Validate all, then apply: a bad value leaves the object untouched."""
    parsed: dict[str, Any] = {}
    for name, raw in incoming:
        prop = lookup(catalogue, name)
        if prop is None:
            raise bad_request(f"The property '{name}' is not a valid property name.")
        if not prop.settable:
            raise bad_request(f"The property '{prop.name}' is read-only.")
        if raw is not None and len(raw) > prop.max_len:
            raise bad_request(
                f"The value of '{prop.name}' is {len(raw)} characters long; "
                f"HPC Pack allows at most {prop.max_len}."
            )
        value = values.parse_value(prop.kind, raw)
        if prop.kind == "int" and value is not None and value < 0 and prop.name != "ExitCode":
            raise bad_request(f"The value of '{prop.name}' cannot be negative.")
        parsed[prop.name] = value
    if is_job:
        _job_rules(parsed)
    for name, value in parsed.items():
        prop = catalogue[name.lower()]
        if value is None and prop.default is not None:
            value = prop.default
        target[name] = value
    if is_job:
        names = {n.lower() for n in parsed}
        for lname, unit in _UNIT_FIELDS.items():
            if lname in names:
                if "unittype" not in names:
                    target["UnitType"] = unit
                auto = "AutoCalculateMin" if lname.startswith("min") else "AutoCalculateMax"
                if auto.lower() not in names:
                    target[auto] = False


def _job_rules(parsed: dict[str, Any]) -> None:
    template = parsed.get("JobTemplate")
    if template is not None and template.lower() not in [t.lower() for t in TEMPLATES]:
        raise bad_request(f"The job template '{template}' does not exist.")
    if parsed.get("Priority") is not None and "ExpandedPriority" not in parsed:
        parsed["ExpandedPriority"] = values.ENUMS["JobPriority"][parsed["Priority"]] * 1000
    elif parsed.get("ExpandedPriority") is not None:
        exp = parsed["ExpandedPriority"]
        if exp > 4000:
            raise bad_request("ExpandedPriority must be between 0 and 4000.")
        level = min(4, exp // 1000)
        parsed.setdefault("Priority", list(values.ENUMS["JobPriority"])[level])
        if parsed["Priority"] is None:
            parsed["Priority"] = list(values.ENUMS["JobPriority"])[level]
    progress = parsed.get("Progress")
    if progress is not None and progress > 100:
        raise bad_request("Progress must be between 0 and 100.")


# The spec's `Property.Name`: names outside it could never be answered within the spec
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]{0,127}")


def check_name(name: str) -> str:
    """A custom property or environment variable name, or a 400 fault."""
    if not _NAME.fullmatch(name):
        shown = name if len(name) <= 40 else name[:40] + "..."
        raise bad_request(
            f"'{shown}' is not a valid name: a letter or '_', then up to 127 letters, digits, "
            "'_' or '.'."
        )
    return name


def apply_named_values(target: dict[str, str], incoming: Props) -> None:
    """Custom properties / environment variables: a nil or empty value deletes the name."""
    for name, _ in incoming:
        check_name(name)  # all or nothing
    for name, value in incoming:
        if value is None or value == "":
            target.pop(name, None)
        else:
            target[name] = value


def sweep_values(props: dict[str, Any]) -> range:
    start = props.get("StartValue")
    end = props.get("EndValue")
    inc = props.get("IncrementValue")
    start = 1 if start is None else start
    end = start if end is None else end
    inc = 1 if inc is None else inc
    if inc <= 0:
        raise bad_request("IncrementValue of a parametric sweep task must be positive.")
    if end < start:
        raise bad_request("EndValue of a parametric sweep task must not be less than StartValue.")
    count = (end - start) // inc + 1
    if count > 100000:
        raise bad_request("A parametric sweep task can have at most 100000 instances.")
    return range(start, end + 1, inc)
