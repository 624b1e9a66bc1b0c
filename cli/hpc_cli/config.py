"""Connection settings: command-line flags > environment (`HPC_*`) > profile file.

Profiles live in `$XDG_CONFIG_HOME/hpcpack/config.toml` (default `~/.config/hpcpack/config.toml`),
one TOML table per profile name; `default` is used when no `--profile`/`HPC_PROFILE` is given.
Passwords are never stored unless the user confirms it; when `keyring` is importable it is used
instead of the file, and the file is always written with mode 0600 because it may hold secrets.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_PROFILE = "default"
KEYRING_SERVICE = "hpcpack"

#: Settings that a profile may hold (password only after an explicit confirmation).
PROFILE_KEYS = (
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
)

#: Environment variable per setting.
ENV_VARS = {
    "url": "HPC_URL",
    "cluster": "HPC_CLUSTER",
    "username": "HPC_USERNAME",
    "password": "HPC_PASSWORD",
    "api_version": "HPC_API_VERSION",
    "ca_bundle": "HPC_CA_BUNDLE",
    "auth": "HPC_AUTH",
    "api": "HPC_API",
    "as_user": "HPC_AS_USER",
}

AUTH_METHODS = ("basic", "ntlm", "negotiate")
APIS = ("windowshpc", "hpc", "auto")  # `hpcpack.apis.API_CHOICES`, without importing hpcpack


class ConfigError(Exception):
    """A settings problem the user must fix (bad profile file, missing URL...): exit code 2."""


@dataclass(frozen=True)
class Settings:
    """Everything needed to build an `HpcClient`, after resolution."""

    url: str | None = None
    cluster: str | None = None
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    api_version: str | None = None
    ca_bundle: str | None = None
    insecure: bool = False
    format: str = "xml"
    timeout: float = 30.0
    auth: str = "basic"
    api: str = "windowshpc"
    as_user: str | None = None
    password_in_keyring: bool = False

    def public(self) -> dict[str, Any]:
        """The settings as shown to the user: the password is only ever reported as set/unset."""
        shown: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("password", "password_in_keyring"):
                continue
            shown[f.name] = getattr(self, f.name)
        if self.password_in_keyring:
            shown["password"] = "(in keyring)"
        else:
            shown["password"] = "(set)" if self.password else "(not set)"
        return shown


def config_path() -> Path:
    """Where profiles live; honours XDG_CONFIG_HOME so tests and users can relocate it."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "hpcpack" / "config.toml"


class BrokenProfileFile(ConfigError):
    """The profile file is not valid TOML (or not UTF-8): named in the one-line message."""


