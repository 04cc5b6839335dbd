"""Every operation of catalogi-1.3.1.yaml, served with the standard's fields and codes."""

import pytest

from tests.api.catalogi.builders import (
    BASE,
    case_type_body,
    catalogue_body,
    complete_case_type,
    create,
    decision_type_body,
    document_type_body,
    result_type_body,
    role_type_body,
    status_type_body,
)

pytestmark = pytest.mark.django_db


def test_catalogue_list_read_create(zgw):
    created = create(zgw, "catalogussen", catalogue_body())

    assert created["url"].startswith("http://testserver/catalogi/api/v1/catalogussen/")
    assert created["domein"] == "VRBLD" and created["zaaktypen"] == []
    listed = zgw.get(f"{BASE}catalogussen").json()
    assert listed["count"] == 1 and listed["results"][0] == created
    assert zgw.get(created["url"]).json() == created
    assert zgw.head(created["url"]).status_code == 200


def test_catalogue_domain_and_rsin_are_unique(zgw):
    create(zgw, "catalogussen", catalogue_body())

    response = zgw.post(f"{BASE}catalogussen", catalogue_body(), format="json")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0] == {
        "name": "nonFieldErrors",
        "code": "unique",
        "reason": response.json()["invalidParams"][0]["reason"],
    }


def test_case_type_crud_and_publish(zgw):
    urls = complete_case_type(zgw)
    case_type = zgw.get(urls["zaaktype"]).json()

    assert case_type["concept"] is True
    assert case_type["catalogus"] == urls["catalogus"]
    assert sorted(case_type["statustypen"]) == sorted(urls["statustypen"])
    assert case_type["resultaattypen"] == [urls["resultaattype"]]
    assert case_type["roltypen"] == [urls["roltype"]]
    assert case_type["referentieproces"] == {"naam": "Verstrekken", "link": ""}

    patched = zgw.patch(urls["zaaktype"], {"omschrijving": "Uittreksel"}, format="json")
    assert patched.status_code == 200 and patched.json()["omschrijving"] == "Uittreksel"

    body = case_type_body(urls["catalogus"], doorlooptijd="P5D", servicenorm="P3D")
    put = zgw.put(urls["zaaktype"], body, format="json")
    assert put.status_code == 200, put.json()
    assert (put.json()["doorlooptijd"], put.json()["servicenorm"]) == ("P5D", "P3D")

    published = zgw.post(f"{urls['zaaktype']}/publish")
    assert published.status_code == 200 and published.json()["concept"] is False


def test_case_type_delete(zgw):
    catalogue = create(zgw, "catalogussen", catalogue_body())["url"]
    case_type = create(zgw, "zaaktypen", case_type_body(catalogue))["url"]

    assert zgw.delete(case_type).status_code == 204
    assert zgw.get(case_type).status_code == 404


def test_case_type_keeps_what_the_model_had_no_field_for(zgw):
    catalogue = create(zgw, "catalogussen", catalogue_body())["url"]
    body = case_type_body(
        catalogue,
        verantwoordingsrelatie=["Wet BRP"],
        broncatalogus={"url": "https://example.nl/catalogus", "domein": "ANDER", "rsin": "002"},
        bronzaaktype={"url": "https://example.nl/zt", "identificatie": "Z1", "omschrijving": "Z"},
        referentieproces={"naam": "Verstrekken", "link": "https://example.nl/proces"},
    )

    created = create(zgw, "zaaktypen", body)

    for field in ("verantwoordingsrelatie", "broncatalogus", "bronzaaktype", "referentieproces"):
        assert created[field] == body[field]


