"""A small municipality with known numbers: every figure of the dashboard is counted by hand.

Period January and February 2025. Burgerzaken (product Paspoort, case type PASPOORT) and
Vergunningen (product Kapvergunning, case type KAP).

Requests (registered_on) - fully digital / all:
  Paspoort  January: 3 online, 1 by phone with an employee, 1 through the KCC (no form) -> 3/5
  Paspoort  February: 1 online -> 1/1;  December 2024: 1 online (outside the period)
  Kapvergunning January: 1 online, 1 at the counter -> 1/2
Closed cases (registered, closed, legal end):
  PASPOORT: 6 Jan -> 16 Jan (10 days), legal end 31 Jan (25 days): on time
            10 Jan -> 20 Feb (41 days), legal end 10 Feb (31 days): late
  KAP:       5 Jan -> 25 Jan (20 days), legal end 25 Jan (20 days): on time
  PASPOORT:  closed 3 Mar: outside the period
Satisfaction: January 4 (Paspoort) and 5 (Kap), February 2 (Paspoort).
Contacts: January phone 3 (2 solved, 1 handed over), counter 1 (solved);
          February counter 1 (no outcome), e-mail 1 (solved).
          January-February 2024: phone 10, counter 4.
Costs: online 0.50, phone 5.00, counter 12.50.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from loket.cases.models import Case
from loket.cases.services import open_case
from loket.catalog.models import CaseType
from loket.contacts.models import Channel, Contact, Outcome, Party
from loket.forms.models import Channel as FormChannel
from loket.forms.models import Draft, FormDefinition, Submission
from loket.insights.models import ChannelCost
from loket.portal.models import SatisfactionAnswer
from tests.catalog.factories import make_product
from tests.workqueue.helpers import case_type_of, department

BSN = "999993653"
NAME = "Jansen-Verbeek"
EMAIL = "j.jansen@example.nl"


def moment(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=timezone.get_current_timezone())


@dataclass
class Municipality:
    burgerzaken: object
    vergunningen: object
    passport: object
    felling: object
    cases: dict


def request_of(product, case_type, registered_on, channel=None, **fields):
    """A case of the product; ``channel`` None: without a form (the KCC, the API)."""
    case = open_case(
        case_type,
        actor="test",
        initiator_bsn=BSN,
        registered_on=registered_on,
        contact_email=EMAIL,
        **fields,
    )
    if channel is not None:
        definition = FormDefinition.objects.get(product=product)
        draft = Draft.objects.create(
            definition=definition, owner_bsn=BSN, channel=channel, acting_name=NAME
        )
        Submission.objects.create(
            draft=draft,
            definition=definition,
            answers={"email": EMAIL},
            submitted_by=NAME,
            status=Submission.Status.REGISTERED,
            case=case,
        )
    return case


def closed(case, closed_on, legal_end):
    Case.objects.filter(pk=case.pk).update(closed_on=closed_on, legal_end=legal_end)
    case.refresh_from_db()
    return case


def satisfied(case, product, score, day):
    SatisfactionAnswer.objects.create(
        case=case,
        case_type=case.case_type,
        product=product,
        channel=SatisfactionAnswer.Channel.MY_PAGE,
        score=score,
        comment=f"Groeten van {NAME}, {EMAIL}",
        answered_at=moment(day),
    )


def contacts(channel, day, count, outcome=""):
    party, _ = Party.objects.get_or_create(
        bsn=BSN, defaults={"kind": Party.Kind.PERSON, "given_name": NAME}
    )
    for _number in range(count):
        Contact.objects.create(
            channel=channel,
            subject=f"Vraag van {NAME}",
            question=EMAIL,
            outcome=outcome,
            occurred_at=moment(day),
            metadata={"party": str(party.uuid)},
        )


@pytest.fixture
def municipality(db) -> Municipality:
    burgerzaken = department("burgerzaken", "Burgerzaken")
    vergunningen = department("vergunningen", "Vergunningen")
    passport = make_product("paspoort", "Paspoort", name_en="Passport", department=burgerzaken)
    felling = make_product(
        "kapvergunning", "Kapvergunning", name_en="Tree felling permit", department=vergunningen
    )
    passport_type = case_type_of(burgerzaken, "PASPOORT")
    felling_type = case_type_of(vergunningen, "KAP")
    for case_type, product in [(passport_type, passport), (felling_type, felling)]:
        case_type.products.set([product])
        CaseType.objects.filter(pk=case_type.pk).update(description=f"{product.name_nl} leveren")
    for product in (passport, felling):
        FormDefinition.objects.create(product=product, login="none", published=True)

    web, phone, counter = FormChannel.WEB, FormChannel.PHONE, FormChannel.COUNTER
    january, february = date(2025, 1, 6), date(2025, 2, 3)
    cases = {
        "on_time": request_of(passport, passport_type, january, web),
        "late": request_of(passport, passport_type, date(2025, 1, 10), web),
        "closed_in_march": request_of(passport, passport_type, january, web),
        "by_phone": request_of(passport, passport_type, january, phone),
        "kcc": request_of(passport, passport_type, january),
        "february": request_of(passport, passport_type, february, web),
        "december": request_of(passport, passport_type, date(2024, 12, 20), web),
        "felling": request_of(felling, felling_type, date(2025, 1, 5), web),
        "felling_counter": request_of(felling, felling_type, january, counter),
    }
    closed(cases["on_time"], date(2025, 1, 16), date(2025, 1, 31))
    closed(cases["late"], date(2025, 2, 20), date(2025, 2, 10))
    closed(cases["felling"], date(2025, 1, 25), date(2025, 1, 25))
    closed(cases["closed_in_march"], date(2025, 3, 3), date(2025, 3, 31))

    satisfied(cases["on_time"], passport, 4, date(2025, 1, 20))
    satisfied(cases["felling"], felling, 5, date(2025, 1, 28))
    satisfied(cases["late"], passport, 2, date(2025, 2, 21))

    contacts(Channel.PHONE, date(2025, 1, 8), 2, Outcome.SOLVED)
    contacts(Channel.PHONE, date(2025, 1, 9), 1, Outcome.HANDED_OVER)
    contacts(Channel.COUNTER, date(2025, 1, 9), 1, Outcome.SOLVED)
    contacts(Channel.COUNTER, date(2025, 2, 12), 1)
    contacts(Channel.EMAIL, date(2025, 2, 13), 1, Outcome.SOLVED)
    contacts(Channel.PHONE, date(2024, 1, 15), 10, Outcome.SOLVED)
    contacts(Channel.COUNTER, date(2024, 2, 15), 4, Outcome.SOLVED)

    for channel, cost in [("web", "0.50"), ("phone", "5.00"), ("counter", "12.50")]:
        ChannelCost.objects.create(channel=channel, cost=Decimal(cost))
    return Municipality(burgerzaken, vergunningen, passport, felling, cases)
