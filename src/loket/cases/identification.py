"""Case numbers after the municipality's pattern, e.g. ZAAK-2026-0000123.

Numbers come from a counter row per year, raised in one statement that also locks the row until
the transaction ends, so that parallel submissions never get the same number. Registrations
wait for each other on that lock: what follows the reservation in a transaction should be short.
"""

from django.conf import settings
from django.db import connection

from loket.cases.models import CaseNumberCounter


def reserve_case_numbers(year: int, count: int = 1) -> list[str]:
    """``count`` new case numbers for ``year``, in order."""
    last = raise_counter(year, count)
    if last is None:  # the year's first number: its counter does not exist yet
        CaseNumberCounter.objects.get_or_create(year=year)
        last = raise_counter(year, count)
    pattern = settings.LOKET_CASE_NUMBER_PATTERN
    return [pattern.format(year=year, number=n) for n in range(last - count + 1, last + 1)]


def raise_counter(year: int, count: int) -> int | None:
    """The year's last number after raising it by ``count``; None without a counter. One
    query instead of a read, a locked read and a write."""
    table = connection.ops.quote_name(CaseNumberCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + %s WHERE year = %s"  # noqa: S608 - the table name is ours
            " RETURNING last_number",
            [count, year],
        )
        row = cursor.fetchone()
    return row[0] if row else None
