"""Connections per SOA session: 10,000 Echo in batches of 100 through a counting loopback relay.

* hpcpack: `session.call_many` per batch (the reply stream read to the end of its body, so the
  connection goes back to the pool);
* baseline: the same client and requests, the reply stream abandoned at EndOfResponses (what
  hpcpack did before: httpcore then drops the connection, one more per batch).

Both rounds interleaved, best of ROUNDS; the relay counts TCP connections (each would be a TLS
handshake against a real head node). Messages per second = requests / elapsed.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import Any

from common import Row

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.soa.relay import Relay  # noqa: E402

TOTAL = 10_000
BATCH = 100
ROUNDS = 2


def _abandoning(session: Any, batch: str) -> int:
    """The old reader: stop at EndOfResponses, leaving the body's end unread."""
    request, parser, _ = session._get_responses(batch, -1, False, None, None, None)
    n = 0
    with session._hpc.http.stream(**request) as response:
        for chunk in response.iter_bytes():
            n += len(parser.feed(chunk))
            if parser.end is not None:
                return n
    raise RuntimeError("stream ended before EndOfResponses")


def one_session(root_url: str, drain: bool, verify: str | None) -> tuple[int, float]:
    """(connections opened, messages per second) of one 10,000-message session."""
    from hpcpack import HpcClient

    scheme = "https" if verify else "http"
    with (
        Relay(root_url.replace("https://", "http://")) as relay,
        HpcClient(relay.url.replace("http://", f"{scheme}://"), timeout=120, **_tls(verify)) as hpc,
    ):
        session = hpc.sessions.create("EchoService")
        try:
            t0 = time.perf_counter()
            for n, start in enumerate(range(0, TOTAL, BATCH)):
                payloads = [{"message": f"m{i}"} for i in range(start, start + BATCH)]
                if drain:
                    got = len(list(session.call_many("Echo", payloads, batch=f"c{n}")))
                else:
                    session.send(f"c{n}", payloads, action="Echo")
                    got = _abandoning(session, f"c{n}")
                if got != BATCH:
                    raise RuntimeError(f"got {got} replies, expected {BATCH}")
            elapsed = time.perf_counter() - t0
        finally:
            with contextlib.suppress(Exception):
                session.close()
        return relay.connections, TOTAL / elapsed


def _tls(verify: str | None) -> dict[str, Any]:
    return {"verify": verify} if verify else {}


def run(base_url: str, verify: str | None = None) -> list[Row]:
    """`verify`: the emulator's certificate when it serves TLS (each connection a handshake)."""
    root = base_url.removesuffix("/WindowsHpc")
    what = f"connections per {TOTAL:,} Echo (1 session, batches of {BATCH}), via a loopback relay"
    if verify:
        what += ", TLS"
    try:
        runs: dict[bool, list[tuple[int, float]]] = {True: [], False: []}
        for drain in (False, True, True, False)[: 2 * ROUNDS]:
            runs[drain].append(one_session(root, drain, verify))
        ours = max(runs[True], key=lambda r: r[1])
        base = max(runs[False], key=lambda r: r[1])
    except Exception as exc:
        note = f"{type(exc).__name__}: {exc}"[:160]
        return [Row("SOA (emulator)", what, "error", "", None, "1 connection", False, note)]
    return [
        Row(
            "SOA (emulator)",
            what,
            f"{ours[0]} connection(s), {ours[1]:,.0f} msg/s",
            f"{base[0]} connections, {base[1]:,.0f} msg/s",
            ours[1] / base[1],
            "1 connection",
            ours[0] == 1,
            "ratio = throughput hpcpack / baseline; baseline = the same session with each reply "
            f"stream abandoned at EndOfResponses (the pre-fix reader); best of {ROUNDS} "
            "interleaved runs; session setup inside the relay count, not timed",
        )
    ]


def _print(rows: list[Row]) -> None:
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "n/a"
        print(f"{row.what}: hpcpack {row.ours}; baseline {row.baseline}; throughput {ratio}")


if __name__ == "__main__":  # python bench/soa_connections.py [--tls]
    import tempfile

    import seed

    if "--tls" in sys.argv:  # in-process emulator (the process variant has no TLS option)
        from hpc_emulator.testing import run_emulator

        with run_emulator(tls=True) as emu:
            _print(run(emu.base_url, verify=str(emu.cert_file)))
    else:
        with tempfile.TemporaryDirectory(prefix="bench-conn-") as tmp:
            emulator = seed.start(Path(tmp))
            try:
                _print(run(emulator.base_url))
            finally:
                emulator.terminate()
