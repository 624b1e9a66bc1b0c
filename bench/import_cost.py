"""Import cost of the client and of the pytest plugin: modules loaded and wall time.

`python bench/import_cost.py [ROOT ...]` compares source trees (default: this one), e.g. a
`git archive` of an older commit unpacked in /tmp/old. Fresh interpreters, interleaved, so
load on a shared machine hits every tree alike; the module count is the steady figure.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

STMTS = ("from hpcpack import HpcClient", "import hpc_emulator.pytest_plugin")
PROBE = (
    "import sys, time; n = len(sys.modules); t = time.perf_counter(); {stmt}; "
    "print(time.perf_counter() - t, len(sys.modules) - n)"
)
REPEATS = 15


def probe(root: Path, stmt: str) -> tuple[float, int]:
    path = ":".join(str(root / d) for d in ("generated", "overrides", "emulator", "cli"))
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(stmt=stmt)],
        env={"PYTHONPATH": path, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    seconds, modules = out.stdout.split()
    return float(seconds), int(modules)


def main() -> None:
    roots = [Path(a).resolve() for a in sys.argv[1:]] or [Path(__file__).resolve().parents[1]]
    for stmt in STMTS:
        runs: dict[Path, list[tuple[float, int]]] = {r: [] for r in roots}
        for _ in range(REPEATS):
            for root in roots:
                runs[root].append(probe(root, stmt))
        for root, got in runs.items():
            ms = statistics.median(s for s, _ in got) * 1000
            print(f"{stmt:36} {root}: {got[0][1]} modules, median {ms:.0f} ms of {REPEATS}")


if __name__ == "__main__":
    main()
