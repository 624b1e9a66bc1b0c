"""`hpc-emulator` / `python -m hpc_emulator`: run a local HPC Pack head node on the wire."""

from __future__ import annotations

if __name__ == "__main__":  # `python -m hpc_emulator` without the extra: one line, no traceback
    from hpc_emulator._entry import require

    require("python -m hpc_emulator")

import argparse
import asyncio
import contextlib
import importlib.util
import ipaddress
import signal
import sys
import tempfile
from pathlib import Path

import uvicorn

from hpc_emulator.accounts import DEFAULT_DOMAIN, USERS_ENV, load_users_file, take_users_env
from hpc_emulator.app import create_app
from hpc_emulator.config import AUTH_METHODS, EmulatorConfig
from hpc_emulator.limits import HEADER_TIMEOUT_S, MAX_CONNECTIONS, MIB, SOA_MAX_BODY_DEFAULT
from hpc_emulator.private import write_private
from hpc_emulator.server import uvicorn_config
from hpc_emulator.service_import import add_search_paths, parse_service
from hpc_emulator.soa.services import ServiceDef
from hpc_emulator.store import DataDirLocked
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
    p.add_argument(
        "--users-file",
        type=Path,
        metavar="PATH",
        help=f"accounts, one [DOMAIN\\]user:password a line, mode 0600 (or ${USERS_ENV}); "
        "default: open, every request accepted",
    )
    p.add_argument("--users", help=argparse.SUPPRESS)  # refused: passwords on argv
    p.add_argument(
        "--auth",
        choices=AUTH_METHODS,
        default="basic",
        help="what the head node was set up with (Set-HPCWebComponents -AuthenticationMethod)",
    )
    p.add_argument(
        "--default-domain",
        default=DEFAULT_DOMAIN,
        help=f"domain of accounts and logins given without one (default {DEFAULT_DOMAIN})",
    )
    p.add_argument(
        "--insecure-open-to-network",
        action="store_true",
        help="allow a non-loopback --host without users: anyone reaching it runs commands as you",
    )
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
    p.add_argument(
        "--json-extension",
        action="store_true",
        help="also accept/answer JSON on scheduler, node and cluster operations (a real head "
        "node speaks XML only there; JSON is documented for SOA only)",
    )
    p.add_argument(
        "--soa-max-body-mb",
        type=_positive,
        default=SOA_MAX_BODY_DEFAULT // MIB,
        metavar="MB",
        help="largest SOA request body in MiB (413 above; default 64)",
    )
    p.add_argument(
        "--admins",
        default="",
        metavar="USERS",
        help="comma-separated users who are HPC Pack Administrators on the /hpc API",
    )
    p.add_argument(
        "--job-admins",
        default="",
        metavar="USERS",
        help="comma-separated users who are Job Administrators on the /hpc API",
    )
    p.add_argument("--ready-file", type=Path, help="write the base URL here once listening")
    p.add_argument("--log-level", default="warning")
    return p


def roles_from(admins: str, job_admins: str) -> dict[str, str]:
    roles = {u.strip(): "JobAdministrator" for u in job_admins.split(",") if u.strip()}
    roles.update({u.strip(): "Administrator" for u in admins.split(",") if u.strip()})
    return roles


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def users_from(p: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, str]:
    """Accounts from --users-file or $HPC_EMULATOR_USERS (removed from the environment either
    way, so tasks do not inherit it); passwords on argv are refused."""
    from_env = take_users_env()
    if args.users is not None:
        p.error(
            "--users would put passwords on the command line, readable by every local user in "
            f"/proc; use --users-file PATH (mode 0600) or ${USERS_ENV}"
        )
    if args.users_file is not None and from_env is not None:
        p.error(f"give accounts with --users-file or ${USERS_ENV}, not both")
    users = load_users_file(args.users_file) if args.users_file is not None else from_env or {}
    if args.auth == "ntlm" and not users:
        p.error("--auth ntlm needs accounts (--users-file or $HPC_EMULATOR_USERS)")
    if args.auth == "ntlm" and importlib.util.find_spec("spnego") is None:
        p.error("--auth ntlm needs pyspnego: pip install 'hpcpack[ntlm]'")
    if not users and not is_loopback(args.host) and not args.insecure_open_to_network:
        p.error(
            f"refusing to listen on {args.host} without accounts: anyone who reaches it could "
            "run commands as this OS user; add --users-file, or --insecure-open-to-network"
        )
    return users


def check(p: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, str]:
    """Cross-argument rules; returns the accounts (and sets `args.services`)."""
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
        return users_from(p, args)
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
        auth=args.auth,
        default_domain=args.default_domain,
        services=args.services,
        latency=args.latency_ms / 1000,
        broker_node=args.broker_node,
        json_extension=args.json_extension,
        soa_max_body=args.soa_max_body_mb * MIB,
        roles=roles_from(args.admins, args.job_admins),
    )
    if not users and not is_loopback(args.host):
        print(
            f"hpc-emulator: WARNING: --insecure-open-to-network: anyone who can reach "
            f"{args.host} can run commands as this OS user",
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
        write_private(args.ready_file, url + "\n")
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
            try:
                asyncio.run(serve(args, users, data_dir))
            except DataDirLocked as exc:
                sys.exit(f"hpc-emulator: {exc}")
    sys.exit(0)


if __name__ == "__main__":
    main()
