"""`make demo`: a local HPC Pack head node, driven through the `hpc` command and the library.

1. start the emulator (`hpc-emulator`, 4 nodes x 4 cores, temp data dir) on a free port;
2. run the `hpc` command as a user would type it, showing each command and its real output
   live: a 100-instance parametric sweep that really runs (`awk` squares each instance value),
   waited on with progress; a SOA session to EchoService with 1,000 requests, every reply
   checked; a not-found error and its exit code;
3. through the library, summarise the sweep (every output, sum of squares 1..100 = 338350) and
   run another 1,000-request SOA session;
4. stop the emulator, always (terminate, then kill on timeout).

Output is plain text (no TTY needed: progress degrades to lines). Exits non-zero if any check
fails or the whole run exceeds its two-minute budget; ends with a summary of timings.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

NODES, CORES = 4, 4
SWEEP = 100
REQUESTS = 1000
EXPECTED_SUM = sum(i * i for i in range(1, SWEEP + 1))
SWEEP_COMMAND = 'awk "BEGIN{print *^2}"'
STEP_TIMEOUT = 90.0
BUDGET = 120.0  # `make demo` must stay well under two minutes
_PRINT_LOCK = threading.Lock()


@dataclass
class Report:
    """Checks and timings collected along the way; the exit status is derived from them."""

    checks: list[tuple[str, bool, str]] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        self.checks.append((name, ok, detail))
        mark = "ok  " if ok else "FAIL"
        print(f"  [{mark}] {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    @contextmanager
    def timed(self, name: str) -> Iterator[None]:
        start = time.monotonic()
        try:
            yield
        finally:
            self.timings.append((name, time.monotonic() - start))

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(ok for _, ok, _ in self.checks)


def tool(name: str, module: str) -> list[str]:
    """The venv's console script next to this interpreter, else `python -m module`."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return [str(candidate)]
    found = shutil.which(name)
    return [found] if found else [sys.executable, "-m", module]


def heading(text: str) -> None:
    print(f"\n## {text}\n", flush=True)


@contextmanager
def emulator(data_dir: Path, report: Report) -> Iterator[str]:
    """Run `hpc-emulator` in the background until the block ends; yield its URL."""
    ready = data_dir / "ready"
    args = ["--port", "0", "--nodes", str(NODES), "--cores-per-node", str(CORES)]
    cmd = [
        *tool("hpc-emulator", "hpc_emulator"), *args,
        "--ready-file", str(ready), "--data-dir", str(data_dir / "state"),
    ]  # fmt: skip
    print(f"$ hpc-emulator {shlex.join(args)} --ready-file $TMP/ready &", flush=True)
    log = open(data_dir / "emulator.log", "wb")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        with report.timed("emulator start"):
            deadline = time.monotonic() + 30
            while not (ready.exists() and ready.stat().st_size > 0):
                if proc.poll() is not None:
                    raise RuntimeError(f"emulator exited with {proc.returncode}: see {log.name}")
                if time.monotonic() > deadline:
                    raise RuntimeError("emulator not ready after 30 s")
                time.sleep(0.05)
        url = ready.read_text().strip()
        print(f"emulator ready at {url} (pid {proc.pid})", flush=True)
        yield url
    finally:
        stop(proc)
        log.close()


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then SIGKILL the whole process group if it does not exit in 10 s."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
    print(f"emulator stopped (exit {proc.returncode})", flush=True)


@dataclass
class Run:
    """What one `hpc` invocation left behind."""

    code: int
    stdout: str


def _pump(stream: IO[str], sink: list[str], echo: bool) -> None:
    for line in stream:
        sink.append(line)
        if echo:
            with _PRINT_LOCK:
                print(line.rstrip("\n"), flush=True)


