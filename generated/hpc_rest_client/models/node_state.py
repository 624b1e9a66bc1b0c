from enum import StrEnum


class NodeState(StrEnum):
    DRAINING = "Draining"
    NOTDEPLOYED = "NotDeployed"
    OFFLINE = "Offline"
    ONLINE = "Online"
    PROVISIONING = "Provisioning"
    REJECTED = "Rejected"
    REMOVING = "Removing"
    STARTING = "Starting"
    STOPPING = "Stopping"
    UNKNOWN = "Unknown"

    def __str__(self) -> str:
        return str(self.value)
