"""Import time (fresh subprocesses) and `make generate` wall time (in a temporary copy).

`make generate` rewrites generated/ and the emulator's server models; it runs in a throwaway
copy holding only its inputs (spec, generator, Makefile, configs) with the project's .venv and
node_modules linked in, so the working tree is never touched. `-o .venv/.installed` keeps make
from reinstalling the venv from the copy.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Row, fmt_time

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 9
PROBE = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
GENERATE_INPUTS = [
    "Makefile",
    "pyproject.toml",
    "redocly.yaml",
    "package.json",
    "openapi",
    "generator",
]


def import_seconds(stmt: str) -> float:
    """Median over REPEATS fresh interpreters of the time `stmt` takes."""
    times = []
    for _ in range(REPEATS):
        out = subprocess.run(
            [sys.executable, "-c", PROBE.format(stmt=stmt)],
            check=True,
            capture_output=True,
            text=True,
            cwd=tempfile.gettempdir(),
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def import_row() -> Row:
    # `HpcClient` is imported from the package, so a lazy package cannot look free
    ours = import_seconds("from hpcpack import HpcClient")
    base = import_seconds("import httpx")
    ratio = ours / base
    return Row(
        "startup",
        "from hpcpack import HpcClient vs import httpx",
        fmt_time(ours),
        fmt_time(base),
        ratio,
        "<= 2x",
        ratio <= 2,
        f"median of {REPEATS} fresh interpreters each",
    )


def generate_row() -> Row:
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as tmp:
        copy = Path(tmp) / "repo"
        copy.mkdir()
        for name in GENERATE_INPUTS:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, copy / name)
            elif src.exists():
                shutil.copy2(src, copy / name)
        for sub in ("generated", "emulator/hpc_emulator", "build"):
            (copy / sub).mkdir(parents=True, exist_ok=True)
        for link in (".venv", "node_modules"):
            if (ROOT / link).exists():
                (copy / link).symlink_to(ROOT / link)
        t0 = time.perf_counter()
        done = subprocess.run(
            ["make", "--no-print-directory", "-o", ".venv/.installed", "generate"],
            cwd=copy,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - t0
        same = done.returncode == 0 and _same_tree(
            copy / "generated" / "hpc_client", ROOT / "generated" / "hpc_client"
        )
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-1:]
        return Row(
            "startup",
            "make generate wall time",
            "error",
            "",
            None,
            "none",
            None,
            f"exit {done.returncode}: {' '.join(tail)}"[:160],
        )
    return Row(
        "startup",
        "make generate wall time",
        fmt_time(elapsed),
        "",
        None,
        "none (reported)",
        None,
        "temporary copy; output "
        + ("identical to the committed generated/" if same else "DIFFERS from generated/"),
    )


def _same_tree(a: Path, b: Path) -> bool:
    files_a = {
        p.relative_to(a) for p in a.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    files_b = {
        p.relative_to(b) for p in b.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    return files_a == files_b and all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)
