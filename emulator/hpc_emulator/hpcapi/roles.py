"""Cluster roles of the /hpc API: `EmulatorConfig.roles` (`--admins`, `--job-admins`,
`run_emulator(roles=)`) names the Administrators and Job Administrators; everyone else is a
plain User. Impersonation and node/group changes check them."""

from __future__ import annotations

from hpc_emulator.accounts import Accounts
from hpc_emulator.faults import Fault, forbidden

ADMIN = "Administrator"
JOB_ADMIN = "JobAdministrator"
JOB_OPERATOR = "JobOperator"
ROLES = (ADMIN, JOB_ADMIN, JOB_OPERATOR)


def check_roles(roles: dict[str, str]) -> None:
    for user, role in roles.items():
        if role not in ROLES:
            raise ValueError(f"role of {user!r} must be one of {', '.join(ROLES)}, got {role!r}")


def role_of(accounts: Accounts, roles: dict[str, str], user: str) -> str | None:
    for name, role in roles.items():
        if accounts.same(name, user):
            return role
    return None


def user_roles(accounts: Accounts, roles: dict[str, str], user: str) -> list[str]:
    role = role_of(accounts, roles, user)
    return ["User"] + ([role] if role else [])


def require_admin(accounts: Accounts, roles: dict[str, str], user: str) -> None:
    if role_of(accounts, roles, user) != ADMIN:
        raise forbidden(f"Access denied: {user} is not an HPC Pack administrator.")


def may_impersonate(accounts: Accounts, roles: dict[str, str], user: str) -> bool:
    return role_of(accounts, roles, user) in (ADMIN, JOB_ADMIN)


def impersonation_refused(user: str) -> Fault:
    return forbidden(
        f"Access denied: x-ms-as-user needs an Administrator or Job Administrator; {user} is "
        "neither."
    )
