"""SOA broker of the HPC Pack emulator: sessions, batches, services, message streams (no HTTP).

Register your own service with `EmulatorConfig.services`, `run_emulator(services=...)`,
`RunningEmulator.register_service(...)` or `hpc-emulator --service NAME=module:callable`; all
end in `broker.registry.register(name, handler, ...)` (`services.py` has the handler contract).
"""

from .broker import BatchStatus, Broker, InMemoryServiceJobs, ServiceJobs
from .envelopes import GENERIC_OPERATION
from .services import Handler, Service, ServiceDef, ServiceRegistry, ServiceSpec

__all__ = [
    "GENERIC_OPERATION",
    "BatchStatus",
    "Broker",
    "Handler",
    "InMemoryServiceJobs",
    "Service",
    "ServiceDef",
    "ServiceJobs",
    "ServiceRegistry",
    "ServiceSpec",
]
