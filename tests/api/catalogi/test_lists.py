"""Filters with the standard's names, pages of 100, and ETag / If-None-Match on reads."""

from datetime import date

import pytest

from loket.catalog.models import Catalogue
from tests.api.catalogi.builders import (
    BASE,
    case_type_body,
    catalogue_body,
    complete_case_type,
    create,
    decision_type_body,
    document_type_body,
)

pytestmark = pytest.mark.django_db


def urls_of(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [item["url"] for item in response.json()["results"]]


@pytest.fixture
def two_case_types(zgw):
    """A published UITTREKSEL-BRP and a draft PASPOORT, in one catalogue."""
    first = complete_case_type(zgw)
    zgw.post(f"{first['zaaktype']}/publish")
    draft = create(
        zgw,
        "zaaktypen",
        case_type_body(first["catalogus"], identificatie="PASPOORT", trefwoorden=["reisdocument"]),
    )
    return first, draft


def test_case_types_default_to_published_and_filter_on_status(zgw, two_case_types):
    first, draft = two_case_types
    get = lambda **params: urls_of(zgw.get(f"{BASE}zaaktypen", params))  # noqa: E731

    assert get() == [first["zaaktype"]]
    assert get(status="definitief") == [first["zaaktype"]]
    assert get(status="concept") == [draft["url"]]
    assert get(status="alles") == [first["zaaktype"], draft["url"]]


def test_case_types_filter_on_catalogue_identification_keywords_and_date(zgw, two_case_types):
    first, draft = two_case_types
    get = lambda **params: urls_of(zgw.get(f"{BASE}zaaktypen", {"status": "alles", **params}))  # noqa: E731
    other = create(zgw, "catalogussen", catalogue_body(domein="ANDER"))["url"]

    assert get(catalogus=first["catalogus"]) == [first["zaaktype"], draft["url"]]
    assert get(catalogus=other) == []
    assert get(identificatie="PASPOORT") == [draft["url"]]
    assert get(trefwoorden="reisdocument") == [draft["url"]]
    assert get(trefwoorden="brp,uittreksel") == [first["zaaktype"]]
    assert get(trefwoorden="brp,reisdocument") == []
    assert get(datumGeldigheid="2025-12-31") == []
    assert get(datumGeldigheid="2026-01-01") == [first["zaaktype"], draft["url"]]


def test_invalid_filter_values_are_a_validatiefout(zgw):
    response = zgw.get(f"{BASE}zaaktypen", {"catalogus": "https://elders.nl/x", "status": "ja"})

    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"catalogus", "status"}


def test_parts_filter_on_their_case_type(zgw, two_case_types):
    first, draft = two_case_types
    get = lambda resource, **params: urls_of(zgw.get(f"{BASE}{resource}", params))  # noqa: E731

    assert sorted(get("statustypen", zaaktype=first["zaaktype"])) == sorted(first["statustypen"])
    assert get("statustypen", zaaktype=draft["url"]) == []
    assert len(get("statustypen", zaaktypeIdentificatie="UITTREKSEL-BRP")) == 2
    assert get("roltypen", omschrijvingGeneriek="initiator") == [first["roltype"]]
    assert get("roltypen", omschrijvingGeneriek="behandelaar") == []
    assert get("resultaattypen", zaaktype_identificatie="UITTREKSEL-BRP") == [
        first["resultaattype"]
    ]
    assert get("resultaattypen", datum_geldigheid="2025-01-01") == []
    assert get("eigenschappen", status="concept") == []


def test_draft_parts_show_with_status_concept(zgw):
    urls = complete_case_type(zgw)

    assert urls_of(zgw.get(f"{BASE}roltypen")) == []
    assert urls_of(zgw.get(f"{BASE}roltypen", {"status": "concept"})) == [urls["roltype"]]


def test_document_and_decision_types_filter(zgw):
    catalogue = create(zgw, "catalogussen", catalogue_body())["url"]
    document = create(zgw, "informatieobjecttypen", document_type_body(catalogue))["url"]
    zgw.post(f"{document}/publish")
    decision = create(
        zgw,
        "besluittypen",
        decision_type_body(catalogue, informatieobjecttypen=["Aanvraagformulier"]),
    )["url"]
    get = lambda resource, **params: urls_of(zgw.get(f"{BASE}{resource}", params))  # noqa: E731

    assert get("informatieobjecttypen", omschrijving="Aanvraagformulier") == [document]
    assert get("informatieobjecttypen", catalogus=catalogue, datumGeldigheid="2026-03-01") == [
        document
    ]
    assert get("besluittypen") == []
    assert get("besluittypen", status="concept", informatieobjecttypen=document) == [decision]
    assert get("besluittypen", status="alles", omschrijving="Besluit op aanvraag") == [decision]


