"""The demo's staff accounts and API client (DESIGN.md, "The demo installation").

They exist only in demo mode: ``load_demo_identities`` refuses otherwise. The case worker
works in every department's queue; ``load_demo_memberships`` puts them there once the demo
catalogue has made the departments.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from loket.catalog.models import Department
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
    every_department: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("kcc", "Karin Contact", Role.KCC),
    DemoAccount("behandelaar", "Bram Behandel", Role.CASE_WORKER, every_department=True),
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


def load_demo_memberships() -> None:
    """Give each demo account its departments: all for the case worker, none for the others.

    Runs after ``load_demo_catalogue`` (which makes the departments) and may run again.
    """
    if not settings.LOKET_DEMO_LOGIN:
        raise ImproperlyConfigured("Demo accounts exist only in demo mode (LOKET_MODE=demo).")
    departments = list(Department.objects.all())
    users = get_user_model().objects.filter(username__in=[a.username for a in DEMO_ACCOUNTS])
    by_username = {user.username: user for user in users}
    with transaction.atomic():
        for account in DEMO_ACCOUNTS:
            if user := by_username.get(account.username):
                user.departments.set(departments if account.every_department else [])
