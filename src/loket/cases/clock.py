"""The legal clock: adding a term to a date in calendar days, weeks or Dutch working days.

Working days are Monday to Friday, not on a Dutch public holiday (the ``holidays`` package);
a term in weeks or months counts calendar time, as the Algemene termijnenwet does.
"""

import re
from datetime import date, timedelta
from functools import lru_cache

import holidays

from loket.catalog.choices import DayCount

TERM = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


@lru_cache(maxsize=64)
def dutch_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NL", years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in dutch_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    day = start
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


def add_term(start: date, term: str, day_count: str = DayCount.CALENDAR) -> date:
    """``start`` plus an ISO 8601 term; days count as working days when the type says so."""
    match = TERM.match(term)
    if not match or term == "P":
        raise ValueError(f"not an ISO 8601 date duration: {term!r}")
    years, months, weeks, days = (int(part or 0) for part in match.groups())
    result = add_months(start, 12 * years + months) + timedelta(weeks=weeks)
    if day_count == DayCount.WORKING:
        return add_working_days(result, days)
    return result + timedelta(days=days)


def count_days_between(first: date, last: date, day_count: str = DayCount.CALENDAR) -> int:
    """Days after ``first`` up to and including ``last``, in the case type's kind of days."""
    if day_count != DayCount.WORKING:
        return max((last - first).days, 0)
    return sum(
        1
        for offset in range(1, (last - first).days + 1)
        if is_working_day(first + timedelta(days=offset))
    )