@pytest.mark.parametrize(
    ("resource", "body_of", "change"),
    [
        ("statustypen", lambda zt: status_type_body(zt, 3), {"omschrijving": "Derde stap"}),
        ("resultaattypen", result_type_body, {"omschrijving": "Geweigerd"}),
        ("roltypen", role_type_body, {"omschrijving": "Behandelaar"}),
        (
            "eigenschappen",
            lambda zt: {
                "naam": "aanvraagdatum",
                "definitie": "Datum van de aanvraag",
                "specificatie": {"formaat": "datum", "lengte": "8", "kardinaliteit": "1"},
                "zaaktype": zt,
            },
            {"definitie": "De datum van de aanvraag"},
        ),
        (
            "zaakobjecttypen",
            lambda zt: {
                "zaaktype": zt,
                "anderObjecttype": False,
                "objecttype": "https://objecttypen.example.nl/api/v2/objecttypes/1",
                "relatieOmschrijving": "Het adres",
                "beginGeldigheid": "2026-01-01",
                "catalogus": "",
            },
            {"relatieOmschrijving": "Het woonadres"},
        ),
    ],
)
def test_part_crud(zgw, resource, body_of, change):
    urls = complete_case_type(zgw)
    body = body_of(urls["zaaktype"])

    created = create(zgw, resource, body)
    assert created["zaaktype"] == urls["zaaktype"]
    assert created["zaaktypeIdentificatie"] == "UITTREKSEL-BRP"
    assert created["beginGeldigheid"] == "2026-01-01"
    listed = zgw.get(f"{BASE}{resource}", {"status": "alles"}).json()["results"]
    assert created in listed
    assert zgw.get(created["url"]).json() == created
    assert zgw.head(created["url"]).status_code == 200

    patched = zgw.patch(created["url"], change, format="json")
    assert patched.status_code == 200, patched.json()
    assert {key: patched.json()[key] for key in change} == change

    put = zgw.put(created["url"], {**body, **change}, format="json")
    assert put.status_code == 200, put.json()

    assert zgw.delete(created["url"]).status_code == 204
    assert zgw.get(created["url"]).status_code == 404


def test_status_type_shows_its_end_status_and_required_properties(zgw):
    urls = complete_case_type(zgw)
    prop = create(
        zgw,
        "eigenschappen",
        {
            "naam": "kenmerk",
            "definitie": "Een kenmerk",
            "specificatie": {"formaat": "tekst", "lengte": "20", "kardinaliteit": "1"},
            "zaaktype": urls["zaaktype"],
        },
    )

    last = zgw.patch(urls["statustypen"][1], {"eigenschappen": [prop["url"]]}, format="json")

    assert last.json()["isEindstatus"] is True
    assert last.json()["eigenschappen"] == [prop["url"]]
    assert zgw.get(prop["url"]).json()["statustype"] == urls["statustypen"][1]
    assert zgw.get(urls["statustypen"][0]).json()["isEindstatus"] is False


def test_document_type_crud_and_publish(zgw):
    catalogue = create(zgw, "catalogussen", catalogue_body())["url"]
    body = document_type_body(
        catalogue,
        trefwoord=["aanvraag"],
        omschrijvingGeneriek={
            "informatieobjecttypeOmschrijvingGeneriek": "Aanvraag",
            "definitieInformatieobjecttypeOmschrijvingGeneriek": "Een aanvraag",
            "herkomstInformatieobjecttypeOmschrijvingGeneriek": "Burger",
            "hierarchieInformatieobjecttypeOmschrijvingGeneriek": "Document",
        },
    )

    created = create(zgw, "informatieobjecttypen", body)
    assert created["concept"] is True and created["trefwoord"] == ["aanvraag"]
    assert created["omschrijvingGeneriek"]["herkomstInformatieobjecttypeOmschrijvingGeneriek"] == (
        "Burger"
    )
    assert zgw.get(created["url"]).json() == created
    assert (
        zgw.patch(created["url"], {"omschrijving": "Formulier"}, format="json").status_code == 200
    )
    assert zgw.put(created["url"], body, format="json").status_code == 200

    published = zgw.post(f"{created['url']}/publish")
    assert published.status_code == 200 and published.json()["concept"] is False

    draft = create(zgw, "informatieobjecttypen", document_type_body(catalogue, omschrijving="X"))
    assert zgw.delete(draft["url"]).status_code == 204


def test_decision_type_crud_and_publish(zgw):
    catalogue = create(zgw, "catalogussen", catalogue_body())["url"]
    document = create(zgw, "informatieobjecttypen", document_type_body(catalogue))
    zgw.post(f"{document['url']}/publish")

    created = create(
        zgw,
        "besluittypen",
        decision_type_body(catalogue, informatieobjecttypen=["Aanvraagformulier"]),
    )

    assert created["informatieobjecttypen"] == [document["url"]]
    assert created["vastgelegdIn"] == ["Aanvraagformulier"]
    assert zgw.get(created["url"]).json() == created
    patched = zgw.patch(created["url"], {"reactietermijn": "P6W"}, format="json")
    assert patched.json()["reactietermijn"] == "P6W"
    assert zgw.put(created["url"], decision_type_body(catalogue), format="json").status_code == 200
    assert zgw.post(f"{created['url']}/publish").json()["concept"] is False

    draft = create(zgw, "besluittypen", decision_type_body(catalogue, omschrijving="Ander"))
    assert zgw.delete(draft["url"]).status_code == 204


