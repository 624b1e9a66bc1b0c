"""The `hpc` command: HPC Pack's job/task/node/session verbs, driven over the WindowsHpc REST service.

The CLI is a thin layer over `hpcpack`; it owns only what a terminal user needs on top of the
library: settings resolution (flags > environment > profile), tables vs. `--json`, exit codes and
live progress.
"""

import sys
from typing import Any

# `import httpx` also imports its command-line module (`httpx._main`: click, Rich's progress and
# syntax, Pygments; ~25 ms of every command's start-up) only to define `httpx.main`. httpx
# defines a stand-in `main` when that import fails (httpx/__init__.py, `except ImportError`),
# and a None entry in sys.modules makes it fail: the `hpc` process never runs httpx's own CLI.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def _lazy(name: str) -> None:
    """Import `name` on its first attribute access (`importlib.util.LazyLoader`): typer imports
    `subprocess` at start-up (~3 ms) for `typer.launch` and completion installs, which no `hpc`
    command runs."""
    if name in sys.modules:
        return
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)


_lazy("subprocess")

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:
    # one version for the distribution: `hpcpack.__version__` (read lazily: `hpc --help` does
    # not import the client library)
    if name == "__version__":
        from hpcpack import __version__

        return __version__
    raise AttributeError(f"module 'hpc_cli' has no attribute {name!r}")
