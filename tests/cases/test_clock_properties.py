"""Properties of the legal clock, for any date and term (hypothesis): an end is never before
its start, grows with the term and the start, falls on a working day when working days count,
a suspension moves the deadlines by exactly the suspended days, and an extension is at most
the case type's term. Nothing but a ValueError for a term that leaves the calendar."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loket.cases.clock import add_term, count_days_between, is_working_day
from loket.cases.services import CaseError, extend, open_case, resume, suspend
from loket.catalog.models import CaseType
from tests.cases.factories import published_case_type

# Quick and repeatable: the same examples on every run, no time limit per example (the
# machine is shared), and a database fixture that is function-scoped on purpose.
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,  # no .hypothesis folder in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
AMS = ZoneInfo("Europe/Amsterdam")

starts = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
day_counts = st.sampled_from(["calendar", "working"])
terms = st.builds(
    lambda years, months, weeks, days: (
        "P"
        + (f"{years}Y" if years else "")
        + (f"{months}M" if months else "")
        + (f"{weeks}W" if weeks else "")
        + (f"{days}D" if days or not (years or months or weeks) else "")
    ),
    st.integers(0, 50),
    st.integers(0, 30),
    st.integers(0, 60),
    st.integers(0, 400),
)


@PROPERTY
@given(start=starts, term=terms, day_count=day_counts)
def test_the_end_is_never_before_the_start(start, term, day_count):
    assert add_term(start, term, day_count) >= start


@PROPERTY
@given(start=starts, term=terms)
def test_a_term_in_working_days_ends_on_a_working_day(start, term):
    end = add_term(start, term, "working")
    assert is_working_day(end)
    assert end.weekday() < 5


@PROPERTY
@given(start=starts, days=st.integers(1, 2000), day_count=day_counts)
def test_counting_back_the_days_of_a_term_gives_the_term(start, days, day_count):
    # What resuming a suspension relies on: the days between the old and the new end are the
    # days of the term added.
    end = add_term(start, f"P{days}D", day_count)
    assert count_days_between(start, end, day_count) == days


@PROPERTY
@given(
    start=starts,
    later=st.integers(0, 400),
    days=st.integers(0, 400),
    more=st.integers(0, 400),
    day_count=day_counts,
)
def test_adding_terms_is_monotonic(start, later, days, more, day_count):
    assert add_term(start, f"P{days}D", day_count) <= add_term(start, f"P{days + more}D", day_count)
    assert add_term(start, f"P{days}D", day_count) <= add_term(
        start + timedelta(days=later), f"P{days}D", day_count
    )
    assert add_term(start, f"P{days}W", day_count) <= add_term(
        start + timedelta(days=later), f"P{days}W", day_count
    )
    assert add_term(start, f"P{days}M", day_count) <= add_term(start, f"P{days + more}M", day_count)


@PROPERTY
@given(
    start=starts,
    term=st.from_regex(r"P(\d{1,12}Y)?(\d{1,12}M)?(\d{1,12}W)?(\d{1,12}D)?", fullmatch=True),
    day_count=day_counts,
)
def test_any_term_either_gives_a_date_or_a_value_error(start, term, day_count):
    try:
        end = add_term(start, term, day_count)
    except ValueError:
        return
    assert start <= end <= date.max


@pytest.mark.parametrize("year", [1966, 2000, 2026, 2100, 2101, 2150, 2200])
def test_dutch_public_holidays_are_no_working_days_in_any_year(year):
    # The holidays package stops at 2100; the clock keeps its rules after that year.
    for holiday in (date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)):
        assert not is_working_day(holiday)
    if year >= 2014:
        kings_day = date(year, 4, 27) if date(year, 4, 27).weekday() != 6 else date(year, 4, 26)
        assert not is_working_day(kings_day)


def test_a_term_in_weeks_from_a_weekend_ends_on_the_next_working_day():
    # Saturday 7 March 2026 + 1 week is Saturday 14 March: the working day is Monday 16 March.
    assert add_term(date(2026, 3, 7), "P1W", "working") == date(2026, 3, 16)
    assert add_term(date(2026, 3, 7), "P1W") == date(2026, 3, 14)
    # 8 weeks from Friday 6 March 2026 is Friday 1 May, a working day.
    assert add_term(date(2026, 3, 6), "P8W", "working") == date(2026, 5, 1)


def test_a_term_beyond_the_calendar_is_a_value_error_not_an_overflow():
    for term in ("P9999Y", "P99999999999D", "P3000000D"):
        for day_count in ("calendar", "working"):
            with pytest.raises(ValueError, match="after the year 9999"):
                add_term(date(2026, 1, 1), term, day_count)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=AMS)


registrations = st.dates(min_value=date(2026, 1, 1), max_value=date(2090, 12, 31))


def case_type(identification: str, **fields):
    """One published case type per identification for all examples of a test: they share
    the test's database transaction, and a second version would overlap the first."""
    existing = CaseType.objects.filter(identification=identification).first()
    return existing or published_case_type(
        identification=identification, valid_from=date(2026, 1, 1), **fields
    )


