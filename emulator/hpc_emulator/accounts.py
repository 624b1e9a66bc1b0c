"""The emulator's accounts, matched the way Windows matches them: `DOMAIN\\user`, ignoring case.

An account configured without a domain, and a login without one, belong to the default domain
(`--default-domain`, `EMULATOR` unless set: the domain open-mode owners always had), so
`EVIL\\alice` is not `alice` and `LAB\\alice` is not `HPC\\alice`. Credentials come from a file
or the environment, never argv (any local user can read `/proc/<pid>/cmdline`).
"""

from __future__ import annotations

import hmac
import os
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DOMAIN = "EMULATOR"
USERS_ENV = "HPC_EMULATOR_USERS"

Key = tuple[str, str]  # (domain, user), lower-cased


def split(name: str, default_domain: str) -> tuple[str, str]:
    """`HPC\\alice` -> ("HPC", "alice"); `alice` and `\\alice` -> (default_domain, "alice")."""
    domain, sep, user = name.partition("\\")
    if not sep:
        return default_domain, name
    return domain or default_domain, user


def qualify(name: str, default_domain: str) -> str:
    domain, user = split(name, default_domain)
    return f"{domain}\\{user}"


def key(name: str, default_domain: str) -> Key:
    domain, user = split(name, default_domain)
    return domain.lower(), user.lower()


def same_user(a: str, b: str, default_domain: str = DEFAULT_DOMAIN) -> bool:
    return key(a, default_domain) == key(b, default_domain)


@dataclass(frozen=True)
class Account:
    domain: str
    user: str
    password: str = ""

    @property
    def name(self) -> str:
        return f"{self.domain}\\{self.user}"


class Accounts:
    """The configured users; empty means an open emulator (no authentication)."""

    def __init__(self, users: Mapping[str, str], default_domain: str = DEFAULT_DOMAIN) -> None:
        if not default_domain or any(c in default_domain for c in "\\:/@ "):
            raise ValueError(f"invalid default domain {default_domain!r}")
        self.default_domain = default_domain
        self._by_key: dict[Key, Account] = {}
        for name, password in users.items():
            domain, user = split(name.strip(), default_domain)
            if not user or any(c in name for c in ":\r\n") or "\\" in user:
                raise ValueError(f"invalid user name {name!r} (expected [DOMAIN\\]user)")
            k = (domain.lower(), user.lower())
            if k in self._by_key:
                raise ValueError(f"user {domain}\\{user} is configured twice")
            self._by_key[k] = Account(domain, user, password)

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def __iter__(self) -> Iterator[Account]:
        return iter(self._by_key.values())

    def find(self, login: str) -> Account | None:
        return self._by_key.get(key(login, self.default_domain))

    def check(self, login: str, password: str) -> Account | None:
        """The account if `login` names one and `password` is its password (constant time)."""
        account = self.find(login)
        if account is None:
            return None
        ok = hmac.compare_digest(account.password.encode(), password.encode())
        return account if ok else None

    def same(self, a: str, b: str) -> bool:
        return same_user(a, b, self.default_domain)

    def owner(self, login: str | None) -> str:
        """The job owner a request acts as: the account's name, else the qualified login."""
        if not login:
            return f"{self.default_domain}\\user"
        account = self.find(login)
        return account.name if account else qualify(login, self.default_domain)


def parse_lines(text: str, source: str) -> dict[str, str]:
    """`[DOMAIN\\]user:password` lines (blank lines and `#` comments skipped); the password is
    everything after the first colon, so it may itself hold colons, commas or spaces."""
    users: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, sep, password = line.partition(":")
        if not sep or not name.strip():
            raise ValueError(f"{source} line {number}: expected [DOMAIN\\]user:password")
        users[name.strip()] = password
    return users


def load_users_file(path: Path) -> dict[str, str]:
    """Read a users file, refusing one that other users could read or change."""
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read users file {path}: {exc}") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ValueError(
            f"users file {path} is accessible by group/others (mode {stat.S_IMODE(mode):o}): "
            f"chmod 600 {path}"
        )
    return parse_lines(text, str(path))


def take_users_env() -> dict[str, str] | None:
    """Read and remove `HPC_EMULATOR_USERS` (lines like the file), so tasks cannot inherit it."""
    text = os.environ.pop(USERS_ENV, None)
    if text is None:
        return None
    return parse_lines(text, USERS_ENV)
