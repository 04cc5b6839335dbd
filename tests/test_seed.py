"""``loket seed``: fictional citizens and cases with histories that follow their case type."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from loket.brp.bsn import is_valid_bsn
from loket.brp.models import Person
from loket.cases.models import Case, StatusChange
from loket.catalog.models import CaseType
from loket.seed import seed_volume_data
from tests.conftest import run_loket

pytestmark = pytest.mark.django_db(transaction=True)


def test_seed_writes_citizens_and_cases_with_a_progress_bar(process_env):
    result = run_loket(
        "seed", "--citizens", "120", "--cases", "250", "--batch-size", "100", env=process_env
    )

    assert result.returncode == 0, result.stderr
    assert "citizens: 100%" in result.stderr and "cases: 100%" in result.stderr
    assert Person.objects.count() == 120
    assert Case.objects.count() == 250
    assert CaseType.objects.current().count() == 12


def test_seeded_cases_are_consistent():
    seed_volume_data(citizens=50, cases=300, batch_size=64)

    bsns = set(Person.objects.values_list("bsn", flat=True))
    assert len(bsns) == 50 and all(is_valid_bsn(b) for b in bsns)
    numbers = list(Case.objects.values_list("identification", flat=True))
    assert len(set(numbers)) == 300
    assert all(n.startswith("ZAAK-20") and len(n) == len("ZAAK-2026-0000001") for n in numbers)
    for case in Case.objects.select_related("case_type", "current_status")[:100]:
        assert case.initiator_bsn in bsns
        history = list(StatusChange.objects.filter(case=case).select_related("status_type"))
        steps = list(case.case_type.status_types.all())
        assert [c.status_type for c in history] == steps[: len(history)], "steps in order"
        assert history[-1].status_type == case.current_status
        assert [c.set_at for c in history] == sorted(c.set_at for c in history)
        assert (case.closed_on is not None) == (len(history) == len(steps))
        assert case.registered_on <= (case.planned_end or case.legal_end) <= case.legal_end
        if case.closed_on:
            assert case.result.result_type.case_type == case.case_type
            assert case.archive_action


def test_seed_adds_to_what_is_there():
    seed_volume_data(citizens=10, cases=10)
    seed_volume_data(citizens=10, cases=10)

    assert Person.objects.count() == 20
    assert Case.objects.count() == 20


def test_seed_refuses_outside_demo_mode(settings):
    settings.LOKET = settings.LOKET.__class__(**{**settings.LOKET.__dict__, "mode": "production"})

    with pytest.raises(ImproperlyConfigured, match="only with LOKET_MODE=demo"):
        seed_volume_data(citizens=1, cases=1)