def test_case_type_document_type_crud(zgw):
    urls = complete_case_type(zgw)
    document = create(zgw, "informatieobjecttypen", document_type_body(urls["catalogus"]))
    body = {
        "zaaktype": urls["zaaktype"],
        "informatieobjecttype": "Aanvraagformulier",  # by omschrijving, as Catalogi 1.3
        "volgnummer": 1,
        "richting": "inkomend",
        "statustype": urls["statustypen"][0],
    }

    created = create(zgw, "zaaktype-informatieobjecttypen", body)

    assert created["informatieobjecttype"] == document["url"]
    assert created["statustype"] == urls["statustypen"][0]
    assert zgw.get(created["url"]).json() == created
    by_url = {**body, "informatieobjecttype": document["url"], "richting": "uitgaand"}
    assert zgw.put(created["url"], by_url, format="json").json()["richting"] == "uitgaand"
    assert zgw.patch(created["url"], {"volgnummer": 2}, format="json").json()["volgnummer"] == 2
    assert zgw.delete(created["url"]).status_code == 204


def test_case_type_shows_current_related_types_by_name(zgw):
    urls = complete_case_type(zgw)
    decision = create(zgw, "besluittypen", decision_type_body(urls["catalogus"]))
    document = create(zgw, "informatieobjecttypen", document_type_body(urls["catalogus"]))
    zgw.post(f"{decision['url']}/publish")
    zgw.post(f"{document['url']}/publish")
    create(
        zgw,
        "zaaktype-informatieobjecttypen",
        {
            "zaaktype": urls["zaaktype"],
            "informatieobjecttype": document["url"],
            "volgnummer": 1,
            "richting": "inkomend",
        },
    )
    sub = create(
        zgw,
        "zaaktypen",
        case_type_body(urls["catalogus"], identificatie="DEEL", besluittypen=[]),
    )
    complete = {"catalogus": urls["catalogus"], "zaaktype": sub["url"]}
    for number in (1, 2):
        create(zgw, "statustypen", status_type_body(complete["zaaktype"], number))
    create(zgw, "resultaattypen", result_type_body(sub["url"]))
    create(zgw, "roltypen", role_type_body(sub["url"]))
    zgw.post(f"{sub['url']}/publish")

    changed = zgw.patch(
        urls["zaaktype"],
        {
            "besluittypen": ["Besluit op aanvraag"],
            "deelzaaktypen": ["DEEL"],
            "gerelateerdeZaaktypen": [{"zaaktype": "DEEL", "aardRelatie": "bijdrage"}],
        },
        format="json",
    ).json()

    assert changed["besluittypen"] == [decision["url"]]
    assert changed["informatieobjecttypen"] == [document["url"]]
    assert changed["deelzaaktypen"] == [sub["url"]]
    assert changed["gerelateerdeZaaktypen"] == [
        {"zaaktype": sub["url"], "aardRelatie": "bijdrage", "toelichting": ""}
    ]
    assert zgw.get(decision["url"]).json()["zaaktypen"] == []  # the case type is a draft
    past = zgw.get(urls["zaaktype"], {"datumGeldigheid": "2025-01-01"}).json()
    assert past["besluittypen"] == [] and past["deelzaaktypen"] == []


def test_schema_is_served(zgw):
    response = zgw.get(f"{BASE}schema/openapi.yaml")

    assert response.status_code == 200
    assert b"/zaaktypen/{uuid}/publish" in response.content
    assert b"JWT-Claims" in response.content


def test_a_new_decision_type_version_serves_the_case_types_that_name_it(zgw):
    urls = complete_case_type(zgw)
    first = create(
        zgw, "besluittypen", decision_type_body(urls["catalogus"], eindeGeldigheid="2026-06-30")
    )
    zgw.post(f"{first['url']}/publish")
    zgw.patch(urls["zaaktype"], {"besluittypen": ["Besluit op aanvraag"]}, format="json")
    zgw.post(f"{urls['zaaktype']}/publish")
    second = create(
        zgw, "besluittypen", decision_type_body(urls["catalogus"], beginGeldigheid="2026-07-01")
    )
    zgw.post(f"{second['url']}/publish")

    def shown(day):
        return zgw.get(urls["zaaktype"], {"datumGeldigheid": day}).json()["besluittypen"]

    assert shown("2026-03-01") == [first["url"]]
    assert shown("2026-08-01") == [second["url"]]
    later = zgw.get(f"{BASE}besluittypen", {"zaaktypen": urls["zaaktype"]}).json()["results"]
    assert {d["url"] for d in later} == {first["url"], second["url"]}
