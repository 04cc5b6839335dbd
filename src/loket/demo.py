"""Loading the demo municipality "Gemeente Voorbeeld" with its data.

Each app offers its own demo content through a function of its own; this module only calls
them in order and prints what a visitor needs to log in.
"""

from django.conf import settings

from loket.brp.register import load_demo_register
from loket.cases.models import Case
from loket.catalog.demo import load_demo_catalogue
from loket.forms.demo import load_demo_forms
from loket.identity.demo import (
    DEMO_ACCOUNTS,
    DEMO_API_CLIENT_ID,
    DEMO_API_SECRET,
    DEMO_PASSWORD,
    demo_second_factor_line,
    load_demo_identities,
    load_demo_memberships,
)

DEMO_CITIZENS = 200
DEMO_CASES = 400


def load_demo_data() -> None:
    """Everything the demo shows; safe to run again (it adds nothing the second time)."""
    from loket.appointments.demo import load_demo_appointments
    from loket.notify.demo import load_demo_status_mails
    from loket.seed import seed_volume_data
    from loket.sharing.demo import load_demo_receivers

    load_demo_identities()
    load_demo_catalogue()
    load_demo_memberships()  # the departments exist from here on
    load_demo_forms()
    load_demo_status_mails()
    load_demo_register()
    load_demo_receivers()
    load_demo_appointments()
    if not Case.objects.exists():
        seed_volume_data(citizens=DEMO_CITIZENS, cases=DEMO_CASES)


def demo_welcome(base_url: str, municipality_name: str) -> str:
    lines = [
        "",
        f"Loket demo for {municipality_name} is running at {base_url}/",
        "",
        f"Staff logins (password for all: {DEMO_PASSWORD}): work queues at {base_url}/werk/, "
        f"admin at {base_url}/beheer/:",
    ]
    lines += [f"  {a.username:<12} {a.role.label}" for a in DEMO_ACCOUNTS]
    lines += [demo_second_factor_line()]
    lines += [
        "",
        f"Residents and businesses log in at {base_url}/inloggen/ with the demo DigiD or "
        "eHerkenning (fictional persons of the built-in register); try a form from "
        f"{base_url}/producten/ and follow it at {base_url}/mijn/.",
        "",
        f"ZGW API client (every scope): client_id {DEMO_API_CLIENT_ID}, secret {DEMO_API_SECRET}",
        f"Haal Centraal BRP (fictional register): {base_url}/haalcentraal/api/brp/personen, "
        f"X-API-KEY {settings.LOKET_BRP_SERVER_API_KEY}",
        "",
        "Mail is written to files under the data folder, not sent. Stop with Ctrl+C.",
        "",
    ]
    return "\n".join(lines)
