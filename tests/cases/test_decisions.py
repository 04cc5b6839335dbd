"""Decision services: numbering that survives a parallel creation, and the rules at the
service level (whatever the channel)."""

from datetime import date

import pytest

from loket.cases import decisions
from loket.cases.decisions import DecisionError, create_decision, update_decision
from loket.cases.models import Decision
from tests.api.besluiten.builders import RSIN, make_decision_type
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision_type():
    return make_decision_type(published_case_type())


def decide(decision_type, **fields) -> Decision:
    fields.setdefault("responsible_organisation", RSIN)
    return create_decision(
        decision_type=decision_type, date=date(2026, 3, 1), start_date=date(2026, 3, 1), **fields
    )


def test_a_number_taken_meanwhile_is_skipped(decision_type, monkeypatch):
    year = date.today().year
    decide(decision_type)
    numbers = iter([f"BESLUIT-{year}-0000001", f"BESLUIT-{year}-0000002"])
    # As if another transaction took number 1 between reading and writing.
    monkeypatch.setattr(decisions, "next_identification", lambda rsin, year: next(numbers))

    assert decide(decision_type).identification == f"BESLUIT-{year}-0000002"


def test_numbers_are_per_organisation(decision_type):
    year = date.today().year
    decide(decision_type)

    other = decide(decision_type, responsible_organisation="002564440")

    assert other.identification == f"BESLUIT-{year}-0000001"


def test_immutable_fields_are_refused_whatever_the_channel(decision_type):
    decision = decide(decision_type)

    with pytest.raises(DecisionError) as refused:
        update_decision(decision, identification="ANDERS")

    assert refused.value.error_dict["identification"][0].code == "wijzigen-niet-toegelaten"
    assert update_decision(decision, explanation="Aangevuld").explanation == "Aangevuld"