def hpc(
    args: Sequence[str],
    env: dict[str, str],
    report: Report,
    expect: int = 0,
    show_stdout: bool = True,
) -> Run:
    """Run `hpc ARGS` as a user would, echoing the command and its output live (stderr too)."""
    print(f"$ hpc {shlex.join(args)}", flush=True)
    start = time.monotonic()
    # shown output: one merged stream, so lines keep the order the command wrote them in;
    # captured output: stdout kept apart (it is data), stderr still shown live
    proc = subprocess.Popen(
        [*tool("hpc", "hpc_cli"), *args],
        env={**env, "PYTHONUNBUFFERED": "1"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if show_stdout else subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    out: list[str] = []
    err: list[str] = []
    pumps = [threading.Thread(target=_pump, args=(proc.stdout, out, show_stdout))]
    if proc.stderr is not None:
        pumps.append(threading.Thread(target=_pump, args=(proc.stderr, err, True)))
    for pump in pumps:
        pump.start()
    try:
        code = proc.wait(STEP_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        code = proc.wait()
    for pump in pumps:
        pump.join()
    words = [a for a in args if not a.startswith("-")][:2]
    report.timings.append((f"hpc {' '.join(words)}", time.monotonic() - start))
    report.check(
        f"`hpc {' '.join(words)}` exit {expect}",
        code == expect,
        "" if code == expect else f"got {code}",
    )
    return Run(code, "".join(out))


def number_after(pattern: str, text: str) -> int:
    """The id a command printed (`Created job, ID: 7`), or 0 when it is not there."""
    match = re.search(pattern, text)
    return int(match.group(1)) if match else 0


def cli_scenario(url: str, report: Report) -> int:
    """The commands a user would type; returns the sweep job id."""
    env = {**os.environ, "HPC_URL": url, "COLUMNS": "100"}
    for var in ("HPC_PROFILE", "HPC_USERNAME", "HPC_PASSWORD", "HPC_CLUSTER"):
        env.pop(var, None)
    print(f"$ export HPC_URL={url}", flush=True)
    hpc(["cluster", "info"], env, report)
    hpc(["node", "list"], env, report)

    heading(f"A parametric sweep: {SWEEP} subtasks that really run")
    created = hpc(["job", "new", "--name", "squares"], env, report)
    job_id = number_after(r"ID: (\d+)", created.stdout)
    report.check("job id printed", job_id > 0, f"job {job_id}")
    hpc(["job", "add", str(job_id), "--parametric", f"1-{SWEEP}", "--", SWEEP_COMMAND], env, report)
    hpc(["job", "submit", "--id", str(job_id), "--wait"], env, report)
    hpc(["task", "view", f"{job_id}.1.7"], env, report)
    hpc(["job", "list", "--all"], env, report)

    heading(f"A SOA session: {REQUESTS} echo requests through the CLI")
    created = hpc(["session", "create", "--service", "EchoService"], env, report)
    session_id = number_after(r"Session (\d+)", created.stdout)
    report.check("session id printed", session_id > 0, f"session {session_id}")
    sent = hpc(
        ["--json", "session", "send", str(session_id), "--count", str(REQUESTS)],
        env,
        report,
        show_stdout=False,
    )
    check_replies(sent.stdout, report)
    hpc(["session", "status", str(session_id)], env, report)
    hpc(["session", "close", str(session_id)], env, report)

    heading("Errors are one line and an exit code")
    hpc(["job", "view", "999999"], env, report, expect=3)
    return job_id


def check_replies(stdout: str, report: Report) -> None:
    """`hpc --json session send` printed one {N, Request, Reply} per request, in order."""
    try:
        rows = json.loads(stdout)
    except ValueError:
        rows = []
    good = sum(1 for row in rows if row.get("Reply") == row.get("Request") is not None)
    print(f"(stdout: a JSON array of {len(rows)} {{N, Request, Reply}} objects)", flush=True)
    report.check(
        f"{good}/{REQUESTS} CLI replies equal their requests",
        good == REQUESTS == len(rows),
        f"{len(rows)} received",
    )


def library_scenario(url: str, job_id: int, report: Report) -> None:
    """Summarise the sweep's outputs and run 1,000 SOA requests through `hpcpack` directly."""
    from .demo_lib import check_sweep, echo_session

    heading("The same head node from Python (`hpcpack`)")
    with report.timed("library: sweep results"):
        check_sweep(url, job_id, SWEEP, EXPECTED_SUM, report)
    with report.timed(f"library: SOA {REQUESTS} requests"):
        echo_session(url, REQUESTS, report)


def show_log(path: Path, lines: int = 40) -> None:
    """The end of the emulator's log, for a failed run."""
    if path.exists():
        heading(f"Emulator log (last {lines} lines)")
        print("\n".join(path.read_text(errors="replace").splitlines()[-lines:]), flush=True)


def main() -> int:
    report = Report()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hpc-demo-") as tmp:
        try:
            heading("A local HPC Pack head node")
            with emulator(Path(tmp), report) as url:
                heading("The `hpc` command")
                job_id = cli_scenario(url, report)
                library_scenario(url, job_id, report)
                heading("Shut down")
        except Exception as exc:  # the summary must still be printed, and the exit non-zero
            report.check("demo ran to the end", False, f"{type(exc).__name__}: {exc}")
        if not report.ok:  # a CI log should say why, and the temp dir is about to go
            show_log(Path(tmp) / "emulator.log")
    total = time.monotonic() - start
    report.check(f"total under {BUDGET:.0f} s", total < BUDGET, f"{total:.1f} s")
    heading("Summary")
    for name, seconds in report.timings:
        print(f"  {seconds:7.2f} s  {name}")
    passed = sum(1 for _, ok, _ in report.checks if ok)
    print(f"  {total:7.2f} s  total")
    print(f"\n{passed}/{len(report.checks)} checks passed: {'OK' if report.ok else 'FAILED'}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
