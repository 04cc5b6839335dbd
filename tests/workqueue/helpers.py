"""Builders for the work queue tests: departments, staff with their authenticator app, and
open cases in a queue."""

import re
from datetime import date, timedelta

from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from loket.cases.services import end_status_of, open_case, record_result, set_status
from loket.catalog.models import Department
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from tests.cases.factories import published_case_type

PASSWORD = "a long staff password"


def row_numbers(html: str) -> list[str]:
    """The case numbers of a queue page, top to bottom."""
    return re.findall(
        r'<th class="utrecht-table__header-cell" scope="row">(?:<a [^>]*>)?([^<]+)(?:</a>)?</th>',
        html,
    )


def today() -> date:
    return timezone.localdate()


def department(code: str, name_nl: str, name_en: str = "") -> Department:
    found, _ = Department.objects.get_or_create(
        code=code, defaults={"name_nl": name_nl, "name_en": name_en or name_nl}
    )
    return found


def case_worker(username: str = "bram", *departments: Department):
    user = create_staff_account(
        username=username, password=PASSWORD, role=Role.CASE_WORKER, full_name="Bram Behandel"
    )
    user.departments.set(departments)
    return user


def case_type_of(queue: Department, identification: str = "UITTREKSEL-BRP"):
    """A published case type of this department, valid long before and after today."""
    return published_case_type(
        identification=identification, department=queue, valid_from=date(2020, 1, 1)
    )


def open_in(case_type, *, registered_days_ago: int = 10, legal_in: int = 30, **fields):
    """An open case whose legal end date is ``legal_in`` days from today."""
    return open_case(
        case_type,
        actor="test",
        initiator_bsn="999993653",
        registered_on=today() - timedelta(days=registered_days_ago),
        legal_end=today() + timedelta(days=legal_in),
        **fields,
    )


def close(case):
    """Close the case as a case worker would: its result, then its end status."""
    record_result(case, case.case_type.result_types.first())
    set_status(case, end_status_of(case.case_type), actor="test")
    case.refresh_from_db()
    assert case.closed_on is not None
    return case


def with_first_status(case):
    set_status(case, case.case_type.status_types.order_by("order").first(), actor="test")
    case.refresh_from_db()
    return case


def authenticator(user, *, confirmed: bool = True) -> TOTPDevice:
    """The user's authenticator app, as django-otp keeps it (a TOTP device)."""
    return TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=confirmed)


def code_of(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The 6-digit code the app shows now (or ``steps_ahead`` periods of 30 s later)."""
    device.refresh_from_db()
    return f"{totp(bytes.fromhex(device.key), drift=steps_ahead):06d}"


def wrong_code_of(device: TOTPDevice) -> str:
    """A code that none of the accepted periods (now, one before, one after) shows."""
    accepted = {code_of(device, steps_ahead=n) for n in (-1, 0, 1)}
    return next(c for c in (f"{n:06d}" for n in range(1000)) if c not in accepted)


BUDGET_IBAN = "NL91ABNA0417164300"


def apply_for_budget(filler, person, *, email: str = "j@example.nl"):
    """``person`` applies for a leefbaarheidsbudget of EUR 750 through the demo form (the
    Filler of tests/forms); returns the case it became."""
    from django.urls import reverse

    from loket.cases.models import Case

    filler.client.post(reverse("identity:demo-digid"), {"bsn": person.bsn, "next": "/"})
    filler.open(reverse("forms:start", args=["leefbaarheidsbudget"]))
    fill_budget_form(filler, email=email)
    return Case.objects.select_related("case_type", "department").get(
        initiator_bsn=person.bsn, case_type__identification="LEEFBAARHEIDSBUDGET"
    )


def fill_budget_form(filler, *, email: str) -> None:
    """From the form's first step to the confirmation: a bench for EUR 750."""
    filler.post(
        {
            "naam_initiatief": "Bankje in het plantsoen",
            "omschrijving": "Een bankje voor de buurt.",
            "buurt": "Centrum",
            "startdatum": (today() + timedelta(days=30)).strftime("%d-%m-%Y"),
            "aantal_huishoudens": "12",
        }
    )
    filler.post({"begroting-rows": "1", "begroting-0-post": "Bankje", "begroting-0-bedrag": "750"})
    filler.post(
        {"iban": BUDGET_IBAN, "tenaamstelling": "J. Jansen", "email": email, "verklaring": "on"}
    )
    filler.confirm()
