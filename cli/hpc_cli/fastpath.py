"""`hpc [root options] job view ID [--json]` without typer: the command users run most often
in scripts, started in ~20% less time (importing typer and building its click commands was a
fifth of the command's start-up).

Only a plain form is taken here: root options from `ROOT_VALUES` / `ROOT_FLAGS` (each at most
once, as `--opt value` or `--opt=value`, no value starting with `-`), then `job view`, a decimal
job id and at most one `--json`. Anything else (help, `--password`, `--timeout`, `--version`,
abbreviations, `--`, a repeated option, an id typer would read differently) returns None and
typer parses the command line as before. The command body and the error handling are the
typer command's own (`context.client_for`, `errors.outcome`); `tests/cli/test_fastpath.py`
checks that both paths build the same `State` and print the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .context import State

__all__ = ["ROOT_FLAGS", "ROOT_VALUES", "parse", "run"]

#: root option -> State.flags key ("" = not a flag: profile) of the options taking a value
ROOT_VALUES = {
    "--url": "url",
    "--cluster": "cluster",
    "--username": "username",
    "-u": "username",
    "--api-version": "api_version",
    "--ca-bundle": "ca_bundle",
    "--format": "format",
    "--auth": "auth",
    "--api": "api",
    "--as-user": "as_user",
    "--profile": "",
    "-P": "",
}
#: root flags (no value) -> State field they set
ROOT_FLAGS = {
    "--insecure": "insecure",
    "--no-env-proxy": "env_proxy",
    "--json": "json_mode",
    "--quiet": "quiet",
    "-q": "quiet",
    "--no-prompt": "no_prompt",
    "--debug": "debug",
}
_JOB_ID = re.compile(r"[1-9][0-9]{0,17}\Z")
_FLAG_KEYS = (
    "url",
    "cluster",
    "username",
    "password",
    "api_version",
    "ca_bundle",
    "insecure",
    "format",
    "timeout",
    "auth",
    "api",
    "as_user",
)


def parse(argv: Sequence[str]) -> tuple[State, int, bool] | None:
    """(root state, job id, the command's --json) of a plain `job view`, else None."""
    flags: dict[str, object] = dict.fromkeys(_FLAG_KEYS)
    fields: dict[str, bool] = {}
    profile: str | None = None
    seen: set[str] = set()
    i = 0
    while i < len(argv) and argv[i] != "job":
        arg = argv[i]
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        canonical = {"-u": "--username", "-P": "--profile", "-q": "--quiet"}.get(name, name)
        if canonical in seen:
            return None
        seen.add(canonical)
        if name in ROOT_VALUES:
            if not eq:
                i += 1
                if i >= len(argv):
                    return None
                value = argv[i]
            if value.startswith("-"):
                return None
            if ROOT_VALUES[name]:
                flags[ROOT_VALUES[name]] = value
            else:
                profile = value
        elif name in ROOT_FLAGS and not eq:
            fields[ROOT_FLAGS[name]] = True
        else:
            return None
        i += 1
    rest = list(argv[i:])
    if rest[:2] != ["job", "view"]:
        return None
    command = rest[2:]
    json_flag = "--json" in command
    if json_flag:
        command.remove("--json")
    if len(command) != 1 or not _JOB_ID.match(command[0]):
        return None
    if fields.pop("insecure", False):
        flags["insecure"] = True
    state = State(
        flags=flags,
        profile=profile,
        json_mode=fields.get("json_mode", False),
        debug=fields.get("debug", False),
        no_prompt=fields.get("no_prompt", False),
        quiet=fields.get("quiet", False),
        env_proxy=not fields.get("env_proxy", False),
    )
    return state, int(command[0]), json_flag


def run(argv: Sequence[str]) -> int | None:
    """Run a plain `job view` (its exit code), or None: typer runs the command line."""
    parsed = parse(argv)
    if parsed is None:
        return None
    state, job_id, json_flag = parsed
    from . import errors
    from .commands import lib
    from .context import client_for
    from .views import as_props

    out = state.output(json_flag)
    try:
        with client_for(state, out) as hpc:
            out.record(as_props(lib.get_job(hpc, job_id)), title=f"Job {job_id}")
    except BaseException as exc:
        code = errors.outcome(exc, state.debug)
        if code is None:
            raise
        return code
    return 0
