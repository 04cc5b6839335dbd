"""A list costs a constant number of queries, whatever the number of objects on the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.catalog.models import CaseTypeDocumentType, DecisionType, DocumentType, Property
from loket.catalog.services import publish_case_type, publish_type
from tests.catalog.factories import make_case_type, make_catalogue

pytestmark = pytest.mark.django_db


def make_rich_case_types(count: int, domain: str) -> None:
    catalogue = make_catalogue(domain=domain)
    document_type = DocumentType.objects.create(
        catalogue=catalogue,
        valid_from="2026-01-01",
        description="Aanvraag",
        confidentiality="openbaar",
        category="Aanvraag",
    )
    decision_type = DecisionType.objects.create(
        catalogue=catalogue, valid_from="2026-01-01", description="Besluit"
    )
    publish_type(document_type)
    publish_type(decision_type)
    for n in range(count):
        case_type = make_case_type(
            catalogue,
            identification=f"ZT-{n}",
            sub_case_types=["ZT-0"],
            related_case_types=[{"identification": "ZT-0", "relation": "vervolg"}],
        )
        case_type.decision_types.add(decision_type)
        CaseTypeDocumentType.objects.create(
            case_type=case_type, document_type=document_type, order=1, direction="inkomend"
        )
        Property.objects.create(
            case_type=case_type, name="kenmerk", definition="Kenmerk", format="tekst", length=5
        )
        publish_case_type(case_type)


def queries_of_list(client, resource: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"/catalogi/api/v1/{resource}")
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "resource",
    [
        "zaaktypen",
        "statustypen",
        "resultaattypen",
        "roltypen",
        "eigenschappen",
        "zaaktype-informatieobjecttypen",
        "catalogussen",
        "informatieobjecttypen",
        "besluittypen",
    ],
)
def test_list_queries_do_not_grow_with_the_page(zgw, resource):
    make_rich_case_types(1, "EEN")
    one = queries_of_list(zgw, resource)

    make_rich_case_types(19, "TWEE")  # in a second catalogue: 20 case types in all
    twenty = queries_of_list(zgw, resource)

    assert one == twenty


def test_zaaktypen_page_of_1_and_20_case_types_cost_the_same(zgw):
    make_rich_case_types(1, "EEN")
    with CaptureQueriesContext(connection) as one:
        page = zgw.get("/catalogi/api/v1/zaaktypen").json()
    assert page["count"] == 1 and page["results"][0]["deelzaaktypen"]

    make_rich_case_types(20, "TWEE")
    with CaptureQueriesContext(connection) as twenty_one:
        page = zgw.get("/catalogi/api/v1/zaaktypen").json()
    assert page["count"] == 21

    assert len(one.captured_queries) == len(twenty_one.captured_queries)
