"""Keep `import httpx` from loading httpx's command line (click, Rich, Pygments).

httpx 0.28's `__init__` runs `from ._main import main` whenever click and Rich are installed
(they are, with `hpcpack[cli]`), which was over half of `from hpcpack import HpcClient`. Until
httpx itself is imported, a stand-in `httpx._main` is registered whose `main` loads the real
command line on first call, so `httpx.main` still works for anyone who uses it.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_NAME = "httpx._main"


def _main(*args: Any, **kwargs: Any) -> Any:
    if sys.modules.get(_NAME) is _stub:
        del sys.modules[_NAME]
    real = importlib.import_module(_NAME)
    httpx = sys.modules["httpx"]
    httpx.main = real.main  # type: ignore[attr-defined]
    return real.main(*args, **kwargs)


_stub = types.ModuleType(_NAME, "stand-in for httpx's command line (hpcpack._httpx_cli)")
_stub.main = _main  # type: ignore[attr-defined]
if "httpx" not in sys.modules:
    sys.modules.setdefault(_NAME, _stub)
