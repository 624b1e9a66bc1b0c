"""A client library for accessing HPC Pack WindowsHpc REST web service"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
