from enum import StrEnum


class UserRole(StrEnum):
    ADMINISTRATOR = "Administrator"
    JOBADMINISTRATOR = "JobAdministrator"
    JOBOPERATOR = "JobOperator"
    USER = "User"

    def __str__(self) -> str:
        return str(self.value)
