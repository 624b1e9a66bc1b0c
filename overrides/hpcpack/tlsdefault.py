"""The default TLS context: configured at once, its CA certificates loaded at the first handshake.

`httpx.HTTPTransport(verify=True)` loads certifi's bundle (~45 ms) when a client is built, even
for a plain-http head node (the emulator, a loopback proxy) that never does TLS. This context is
what `ssl.create_default_context()` builds (TLS client, hostname check, certificates required)
and loads the CAs httpx would have loaded (`SSL_CERT_FILE`, else `SSL_CERT_DIR`, else certifi,
read when the client is built) once, under a lock, before its first `wrap_socket` (sync
transport) or `wrap_bio` (async, anyio).
"""

from __future__ import annotations

import os
import ssl
import threading
from typing import Any

__all__ = ["LazyCAContext"]


class LazyCAContext(ssl.SSLContext):
    """`ssl.create_default_context()` whose `load_verify_locations` waits for the first use."""

    def __new__(cls, *, trust_env: bool = True) -> LazyCAContext:
        return super().__new__(cls, ssl.PROTOCOL_TLS_CLIENT)

    def __init__(self, *, trust_env: bool = True) -> None:
        super().__init__()
        self.check_hostname = True
        self.verify_mode = ssl.CERT_REQUIRED
        self._cafile = os.environ.get("SSL_CERT_FILE") if trust_env else None
        self._capath = os.environ.get("SSL_CERT_DIR") if trust_env else None
        self._loaded = False
        self._lock = threading.Lock()

    def _load(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            if self._cafile:
                self.load_verify_locations(cafile=self._cafile)
            elif self._capath:
                self.load_verify_locations(capath=self._capath)
            else:
                import certifi  # httpx's own default

                self.load_verify_locations(cafile=certifi.where())
            self._loaded = True

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        self._load()
        return super().wrap_socket(*args, **kwargs)

    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        self._load()
        return super().wrap_bio(*args, **kwargs)
