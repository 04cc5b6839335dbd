"""The case services: opening, status, result, closing, reopening, suspension, extension."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from loket.cases.models import Case, ClockEvent
from loket.cases.services import (
    CaseError,
    extend,
    open_case,
    record_result,
    resume,
    set_status,
    suspend,
)
from loket.catalog.models import StatusType
from tests.cases.factories import published_case_type
from tests.catalog.factories import make_case_type

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMS)


def code_of(excinfo) -> str:
    return excinfo.value.code


def test_open_case_numbers_it_and_sets_the_deadlines():
    case_type = published_case_type(lead_time="P8W", service_norm="P5D", day_count="working")

    case = open_case(
        case_type, actor="test", initiator_bsn="111222333", registered_on=date(2026, 4, 20)
    )

    assert case.identification == "ZAAK-2026-0000001"
    assert case.legal_end == date(2026, 6, 15)  # 8 weeks
    # 5 working days after Monday 20 April, with King's Day (27 April) skipped.
    assert case.planned_end == date(2026, 4, 28)
    assert case.confidentiality == case_type.confidentiality
    assert open_case(case_type, actor="test", registered_on=date(2026, 4, 20)).identification == (
        "ZAAK-2026-0000002"
    )
    assert case.clock_events.get().kind == ClockEvent.Kind.STARTED


def test_draft_or_expired_case_types_are_refused():
    with pytest.raises(CaseError) as refusal:
        open_case(make_case_type(), actor="test")
    assert code_of(refusal) == "zaaktype-concept"

    with pytest.raises(CaseError) as refusal:
        open_case(published_case_type(), actor="test", registered_on=date(2025, 6, 1))
    assert code_of(refusal) == "zaaktype-niet-geldig"


def test_identification_given_by_a_client_must_be_unique():
    case_type = published_case_type()
    open_case(case_type, actor="test", identification="EXTERN-1")

    with pytest.raises(CaseError) as refusal:
        open_case(case_type, actor="test", identification="EXTERN-1")

    assert code_of(refusal) == "identificatie-niet-uniek"
    assert refusal.value.field == "identificatie"


@pytest.fixture
def case():
    return open_case(published_case_type(), actor="test", registered_on=date(2026, 3, 2))


def steps(case) -> tuple[StatusType, StatusType]:
    first, last = case.case_type.status_types.order_by("order")
    return first, last


def test_status_history_is_appended_and_the_end_status_needs_a_result(case):
    first, last = steps(case)
    set_status(case, first, actor="bram", note="Ontvangen", at=at(date(2026, 3, 2)))

    with pytest.raises(CaseError) as refusal:
        set_status(case, last, actor="bram")
    assert code_of(refusal) == "resultaat-does-not-exist"

    record_result(case, case.case_type.result_types.get())
    set_status(case, last, actor="bram", at=at(date(2026, 3, 10)))

    case.refresh_from_db()
    assert [c.status_type for c in case.status_changes.all()] == [first, last]
    assert case.closed_on == date(2026, 3, 10)
    assert case.archive_action == "vernietigen"
    assert case.archive_date == date(2027, 3, 10)  # closed + P1Y


def test_closed_case_is_refused_and_reopening_clears_the_closure(case):
    first, last = steps(case)
    record_result(case, case.case_type.result_types.get())
    set_status(case, last, actor="bram")

    with pytest.raises(CaseError) as refusal:
        set_status(case, first, actor="bram")
    assert code_of(refusal) == "zaak-afgesloten"

    set_status(case, first, actor="bram", may_reopen=True)
    case.refresh_from_db()
    assert case.closed_on is None and case.archive_date is None and not case.archive_action


def test_status_and_result_of_another_case_type_are_refused(case):
    other = make_case_type(catalogue=case.case_type.catalogue, identification="ANDER")

    with pytest.raises(CaseError) as refusal:
        set_status(case, other.status_types.first(), actor="bram")
    assert code_of(refusal) == "zaaktype-mismatch"
    with pytest.raises(CaseError):
        record_result(case, other.result_types.get())


def test_suspension_moves_both_deadlines_by_the_suspended_time():
    case_type = published_case_type(lead_time="P8W", service_norm="P2W", suspension_allowed=True)
    case = open_case(case_type, actor="test", registered_on=date(2026, 3, 2))
    assert (case.planned_end, case.legal_end) == (date(2026, 3, 16), date(2026, 4, 27))

    suspend(case, reason="Wacht op bewijsstukken", actor="bram", at=at(date(2026, 3, 5)))
    resume(case, actor="bram", at=at(date(2026, 3, 15)))

    case.refresh_from_db()
    assert (case.planned_end, case.legal_end) == (date(2026, 3, 26), date(2026, 5, 7))
    kinds = list(case.clock_events.values_list("kind", "legal_end"))
    assert kinds == [
        ("started", date(2026, 4, 27)),
        ("suspended", date(2026, 4, 27)),
        ("resumed", date(2026, 5, 7)),
    ]


def test_suspension_in_working_days_counts_only_working_days():
    case_type = published_case_type(lead_time="P10D", day_count="working", suspension_allowed=True)
    case = open_case(case_type, actor="test", registered_on=date(2026, 3, 2))
    legal_end = case.legal_end

    # Friday to Monday: only Monday counts.
    suspend(case, reason="Wacht", actor="bram", at=at(date(2026, 3, 6)))
    resume(case, actor="bram", at=at(date(2026, 3, 9)))

    case.refresh_from_db()
    assert case.legal_end == legal_end + timedelta(days=1)


def test_suspension_rules(case):
    with pytest.raises(CaseError) as refusal:
        suspend(case, reason="x", actor="bram")
    assert code_of(refusal) == "opschorting-niet-toegestaan"

    suspendable = open_case(
        published_case_type(identification="B", suspension_allowed=True), actor="t"
    )
    with pytest.raises(CaseError):
        resume(suspendable, actor="bram")
    suspend(suspendable, reason="x", actor="bram")
    with pytest.raises(CaseError):
        suspend(suspendable, reason="x", actor="bram")


def test_extension_once_within_the_term_with_a_reason():
    case_type = published_case_type(lead_time="P6W", extension_allowed=True, extension_term="P6W")
    case = open_case(case_type, actor="test", registered_on=date(2026, 3, 2))

    with pytest.raises(CaseError) as refusal:
        extend(case, term="P7W", reason="Advies nodig", actor="bram")
    assert code_of(refusal) == "verlenging-te-lang"
    with pytest.raises(CaseError) as refusal:
        extend(case, term="P6W", reason=" ", actor="bram")
    assert refusal.value.field == "verlenging.reden"

    extend(case, term="P4W", reason="Advies nodig", actor="bram")
    case.refresh_from_db()
    assert case.legal_end == date(2026, 4, 13) + timedelta(weeks=4)
    assert case.clock_events.filter(kind="extended", reason="Advies nodig").exists()

    with pytest.raises(CaseError) as refusal:
        extend(case, term="P1W", reason="Nog meer", actor="bram")
    assert code_of(refusal) == "al-verlengd"


def test_extension_not_allowed_by_the_case_type(case):
    with pytest.raises(CaseError) as refusal:
        extend(case, term="P1W", reason="x", actor="bram")
    assert code_of(refusal) == "verlenging-niet-toegestaan"


def test_nothing_is_half_written_when_a_rule_refuses(case):
    count = Case.objects.count()
    with pytest.raises(CaseError):
        open_case(make_case_type(identification="CONCEPT"), actor="test")
    assert Case.objects.count() == count
