"""HpcJobXml: the job/task XML documents of `Render=HpcJobXml` and Create Job From XML.

Properties are attributes (names matched case-insensitively on input); `Priority` accepts
`Normal+5`-style expanded priorities and `Runtime` accepts `[[DD:]HH:]MM` or `Infinite`, as the
HPC Pack job-XML reader does. `Dependencies` (Parent/Child GroupId) become `DependsOn`.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element

from starlette.responses import Response

from hpc_emulator import contracts, values, xmlwire
from hpc_emulator.entities import Job, Task, apply_named_values
from hpc_emulator.faults import bad_request
from hpc_emulator.props import JOB_PROPS, TASK_PROPS, Prop, lookup

if TYPE_CHECKING:
    from hpc_emulator.scheduler import Scheduler

SCHED = xmlwire.SCHED


def _attr_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return values.render_datetime(value)
    return str(value)


def _attrs(props: dict[str, Any], catalogue: dict[str, Prop], names: list[str] | None) -> str:
    chosen = names if names is not None else [p.name for p in catalogue.values() if p.readable]
    chosen = list(dict.fromkeys(chosen))  # `Properties=Name,Name`: an attribute appears once
    return "".join(
        f" {n}={xmlwire.attr(_attr_value(props[n]))}" for n in chosen if props.get(n) is not None
    )


def _terms(tag: str, item: str, pairs: dict[str, str]) -> str:
    if not pairs:
        return ""
    body = "".join(
        f"<{item}><Name>{xmlwire.text(k)}</Name><Value>{xmlwire.text(v)}</Value></{item}>"
        for k, v in pairs.items()
    )
    return f"<{tag}>{body}</{tag}>"


def render_task(props: dict[str, Any], task: Task, names: list[str] | None, root: bool) -> str:
    ns = f' xmlns="{SCHED}"' if root else ""
    children = ""
    if names is None:
        children = _terms("EnvironmentVariables", "Variable", task.env) + _terms(
            "CustomProperties", "Term", task.custom
        )
    return f'<Task Version="3.000"{_attrs(props, TASK_PROPS, names)}{ns}>{children}</Task>'


def render_job(props: dict[str, Any], job: Job, names: list[str] | None) -> str:
    children = ""
    if names is None:
        tasks = "".join(render_task(t.props, t, None, root=False) for t in job.tasks.values())
        children = (
            _terms("CustomProperties", "Term", job.custom)
            + f"<Dependencies/><Tasks>{tasks}</Tasks>"
        )
    return f'<Job Version="3.000"{_attrs(props, JOB_PROPS, names)} xmlns="{SCHED}">{children}</Job>'


def response(document: str) -> Response:
    return Response(document.encode("utf-8"), media_type="application/xml; charset=utf-8")


# ---------------------------------------------------------------- reading


def _runtime(text: str) -> str | None:
    if text.strip().lower() == "infinite":
        return None
    parts = [int(p) for p in text.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0)
    days, hours, minutes = parts[-3:]
    return str(((days * 24 + hours) * 60 + minutes) * 60)


def _priority(text: str) -> tuple[str, str] | None:
    m = re.match(r"^\s*([A-Za-z]+)\s*([+-]\s*\d+)?\s*$", text)
    if m:
        level = values.parse_enum("JobPriority", m.group(1))
        offset = int(m.group(2).replace(" ", "")) if m.group(2) else 0
        return "ExpandedPriority", str(values.ENUMS["JobPriority"][level] * 1000 + offset)
    if text.strip().isdigit():
        return "ExpandedPriority", text.strip()
    return None


def _props_from_attrs(el: Element, catalogue: dict[str, Prop], is_job: bool) -> xmlwire.Props:
    out: xmlwire.Props = []
    for raw_name, raw_value in el.attrib.items():
        name = xmlwire.local(raw_name)
        if is_job and name.lower() == "priority":
            pri = _priority(raw_value)
            if pri is None:
                raise bad_request(f"'{raw_value}' is not a valid priority.")
            out.append(pri)
            continue
        if name.lower() == "runtime":
            out.append(("RuntimeSeconds", _runtime(raw_value)))
            continue
        prop = lookup(catalogue, name)
        if prop is None or not prop.settable:
            continue  # ids, states, times, unknown attributes: ignored like the job-XML reader
        out.append((prop.name, raw_value))
    return out


def _pairs(el: Element | None, item: str) -> xmlwire.Props:
    if el is None:
        return []
    out: xmlwire.Props = []
    for child in el:
        if xmlwire.local(child.tag) != item:
            continue
        name = value = None
        for member in child:
            if xmlwire.local(member.tag) == "Name":
                name = member.text or ""
            elif xmlwire.local(member.tag) == "Value":
                value = member.text or ""
        if name:
            out.append((name, value))
    return out


def _child(el: Element, tag: str) -> Element | None:
    for child in el:
        if xmlwire.local(child.tag).lower() == tag.lower():
            return child
    return None


def read_document(body: bytes, content_type: str) -> Element:
    """The `<Job>` root of a Create Job From XML body (with the JSON extension, the document
    may come as a JSON string); name and namespace checked, as the job-XML reader does [I]."""
    if xmlwire.is_json(content_type):
        data = xmlwire.parse_json(body)
        if not isinstance(data, str):
            raise bad_request("Expected the job XML document as a JSON string.")
        body = data.encode("utf-8")
    root = xmlwire.parse_xml(body)
    contracts.check_root(root, "JobXml")
    return root


def create_from_xml(scheduler: Scheduler, owner: str, root: Element) -> Job:
    job_props = _props_from_attrs(root, JOB_PROPS, is_job=True)
    tasks_el = _child(root, "Tasks")
    task_specs = []
    groups: dict[str, list[int]] = {}
    for index, task_el in enumerate(
        t for t in (tasks_el if tasks_el is not None else []) if xmlwire.local(t.tag) == "Task"
    ):
        props = _props_from_attrs(task_el, TASK_PROPS, is_job=False)
        group = next((v for k, v in task_el.attrib.items() if k.lower() == "groupid"), None)
        if group:
            groups.setdefault(group, []).append(index)
        task_specs.append(
            [
                props,
                _pairs(_child(task_el, "EnvironmentVariables"), "Variable"),
                _pairs(_child(task_el, "CustomProperties"), "Term"),
            ]
        )
    _dependencies(root, groups, task_specs)
    job = scheduler.create_job(owner, job_props)
    apply_named_values(job.custom, _pairs(_child(root, "CustomProperties"), "Term"))
    for props, env, custom in task_specs:
        task = scheduler.add_task(job, props)
        apply_named_values(task.env, env)
        apply_named_values(task.custom, custom)
        scheduler.touch_task(task)
    scheduler.touch_job(job)
    return job


def _dependencies(
    root: Element, groups: dict[str, list[int]], specs: list[list[xmlwire.Props]]
) -> None:
    deps = _child(root, "Dependencies")
    if deps is None:
        return
    for parent in deps:
        parent_group = parent.get("GroupId")
        if xmlwire.local(parent.tag) != "Parent" or parent_group is None:
            continue
        parent_names = []
        for index in groups.get(parent_group, []):
            props = specs[index][0]
            name = next((v for k, v in props if k == "Name" and v), None)
            if name is None:
                name = f"Task{index + 1}"
                props.append(("Name", name))
            parent_names.append(name)
        for child in parent:
            for index in groups.get(child.get("GroupId") or "", []):
                props = specs[index][0]
                current = next((v for k, v in props if k == "DependsOn" and v), "")
                merged = ",".join(x for x in [current, *parent_names] if x)
                specs[index][0] = [(k, v) for k, v in props if k != "DependsOn"] + [
                    ("DependsOn", merged)
                ]
