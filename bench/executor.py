"""`hpcpack.futures` overhead: `ex.map` over 1,000 trivial calls vs `ProcessPoolExecutor`.

Both run `pow(i, 2)` for i < 1,000 with the same chunksize, pool start-up included (the
executor's is a job: create, add the sweep task, submit; ProcessPoolExecutor's is forking its
workers). The emulator runs in its own process and starts each sweep instance as a real
`python bootstrap.py` process, as a node would. Requests to the head node are counted with an
httpx request hook. Run alone: `python bench/executor.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from common import Row, fmt_time  # noqa: E402

CALLS = 1_000
CHUNKS = (50, 1)  # 20 sweep instances, then one instance (one process) per call
POLL = 0.25  # seconds between polls (the default is 1.0)


def _executor(base_url: str, share: Path, chunksize: int) -> tuple[float, int]:
    from hpcpack import HpcClient
    from hpcpack.futures import HpcPackExecutor

    requests = [0]
    with HpcClient(base_url, allow_insecure_basic=True) as hpc:
        hpc.http.event_hooks["request"].append(lambda r: requests.__setitem__(0, requests[0] + 1))
        start = time.perf_counter()
        with HpcPackExecutor(hpc, share, python=sys.executable, poll_interval=POLL) as ex:
            out = list(ex.map(pow, range(CALLS), [2] * CALLS, chunksize=chunksize))
        elapsed = time.perf_counter() - start
    assert out == [i * i for i in range(CALLS)]
    return elapsed, requests[0]


def _pool(chunksize: int) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as ex:
        out = list(ex.map(pow, range(CALLS), [2] * CALLS, chunksize=chunksize))
    assert out == [i * i for i in range(CALLS)]
    return time.perf_counter() - start


def run(base_url: str) -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-share-") as tmp:
        for chunksize in CHUNKS:
            ours, requests = _executor(base_url, Path(tmp), chunksize)
            pool = _pool(chunksize)
            rows.append(
                Row(
                    "executor",
                    f"ex.map, {CALLS:,} trivial calls, chunksize={chunksize}: time per call",
                    fmt_time(ours / CALLS),
                    fmt_time(pool / CALLS) + " (ProcessPoolExecutor)",
                    ours / pool,
                    "",
                    None,
                    f"{requests} requests to the head node per {CALLS:,} calls; poll every "
                    f"{POLL} s; {-(-CALLS // chunksize)} sweep instances",
                )
            )
    return rows


if __name__ == "__main__":
    ROOT = HERE.parent
    sys.path.insert(0, str(ROOT))
    from seed import start

    with tempfile.TemporaryDirectory(prefix="bench-") as data:
        emulator = start(Path(data))
        try:
            for row in run(emulator.base_url):
                print(f"{row.what}: {row.ours} vs {row.baseline} = {row.ratio:.1f}x; {row.note}")
        finally:
            emulator.terminate()