def load_profiles(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """All profiles in the file (an absent file is no profiles, a broken one is an error)."""
    path = path or config_path()
    if not path.exists():
        return {}
    import tomllib  # only when there is a file to read

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        why = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise BrokenProfileFile(
            f"cannot read the profile file {path}: {why} (fix it, or `hpc profile set` "
            "rewrites it, keeping the old one as .bak)"
        ) from None
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def load_profiles_for_update(path: Path | None = None) -> tuple[dict[str, dict[str, Any]], str]:
    """(profiles, note) for `hpc profile set`: a broken file is renamed to `<file>.bak` and
    the update starts from no profiles, so the command that repairs the file is never locked
    out by it; `note` says so (empty when the file was fine)."""
    path = path or config_path()
    try:
        return load_profiles(path), ""
    except BrokenProfileFile as exc:
        backup = path.with_name(path.name + ".bak")
        os.replace(path, backup)
        return {}, f"{exc.args[0].split(' (fix it')[0]}; moved it to {backup}"


#: characters a profile value may not hold: C0/C1 controls and DEL (a value is one line),
#: and lone surrogates (undecodable bytes of argv), which UTF-8 cannot write
_BAD_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _positive(value: Any) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def check_value(key: str, value: Any) -> None:
    """Refuse a profile value the file could not hold faithfully (ConfigError, exit 2)."""
    if isinstance(value, str):
        bad = _BAD_CHARS.search(value)
        if bad:
            code = f"U+{ord(bad.group(0)):04X}"
            raise ConfigError(
                f"{key}: character {code} (a control character or an undecodable byte) "
                "is not allowed in a profile value"
            )
    if key == "timeout" and value is not None and not _positive(value):
        raise ConfigError(f"timeout must be a positive number of seconds, not {value!r}")


def _toml_value(value: Any) -> str:
    """A TOML literal; strings as basic strings with every control character escaped, so
    the file is valid TOML whatever the value (save_profiles also refuses such values)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = re.sub("[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group(0)):04X}", text)
    return f'"{text}"'


def _toml_key(name: str) -> str:
    if re.fullmatch("[A-Za-z0-9_-]+", name):
        return name
    return _toml_value(name)


def save_profiles(profiles: dict[str, dict[str, Any]], path: Path | None = None) -> Path:
    """Write every profile, creating the file with mode 0600 (it may hold a password).

    Every name and value is checked first, and the text is parsed back before it replaces
    the file (written aside, then renamed): a refused value leaves the old file as it was.
    """
    path = path or config_path()
    lines = ["# hpc CLI profiles (written by `hpc profile set`)", ""]
    for name, values in profiles.items():
        check_value("profile name", name)
        lines.append(f"[{_toml_key(name)}]")
        for key in PROFILE_KEYS:
            if values.get(key) is not None:
                check_value(key, values[key])
                lines.append(f"{key} = {_toml_value(values[key])}")
        if values.get("password_in_keyring"):
            lines.append("password_in_keyring = true")
        lines.append("")
    text = "\n".join(lines)
    import tomllib  # writing a profile is rare: not on every command's start-up

    tomllib.loads(text)  # never write a file every later command would refuse
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(path.name + ".new")
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(staging, 0o600)
    os.replace(staging, path)
    return path


def keyring_get(profile: str, username: str) -> str | None:
    """The password kept in the system keyring for this profile, if keyring is usable."""
    try:
        import keyring  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, f"{profile}:{username}")
    except Exception:
        return None
    return value if isinstance(value, str) else None


def keyring_set(profile: str, username: str, password: str) -> bool:
    """Store the password in the system keyring; False when keyring is missing or unusable."""
    try:
        import keyring
    except ImportError:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, f"{profile}:{username}", password)
    except Exception:
        return False
    return True


def _coerce(key: str, value: Any) -> Any:
    if key == "insecure":
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
    if key == "timeout":
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            raise ConfigError(f"timeout must be a number of seconds, not {value!r}") from None
        check_value(key, seconds)
        return seconds
    return None if value is None else str(value)


def resolve(
    flags: dict[str, Any],
    profile: str | None = None,
    environ: dict[str, str] | None = None,
    path: Path | None = None,
) -> Settings:
    """Merge flags > environment > profile; flags that are None count as not given.

    An explicitly named profile (flag or HPC_PROFILE) must exist; the implicit `default` may not.
    """
    environ = dict(os.environ) if environ is None else environ
    name = profile or environ.get("HPC_PROFILE") or None
    profiles = load_profiles(path)
    if name is not None and name not in profiles:
        known = ", ".join(sorted(profiles)) or "none"
        raise ConfigError(f"no profile named {name!r} in {path or config_path()} (known: {known})")
    values: dict[str, Any] = dict(profiles.get(name or DEFAULT_PROFILE, {}))
    for key, var in ENV_VARS.items():
        if environ.get(var):
            values[key] = environ[var]
    for key, value in flags.items():
        if value is not None:
            values[key] = value
    settings = Settings()
    known_keys = {f.name for f in fields(Settings)}
    clean = {
        k: _coerce(k, v)
        for k, v in values.items()
        if k in known_keys and k != "password_in_keyring"
    }
    settings = replace(settings, **clean)
    check_choices({"format": settings.format, "auth": settings.auth, "api": settings.api})
    if settings.password is None and settings.username and values.get("password_in_keyring"):
        stored = keyring_get(name or DEFAULT_PROFILE, settings.username)
        if stored is not None:
            settings = replace(settings, password=stored)
    return settings


def check_choices(values: dict[str, Any]) -> None:
    """The settings with a fixed set of values, checked the same way in a profile as in use."""
    fmt, auth = values.get("format"), values.get("auth")
    if fmt is not None and fmt not in ("xml", "json"):
        raise ConfigError(f"format must be xml or json, not {fmt!r}")
    if auth is not None and auth not in AUTH_METHODS:
        raise ConfigError(f"auth must be one of {', '.join(AUTH_METHODS)}, not {auth!r}")
    api = values.get("api")
    if api is not None and api not in APIS:
        raise ConfigError(f"api must be one of {', '.join(APIS)}, not {api!r}")


def is_loopback_url(url: str) -> bool:
    """True for http(s) URLs on 127.0.0.0/8, ::1 or localhost: the emulator's home."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str | None) -> str:
    """Reject URLs the client would refuse anyway, with a message that says what to do."""
    if not url:
        raise ConfigError(
            "no head node URL: pass --url, set HPC_URL, or create a profile (`hpc profile set`)"
        )
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        raise ConfigError("not a valid URL (--url / HPC_URL / profile url)") from None
    if parts.scheme not in ("http", "https") or not host:
        # the URL itself is not echoed: it may carry user:password
        raise ConfigError(f"not an http(s) URL (scheme {parts.scheme[:20]!r}, host {host!r})")
    if parts.scheme == "http" and not is_loopback_url(url):
        raise ConfigError(
            f"refusing plain http to a non-loopback host ({parts.hostname}): Basic credentials "
            "would travel in clear; use https"
        )
    return url
