"""`hpc profile set|show|list`: named connection settings in the user's config dir.

The password is the only sensitive value: it is never printed, and it is saved only when the
user explicitly asks (`--save-password`), into the system keyring when `keyring` is importable,
otherwise into the 0600 file after a confirmation.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from ..config import (
    DEFAULT_PROFILE,
    ConfigError,
    check_choices,
    check_value,
    config_path,
    keyring_set,
    load_profiles,
    load_profiles_for_update,
    resolve,
    save_profiles,
)
from ..context import offline, state_of


def _shown_url(url: Any) -> Any:
    """A stored URL as printed: without any user:password it may carry."""
    if not isinstance(url, str) or "@" not in url:
        return url
    from hpcpack.errors import safe_url

    return safe_url(url)


app = typer.Typer(help="Named connection settings (config.toml in the user config dir).")

JsonOpt = Annotated[bool, typer.Option("--json", help="JSON output")]


@app.command("set")
def set_profile(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Profile name")] = DEFAULT_PROFILE,
    url: Annotated[str | None, typer.Option(help="Head node root URL")] = None,
    cluster: Annotated[str | None, typer.Option(help="Cluster segment (pre-2016)")] = None,
    username: Annotated[str | None, typer.Option("--username", "-u")] = None,
    api_version: Annotated[str | None, typer.Option()] = None,
    ca_bundle: Annotated[str | None, typer.Option()] = None,
    insecure: Annotated[bool | None, typer.Option("--insecure/--secure")] = None,
    wire_format: Annotated[str | None, typer.Option("--format")] = None,
    timeout: Annotated[float | None, typer.Option()] = None,
    auth: Annotated[str | None, typer.Option(help="basic, ntlm or negotiate")] = None,
    save_password: Annotated[
        bool, typer.Option("--save-password", help="Prompt for the password and store it")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Confirm storing the password in the file")
    ] = False,
    json_flag: JsonOpt = False,
) -> None:
    """Create or update a profile with the given values (others are kept)."""
    with offline(ctx, json_flag) as out:
        check_value("profile name", name)
        profiles, broken = load_profiles_for_update()
        if broken:
            out.warn(broken)
        values: dict[str, Any] = dict(profiles.get(name, {}))
        given = {
            "url": url,
            "cluster": cluster,
            "username": username,
            "api_version": api_version,
            "ca_bundle": ca_bundle,
            "insecure": insecure,
            "format": wire_format,
            "timeout": timeout,
            "auth": auth,
        }
        check_choices(given)
        for key, value in given.items():
            check_value(key, value)
        values.update({k: v for k, v in given.items() if v is not None})
        if save_password:
            user = values.get("username")
            if not user:
                raise ConfigError("--save-password needs a username (--username)")
            if not sys.stdin.isatty() and state_of(ctx).no_prompt:
                raise ConfigError("--save-password needs a terminal to prompt")
            secret = typer.prompt(
                f"Password for {user}", hide_input=True, confirmation_prompt=True, err=True
            )
            if keyring_set(name, str(user), secret):
                values.pop("password", None)
                values["password_in_keyring"] = True
                out.note("password stored in the system keyring")
            elif yes or typer.confirm(
                f"keyring is not available; store the password in plain text in {config_path()} "
                "(mode 0600)?",
                default=False,
                err=True,
            ):
                values["password"] = secret
                values.pop("password_in_keyring", None)
            else:
                out.note("password not stored")
        profiles[name] = values
        path = save_profiles(profiles)
        out.result(f"profile {name!r} saved to {path}", {"profile": name, "path": str(path)})


@app.command("show")
def show_profile(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="Profile (default: the active one)")] = None,
    json_flag: JsonOpt = False,
) -> None:
    """Show the effective settings (flags > env > profile); the password only as set/unset."""
    with offline(ctx, json_flag) as out:
        state = state_of(ctx)
        settings = resolve(state.flags, name or state.profile)
        data = {"profile": name or state.profile or DEFAULT_PROFILE, **settings.public()}
        if data.get("url"):
            data["url"] = _shown_url(data["url"])
        out.record(data, title=f"{config_path()}")


@app.command("list")
def list_profiles(ctx: typer.Context, json_flag: JsonOpt = False) -> None:
    """List profile names and URLs."""
    with offline(ctx, json_flag) as out:
        rows = [
            {"Name": n, "Url": _shown_url(v.get("url")), "Username": v.get("username")}
            for n, v in load_profiles().items()
        ]
        out.table(rows, ["Name", "Url", "Username"])
