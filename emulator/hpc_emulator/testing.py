"""Test helpers: an emulator in a background thread, or in a subprocess for restart tests.

`run_emulator()` is what our own tests and users' tests (via the pytest plugin) use; the
subprocess variant exists because only a separate process can be SIGKILLed. Both accept SOA
services of your own (see `hpc_emulator.soa.services` for the handler contract).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from hpc_emulator.accounts import DEFAULT_DOMAIN, USERS_ENV
from hpc_emulator.app import Emulator, create_app
from hpc_emulator.config import EmulatorConfig
from hpc_emulator.limits import HEADER_TIMEOUT_S, MAX_CONNECTIONS
from hpc_emulator.private import private_dir, write_private
from hpc_emulator.server import uvicorn_config
from hpc_emulator.soa.services import Handler, ServiceDef, ServiceRegistry
from hpc_emulator.tls import self_signed


@dataclass
class RunningEmulator:
    url: str  # head root, e.g. http://127.0.0.1:PORT
    cluster_name: str
    data_dir: Path
    users: dict[str, str] = field(default_factory=dict)
    cert_file: Path | None = None  # the self-signed certificate when tls=True (use as `verify`)
    _server: uvicorn.Server | None = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)
    _emulator: Emulator | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"{self.url}/WindowsHpc"

    def register_service(
        self,
        name: str,
        handler: Handler,
        *,
        version: tuple[int, ...] | None = None,
        generic: bool = False,
        inline: bool = False,
    ) -> None:
        """Make `handler` SOA service `name` of this running emulator, from any thread.

        New sessions see it at once; the same name and version replaces the handler. On the
        session-wide `hpc_emulator` fixture it stays for the rest of the run (`unregister_service`).
        """
        self._broker_registry().register(name, handler, version, generic, inline=inline)

    def unregister_service(self, name: str) -> None:
        """Remove every version of service `name` (unknown names are ignored)."""
        self._broker_registry().unregister(name)

    def _broker_registry(self) -> ServiceRegistry:
        if self._emulator is None:
            raise RuntimeError("this emulator is not running in this process")
        return self._emulator.broker.registry

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=15)
            self._server = None


@contextmanager
def run_emulator(
    *,
    data_dir: str | Path | None = None,
    nodes: int = 4,
    cores_per_node: int = 4,
    cluster_name: str = "EMULATED",
    users: dict[str, str] | None = None,
    tls: bool = False,
    services: Mapping[str, ServiceDef] | None = None,
    latency: float = 0.0,
    broker_node: str | None = None,
    header_timeout: float = HEADER_TIMEOUT_S,
    max_connections: int = MAX_CONNECTIONS,
    json_extension: bool = False,
    max_body: int | None = None,
    soa_max_body: int | None = None,
    auth: str = "basic",
    default_domain: str = DEFAULT_DOMAIN,
    roles: dict[str, str] | None = None,
) -> Iterator[RunningEmulator]:
    """Start an emulator on 127.0.0.1 (ephemeral port) in a thread; stop it on exit.

    `users` maps `[DOMAIN\\]user` to passwords (none: open); `auth` is "basic" or "ntlm", as
    the head node's `Set-HPCWebComponents.ps1 -AuthenticationMethod`.

    `services` maps SOA service names to handlers (or `ServiceSpec` for a version, generic...).
    `latency` (seconds) delays every answer, to test code against a distant head node.
    `broker_node` is the `BrokerNode` sessions name (default: the host and port each request
    came to); `header_timeout` and `max_connections` as `hpc-emulator`'s flags.
    `json_extension` lets scheduler operations speak JSON (off: XML only, as a head node);
    `max_body`/`soa_max_body` override the request body bounds of `limits.py` (bytes).
    `roles` maps users to their /hpc role (Administrator, JobAdministrator, JobOperator).
    """
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="hpc-emulator-")
        data_dir = tmp.name
    path = Path(data_dir)
    config = EmulatorConfig(
        data_dir=path,
        cluster_name=cluster_name,
        nodes=nodes,
        cores_per_node=cores_per_node,
        users=dict(users or {}),
        auth=auth,
        default_domain=default_domain,
        services=dict(services or {}),
        latency=latency,
        broker_node=broker_node,
        json_extension=json_extension,
        roles=dict(roles or {}),
    )
    if max_body is not None:
        config.max_body = max_body
    if soa_max_body is not None:
        config.soa_max_body = soa_max_body
    app = create_app(config)
    cert = key = None
    if tls:
        cert, key = self_signed(path)
    server = uvicorn.Server(
        uvicorn_config(
            app,
            host="127.0.0.1",
            port=0,
            log_level="warning",
            certfile=str(cert) if cert else None,
            keyfile=str(key) if key else None,
            graceful_shutdown=2,
            header_timeout=header_timeout,
            max_connections=max_connections,
        )
    )
    thread = threading.Thread(target=server.run, name="hpc-emulator", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the emulator did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    running = RunningEmulator(
        url=f"{'https' if tls else 'http'}://127.0.0.1:{port}",
        cluster_name=cluster_name,
        data_dir=path,
        users=dict(users or {}),
        cert_file=cert,
        _server=server,
        _thread=thread,
        _emulator=app.state.emulator,
    )
    try:
        yield running
    finally:
        running.stop()
        if tmp is not None:
            tmp.cleanup()


@dataclass
class EmulatorProcess:
    url: str
    pid: int
    data_dir: Path
    process: subprocess.Popen[bytes]

    @property
    def base_url(self) -> str:
        return f"{self.url}/WindowsHpc"

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs (durability tests)."""
        if self.process.poll() is None:
            os.kill(self.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def terminate(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=15)


def start_emulator_process(
    *,
    data_dir: str | Path,
    nodes: int = 4,
    cores_per_node: int = 4,
    cluster_name: str = "EMULATED",
    users: dict[str, str] | None = None,
    services: Mapping[str, str] | None = None,
    service_paths: Sequence[str | Path] = (),
    latency: float = 0.0,
    auth: str = "basic",
    timeout: float = 30.0,
    json_extension: bool = False,
) -> EmulatorProcess:
    """Run `python -m hpc_emulator` and wait for its `--ready-file`.

    `users` reach the child through a 0600 `--users-file`, removed once it listens: never its
    argv (any local user can read `/proc/<pid>/cmdline`) nor its environment.

    `services` maps names to `module:callable` import paths (`--service NAME=module:callable`),
    imported from `service_paths` (`--service-path`) or the child's `PYTHONPATH`.
    """
    path = Path(data_dir)
    private_dir(path)
    ready = path / f"ready-{os.getpid()}-{time.monotonic_ns()}.url"
    cmd = [
        sys.executable, "-m", "hpc_emulator", "--port", "0", "--data-dir", str(path),
        "--ready-file", str(ready), "--nodes", str(nodes), "--cores-per-node", str(cores_per_node),
        "--cluster-name", cluster_name, "--auth", auth,
    ]  # fmt: skip
    if any("\n" in f"{u}{p}" or "\r" in f"{u}{p}" for u, p in (users or {}).items()):
        raise ValueError("user names and passwords cannot hold line breaks")
    users_file = None
    if users:  # a 0600 file, removed once the child has read it: never argv, never its env
        users_file = path / f".users-{os.getpid()}-{time.monotonic_ns()}"
        write_private(users_file, "".join(f"{u}:{p}\n" for u, p in users.items()))
        cmd += ["--users-file", str(users_file)]
    for name, target in (services or {}).items():
        cmd += ["--service", f"{name}={target}"]
    for directory in service_paths:
        cmd += ["--service-path", str(directory)]
    if latency:
        cmd += ["--latency-ms", str(latency * 1000)]
    if json_extension:
        cmd.append("--json-extension")
    env = {k: v for k, v in os.environ.items() if k != USERS_ENV}
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + timeout
        while not ready.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                if proc.poll() is None:
                    proc.kill()
                raise RuntimeError(f"the emulator process did not start (exit {proc.poll()})")
            time.sleep(0.02)
    finally:
        if users_file is not None:
            users_file.unlink(missing_ok=True)
    url = ready.read_text().strip()
    ready.unlink()
    return EmulatorProcess(url=url, pid=proc.pid, data_dir=path, process=proc)
