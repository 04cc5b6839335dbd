"""Every figure of the dashboard against the counts in conftest.py."""

from datetime import date
from decimal import Decimal

from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.insights.figures import Share, collect
from loket.insights.selection import Selection, SelectionForm
from tests.workqueue.helpers import PASSWORD

JANUARY, FEBRUARY = date(2025, 1, 1), date(2025, 2, 1)
PERIOD = Selection(JANUARY, date(2025, 2, 28))


def manager():
    return create_staff_account(username="mia", password=PASSWORD, role=Role.MANAGER)


def test_every_figure_of_the_period(municipality):
    figures = collect(PERIOD, manager())
    passport, felling = municipality.passport, municipality.felling

    assert figures.digital.by_product_month == {
        (passport, JANUARY): Share(3, 5),
        (passport, FEBRUARY): Share(1, 1),
        (felling, JANUARY): Share(1, 2),
    }
    assert figures.digital.by_month(PERIOD.months) == {JANUARY: Share(4, 7), FEBRUARY: Share(1, 1)}
    assert figures.digital.by_product() == {felling: Share(1, 2), passport: Share(4, 6)}
    assert figures.digital.total == Share(5, 8)

    [felling_times, passport_times] = figures.lead_times
    assert (felling_times.case_type, passport_times.case_type) == (
        "Kapvergunning leveren",
        "Paspoort leveren",
    )
    assert (passport_times.closed, passport_times.average_days) == (2, 25.5)
    assert passport_times.average_norm_days == 28
    assert passport_times.on_time_share == Share(1, 2)
    assert (felling_times.closed, felling_times.average_days) == (1, 20)
    assert felling_times.average_norm_days == 20
    assert felling_times.on_time_share == Share(1, 1)

    assert {month: (s.answers, s.average) for month, s in figures.satisfaction.items()} == {
        JANUARY: (2, 4.5),
        FEBRUARY: (1, 2.0),
    }

    resolution = {r.channel.value: (r.solved, r.total) for r in figures.first_contact}
    assert resolution["phone"] == (2, 3)
    assert resolution["counter"] == (1, 1)
    assert resolution["email"] == (1, 1)
    assert resolution["chat"] == (0, 0)

    assert figures.contacts == {
        ("phone", JANUARY): 3,
        ("counter", JANUARY): 1,
        ("counter", FEBRUARY): 1,
        ("email", FEBRUARY): 1,
    }

    savings = {
        s.channel: (s.contacts_before, s.contacts_now, s.shifted, s.amount) for s in figures.savings
    }
    assert savings == {
        "counter": (4, 2, 2, Decimal("24.00")),
        "phone": (10, 3, 7, Decimal("31.50")),
    }
    assert figures.total_saving == Decimal("55.50")
    assert figures.missing_costs == []


def test_a_department_and_a_product(municipality):
    in_burgerzaken = collect(Selection(JANUARY, date(2025, 2, 28), municipality.burgerzaken))
    assert in_burgerzaken.digital.total == Share(4, 6)
    assert [t.closed for t in in_burgerzaken.lead_times] == [2]
    assert [s.answers for s in in_burgerzaken.satisfaction.values()] == [1, 1]
    assert in_burgerzaken.first_contact is None  # only with a user whose role may read it

    felling = collect(Selection(JANUARY, date(2025, 2, 28), product=municipality.felling))
    assert felling.digital.by_product_month == {(municipality.felling, JANUARY): Share(1, 2)}
    assert [(t.closed, t.on_time) for t in felling.lead_times] == [(1, 1)]
    assert [s.answers for s in felling.satisfaction.values()] == [1, 0]


def test_the_savings_wait_for_the_cost_of_the_digital_channel(municipality):
    from loket.insights.models import ChannelCost

    ChannelCost.objects.filter(channel="web").delete()
    figures = collect(PERIOD)
    assert figures.savings == []
    assert figures.missing_costs == ["web"]


def test_the_selection_form():
    form = SelectionForm({"start": "2025-01", "end": "2025-02"})
    assert form.is_valid()
    assert form.selection() == PERIOD
    assert PERIOD.months == [JANUARY, FEBRUARY]
    assert PERIOD.a_year_earlier() == Selection(date(2024, 1, 1), date(2024, 2, 29))

    backwards = SelectionForm({"start": "2025-03", "end": "2025-02"})
    assert not backwards.is_valid()
    assert "end" in backwards.errors

    default = SelectionForm({})
    assert default.is_valid()
    assert len(default.selection().months) == 12
