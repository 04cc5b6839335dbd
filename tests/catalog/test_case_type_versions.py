"""Case types go from draft to published; a published version never changes (ztc-009/010/016)."""

from datetime import date

import pytest

from loket.catalog.models import CaseType
from loket.catalog.services import (
    CatalogError,
    ensure_draft,
    new_case_type_version,
    publish_case_type,
)
from tests.catalog.factories import make_case_type

pytestmark = pytest.mark.django_db


def error_codes(error: CatalogError) -> set[str]:
    return {e.code for e in error.error_list}


def test_complete_draft_is_published():
    case_type = publish_case_type(make_case_type())

    assert case_type.is_published
    assert CaseType.objects.current().get() == case_type


def test_incomplete_case_type_is_refused_with_every_reason():
    case_type = make_case_type(complete=False)

    with pytest.raises(CatalogError) as refusal:
        publish_case_type(case_type)

    assert error_codes(refusal.value) == {
        "publish-requires-status-types",
        "no-result-types",
        "no-role-types",
    }
    case_type.refresh_from_db()
    assert case_type.concept


def test_published_case_type_is_immutable():
    case_type = publish_case_type(make_case_type())

    with pytest.raises(CatalogError) as refusal:
        ensure_draft(case_type)

    assert error_codes(refusal.value) == {"non-concept-zaaktype"}


def test_new_version_is_a_complete_draft_copy_and_ends_the_old_one_on_publish():
    first = publish_case_type(make_case_type())

    second = new_case_type_version(first, date(2026, 7, 1))

    assert second.concept and second.pk != first.pk and second.uuid != first.uuid
    assert second.identification == first.identification
    assert [s.description for s in second.status_types.all()] == ["Ontvangen", "Afgehandeld"]
    assert second.result_types.count() == second.role_types.count() == 1
    assert first.status_types.count() == 2, "the old version keeps its own steps"

    publish_case_type(second)

    first.refresh_from_db()
    assert first.valid_until == date(2026, 6, 30)
    assert set(CaseType.objects.published().valid_on(date(2026, 6, 30))) == {first}
    assert set(CaseType.objects.published().valid_on(date(2026, 7, 1))) == {second}


def test_overlapping_published_versions_are_refused():
    first = make_case_type()
    publish_case_type(first)
    duplicate = make_case_type(catalogue=first.catalogue, valid_from=date(2025, 6, 1))

    with pytest.raises(CatalogError) as refusal:
        publish_case_type(duplicate)

    assert "overlap" in error_codes(refusal.value)


def test_new_version_must_start_later():
    first = publish_case_type(make_case_type())

    with pytest.raises(CatalogError):
        new_case_type_version(first, date(2025, 12, 31))
