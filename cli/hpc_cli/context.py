"""Per-invocation state and the one place that turns settings into an `HpcClient`.

Commands call `connect(ctx)` inside `handled(...)`; keeping client construction here means TLS,
prompting and the loopback exception are decided once, the same way for every subcommand.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import ConfigError, Settings, check_url, is_loopback_url, resolve
from .errors import handled
from .output import Output

if TYPE_CHECKING:  # typer is not imported by `fastpath` commands
    import typer


@dataclass
class State:
    """What the root callback parsed; stored on `ctx.obj`."""

    flags: dict[str, Any] = field(default_factory=dict)
    profile: str | None = None
    json_mode: bool = False
    debug: bool = False
    no_prompt: bool = False
    quiet: bool = False
    #: honour HTTP(S)_PROXY / NO_PROXY (off with --no-env-proxy)
    env_proxy: bool = True
    #: the username the connection authenticates as, once `connect` has resolved the settings
    username: str | None = None

    def output(self, json_flag: bool = False) -> Output:
        return Output(self.json_mode or json_flag, quiet=self.quiet)


def state_of(ctx: typer.Context) -> State:
    """The root state (a fresh default when a command is invoked without the root callback)."""
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def configure_logging(debug: bool) -> None:
    """Library log lines (retries, restarted listings) only with --debug: errors stay one line."""
    log = logging.getLogger("hpcpack")
    if log.handlers:
        return
    if debug:
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("debug: %(name)s: %(message)s"))
        log.setLevel(logging.DEBUG)
    else:
        handler = logging.NullHandler()
    log.addHandler(handler)


def settings_for(state: State) -> Settings:
    """Resolve settings and ask for the password when a username has none (TTY only)."""
    settings = resolve(state.flags, state.profile)
    wants = settings.username and settings.password is None and not state.no_prompt
    if wants and sys.stdin.isatty():
        import typer

        password = typer.prompt(
            f"Password for {settings.username}",
            hide_input=True,
            err=True,
            default="",
            show_default=False,
        )
        settings = replace(settings, password=password)
    return settings


def client_kwargs(settings: Settings, out: Output) -> dict[str, Any]:
    """Keyword arguments for `HpcClient` (kept separate so `cluster info` can show them)."""
    url = check_url(settings.url)
    kwargs: dict[str, Any] = {
        "cluster": settings.cluster,
        "username": settings.username,
        "password": settings.password,
        "format": settings.format,
        "timeout": settings.timeout,
        "auth_method": settings.auth,
        "api": settings.api,
    }
    if settings.as_user:
        kwargs["as_user"] = settings.as_user
    if settings.insecure:
        out.warn("TLS certificate verification is disabled (--insecure)")
        kwargs["verify"] = False
    elif settings.ca_bundle:
        if not Path(settings.ca_bundle).is_file():
            raise ConfigError(f"CA bundle not found: {settings.ca_bundle}")
        kwargs["ca_bundle"] = settings.ca_bundle
    if settings.api_version:
        kwargs["api_version"] = settings.api_version
    if url.startswith("http://") and is_loopback_url(url):
        # Basic over plain http is refused by the client except where nothing leaves the machine.
        kwargs["allow_insecure_basic"] = True
    return {"url": url, **kwargs}


@contextmanager
def connect(ctx: typer.Context, json_flag: bool = False) -> Iterator[tuple[Any, Output]]:
    """Yield `(HpcClient, Output)`; every exception inside becomes an exit code."""
    state = state_of(ctx)
    out = state.output(json_flag)
    with handled(state.debug), client_for(state, out) as hpc:
        yield hpc, out


@contextmanager
def client_for(state: State, out: Output) -> Iterator[Any]:
    """The `HpcClient` of these settings (errors raised as they are)."""
    from hpcpack.client import HpcClient

    configure_logging(state.debug)
    settings = settings_for(state)
    state.username = settings.username or None
    kwargs = client_kwargs(settings, out)
    url = kwargs.pop("url")
    with HpcClient(url, trust_env=state.env_proxy, **kwargs) as hpc:
        yield hpc


@contextmanager
def offline(ctx: typer.Context, json_flag: bool = False) -> Iterator[Output]:
    """Like `connect` for commands that need no server (profiles)."""
    state = state_of(ctx)
    out = state.output(json_flag)
    with handled(state.debug):
        yield out
