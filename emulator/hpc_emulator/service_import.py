"""`--service NAME=package.module:callable`: import a user's SOA service for the command line.

The target is a handler (see `hpc_emulator.soa.services`) or a `ServiceSpec` carrying a version
or `generic=True`. Every failure is a `ValueError` with a message fit for a usage error.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from hpc_emulator.soa.services import ServiceDef, ServiceSpec

_MODULE = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*\Z")


def add_search_paths(dirs: Iterable[Path]) -> None:
    """Put `--service-path` directories first on `sys.path`, in the order given."""
    for directory in reversed(list(dirs)):
        if not directory.is_dir():
            raise ValueError(f"--service-path: no such directory: {directory}")
        sys.path.insert(0, str(directory.resolve()))


def parse_service(spec: str) -> tuple[str, ServiceDef]:
    """`Squares=mypkg.services:square` -> ("Squares", the imported object)."""
    name, sep, target = spec.partition("=")
    module_name, colon, attr = target.strip().partition(":")
    name, module_name = name.strip(), module_name.strip()
    if not sep or not name or not colon or not attr or not _MODULE.match(module_name):
        raise ValueError(f"--service expects NAME=package.module:callable, got {spec!r}")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:  # any error while importing the user's module is a usage error
        raise ValueError(
            f"--service {name}: cannot import {module_name}: {type(exc).__name__}: {exc}"
        ) from exc
    obj: object = module
    for part in attr.split("."):
        if not hasattr(obj, part):
            raise ValueError(f"--service {name}: {module_name} has no attribute {attr!r}")
        obj = getattr(obj, part)
    if not isinstance(obj, ServiceSpec) and not callable(obj):
        raise ValueError(f"--service {name}: {module_name}:{attr} is not callable")
    return name, obj  # a callable: its signature is the user's to get right
