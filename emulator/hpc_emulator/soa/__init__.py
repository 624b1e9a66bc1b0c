"""SOA broker of the HPC Pack emulator: sessions, batches, services, message streams (no HTTP)."""

from .broker import BatchStatus, Broker, InMemoryServiceJobs, ServiceJobs
from .services import Handler, Service, ServiceRegistry

__all__ = [
    "BatchStatus",
    "Broker",
    "Handler",
    "InMemoryServiceJobs",
    "Service",
    "ServiceJobs",
    "ServiceRegistry",
]