def test_case_type_document_types_and_object_types_filter(zgw):
    urls = complete_case_type(zgw)
    document = create(zgw, "informatieobjecttypen", document_type_body(urls["catalogus"]))["url"]
    link = create(
        zgw,
        "zaaktype-informatieobjecttypen",
        {
            "zaaktype": urls["zaaktype"],
            "informatieobjecttype": document,
            "volgnummer": 1,
            "richting": "inkomend",
        },
    )["url"]
    objecttype = create(
        zgw,
        "zaakobjecttypen",
        {
            "zaaktype": urls["zaaktype"],
            "anderObjecttype": False,
            "objecttype": "https://objecttypen.example.nl/api/v2/objecttypes/1",
            "relatieOmschrijving": "Het adres",
            "beginGeldigheid": "2026-01-01",
        },
    )["url"]
    get = lambda resource, **params: urls_of(zgw.get(f"{BASE}{resource}", params))  # noqa: E731

    links = "zaaktype-informatieobjecttypen"
    assert get(links, status="alles", informatieobjecttype=document, richting="inkomend") == [link]
    assert get(links, status="alles", richting="uitgaand") == []
    assert get(links) == []  # the case type is a draft
    assert get("zaakobjecttypen", catalogus=urls["catalogus"], anderObjecttype="false") == [
        objecttype
    ]
    assert get(
        "zaakobjecttypen", relatieOmschrijving="Het adres", datumGeldigheid="2026-05-01"
    ) == [objecttype]
    assert get("zaakobjecttypen", datumBeginGeldigheid="2026-01-02") == []
    assert get("zaakobjecttypen", zaaktypeIdentificatie="UITTREKSEL-BRP") == [objecttype]


def test_catalogues_filter_on_domain_and_rsin(zgw):
    one = create(zgw, "catalogussen", catalogue_body(domein="EEN"))["url"]
    two = create(zgw, "catalogussen", catalogue_body(domein="TWEE", rsin="002000008"))["url"]
    get = lambda **params: urls_of(zgw.get(f"{BASE}catalogussen", params))  # noqa: E731

    assert get(domein="EEN") == [one]
    assert get(domein__in="EEN,TWEE") == [one, two]
    assert get(rsin="002000008") == [two]
    assert get(rsin__in="001000007") == [one]


def test_pages_of_100_with_next_and_previous(zgw):
    Catalogue.objects.bulk_create(
        Catalogue(domain=f"D{n}", rsin="001000007", contact_name="Beheer") for n in range(101)
    )

    first = zgw.get(f"{BASE}catalogussen").json()
    second = zgw.get(f"{BASE}catalogussen", {"page": 2}).json()

    assert first["count"] == 101 and len(first["results"]) == 100
    assert first["previous"] is None
    assert first["next"] == "http://testserver/catalogi/api/v1/catalogussen?page=2"
    assert len(second["results"]) == 1 and second["next"] is None
    assert second["previous"] == "http://testserver/catalogi/api/v1/catalogussen"
    assert zgw.get(f"{BASE}catalogussen", {"page": 1}).json() == first
    assert zgw.get(f"{BASE}catalogussen", {"page": 3}).status_code == 404


def test_etag_and_if_none_match(zgw):
    urls = complete_case_type(zgw)

    response = zgw.get(urls["zaaktype"])
    etag = response["ETag"]
    assert etag.startswith('"') and len(etag) > 10

    cached = zgw.get(urls["zaaktype"], HTTP_IF_NONE_MATCH=etag)
    assert cached.status_code == 304 and cached.content == b"" and cached["ETag"] == etag
    several = zgw.get(urls["zaaktype"], HTTP_IF_NONE_MATCH=f'"other", {etag}')
    assert several.status_code == 304
    assert zgw.get(urls["zaaktype"], HTTP_IF_NONE_MATCH='"other"').status_code == 200

    head = zgw.head(urls["zaaktype"])
    assert head.status_code == 200 and head["ETag"] == etag and head.content == b""

    zgw.patch(urls["zaaktype"], {"omschrijving": "Gewijzigd"}, format="json")
    assert zgw.get(urls["zaaktype"], HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize(
    "resource",
    ["statustypen", "resultaattypen", "roltypen", "catalogussen"],
)
def test_every_single_resource_has_an_etag(zgw, resource):
    complete_case_type(zgw)
    url = urls_of(zgw.get(f"{BASE}{resource}", {"status": "alles"}))[0]

    etag = zgw.get(url)["ETag"]

    assert zgw.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_lists_have_no_etag(zgw):
    assert "ETag" not in zgw.get(f"{BASE}zaaktypen")


def test_valid_on_helper_matches_the_standard(zgw, two_case_types):
    """A version is valid from beginGeldigheid up to and including eindeGeldigheid."""
    first, _ = two_case_types
    zgw.patch(first["zaaktype"], {"eindeGeldigheid": "2026-03-31"}, format="json")
    get = lambda day: urls_of(zgw.get(f"{BASE}zaaktypen", {"datumGeldigheid": day}))  # noqa: E731

    assert get(date(2026, 3, 31).isoformat()) == [first["zaaktype"]]
    assert get("2026-04-01") == []
