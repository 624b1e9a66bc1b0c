"""SOA broker of the HPC Pack emulator: sessions, batches, services, message streams (no HTTP).

Register your own service on a running emulator's broker with
`broker.registry.register(name, handler, ...)` (see `services.py` for the handler contract).
"""

from .broker import BatchStatus, Broker, InMemoryServiceJobs, ServiceJobs
from .envelopes import GENERIC_OPERATION
from .services import Handler, Service, ServiceRegistry

__all__ = [
    "GENERIC_OPERATION",
    "BatchStatus",
    "Broker",
    "Handler",
    "InMemoryServiceJobs",
    "Service",
    "ServiceJobs",
    "ServiceRegistry",
]