@pytest.mark.django_db
@PROPERTY
@given(
    registered=registrations,
    waited=st.integers(0, 60),
    suspended_days=st.integers(0, 120),
    day_count=day_counts,
)
def test_suspending_and_resuming_moves_both_deadlines_by_the_suspended_days(
    registered, waited, suspended_days, day_count
):
    suspendable = case_type(
        f"SUSPEND-{day_count}",
        lead_time="P8W",
        service_norm="P10D",
        day_count=day_count,
        suspension_allowed=True,
    )
    case = open_case(suspendable, actor="test", registered_on=registered)
    planned_end, legal_end = case.planned_end, case.legal_end
    suspended_on = registered + timedelta(days=waited)
    resumed_on = suspended_on + timedelta(days=suspended_days)

    suspend(case, reason="Wacht op stukken", actor="t", at=at(suspended_on))
    resume(case, actor="t", at=at(resumed_on))

    case.refresh_from_db()
    span = count_days_between(suspended_on, resumed_on, day_count)
    assert count_days_between(legal_end, case.legal_end, day_count) == span
    assert count_days_between(planned_end, case.planned_end, day_count) == span
    if day_count == "calendar":
        assert case.legal_end - legal_end == resumed_on - suspended_on
    else:
        assert is_working_day(case.legal_end) and is_working_day(case.planned_end)


@pytest.mark.django_db
@PROPERTY
@given(
    registered=registrations,
    allowed_weeks=st.integers(1, 12),
    asked_days=st.integers(1, 100),
    day_count=day_counts,
)
def test_an_extension_is_at_most_the_case_types_term_and_only_once(
    registered, allowed_weeks, asked_days, day_count
):
    extendable = case_type(
        f"EXTEND-{day_count}-{allowed_weeks}",
        lead_time="P6W",
        day_count=day_count,
        extension_allowed=True,
        extension_term=f"P{allowed_weeks}W",
    )
    case = open_case(extendable, actor="test", registered_on=registered)
    legal_end = case.legal_end
    longest = add_term(legal_end, extendable.extension_term, day_count)

    try:
        extend(case, term=f"P{asked_days}D", reason="Advies nodig", actor="t")
    except CaseError as refusal:
        assert refusal.code == "verlenging-te-lang"
        assert add_term(legal_end, f"P{asked_days}D", day_count) > longest
        return
    case.refresh_from_db()
    assert legal_end < case.legal_end <= longest
    with pytest.raises(CaseError) as again:
        extend(case, term="P1D", reason="Nog meer", actor="t")
    assert again.value.code == "al-verlengd"


@pytest.mark.django_db
def test_ten_working_days_are_refused_when_the_extension_is_two_weeks():
    # Around Easter 2026 ten working days run past two calendar weeks: the extension is
    # measured in the case type's kind of days, as it is applied.
    case_type = published_case_type(
        lead_time="P6W", day_count="working", extension_allowed=True, extension_term="P2W"
    )
    case = open_case(case_type, actor="test", registered_on=date(2026, 2, 17))
    assert case.legal_end == date(2026, 3, 31)
    # Two weeks end on 14 April; ten working days, without Good Friday and Easter Monday, on
    # 16 April.
    with pytest.raises(CaseError) as refusal:
        extend(case, term="P10D", reason="Advies nodig", actor="t")
    assert refusal.value.code == "verlenging-te-lang"


@pytest.mark.django_db
def test_an_extension_beyond_the_calendar_is_refused_with_a_sentence():
    case_type = published_case_type(extension_allowed=True, extension_term="P6W")
    case = open_case(case_type, actor="test", registered_on=date(2026, 3, 2))
    with pytest.raises(CaseError) as refusal:
        extend(case, term="P99999999D", reason="Advies nodig", actor="t")
    assert refusal.value.field == "verlenging.duur"


@pytest.mark.django_db
def test_a_case_type_whose_lead_time_leaves_the_calendar_refuses_cases_with_a_sentence():
    # The catalogue takes any ISO 8601 term; opening a case raised an OverflowError (a 500).
    case_type = published_case_type(lead_time="P9000Y", service_norm="P99999999D")
    with pytest.raises(CaseError) as refusal:
        open_case(case_type, actor="test", registered_on=date(2026, 3, 2))
    assert refusal.value.code == "doorlooptijd-te-lang"
