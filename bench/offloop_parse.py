"""Large request bodies parsed off the event loop: how long other clients wait meanwhile.

    python bench/offloop_parse.py

Four 3.8 MB environment-variable bodies (40,000 properties, under the 4 MiB scheduler bound)
are posted one after another while another client loops on Get Version. Prints the worst
Get Version latency and how many were answered, with bodies parsed in a worker thread (the
emulator's default above `limits.PARSE_IN_THREAD_BYTES`) and, for comparison, on the loop.
"""

from __future__ import annotations

import threading
import time

import httpx
from hpc_emulator import limits
from hpc_emulator.testing import run_emulator

COMMON = "http://schemas.microsoft.com/HPCS2008R2/common"
HEADERS = {"Content-Type": "application/xml", "api-version": "2012-11-01.4.0"}
ITEMS = "".join(
    f"<Property><Name>V{i}</Name><Value>{'v' * 40}</Value></Property>" for i in range(40000)
)
BIG = f'<ArrayOfProperty xmlns="{COMMON}">{ITEMS}</ArrayOfProperty>'.encode()
EMPTY = f'<ArrayOfProperty xmlns="{COMMON}"/>'


def run(threshold: int) -> tuple[float, int]:
    """(worst Get Version latency in ms, Get Versions answered) during the four posts."""
    limits.PARSE_IN_THREAD_BYTES = threshold
    with run_emulator() as emu, httpx.Client(base_url=emu.base_url, timeout=60) as client:
        r = client.post("/Jobs", content=EMPTY, headers=HEADERS)
        job = int(r.text.split(">", 1)[1].split("<", 1)[0])
        done = threading.Event()

        def post_big() -> None:
            try:
                with httpx.Client(base_url=emu.base_url, timeout=120) as big:
                    for _ in range(4):
                        r = big.post(f"/Job/{job}/EnvVariables", content=BIG, headers=HEADERS)
                        assert r.status_code == 200, r.text[:200]
            finally:
                done.set()

        thread = threading.Thread(target=post_big)
        thread.start()
        worst, count = 0.0, 0
        while not done.is_set():
            start = time.perf_counter()
            client.get("/Version")
            worst = max(worst, time.perf_counter() - start)
            count += 1
        thread.join()
        return worst * 1000, count


def main() -> None:
    print(f"4 bodies of {len(BIG) / 1e6:.2f} MB")
    for label, threshold in (
        ("worker thread (default)", limits.PARSE_IN_THREAD_BYTES),
        ("event loop", 1 << 40),
    ):
        worst, count = run(threshold)
        print(f"{label:24s} worst Get Version {worst:7.1f} ms, {count} answered meanwhile")


if __name__ == "__main__":
    main()
