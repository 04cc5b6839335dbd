"""The legal clock adds terms in calendar days, weeks, months or Dutch working days."""

from datetime import date

import pytest

from loket.cases.clock import add_term, is_working_day


@pytest.mark.parametrize(
    ("start", "term", "expected"),
    [
        (date(2026, 3, 2), "P5D", date(2026, 3, 7)),
        (date(2026, 3, 2), "P8W", date(2026, 4, 27)),
        (date(2026, 1, 31), "P1M", date(2026, 2, 28)),
        (date(2024, 1, 31), "P1M", date(2024, 2, 29)),
        (date(2026, 5, 1), "P1Y", date(2027, 5, 1)),
        (date(2026, 3, 2), "P1W2D", date(2026, 3, 11)),
    ],
)
def test_calendar_terms(start, term, expected):
    assert add_term(start, term) == expected


def test_working_days_skip_weekends():
    # Friday 6 March 2026 + 1 working day is Monday 9 March.
    assert add_term(date(2026, 3, 6), "P1D", "working") == date(2026, 3, 9)
    assert add_term(date(2026, 3, 2), "P5D", "working") == date(2026, 3, 9)


def test_working_days_skip_dutch_public_holidays():
    # King's Day 2026 is Monday 27 April; Friday 24 April + 1 working day is Tuesday 28 April.
    assert not is_working_day(date(2026, 4, 27))
    assert add_term(date(2026, 4, 24), "P1D", "working") == date(2026, 4, 28)
    # Christmas: 25 and 26 December 2026 fall on Friday and Saturday.
    assert add_term(date(2026, 12, 24), "P1D", "working") == date(2026, 12, 28)


@pytest.mark.parametrize("term", ["", "P", "8 weeks", "PT5H", "P-1D"])
def test_unreadable_terms_are_refused(term):
    with pytest.raises(ValueError, match="ISO 8601"):
        add_term(date(2026, 1, 1), term)
