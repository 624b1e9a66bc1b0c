"""Progress: plain lines on stderr without a TTY (CI logs), a Rich bar on a terminal."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest
from hpc_cli.commands.lib import requests_per_post
from hpc_cli.output import Output
from hpc_cli.progress import SendProgress, TaskProgress, count_states
from rich.console import Console

from .conftest import Invoke, on_terminal


def test_wait_prints_plain_progress_lines(hpc: Invoke) -> None:
    result = hpc("job", "submit", "--wait", "--", "echo hi")
    assert result.exit_code == 0, result.output
    job_id = int(result.stderr.split("ID: ")[1].split(".")[0])
    last = result.stderr.strip().splitlines()[-1]
    expected = f"job {job_id}: 1/1 done (queued=0 running=0 finished=1 failed=0 canceled=0)"
    assert last == expected
    assert result.stdout.strip() == f"Job {job_id} Finished."


def test_json_keeps_stdout_clean_and_quiet_silences(hpc: Invoke) -> None:
    result = hpc("--json", "job", "submit", "--wait", "--", "echo hi")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["State"] == "Finished"
    assert "1/1 done" in result.stderr
    quiet = hpc("--quiet", "--json", "job", "submit", "--wait", "--", "echo hi")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert json.loads(quiet.stdout)["State"] == "Finished"


def test_send_reports_sent_and_received(hpc: Invoke) -> None:
    result = hpc("session", "send", "--service", "EchoService", "-n", "4")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    session = lines[0].split()[1]
    assert lines[1:] == [
        f"session {session}: 4/4 requests sent",
        f"session {session}: 4/4 replies received",
    ]


def test_send_count_moves_with_each_post(hpc: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """250 requests go in POSTs of 100: the sent count follows each accepted POST."""
    counts: list[int] = []
    real = SendProgress.sent

    def spy(self: SendProgress, count: int) -> None:
        counts.append(count)
        real(self, count)

    monkeypatch.setattr(SendProgress, "sent", spy)
    result = hpc("--json", "session", "send", "--service", "EchoService", "-n", "250")
    assert result.exit_code == 0, result.output
    assert counts == [100, 200, 250]
    replies = json.loads(result.stdout)
    assert [r["Reply"] for r in replies] == [f"hello {i}" for i in range(1, 251)]
    assert result.stderr.count("requests sent") == 1 and "250/250 requests sent" in result.stderr


def test_requests_per_post() -> None:
    assert [requests_per_post(n) for n in (1, 2000, 2001, 20_000, 10**6)] == [
        100,
        100,
        101,
        1000,
        5000,
    ]


def _plain_output() -> tuple[Output, io.StringIO]:
    out = Output(json_mode=False)
    sink = io.StringIO()
    out.err = Console(file=sink, width=120, color_system=None)
    return out, sink


def test_plain_send_lines_are_rate_limited_but_end_with_the_totals() -> None:
    out, sink = _plain_output()
    with SendProgress(out, "s", 250, plain_every=0, live=False) as bar:
        for count in (100, 200, 250):
            bar.sent(count)
        bar.received(250)
    assert sink.getvalue().splitlines() == [
        "s: 100/250 requests sent",
        "s: 200/250 requests sent",
        "s: 250/250 requests sent",
        "s: 250/250 replies received",
    ]
    out, sink = _plain_output()
    with SendProgress(out, "s", 250, plain_every=3600, live=False) as bar:
        for count in (100, 200, 250):
            bar.sent(count)
        bar.received(120)
    assert sink.getvalue().splitlines() == [
        "s: 250/250 requests sent",
        "s: 120/250 replies received",
    ]


def _terminal_output() -> tuple[Output, io.StringIO]:
    out = Output(json_mode=False)
    sink = io.StringIO()
    out.err = Console(file=sink, force_terminal=True, width=120, color_system=None)
    return out, sink


def test_live_bar_on_a_terminal() -> None:
    out, sink = _terminal_output()
    with TaskProgress(out, "job 7", live=True) as bar:
        bar.update(count_states(["Running"] * 3 + ["Queued"] * 7), "Running")
        bar.final(count_states(["Finished"] * 9 + ["Failed"]), "Failed")
    text = sink.getvalue()
    assert "job 7" in text and "10/10" in text
    assert "finished=9 failed=1" in text and "(Failed)" in text


def test_live_send_bars_on_a_terminal() -> None:
    out, sink = _terminal_output()
    with SendProgress(out, "session 3", 50, live=True) as bar:
        bar.sent(50)
        bar.received(20)
        bar.received(50)
    text = sink.getvalue()
    assert "session 3 sent" in text and "session 3 received" in text and "50/50" in text


def test_count_states_buckets() -> None:
    counts = count_states(["Queued", "Configuring", "Dispatching", "running", "Finished", "Failed"])
    assert counts == Counter(queued=2, running=2, finished=1, failed=1, canceled=0)


def test_wait_on_a_terminal_draws_a_bar(emulator_url: str) -> None:
    code, screen = on_terminal(["--url", emulator_url, "job", "submit", "--wait", "--", "echo hi"])
    assert code == 0, screen
    assert "━".encode() in screen and b"1/1" in screen and b"finished=1" in screen
    assert b"\x1b[" in screen  # styled: a terminal, not plain lines
    assert b"done (" not in screen  # the plain-line form is only for logs
