"""The dashboard reads monthly counters that database triggers keep in step
(loket.insights.counting). As events arrive - a citizen's submission, a closing on time and a
late one, contacts solved in the first contact or handed over, satisfaction answers, and
changes and removals after them - every figure, for every period, department and product,
equals the figure counted from scratch (tests/insights/from_scratch.py); and a rebuild counts
exactly what the triggers counted."""

import time
from datetime import date, timedelta
from functools import partial

import pytest
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from loket.cases import services as cases
from loket.cases.models import Case
from loket.catalog.models import Department, Product
from loket.contacts.models import Channel, Contact, Outcome
from loket.contacts.services import delete_contact, register_contact, update_contact
from loket.forms.models import Channel as FormChannel
from loket.forms.models import Draft, Submission
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.insights.counting import rebuild
from loket.insights.figures import Satisfaction, Share, collect
from loket.insights.models import ClosingCount, ContactCount, RequestCount, SatisfactionCount
from loket.insights.selection import Selection, next_month
from loket.portal.models import SatisfactionAnswer
from loket.portal.satisfaction import record_satisfaction
from loket.seed import seed_volume_data
from tests.concurrency import at_once, needs_postgres
from tests.forms.conftest import Filler, demo_forms, resident  # noqa: F401 - fixtures
from tests.insights.from_scratch import collect_from_scratch
from tests.workqueue.helpers import PASSWORD, apply_for_budget, case_worker

COUNTERS = (RequestCount, ClosingCount, SatisfactionCount, ContactCount)


def manager():
    return create_staff_account(username="mia", password=PASSWORD, role=Role.MANAGER)


def kcc_employee():
    return create_staff_account(username="kees", password=PASSWORD, role=Role.KCC)


def selections() -> list[Selection]:
    """The fixture's months, the last twelve and everything since 2024, each for no
    department and product, and every department and product that has cases."""
    this_month = timezone.localdate().replace(day=1)
    end = next_month(this_month) - timedelta(days=1)
    periods = [
        (date(2025, 1, 1), date(2025, 2, 28)),
        (this_month.replace(year=this_month.year - 1), end),
        (date(2024, 1, 1), end),
    ]
    departments = [None, *Department.objects.filter(cases__isnull=False).distinct()]
    products = [
        None,
        *Product.objects.filter(
            Q(case_types__cases__isnull=False) | Q(forms__submissions__case__isnull=False)
        ).distinct(),
    ]
    return [
        Selection(start, last, department, product)
        for start, last in periods
        for department in departments
        for product in products
    ]


def assert_figures_as_from_scratch(user) -> None:
    for selection in selections():
        assert collect(selection, user) == collect_from_scratch(selection, user), selection


def counted() -> dict:
    """Every counter row that counts something, by model."""
    rows = {}
    for model in COUNTERS:
        fields = [f.attname for f in model._meta.concrete_fields if f.attname != "id"]
        rows[model.__name__] = {
            values for values in model.objects.values_list(*fields) if any(values[-2:])
        }
    return rows


def test_the_counted_figures_are_the_figures_from_scratch(municipality):
    assert_figures_as_from_scratch(manager())


@pytest.fixture
def budget_case(resident, client):  # noqa: F811 - the fixture imported above
    """A citizen's online application for a leefbaarheidsbudget, through the demo form."""
    return apply_for_budget(Filler(client), resident)


def test_new_events_keep_every_figure_exact(budget_case):
    user = manager()
    today = timezone.localdate()
    this_month = Selection(today.replace(day=1), next_month(today) - timedelta(days=1))
    # A submission: a request this month, filled in online.
    assert_figures_as_from_scratch(user)
    assert collect(this_month).digital.total == Share(1, 1)

    # Closing on time (today, well before the legal end) by the case worker.
    case_type = budget_case.case_type
    worker = case_worker("wim", budget_case.department)
    cases.close_case(budget_case, case_type.result_types.first(), note_visible=False, by=worker)
    assert_figures_as_from_scratch(user)

    # Closing late: a request through the KCC (no form), its legal end passed yesterday.
    late = cases.open_case(
        case_type,
        actor="test",
        initiator_bsn=budget_case.initiator_bsn,
        registered_on=today - timedelta(days=20),
        legal_end=today - timedelta(days=1),
    )
    cases.close_with_result(late, case_type.result_types.first(), actor="test")
    assert_figures_as_from_scratch(user)
    [lead_time] = collect(this_month).lead_times
    assert (lead_time.closed, lead_time.on_time) == (2, 1)

    # Contacts: solved in the first contact, handed over, without outcome.
    employee = kcc_employee()
    for outcome in (Outcome.SOLVED, Outcome.SOLVED, Outcome.HANDED_OVER, ""):
        register_contact(by=employee, channel=Channel.PHONE, subject="Vraag", outcome=outcome)
    assert_figures_as_from_scratch(user)
    phone = next(r for r in collect(this_month, user).first_contact if r.channel == "phone")
    assert (phone.solved, phone.total) == (2, 3)

    # Satisfaction with both closed cases.
    budget_case.refresh_from_db()
    late.refresh_from_db()
    record_satisfaction(budget_case, score=5, channel=SatisfactionAnswer.Channel.MY_PAGE)
    record_satisfaction(late, score=2, channel=SatisfactionAnswer.Channel.TRACK_LINK)
    assert_figures_as_from_scratch(user)
    assert collect(this_month).satisfaction[this_month.start] == Satisfaction(2, 7)


