from enum import StrEnum


class JobPriority(StrEnum):
    ABOVENORMAL = "AboveNormal"
    BELOWNORMAL = "BelowNormal"
    HIGHEST = "Highest"
    LOWEST = "Lowest"
    NORMAL = "Normal"

    def __str__(self) -> str:
        return str(self.value)
