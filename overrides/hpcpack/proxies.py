"""The proxy a client uses, from `HTTP(S)_PROXY` / `ALL_PROXY` / `NO_PROXY` like plain httpx.

httpx reads these only for the transport it builds itself; `HpcClient` always hands httpx its
own transport, so it decides here, once, for the one head node it talks to (every call goes
to the same origin). The standard library's reading of the variables is used: lower-case names
win and `HTTP_PROXY` is ignored in a CGI request (httpoxy); `NO_PROXY` is a comma list of host
names, each also matching its subdomains (`.example.com`, `*.example.com` and `example.com`
alike), a `host:port`, or `*` for all (as httpx and curl read it; no CIDR ranges).
"""

from __future__ import annotations

import urllib.request
from urllib.parse import urlsplit

__all__ = ["env_proxy"]


def _bypassed(host: str, port: int, no_proxy: str) -> bool:
    for entry in (e.strip().lower() for e in no_proxy.split(",")):
        if entry == "*":
            return True
        name, _, entry_port = entry.removeprefix("*").lstrip(".").rpartition(":")
        if not name or not entry_port.isdigit():  # no port in the entry
            name, entry_port = entry.removeprefix("*").lstrip("."), ""
        name = name.strip("[]")
        if entry_port and int(entry_port) != port:
            continue
        if name and (host == name or host.endswith("." + name)):
            return True
    return False


def env_proxy(url: str) -> str | None:
    """The proxy URL the environment sets for `url`, or None (direct)."""
    proxies = urllib.request.getproxies_environment()
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if not host or _bypassed(host, port, proxies.get("no", "")):
        return None
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy:
        return None
    return proxy if "://" in proxy else f"http://{proxy}"
