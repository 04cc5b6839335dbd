"""Case numbers after the municipality's pattern, e.g. ZAAK-2026-0000123.

Numbers come from a counter row per year, locked while it is raised, so that parallel
submissions never get the same number.
"""

from django.conf import settings
from django.db import transaction

from loket.cases.models import CaseNumberCounter


@transaction.atomic
def reserve_case_numbers(year: int, count: int = 1) -> list[str]:
    """``count`` new case numbers for ``year``, in order."""
    CaseNumberCounter.objects.get_or_create(year=year)
    counter = CaseNumberCounter.objects.select_for_update().get(year=year)
    first = counter.last_number + 1
    counter.last_number += count
    counter.save(update_fields=["last_number"])
    pattern = settings.LOKET_CASE_NUMBER_PATTERN
    return [pattern.format(year=year, number=n) for n in range(first, first + count)]