def test_changes_and_removals_keep_every_figure_exact(municipality):
    user = manager()
    cases_of = municipality.cases
    record_satisfaction(cases_of["on_time"], score=3, channel=SatisfactionAnswer.Channel.MY_PAGE)
    assert_figures_as_from_scratch(user)

    # The case moves to another department, its answer with it.
    Case.objects.filter(pk=cases_of["on_time"].pk).update(department=municipality.vergunningen)
    assert_figures_as_from_scratch(user)

    # Reopened: no longer closed.
    passport_type = cases_of["late"].case_type
    first_step = passport_type.status_types.order_by("order").first()
    cases.set_status(cases_of["late"], first_step, actor="test", may_reopen=True)
    assert_figures_as_from_scratch(user)

    # A correction of the registration day moves the request to another month.
    cases.update_case(cases_of["kcc"], actor="test", registered_on=date(2024, 12, 30))
    assert_figures_as_from_scratch(user)

    # An assisted intake corrected to online, a submission detached from its case.
    by_phone = Submission.objects.get(case=cases_of["by_phone"])
    Draft.objects.filter(pk=by_phone.draft_id).update(channel=FormChannel.WEB)
    assert_figures_as_from_scratch(user)
    Submission.objects.filter(case=cases_of["felling_counter"]).update(case=None)
    assert_figures_as_from_scratch(user)

    # Contacts: an outcome recorded later, a contact moved to another month, one deleted.
    employee = kcc_employee()
    contact = Contact.objects.filter(outcome="").first()
    update_contact(contact, by=employee, outcome=Outcome.SOLVED)
    assert_figures_as_from_scratch(user)
    Contact.objects.filter(pk=contact.pk).update(
        occurred_at=contact.occurred_at - timedelta(days=40)
    )
    assert_figures_as_from_scratch(user)
    delete_contact(Contact.objects.filter(channel=Channel.PHONE).first(), by=employee)
    assert_figures_as_from_scratch(user)

    # An answer's product removed, an answer deleted, a whole case destroyed.
    SatisfactionAnswer.objects.filter(case=cases_of["felling"]).update(product=None)
    assert_figures_as_from_scratch(user)
    SatisfactionAnswer.objects.filter(case=cases_of["late"]).delete()
    assert_figures_as_from_scratch(user)
    cases.delete_case(cases_of["february"])
    cases.delete_case(cases_of["on_time"])
    assert_figures_as_from_scratch(user)


def test_a_rebuild_counts_what_the_triggers_counted(municipality):
    record_satisfaction(
        municipality.cases["felling"], score=4, channel=SatisfactionAnswer.Channel.MY_PAGE
    )
    Case.objects.filter(pk=municipality.cases["on_time"].pk).update(
        department=municipality.vergunningen, closed_on=date(2025, 2, 2)
    )
    incremental = counted()
    assert all(incremental.values())

    rebuild()
    assert counted() == incremental

    for model in COUNTERS:  # an installation from before the counters
        model.objects.all().delete()
    rebuild()
    assert counted() == incremental
    assert_figures_as_from_scratch(manager())


def test_seeded_cases_are_counted(db):
    """``loket seed`` writes with COPY on PostgreSQL; the triggers count those rows too."""
    seed_volume_data(citizens=20, cases=300, batch_size=128)
    seeded = counted()
    assert sum(RequestCount.objects.values_list("requests", flat=True)) == 300
    assert sum(ClosingCount.objects.values_list("closed", flat=True)) == (
        Case.objects.filter(closed_on__isnull=False).count()
    )
    rebuild()
    assert counted() == seeded


@pytest.mark.django_db(transaction=True)
def test_writers_at_the_same_time_are_all_counted():
    """Transactions that count into the same group at once (PostgreSQL: one waits at the
    counter row for the other's commit) lose nothing."""
    needs_postgres()
    writers = 4

    def write(outcome):
        for _contact in range(10):
            with transaction.atomic():
                Contact.objects.create(channel=Channel.PHONE, subject="Vraag", outcome=outcome)
                time.sleep(0.005)  # hold the counter row while the others queue

    outcomes = at_once([partial(write, Outcome.SOLVED if n % 2 else "") for n in range(writers)])
    assert outcomes == [{"result": None}] * writers
    [row] = ContactCount.objects.all()
    assert (row.contacts, row.with_outcome, row.solved) == (40, 20, 20)
    kept = counted()
    rebuild()
    assert counted() == kept
