"""The demo's staff accounts and API client (DESIGN.md, "The demo installation").

They exist only in demo mode: ``load_demo_identities`` refuses otherwise.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from loket.identity.roles import Role
from loket.identity.services import create_staff_account, register_api_client

DEMO_PASSWORD = "demo"  # noqa: S105 - demo mode only
DEMO_API_CLIENT_ID = "demo-client"
DEMO_API_SECRET = "demo-secret"  # noqa: S105 - demo mode only


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: Role


DEMO_ACCOUNTS = [
    DemoAccount("kcc", "Karin Contact", Role.KCC),
    DemoAccount("behandelaar", "Bram Behandel", Role.CASE_WORKER),
    DemoAccount("beheerder", "Fenna Beheer", Role.FUNCTIONAL_ADMIN),
    DemoAccount("manager", "Mirjam Manager", Role.MANAGER),
]


def load_demo_identities() -> None:
    if not settings.LOKET_DEMO_LOGIN:
        raise ImproperlyConfigured("Demo accounts exist only in demo mode (LOKET_MODE=demo).")
    for account in DEMO_ACCOUNTS:
        create_staff_account(
            username=account.username,
            password=DEMO_PASSWORD,
            role=account.role,
            full_name=account.full_name,
        )
    register_api_client(
        client_id=DEMO_API_CLIENT_ID,
        secret=DEMO_API_SECRET,
        label="Demo API client",
        all_scopes=True,
    )
