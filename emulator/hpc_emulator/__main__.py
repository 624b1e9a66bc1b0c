"""`hpc-emulator` / `python -m hpc_emulator`: run a local HPC Pack head node on the wire."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
import tempfile
from pathlib import Path

import uvicorn

from hpc_emulator.app import create_app
from hpc_emulator.config import EmulatorConfig, parse_users
from hpc_emulator.tls import self_signed


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hpc-emulator", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--cluster-name", default="EMULATED")
    p.add_argument("--data-dir", type=Path, help="state directory (default: a new temp dir)")
    p.add_argument("--users", help="user:password pairs, comma-separated (default: open)")
    p.add_argument("--tls-cert", type=Path)
    p.add_argument("--tls-key", type=Path)
    p.add_argument("--self-signed", action="store_true", help="generate a cert into the data dir")
    p.add_argument("--nodes", type=int, default=4)
    p.add_argument("--cores-per-node", type=int, default=4)
    p.add_argument("--ready-file", type=Path, help="write the base URL here once listening")
    p.add_argument("--log-level", default="warning")
    return p


async def serve(args: argparse.Namespace) -> None:
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="hpc-emulator-"))
    config = EmulatorConfig(
        data_dir=data_dir,
        cluster_name=args.cluster_name,
        nodes=args.nodes,
        cores_per_node=args.cores_per_node,
        users=parse_users(args.users),
    )
    cert, key = args.tls_cert, args.tls_key
    if args.self_signed and not cert:
        cert, key = self_signed(data_dir)
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config),
            host=args.host,
            port=args.port,
            log_level=args.log_level,
            ssl_certfile=str(cert) if cert else None,
            ssl_keyfile=str(key) if key else None,
            timeout_graceful_shutdown=5,
        )
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            await task
            raise SystemExit("hpc-emulator: the server did not start")
        await asyncio.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    scheme = "https" if cert else "http"
    url = f"{scheme}://{args.host}:{port}"
    if args.ready_file:
        tmp = args.ready_file.with_suffix(".tmp")
        tmp.write_text(url + "\n")
        tmp.replace(args.ready_file)
    print(f"hpc-emulator listening on {url} (cluster {config.cluster_name})", flush=True)
    await task


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    # uvicorn shuts down gracefully on SIGTERM, then re-raises it: make that a clean exit 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args))
    sys.exit(0)


if __name__ == "__main__":
    main()
