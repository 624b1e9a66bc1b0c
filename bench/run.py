"""`make bench`: client overhead, paging, SOA throughput, import and generate time.

Prints the results table and writes it, with the command, the machine and the date, to
bench/RESULTS.md. Every figure is a ratio against a baseline measured in this same run.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # `python bench/run.py` from the repo root
    sys.path.insert(0, str(HERE))

import emulator_scale  # noqa: E402
import endtoend  # noqa: E402
import executor  # noqa: E402
import percall  # noqa: E402
import seed  # noqa: E402
import soa_connections  # noqa: E402
import soa_cpu  # noqa: E402
import soa_throughput  # noqa: E402
import startup  # noqa: E402
import waitcost  # noqa: E402
from common import Row, machine  # noqa: E402

LIST_JOBS = 10_000
MEMORY_SMALL = 1_000
MEMORY_LARGE = 100_000
SOA_LATENCY_MS = 20  # a head node in a nearby Azure region, seen from outside it
COMMAND = "make bench  (= .venv/bin/python bench/run.py)"


METHOD = """## How each row is measured

* **per call**: `HpcClient` and a plain `httpx.Client` share one `httpx.MockTransport` serving
  bodies captured from the emulator (job, 1,000-job list page, session info). The baseline sends
  the same request (XML built with an f-string) and parses the answer with defusedxml into dicts
  of strings; hpcpack returns typed models. Best of 7 interleaved rounds (300 calls, 3 for pages).
* **list 10,000 jobs**: emulator in its own process, 10,000 jobs seeded into its SQLite store;
  `sum(1 for _ in hpc.jobs.list(rows_per_read=1000))` vs a raw httpx loop following
  `x-ms-continuation-QueryId` and parsing each page with defusedxml; best of 5 interleaved rounds.
* **peak memory**: tracemalloc in the client process only (the emulator is another process) while
  iterating 1,000 / 10,000 / 100,000 of 100,000 seeded jobs; the goal is on 100k minus 1k.
