"""The library half of the demo: what a Python user writes with `hpcpack` directly."""

from __future__ import annotations

from collections import Counter
from typing import Protocol

from hpcpack import HpcClient, SessionStartInfo

from .views import as_props, state_name


class Checker(Protocol):
    def check(self, name: str, ok: bool, detail: str = "") -> bool: ...


SWEEP_PROPERTIES = "TaskId,InstanceId,State,Output,AllocatedNodes"


def check_sweep(url: str, job_id: int, count: int, expected: int, report: Checker) -> None:
    """Every instance finished, printed its square, and the squares add up."""
    print(f'>>> hpc.tasks.list({job_id}, properties="{SWEEP_PROPERTIES}")', flush=True)
    with HpcClient(url) as hpc:
        rows = [as_props(t) for t in hpc.tasks.list(job_id, properties=SWEEP_PROPERTIES)]
    subtasks = sorted((r for r in rows if r.get("InstanceId")), key=lambda r: r["InstanceId"])
    states = Counter(state_name(t.get("State")) for t in subtasks)
    nodes = Counter(str(t.get("AllocatedNodes") or "?") for t in subtasks)
    outputs = [int(str(t.get("Output") or "0").strip() or 0) for t in subtasks]
    shown = ", ".join(map(str, outputs[:5])) + " ... " + ", ".join(map(str, outputs[-2:]))
    print(f"    {len(subtasks)} subtasks: {', '.join(f'{s} {n}' for s, n in states.items())}")
    print(f"    outputs: {shown}")
    print(f"    sum of outputs: {sum(outputs)}")
    print(f"    ran on: {', '.join(f'{n} x{c}' for n, c in sorted(nodes.items()))}", flush=True)
    report.check(f"{count} subtasks", len(subtasks) == count, f"got {len(subtasks)}")
    report.check("all finished", states.get("Finished", 0) == count, str(dict(states)))
    squares = [i * i for i in range(1, count + 1)]
    report.check("every output is its square", outputs == squares)
    report.check(
        "sum of squares", sum(outputs) == expected, f"{sum(outputs)} (expected {expected})"
    )


def echo_session(url: str, requests: int, report: Checker) -> None:
    """A SOA session to EchoService: N requests sent, every reply checked against its request."""
    messages = [f"message {i}" for i in range(requests)]
    print(
        '>>> with hpc.sessions.create(SessionStartInfo(service_name="EchoService")) as s:\n'
        f'...     replies = list(s.call_many("Echo", [{{"message": m}} for m in messages]))'
        f"  # {requests} messages",
        flush=True,
    )
    start = SessionStartInfo(service_name="EchoService")
    with HpcClient(url) as hpc, hpc.sessions.create(start) as session:
        replies = list(session.call_many("Echo", [{"message": m} for m in messages]))
    by_index = {int(r.user_data or -1): r.value for r in replies if not r.fault}
    good = sum(1 for i, sent in enumerate(messages) if by_index.get(i) == sent)
    print(f"    session {session.id}: {len(replies)} replies", flush=True)
    report.check(
        f"{good}/{requests} library replies equal their requests",
        good == requests == len(replies),
        f"{len(replies)} received",
    )
