"""What a task sees: a node-like environment and its file paths expanded as HPC Pack does.

Environment: a minimal base (PATH, HOME, USERPROFILE, TMPDIR, LANG; never the emulator's own
variables, which may hold secrets), then the CCP_* variables a node manager sets, then the
job's variables, then the task's (a later one wins, as in HPC Pack's hierarchy [D]).

Paths: in a parametric sweep instance each run of `*` in StdOut/StdErr/StdInFilePath becomes
the instance value (as in CommandLine: `***` pads to three digits) [D for `*`; the padding is
the emulator's CommandLine rule]; then `%NAME%` in WorkDirectory and the three std paths becomes
that variable of the task's environment (names match case-insensitively, as on Windows; an
unknown `%NAME%` stays as written, as cmd.exe leaves it) [D: "Environment Variables in Windows
HPC Server 2008 R2", `job submit /stdout:%USERPROFILE%\\%CCP_JOBID%.txt`].
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
_VAR = re.compile(r"%([A-Za-z_][A-Za-z0-9_.]*)%")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def expand_sweep(text: str, value: int) -> str:
    """`*` runs become the sweep value, zero-padded to the run's length (`***` -> `007`)."""
    return re.sub(r"\*+", lambda m: str(value).zfill(len(m.group(0))), text)


def expand_vars(text: str, env: Mapping[str, str]) -> str:
    """`%NAME%` -> env value (case-insensitive name); unknown names stay as written."""
    folded = {k.upper(): v for k, v in env.items()}
    return _VAR.sub(lambda m: folded.get(m.group(1).upper(), m.group(0)), text)


def home_dir(data_dir: Path, owner: str) -> Path:
    """Per-user home under the data dir (`HPC\\alice` -> `home/HPC_alice`)."""
    return data_dir / "home" / (_UNSAFE.sub("_", owner).strip(".") or "user")


def base_env(data_dir: Path, owner: str) -> dict[str, str]:
    home = str(home_dir(data_dir, owner))
    return {
        "PATH": BASE_PATH,
        "HOME": home,
        "USERPROFILE": home,  # the documented `%USERPROFILE%\...` examples resolve
        "TMPDIR": str(data_dir / "tmp"),
        "LANG": "C.UTF-8",
    }
