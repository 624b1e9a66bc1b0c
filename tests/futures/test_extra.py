"""The `futures` extra: optional, named when missing, never loaded by `import hpcpack`."""

from __future__ import annotations

import subprocess
import sys

from tests.test_packaging import run_without


def test_importing_hpcpack_does_not_import_cloudpickle() -> None:
    code = (
        "import sys, hpcpack; before = 'cloudpickle' in sys.modules\n"
        "import hpcpack.futures; print(before, 'cloudpickle' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]  # loaded by hpcpack.futures, only then


def test_without_cloudpickle_the_import_names_the_extra() -> None:
    code = (
        "try:\n    import hpcpack.futures\n"
        "except ModuleNotFoundError as exc:\n    print(exc)\nelse:\n    print('imported')"
    )
    done = run_without(("cloudpickle",), code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "hpcpack.futures needs the futures extra: pip install 'hpcpack[futures]' "
        "(missing: cloudpickle)"
    )
