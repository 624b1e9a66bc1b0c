"""`make fuzz`: schemathesis against a fresh emulator, every operation, positive mode.

Starts `python -m hpc_emulator` (Basic auth on, so the auth checks mean something), runs the
schemathesis CLI with our hooks, and exits with its status. `--max-examples N` (default 25)
bounds the run; extra arguments after `--` go to schemathesis.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hpc_emulator.testing import start_emulator_process  # noqa: E402

USER, PASSWORD = "hpcuser", "secret"


def run(
    max_examples: int = 25, extra: list[str] | None = None, timeout: float | None = None
) -> int:
    with tempfile.TemporaryDirectory(prefix="hpc-fuzz-") as data:
        emulator = start_emulator_process(
            data_dir=data, users={USER: PASSWORD}, json_extension=True
        )  # the spec also describes the JSON extension (x-emulator-extension)
        try:
            st = Path(sys.executable).with_name("schemathesis")
            cmd = [
                str(st) if st.exists() else "schemathesis",
                "run", str(ROOT / "openapi" / "hpc.yaml"),
                "--url", emulator.base_url,
                "--auth", f"{USER}:{PASSWORD}",
                "--checks", "all",
                # Positive mode only; in the stateful phase an inferred link can feed a foreign
                # value (a node name into {jobId}) that the hooks then repair, and this check
                # would report the repaired request as "invalid data accepted".
                "--exclude-checks", "negative_data_rejection",
                "--mode", "positive",
                "--max-examples", str(max_examples),
                "--seed", "1",
                "--generation-allow-x00", "false",
                "--request-timeout", "5",
                *(extra or []),
            ]  # fmt: skip
            env = {
                **os.environ,
                "SCHEMATHESIS_HOOKS": "tests.fuzz.st_hooks",
                "HPC_FUZZ_URL": emulator.base_url,  # st_seeds creates real targets there
                "HPC_FUZZ_AUTH": f"{USER}:{PASSWORD}",
                "PYTHONPATH": str(ROOT),
            }
            return subprocess.run(cmd, cwd=ROOT, env=env, timeout=timeout, check=False).returncode
        finally:
            emulator.terminate()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-examples", type=int, default=25)
    args, extra = parser.parse_known_args()
    sys.exit(run(args.max_examples, [a for a in extra if a != "--"]))


if __name__ == "__main__":
    main()