* **SOA**: 10,000 Echo requests; sync = one session, batches of 100 one after the other
  (send+commit, then stream the replies); async = 8 sessions driven concurrently with
  `asyncio.gather`, same batch size. Best of 2 interleaved runs per mode. Client and emulator CPU
  seconds are reported: on a machine with few cores the two processes compete for the same
  cores, which caps what concurrency can gain ("ceiling" = sync wall time / busier side's CPU).
  The second SOA row repeats this against an emulator started with `--latency-ms 20` (every
  answer waits 20 ms, as over a WAN): the case where overlapping requests is what async is for.
* **SOA connections**: one session, 10,000 Echo in batches of 100, through a loopback TCP relay
  that counts connections; baseline = the same session with each reply stream abandoned at
  EndOfResponses (the reader before the fix). Best of 2 interleaved runs.
* **executor**: `hpcpack.futures.HpcPackExecutor.map` over 1,000 `pow(i, 2)` (chunksize 50, then
  1) against the emulator in its own process vs `ProcessPoolExecutor.map` on this machine, pool
  start-up included; requests to the head node counted by an httpx hook (`bench/executor.py`).
* **SOA client CPU**: `bench/soa_cpu.py`: client-process CPU (`time.process_time`) per message
  for 10,000 Echo in batches of 100 (send + commit + stream + parse), the emulator in its own
  process; baseline = plain `httpx.Client` with an f-string body and the reply stream split on
  `</s:Envelope>`. Async: one `AsyncSession` in sequence and 10 sessions concurrently, the
  worse of the two against sync. Best of 5 interleaved runs.
* **import**: `from hpcpack import HpcClient` vs `import httpx`, each in 9 fresh interpreters,
  median.
* **wait poll** (`bench/waitcost.py`): a `Jobs.wait(progress=...)` poll on a 10,000-instance
  sweep (emulator in its own process, 2 cores: 2 instances run, the rest stay queued) after the
  first poll and the margin, vs a Get Job for `State,Progress`; requests and body bytes counted
  by the network transport; best of 9 interleaved. The note gives the first poll and the poll as
  it was before (whole task list, 10 rows a page), same run.
* **hpc job view**: `python -m hpc_cli ... job view N` vs `python -c "import httpx"`, 21 fresh
  processes each, interleaved, median wall time; both with bytecode caches (a temporary
  `PYTHONPYCACHEPREFIX`), as installed packages have them.
* **emulator scale** (`bench/emulator_scale.py`, emulator on 16 x 16 = 256 slots in its own
  process, CPU from /proc/PID/stat): emulator CPU per sweep instance of `true` (10,000, submit
  to Finished, minus the CPU of the Get Jobs polling it) vs the CPU of one minimal Get Job;
  Get Job p99 (one each 20 ms) during that run vs 500 idle calls; the longest Get Version wait
  (one each 2 ms, from a poller process of its own with http.client) while a 100,000-instance
  sweep of `sleep 1000` is expanded (submit until the job was last seen Submitted) vs the
  longest of the idle calls of as long a window on the same emulator, best of 3 runs (the note
  gives every run's maximum, and the longest wait while the first 256 instances start); the
  longest loop callback (thread CPU time) of an in-process emulator over the same expansion;
  RSS and start-up time (to the ready file) on 100,000 stored Finished one-task jobs vs an
  empty data dir, best of 2.
* **make generate**: run in a temporary copy holding only its inputs, with the project's .venv
  and node_modules linked in (`make -o .venv/.installed generate`); the working tree is not
  touched; the output is compared with the committed generated/.
"""


def table(rows: list[Row]) -> str:
    head = "| section | measure | hpcpack | baseline | ratio | goal | verdict | how |"
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else ""
        note = r.note.replace("|", "/")
        lines.append(
            f"| {r.section} | {r.what} | {r.ours} | {r.baseline} | {ratio} | {r.goal} "
            f"| {r.verdict} | {note} |"
        )
    return "\n".join(lines)


def step(name: str, fn: Callable[[], list[Row]], rows: list[Row]) -> None:
    t0 = time.perf_counter()
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    try:
        rows.extend(fn())
    except Exception as exc:  # keep the other measurements
        rows.append(
            Row(
                name,
                "(step failed)",
                "error",
                "",
                None,
                "",
                False,
                f"{type(exc).__name__}: {exc}"[:200],
            )
        )
    print(f"[bench] {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)


def main() -> int:
    started = time.perf_counter()
    load_before = _load()
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows: list[Row] = []
    step("import time", lambda: [startup.import_row()], rows)
    step("make generate", lambda: [startup.generate_row()], rows)
    step("wait poll", lambda: [waitcost.wait_poll_row()], rows)
    step("hpc job view", lambda: [waitcost.job_view_row()], rows)

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        small_dir, large_dir = Path(tmp) / "jobs-10k", Path(tmp) / "jobs-100k"
        seed.seed_jobs(small_dir, LIST_JOBS)
        emulator = seed.start(small_dir)
        try:
            step("paging", lambda: [endtoend.list_speed(emulator.base_url, LIST_JOBS)], rows)
            bodies = percall.capture(emulator.base_url)
            step("per call", lambda: percall.run(bodies), rows)
            step("SOA", lambda: soa_throughput.run(emulator.base_url, emulator.pid), rows)
            step("SOA connections", lambda: soa_connections.run(emulator.base_url), rows)
            step("SOA client CPU", lambda: soa_cpu.run(emulator.base_url), rows)
        finally:
            emulator.terminate()

        emulator = seed.start(Path(tmp) / "remote", latency=SOA_LATENCY_MS / 1000)
        try:
            step(
                "SOA, distant head node",
                lambda: soa_throughput.run(emulator.base_url, emulator.pid, SOA_LATENCY_MS),
                rows,
            )
        finally:
            emulator.terminate()

        seed.seed_jobs(large_dir, MEMORY_LARGE)
        emulator = seed.start(large_dir)
        try:
            step(
                "memory",
                lambda: [endtoend.memory(emulator.base_url, MEMORY_SMALL, MEMORY_LARGE)],
                rows,
            )
        finally:
            emulator.terminate()

        emulator = seed.start(Path(tmp) / "executor")
        try:
            step("executor", lambda: executor.run(emulator.base_url), rows)
        finally:
            emulator.terminate()

    step("emulator scale", emulator_scale.run, rows)  # its own emulators (bench/emulator_scale.py)

    total = time.perf_counter() - started
    order = ["per call", "end to end", "SOA", "startup", "emulator scale"]
    rows.sort(key=lambda r: next((i for i, o in enumerate(order) if r.section.startswith(o)), 9))
    met = sum(1 for r in rows if r.met)
    goals = sum(1 for r in rows if r.met is not None)
    text = table(rows)
    report = "\n".join(
        [
            "# Bench results",
            "",
            f"* command: `{COMMAND}`",
            f"* date: {when}",
            f"* machine: {machine()}",
            f"* load average (1 min) before / after: {load_before} / {_load()} (other work on "
            "the machine shares the cores with the client and the emulator)",
            f"* total wall time: {total:.0f} s; goals met: {met} of {goals}",
            "",
            "Ratios are hpcpack / baseline, both measured in this run (per-call figures: best of "
            "7 interleaved rounds). The emulator runs in its own process.",
            "",
            text,
            "",
            METHOD,
        ]
    )
    print(text)
    print(f"\ngoals met: {met} of {goals}; total {total:.0f} s")
    (HERE / "RESULTS.md").write_text(report, encoding="utf-8")
    return 0


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:  # pragma: no cover - not available
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
