"""The `hpc` command: HPC Pack's job/task/node/session verbs, driven over the WindowsHpc REST service.

The CLI is a thin layer over `hpcpack`; it owns only what a terminal user needs on top of the
library: settings resolution (flags > environment > profile), tables vs. `--json`, exit codes and
live progress.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
