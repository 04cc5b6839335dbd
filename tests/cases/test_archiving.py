"""zrc-021: the archive date follows from the result type's afleidingswijze."""

from datetime import date

import pytest

from loket.cases.archiving import archive_fields
from loket.cases.models import Decision, PropertyValue
from loket.cases.services import open_case
from loket.catalog.models import DecisionType, Property
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    case = open_case(published_case_type(), actor="test", registered_on=date(2026, 1, 5))
    case.closed_on = date(2026, 2, 1)
    case.save()
    return case


def result_type_with(case, **fields):
    result_type = case.case_type.result_types.get()
    for name, value in fields.items():
        setattr(result_type, name, value)
    return result_type


def test_closed(case):
    fields = archive_fields(case, result_type_with(case, archive_date_basis="afgehandeld"))
    assert fields == {"archive_action": "vernietigen", "archive_date": date(2027, 2, 1)}


def test_term_after_closing(case):
    result_type = result_type_with(
        case, archive_date_basis="termijn", archive_process_term="P5Y", archive_term="P10Y"
    )
    assert archive_fields(case, result_type)["archive_date"] == date(2041, 2, 1)


def test_main_case(case):
    main = open_case(case.case_type, actor="test")
    main.closed_on = date(2026, 6, 30)
    main.save()
    case.main_case = main
    result_type = result_type_with(case, archive_date_basis="hoofdzaak")
    assert archive_fields(case, result_type)["archive_date"] == date(2027, 6, 30)


def test_property(case):
    prop = Property.objects.create(
        case_type=case.case_type, name="einde_contract", definition="x", format="datum", length=8
    )
    PropertyValue.objects.create(case=case, property=prop, value="2030-12-31")
    result_type = result_type_with(
        case, archive_date_basis="eigenschap", archive_date_property="einde_contract"
    )
    assert archive_fields(case, result_type)["archive_date"] == date(2031, 12, 31)


def test_related_case(case):
    other = open_case(case.case_type, actor="test")
    other.closed_on = date(2026, 9, 1)
    other.save()
    case.related_cases = [{"url": f"http://127.0.0.1:8000/zaken/api/v1/zaken/{other.uuid}"}]
    result_type = result_type_with(case, archive_date_basis="gerelateerde_zaak")
    assert archive_fields(case, result_type)["archive_date"] == date(2027, 9, 1)


@pytest.mark.parametrize(
    ("basis", "expected"),
    [("ingangsdatum_besluit", date(2027, 3, 1)), ("vervaldatum_besluit", date(2029, 3, 1))],
)
def test_decision_dates(case, basis, expected):
    decision_type = DecisionType.objects.create(
        catalogue=case.case_type.catalogue, valid_from=date(2026, 1, 1), description="Besluit"
    )
    Decision.objects.create(
        identification="B-1",
        responsible_organisation="001000007",
        decision_type=decision_type,
        case=case,
        date=date(2026, 2, 1),
        start_date=date(2026, 3, 1),
        expiry_date=date(2028, 3, 1),
    )
    result_type = result_type_with(case, archive_date_basis=basis)
    assert archive_fields(case, result_type)["archive_date"] == expected


def test_date_set_by_hand_is_not_derived(case):
    result_type = result_type_with(case, archive_date_basis="ander_datumkenmerk")
    assert "archive_date" not in archive_fields(case, result_type)


def test_case_action_given_by_the_client_is_kept(case):
    case.archive_action = "blijvend_bewaren"
    fields = archive_fields(case, result_type_with(case, archive_date_basis="afgehandeld"))
    assert fields["archive_action"] == "blijvend_bewaren"
