from enum import StrEnum


class NodeServiceRole(StrEnum):
    AZUREBATCHNODE = "AzureBatchNode"
    AZUREVMNODE = "AzureVMNode"
    AZUREWORKERNODE = "AzureWorkerNode"
    BROKERNODE = "BrokerNode"
    COMPUTENODE = "ComputeNode"
    HEADNODE = "HeadNode"
    LINUXNODE = "LinuxNode"
    NONDOMAINCOMPUTENODE = "NonDomainComputeNode"
    UNMANAGEDRESOURCE = "UnManagedResource"
    WORKSTATIONNODE = "WorkstationNode"

    def __str__(self) -> str:
        return str(self.value)
