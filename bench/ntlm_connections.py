"""NTLM against the emulator's acceptor: handshakes and requests per call, and concurrent calls.

    python bench/ntlm_connections.py --calls 200 --concurrent 32

Runs `run_emulator(auth="ntlm")` in-process and counts, on the server, the NTLM tokens accepted
and the HTTP requests answered, for `--calls` sequential `cluster.version()` calls, then runs
`--concurrent` async creates at once and counts failures. "pool" is `HpcClient(auth_method=
"ntlm")` (the handshake per connection, `hpcpack.ntlm_pool`); "per-request" is the same client
with a caller's transport, which falls back to `NtlmAuth` (a handshake per request).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

import httpx
from hpc_emulator import ntlm, web
from hpc_emulator.testing import run_emulator
from hpcpack import AsyncHpcClient, HpcClient, HpcError

USER, PASSWORD = "HPC\\bench", "bench-pw"
counts = {"tokens": 0, "requests": 0}


def count() -> None:
    accept, handle = ntlm.accept, web.Router.handle

    def counting_accept(*args: Any) -> Any:
        counts["tokens"] += 1
        return accept(*args)

    async def counting_handle(self: web.Router, request: Any) -> Any:
        counts["requests"] += 1
        return await handle(self, request)

    ntlm.accept = counting_accept  # type: ignore[assignment]
    web.Router.handle = counting_handle  # type: ignore[method-assign]


def options(per_request: bool, sync: bool) -> dict[str, Any]:
    extra: dict[str, Any] = {"auth_method": "ntlm", "username": USER, "password": PASSWORD}
    if per_request:
        extra["transport"] = httpx.HTTPTransport() if sync else httpx.AsyncHTTPTransport()
    return extra


def sequential(url: str, calls: int, per_request: bool) -> tuple[int, int, float]:
    counts.update(tokens=0, requests=0)
    with HpcClient(url, **options(per_request, True)) as hpc:
        t0 = time.perf_counter()
        for _ in range(calls):
            hpc.cluster.version()
        took = time.perf_counter() - t0
    return counts["tokens"], counts["requests"], took / calls * 1e6


async def concurrent(url: str, n: int, per_request: bool) -> int:
    async with AsyncHpcClient(url, retries=0, **options(per_request, False)) as hpc:

        async def one(i: int) -> bool:
            try:
                await hpc.jobs.create(name=f"c{i}")
                return True
            except HpcError:
                return False

        return sum(not ok for ok in await asyncio.gather(*(one(i) for i in range(n))))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--calls", type=int, default=200)
    p.add_argument("--concurrent", type=int, default=32)
    args = p.parse_args()
    count()
    with run_emulator(users={USER: PASSWORD}, auth="ntlm") as emu:
        print(
            f"| client | NTLM tokens / {args.calls} calls | HTTP requests | µs/call "
            f"| failed of {args.concurrent} concurrent |"
        )
        print("|---|---|---|---|---|")
        for name, per_request in (("pool", False), ("per-request", True)):
            tokens, requests, us = sequential(emu.url, args.calls, per_request)
            failed = asyncio.run(concurrent(emu.url, args.concurrent, per_request))
            print(f"| {name} | {tokens} | {requests} | {us:.0f} | {failed} |")


if __name__ == "__main__":
    main()
