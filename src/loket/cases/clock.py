"""The legal clock: adding a term to a date in calendar days, weeks or Dutch working days.

Working days are Monday to Friday, not on a Dutch public holiday (the ``holidays`` package);
a term in weeks or months counts calendar time, as the Algemene termijnenwet does, and a term of
a case type that counts working days ends on a working day.
"""

import re
from datetime import date, timedelta
from functools import lru_cache

from holidays.countries import Netherlands

from loket.catalog.choices import DayCount

TERM = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


class DutchHolidays(Netherlands):
    """The package stops at 2100 and would then count Christmas as a working day; its rules
    (Koningsdag, Easter, the lustrum Bevrijdingsdag) hold as well after that year."""

    end_year = date.max.year


@lru_cache(maxsize=64)
def dutch_holidays(year: int) -> Netherlands:
    return DutchHolidays(years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in dutch_holidays(day.year)


def weekday_holidays(first: date, last: date) -> int:
    """Public holidays from Monday to Friday after ``first`` up to and including ``last``."""
    return sum(
        1
        for year in range(first.year, last.year + 1)
        for holiday in dutch_holidays(year)
        if first < holiday <= last and holiday.weekday() < 5
    )


def add_working_days(start: date, count: int) -> date:
    day = start
    while count > 10:
        # Whole weeks at once: any 7 days in a row hold 5 weekdays. A term of many years (a
        # typing error in the catalogue) then costs a moment, not a day at a time.
        weeks = (count - 5) // 5
        end = day + timedelta(weeks=weeks)
        count -= 5 * weeks - weekday_holidays(day, end)
        day = end
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    # The 31st plus one month is the last day of a shorter month.
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(start)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_term(start: date, term: str, day_count: str = DayCount.CALENDAR) -> date:
    """``start`` plus an ISO 8601 term; days count as working days when the type says so, and
    then the end is a working day (``P2W`` from a Saturday ends on the Monday after).

    Raises ValueError for a term that is no ISO 8601 date duration or ends after the year 9999.
    """
    match = TERM.match(term)
    if not match or term == "P":
        raise ValueError(f"not an ISO 8601 date duration: {term!r}")
    years, months, weeks, days = (int(part or 0) for part in match.groups())
    try:
        result = add_months(start, 12 * years + months) + timedelta(weeks=weeks)
        if day_count == DayCount.WORKING:
            return next_working_day(add_working_days(result, days))
        return result + timedelta(days=days)
    except (OverflowError, ValueError):
        raise ValueError(f"{term} after {start} ends after the year 9999") from None


def count_days_between(first: date, last: date, day_count: str = DayCount.CALENDAR) -> int:
    """Days after ``first`` up to and including ``last``, in the case type's kind of days."""
    if day_count != DayCount.WORKING:
        return max((last - first).days, 0)
    return sum(
        1
        for offset in range(1, (last - first).days + 1)
        if is_working_day(first + timedelta(days=offset))
    )
