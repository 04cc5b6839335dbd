"""Case numbers: one counter per year, raised in one statement, never handing out a number twice."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.cases.identification import reserve_case_numbers
from loket.cases.models import CaseNumberCounter

pytestmark = pytest.mark.django_db


def test_numbers_follow_each_other_per_year(settings):
    settings.LOKET_CASE_NUMBER_PATTERN = "ZAAK-{year}-{number:07d}"

    assert reserve_case_numbers(2026) == ["ZAAK-2026-0000001"]
    assert reserve_case_numbers(2026, 3) == [
        "ZAAK-2026-0000002",
        "ZAAK-2026-0000003",
        "ZAAK-2026-0000004",
    ]
    assert reserve_case_numbers(2027) == ["ZAAK-2027-0000001"]
    assert reserve_case_numbers(2026) == ["ZAAK-2026-0000005"]
    assert dict(CaseNumberCounter.objects.values_list("year", "last_number")) == {
        2026: 5,
        2027: 1,
    }


def test_a_number_costs_one_query_once_the_year_has_its_counter():
    reserve_case_numbers(2026)

    with CaptureQueriesContext(connection) as context:
        reserve_case_numbers(2026)

    assert len(context.captured_queries) == 1
