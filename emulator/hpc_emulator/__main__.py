"""`hpc-emulator` / `python -m hpc_emulator`: run a local HPC Pack head node on the wire."""

from __future__ import annotations

if __name__ == "__main__":  # `python -m hpc_emulator` without the extra: one line, no traceback
    from hpc_emulator._entry import require

    require("python -m hpc_emulator")

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
from hpc_emulator.server import HEADER_TIMEOUT_S, MAX_CONNECTIONS, uvicorn_config
from hpc_emulator.service_import import add_search_paths, parse_service
from hpc_emulator.soa.services import ServiceDef
from hpc_emulator.tls import self_signed


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be 0..65535, got {value}")
    return value


def _latency(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 60_000:
        raise argparse.ArgumentTypeError(f"must be 0..60000 ms, got {text}")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"must be in (0, 3600] s, got {text}")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hpc-emulator", description=__doc__)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    p.add_argument("--port", type=_port, default=0, help="0 picks a free port")
    p.add_argument("--cluster-name", default="EMULATED")
    p.add_argument("--data-dir", type=Path, help="state directory (default: a temp dir, removed)")
    p.add_argument("--users", help="user:password pairs, comma-separated (default: open)")
    p.add_argument("--tls-cert", type=Path, help="PEM certificate (HTTPS)")
    p.add_argument("--tls-key", type=Path, help="PEM private key of --tls-cert")
    p.add_argument(
        "--tls-self-signed",
        "--self-signed",
        dest="self_signed",
        action="store_true",
        help="HTTPS with a self-signed localhost certificate written into the data dir",
    )
    p.add_argument("--nodes", type=_positive, default=4)
    p.add_argument("--cores-per-node", type=_positive, default=4)
    p.add_argument(
        "--service",
        action="append",
        default=[],
        metavar="NAME=MODULE:CALLABLE",
        help="register SOA service NAME (a handler or ServiceSpec; repeatable)",
    )
    p.add_argument(
        "--service-path",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="directory to import --service modules from (repeatable)",
    )
    p.add_argument(
        "--latency-ms",
        type=_latency,
        default=0.0,
        metavar="MS",
        help="wait this long before answering each request, like a distant head node",
    )
    p.add_argument(
        "--broker-node",
        metavar="HOST[:PORT]",
        help="BrokerNode of SOA sessions (default: the Host each request came to)",
    )
    p.add_argument(
        "--header-timeout",
        type=_seconds,
        default=HEADER_TIMEOUT_S,
        metavar="S",
        help=f"close a connection whose request head is not complete within S (default {HEADER_TIMEOUT_S:g})",
    )
    p.add_argument(
        "--max-connections",
        type=_positive,
        default=MAX_CONNECTIONS,
        metavar="N",
        help=f"open connections at most; more are closed unread (default {MAX_CONNECTIONS})",
    )
    p.add_argument("--ready-file", type=Path, help="write the base URL here once listening")
    p.add_argument("--log-level", default="warning")
    return p


def check(p: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, str]:
    """Cross-argument rules; returns the parsed --users (and sets `args.services`)."""
    if args.self_signed and (args.tls_cert or args.tls_key):
        p.error("--tls-self-signed cannot be combined with --tls-cert/--tls-key")
    if args.tls_key and not args.tls_cert:
        p.error("--tls-key needs --tls-cert")
    for path in (args.tls_cert, args.tls_key):
        if path is not None and not path.is_file():
            p.error(f"no such file: {path}")
    services: dict[str, ServiceDef] = {}
    try:
        add_search_paths(args.service_path)
        for spec in args.service:
            name, service = parse_service(spec)
            services[name] = service
        args.services = services
        return parse_users(args.users)
    except ValueError as exc:
        p.error(str(exc))


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


async def serve(args: argparse.Namespace, users: dict[str, str], data_dir: Path) -> None:
    config = EmulatorConfig(
        data_dir=data_dir,
        cluster_name=args.cluster_name,
        nodes=args.nodes,
        cores_per_node=args.cores_per_node,
        users=users,
        services=args.services,
        latency=args.latency_ms / 1000,
        broker_node=args.broker_node,
    )
    if not users and args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"hpc-emulator: warning: no --users: anyone who can reach {args.host} can use it",
            file=sys.stderr,
        )
    cert, key = args.tls_cert, args.tls_key
    if args.self_signed and not cert:
        cert, key = self_signed(data_dir)
    server = uvicorn.Server(
        uvicorn_config(
            create_app(config),
            host=args.host,
            port=args.port,
            log_level=args.log_level,
            certfile=str(cert) if cert else None,
            keyfile=str(key) if key else None,
            graceful_shutdown=5,
            header_timeout=args.header_timeout,
            max_connections=args.max_connections,
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
    url = f"{scheme}://{url_host(args.host)}:{port}"
    if args.ready_file:
        tmp = args.ready_file.with_suffix(".tmp")
        tmp.write_text(url + "\n")
        tmp.replace(args.ready_file)
    print(f"hpc-emulator listening on {url} (cluster {config.cluster_name})", flush=True)
    await task


def main(argv: list[str] | None = None) -> None:
    p = parser()
    args = p.parse_args(argv)
    users = check(p, args)
    # uvicorn shuts down gracefully on SIGTERM, then re-raises it: make that a clean exit 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with contextlib.ExitStack() as stack:
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hpc-emu-")))
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve(args, users, data_dir))
    sys.exit(0)


if __name__ == "__main__":
    main()
