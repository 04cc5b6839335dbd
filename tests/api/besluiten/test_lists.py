"""Lists: the standard's filters, pages of 100, unknown parameters refused, and a constant
number of queries whatever the page size and the number of authorisations."""

import pytest

from loket.cases.decisions import create_decision, link_document
from loket.identity.models import ApiAuthorization, ApiClient
from tests.api.besluiten.builders import (
    BASE,
    RSIN,
    besluit_body,
    besluittype_url,
    create,
    make_decision_type,
    make_document,
)
from tests.api.common.tokens import client_with

pytestmark = pytest.mark.django_db


def decide(world, count: int = 1, **fields):
    from datetime import date

    return [
        create_decision(
            decision_type=fields.get("decision_type", world.decision_type),
            responsible_organisation=RSIN,
            date=date(2026, 3, 1),
            start_date=date(2026, 3, 1),
            case=fields.get("case", world.case),
        )
        for _ in range(count)
    ]


def identifications(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(b["identificatie"] for b in response.json()["results"])


def test_filters(zgw, world):
    with_zaak = create(zgw, "besluiten", besluit_body(world, identificatie="MET-ZAAK"))
    other_type = make_decision_type(world.case.case_type, description="Geweigerd")
    create(
        zgw,
        "besluiten",
        besluit_body(
            world, identificatie="ZONDER", zaak="", besluittype=besluittype_url(other_type)
        ),
    )
    create(
        zgw,
        "besluiten",
        besluit_body(
            world, identificatie="ANDER-RSIN", zaak="", verantwoordelijkeOrganisatie="002564440"
        ),
    )
    url = f"{BASE}besluiten"

    assert identifications(zgw.get(url, {"identificatie": "MET-ZAAK"})) == ["MET-ZAAK"]
    assert identifications(zgw.get(url, {"verantwoordelijkeOrganisatie": "002564440"})) == [
        "ANDER-RSIN"
    ]
    assert identifications(zgw.get(url, {"besluittype": besluittype_url(other_type)})) == ["ZONDER"]
    assert identifications(zgw.get(url, {"zaak": world.zaak})) == ["MET-ZAAK"]
    assert identifications(zgw.get(url, {"zaak": "https://elders.nl/zaken/api/v1/zaken/x"})) == []
    bad = zgw.get(url, {"besluittype": "geen-url"})
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"] == "besluittype"
    assert with_zaak["url"]


def test_besluitinformatieobject_filters(zgw, world):
    first, second = decide(world, 2)
    link_document(first, world.document)
    other = make_document(world.document_type)
    link_document(second, other)
    url = f"{BASE}besluitinformatieobjecten"
    besluit = f"http://testserver/besluiten/api/v1/besluiten/{first.uuid}"

    assert [b["besluit"] for b in zgw.get(url, {"besluit": besluit}).json()] == [besluit]
    found = zgw.get(url, {"informatieobject": world.informatieobject}).json()
    assert [b["informatieobject"] for b in found] == [world.informatieobject]
    assert len(zgw.get(url).json()) == 2


def test_pages_of_100(zgw, world):
    decide(world, 101)

    first = zgw.get(f"{BASE}besluiten").json()
    again = zgw.get(f"{BASE}besluiten", {"page": 1}).json()
    second = zgw.get(f"{BASE}besluiten", {"page": 2}).json()

    assert first == again
    assert first["count"] == 101 and len(first["results"]) == 100
    assert first["next"] == "http://testserver/besluiten/api/v1/besluiten?page=2"
    assert first["previous"] is None
    assert len(second["results"]) == 1 and second["next"] is None
    assert second["previous"] == "http://testserver/besluiten/api/v1/besluiten"


def test_unknown_query_parameters_are_refused(zgw, world):
    response = zgw.get(f"{BASE}besluiten", {"besluitype": "x"})

    assert response.status_code == 400
    assert response.json()["invalidParams"] == [
        {
            "name": "nonFieldErrors",
            "code": "unknown-parameters",
            "reason": response.json()["invalidParams"][0]["reason"],
        }
    ]
    assert zgw.get(f"{BASE}besluitinformatieobjecten", {"page": 1}).status_code == 400


def client_with_170_type_authorisations(world):
    """A client authorised on 170 besluittypen, among them the world's."""
    client = client_with("veel-besluittypen", scopes=["catalogi.lezen"])
    application = ApiClient.objects.get(client_id="veel-besluittypen").application
    urls = [besluittype_url(world.decision_type)] + [
        f"http://testserver/catalogi/api/v1/besluittypen/{n:08d}-0000-4000-8000-000000000000"
        for n in range(169)
    ]
    ApiAuthorization.objects.bulk_create(
        ApiAuthorization(
            application=application,
            component="brc",
            scopes=["besluiten.lezen"],
            decision_type=url,
        )
        for url in urls
    )
    return client


@pytest.mark.parametrize("count", [3, 60])
def test_besluiten_list_costs_constant_queries(world, django_assert_num_queries, count):
    client = client_with_170_type_authorisations(world)
    for decision in decide(world, count):
        link_document(decision, make_document(world.document_type))

    # client with its authorisations; count and page.
    with django_assert_num_queries(3):
        response = client.get(f"{BASE}besluiten")
    assert response.json()["count"] == count
    # client with its authorisations; the links.
    with django_assert_num_queries(2):
        assert len(client.get(f"{BASE}besluitinformatieobjecten").json()) == count
