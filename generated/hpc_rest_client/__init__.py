"""A client library for accessing HPC Pack REST API (/hpc)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
