"""The `/hpc` REST API (HPC Pack 2016 Update 1 and later) over the emulator's one scheduler.

`openapi/hpc-rest.yaml` describes it. It shares the jobs, tasks, nodes and accounts of the
`/WindowsHpc` API, so work created through one is seen, changed and waited on through the
other. JSON by default, XML on `Accept: application/xml`; errors are `{"Message": ...}`.
"""

from hpc_emulator.hpcapi.wire import RestRouter

__all__ = ["RestRouter"]
