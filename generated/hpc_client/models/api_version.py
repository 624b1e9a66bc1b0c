from enum import StrEnum


class ApiVersion(StrEnum):
    V2011_11_01 = "2011-11-01"
    V2012_03_31_3_4 = "2012-03-31.3.4"
    V2012_11_01 = "2012-11-01"
    V2012_11_01_4_0 = "2012-11-01.4.0"

    def __str__(self) -> str:
        return str(self.value)
