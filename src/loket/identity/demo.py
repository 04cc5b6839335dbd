"""The demo's staff accounts and API client (DESIGN.md, "The demo installation").

They exist only in demo mode: ``load_demo_identities`` refuses otherwise. Each has an
authenticator app (a confirmed TOTP device) with the known key ``DEMO_TOTP_KEY``, so the demo's
staff login with its second factor can be tried with any authenticator app. The case worker
works in every department's queue; ``load_demo_memberships`` puts them there once the demo
catalogue has made the departments.
"""

import base64
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from loket.catalog.models import Department
from loket.identity import second_factor
from loket.identity.roles import Role
from loket.identity.services import create_staff_account, register_api_client

DEMO_PASSWORD = "demo"  # noqa: S105 - demo mode only
DEMO_API_CLIENT_ID = "demo-client"
DEMO_API_SECRET = "demo-secret"  # noqa: S105 - demo mode only
# Every demo account's authenticator app has this secret (hex, as django-otp keeps it), so the
# demo's login with the second factor works with any authenticator app; printed at the start.
DEMO_TOTP_KEY = b"loket-demo-totp-key!".hex()


def demo_totp_secret() -> str:
    """The demo's TOTP secret as it is typed into an authenticator app (base32)."""
    return base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode().rstrip("=")


def demo_second_factor_line() -> str:
    """The line of the demo's welcome text that gives the staff's authenticator secret."""
    return (
        f"Second factor for all staff logins: add the key {demo_totp_secret()} to an "
        "authenticator app (TOTP, 6 digits, 30 seconds) and type its code after the password."
    )


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
        user = create_staff_account(
            username=account.username,
            password=DEMO_PASSWORD,
            role=account.role,
            full_name=account.full_name,
        )
        second_factor.set_known_device(user, DEMO_TOTP_KEY)
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
