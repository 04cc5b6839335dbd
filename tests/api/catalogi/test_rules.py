"""The Catalogi behaviour rules: concept/publish (ztc-009, ztc-010, ztc-016), the selection
list (ztc-001..008), property dates (ztc-015) and corrections (correctie)."""

import pytest

from tests.api.catalogi.builders import (
    BASE,
    PROCESTYPE,
    RESULT_DESTROY,
    RESULT_OF_OTHER_PROCESS,
    case_type_body,
    catalogue_body,
    complete_case_type,
    create,
    decision_type_body,
    document_type_body,
    reference,
    result_type_body,
    status_type_body,
)

pytestmark = pytest.mark.django_db

# Of PROCESTYPE: blijvend bewaren, no procestermijn, so every afleidingswijze is possible.
RESULT_KEEP = reference("resultaten", "6d37598e-30f0-4aef-930d-3e1690725d95")


def refusal(response, status=400) -> dict[str, str]:
    """The invalidParams of a refusal as {name: code}."""
    assert response.status_code == status, response.json()
    assert response["Content-Type"] == "application/problem+json"
    return {p["name"]: p["code"] for p in response.json().get("invalidParams", [])}


def published_case_type(client, **changes) -> dict:
    urls = complete_case_type(client, **changes)
    assert client.post(f"{urls['zaaktype']}/publish").status_code == 200
    return urls


# --- publish ---------------------------------------------------------------------------------


def test_incomplete_case_type_is_not_published_and_the_reasons_are_named(zgw):
    catalogue = create(zgw, "catalogussen", catalogue_body())["url"]
    case_type = create(zgw, "zaaktypen", case_type_body(catalogue))["url"]

    response = zgw.post(f"{case_type}/publish")

    assert refusal(response).keys() == {"nonFieldErrors"}
    codes = {p["code"] for p in response.json()["invalidParams"]}
    assert codes == {"publish-requires-status-types", "no-result-types", "no-role-types"}
    assert zgw.get(case_type).json()["concept"] is True


def test_case_type_with_draft_decision_type_is_not_published(zgw):
    urls = complete_case_type(zgw)
    create(zgw, "besluittypen", decision_type_body(urls["catalogus"]))
    zgw.patch(urls["zaaktype"], {"besluittypen": ["Besluit op aanvraag"]}, format="json")

    response = zgw.post(f"{urls['zaaktype']}/publish")

    assert refusal(response) == {"nonFieldErrors": "concept-relation"}


def test_published_type_is_not_published_again(zgw):
    urls = published_case_type(zgw)

    assert refusal(zgw.post(f"{urls['zaaktype']}/publish")) == {
        "nonFieldErrors": "already-published"
    }


def test_decision_type_with_draft_document_type_is_not_published(zgw):
    catalogue = create(zgw, "catalogussen", catalogue_body())["url"]
    create(zgw, "informatieobjecttypen", document_type_body(catalogue))
    decision = create(
        zgw,
        "besluittypen",
        decision_type_body(catalogue, informatieobjecttypen=["Aanvraagformulier"]),
    )

    assert refusal(zgw.post(f"{decision['url']}/publish")) == {"nonFieldErrors": "concept-relation"}


# --- ztc-009: a published type is immutable ---------------------------------------------------


def test_published_case_type_refuses_put_patch_and_delete(writer):
    urls = published_case_type(writer)
    body = case_type_body(urls["catalogus"], omschrijving="Anders")

    assert refusal(writer.put(urls["zaaktype"], body, format="json")) == {
        "nonFieldErrors": "non-concept-object"
    }
    patch = writer.patch(urls["zaaktype"], {"omschrijving": "Anders"}, format="json")
    assert refusal(patch) == {"nonFieldErrors": "non-concept-object"}
    assert refusal(writer.delete(urls["zaaktype"])) == {"nonFieldErrors": "non-concept-object"}


def test_published_case_type_may_get_an_end_of_validity(writer):
    urls = published_case_type(writer)

    response = writer.patch(urls["zaaktype"], {"eindeGeldigheid": "2026-12-31"}, format="json")

    assert response.status_code == 200
    assert response.json()["eindeGeldigheid"] == "2026-12-31"


def test_published_document_and_decision_types_are_immutable(writer):
    catalogue = create(writer, "catalogussen", catalogue_body())["url"]
    document = create(writer, "informatieobjecttypen", document_type_body(catalogue))["url"]
    decision = create(writer, "besluittypen", decision_type_body(catalogue))["url"]
    for url in (document, decision):
        writer.post(f"{url}/publish")

        patch = writer.patch(url, {"omschrijving": "Anders"}, format="json")
        assert refusal(patch) == {"nonFieldErrors": "non-concept-object"}
        assert refusal(writer.delete(url)) == {"nonFieldErrors": "non-concept-object"}
        end = writer.patch(url, {"eindeGeldigheid": "2026-12-31"}, format="json")
        assert end.status_code == 200


def test_correction_changes_a_published_case_type(zgw):
    """correctie: a client with catalogi.geforceerd-schrijven may correct a published type."""
    urls = published_case_type(zgw)

    response = zgw.patch(urls["zaaktype"], {"toelichting": "Verduidelijkt"}, format="json")

    assert response.status_code == 200
    assert response.json()["toelichting"] == "Verduidelijkt"
    assert response.json()["concept"] is False


def test_forced_delete_deletes_a_published_case_type(zgw):
    urls = published_case_type(zgw)

    assert zgw.delete(urls["zaaktype"]).status_code == 204


# --- ztc-010: the parts of a published case type --------------------------------------------


def test_parts_of_a_published_case_type_cannot_change(writer):
    urls = published_case_type(writer)

    created = writer.post(
        f"{BASE}statustypen", status_type_body(urls["zaaktype"], 3), format="json"
    )
    assert refusal(created) == {"nonFieldErrors": "non-concept-zaaktype"}
    patch = writer.patch(urls["roltype"], {"omschrijving": "Anders"}, format="json")
    assert refusal(patch) == {"nonFieldErrors": "non-concept-zaaktype"}
    assert refusal(writer.delete(urls["resultaattype"])) == {
        "nonFieldErrors": "non-concept-zaaktype"
    }


def test_correction_adds_a_last_status_type_to_a_published_case_type(zgw):
    urls = published_case_type(zgw)

    created = create(zgw, "statustypen", status_type_body(urls["zaaktype"], 3))

    assert created["isEindstatus"] is True


# --- ztc-016 and duplicates -------------------------------------------------------------------


def test_overlapping_published_versions_are_refused(zgw):
    urls = published_case_type(zgw)
    second = complete_case_type(zgw, urls["catalogus"])  # same identification and start

    assert refusal(zgw.post(f"{second['zaaktype']}/publish")) == {"nonFieldErrors": "overlap"}


def test_a_new_version_ends_the_previous_one(zgw):
    first = published_case_type(zgw)
    second = complete_case_type(
        zgw, first["catalogus"], beginGeldigheid="2026-07-01", versiedatum="2026-07-01"
    )

    assert zgw.post(f"{second['zaaktype']}/publish").status_code == 200

    assert zgw.get(first["zaaktype"]).json()["eindeGeldigheid"] == "2026-06-30"
    shown = zgw.get(second["zaaktype"]).json()
    assert (shown["beginObject"], shown["eindeObject"]) == ("2026-01-01", None)


def test_second_draft_of_an_identification_is_refused(zgw):
    urls = complete_case_type(zgw)

    response = zgw.post(f"{BASE}zaaktypen", case_type_body(urls["catalogus"]), format="json")

    assert refusal(response) == {"identificatie": "identificatie-niet-uniek"}


def test_end_of_validity_before_start_is_refused(zgw):
    catalogue = create(zgw, "catalogussen", catalogue_body())["url"]

    response = zgw.post(
        f"{BASE}zaaktypen",
        case_type_body(catalogue, eindeGeldigheid="2025-12-31"),
        format="json",
    )

    assert refusal(response) == {"eindeGeldigheid": "date-mismatch"}


# --- ztc-001..008: the selection list --------------------------------------------------------


def test_ztc001_procestype_must_be_a_procestype(zgw):
    catalogue = create(zgw, "catalogussen", catalogue_body())["url"]
    body = case_type_body(catalogue, selectielijstProcestype=RESULT_DESTROY)

    response = zgw.post(f"{BASE}zaaktypen", body, format="json")

    assert refusal(response) == {"selectielijstProcestype": "invalid-resource"}


def test_ztc002_generic_description_and_archive_rules_derive_from_the_selection_list(zgw):
    urls = complete_case_type(zgw)

    shown = zgw.get(urls["resultaattype"]).json()

    assert shown["omschrijvingGeneriek"] == "Toegekend"
    assert shown["archiefnominatie"] == "vernietigen"
    assert shown["archiefactietermijn"] == "P10Y"


def test_ztc002_given_archive_rules_are_kept(zgw):
    urls = complete_case_type(zgw)
    body = result_type_body(
        urls["zaaktype"],
        omschrijving="Eigen",
        archiefnominatie="blijvend_bewaren",
        archiefactietermijn="P20Y",
    )

    created = create(zgw, "resultaattypen", body)

    assert (created["archiefnominatie"], created["archiefactietermijn"]) == (
        "blijvend_bewaren",
        "P20Y",
    )


def test_ztc002_references_must_be_of_the_right_kind(zgw):
    urls = complete_case_type(zgw)
    body = result_type_body(
        urls["zaaktype"], resultaattypeomschrijving=PROCESTYPE, selectielijstklasse=PROCESTYPE
    )

    response = zgw.post(f"{BASE}resultaattypen", body, format="json")

    assert refusal(response) == {
        "resultaattypeomschrijving": "invalid-resource",
        "selectielijstklasse": "invalid-resource",
    }


def test_ztc002_selection_list_class_must_belong_to_the_procestype(zgw):
    urls = complete_case_type(zgw)
    body = result_type_body(urls["zaaktype"], selectielijstklasse=RESULT_OF_OTHER_PROCESS)

    response = zgw.post(f"{BASE}resultaattypen", body, format="json")

    assert refusal(response) == {"selectielijstklasse": "procestype-mismatch"}


def test_ztc003_procestermijn_nihil_requires_afgehandeld(zgw):
    urls = complete_case_type(zgw)
    body = result_type_body(
        urls["zaaktype"],
        brondatumArchiefprocedure={"afleidingswijze": "termijn", "procestermijn": "P5Y"},
    )

    response = zgw.post(f"{BASE}resultaattypen", body, format="json")

    assert refusal(response) == {
        "brondatumArchiefprocedure.afleidingswijze": "invalid-afleidingswijze-for-procestermijn"
    }


@pytest.mark.parametrize(
    ("brondatum", "expected"),
    [
        ({"afleidingswijze": "eigenschap"}, {"datumkenmerk": "required"}),  # ztc-004
        (
            {"afleidingswijze": "afgehandeld", "datumkenmerk": "x"},
            {"datumkenmerk": "must-be-empty"},
        ),
        (
            {"afleidingswijze": "termijn", "procestermijn": "P1Y", "einddatumBekend": True},
            {"einddatumBekend": "must-be-empty"},  # ztc-005
        ),
        (
            {"afleidingswijze": "zaakobject", "datumkenmerk": "x"},
            {"objecttype": "required"},  # ztc-006
        ),
        (
            {"afleidingswijze": "ander_datumkenmerk", "datumkenmerk": "x", "objecttype": "pand"},
            {"registratie": "required"},  # ztc-007
        ),
        ({"afleidingswijze": "hoofdzaak", "registratie": "BAG"}, {"registratie": "must-be-empty"}),
        ({"afleidingswijze": "termijn"}, {"procestermijn": "required"}),  # ztc-008
        (
            {"afleidingswijze": "afgehandeld", "procestermijn": "P1Y"},
            {"procestermijn": "must-be-empty"},
        ),
    ],
)
def test_ztc004_to_008_archive_date_fields(zgw, brondatum, expected):
    urls = complete_case_type(zgw)
    body = result_type_body(
        urls["zaaktype"], selectielijstklasse=RESULT_KEEP, brondatumArchiefprocedure=brondatum
    )

    response = zgw.post(f"{BASE}resultaattypen", body, format="json")

    assert refusal(response) == {
        f"brondatumArchiefprocedure.{name}": code for name, code in expected.items()
    }


def test_complete_archive_date_fields_are_accepted(zgw):
    urls = complete_case_type(zgw)
    brondatum = {
        "afleidingswijze": "ander_datumkenmerk",
        "datumkenmerk": "vervaldatum",
        "objecttype": "pand",
        "registratie": "BAG",
        "procestermijn": None,
    }
    body = result_type_body(
        urls["zaaktype"], selectielijstklasse=RESULT_KEEP, brondatumArchiefprocedure=brondatum
    )

    created = create(zgw, "resultaattypen", body)

    assert created["brondatumArchiefprocedure"] == {**brondatum, "einddatumBekend": False}


# --- ztc-015 ---------------------------------------------------------------------------------


def test_ztc015_date_property_has_length_8(zgw):
    urls = complete_case_type(zgw)
    body = {
        "naam": "datum",
        "definitie": "Een datum",
        "specificatie": {"formaat": "datum", "lengte": "10", "kardinaliteit": "1"},
        "zaaktype": urls["zaaktype"],
    }

    response = zgw.post(f"{BASE}eigenschappen", body, format="json")

    assert refusal(response) == {"specificatie.lengte": "invalid-length"}


def test_unknown_decision_type_name_is_refused(zgw):
    urls = complete_case_type(zgw)

    response = zgw.patch(urls["zaaktype"], {"besluittypen": ["Bestaat niet"]}, format="json")

    assert refusal(response) == {"besluittypen": "unknown-name"}


def test_link_of_another_resource_is_refused(zgw):
    urls = complete_case_type(zgw)
    body = status_type_body(urls["catalogus"], 3)  # a catalogue URL where a case type belongs

    assert refusal(zgw.post(f"{BASE}statustypen", body, format="json")) == {"zaaktype": "bad-url"}


def test_put_of_a_published_case_type_may_only_end_its_validity(writer):
    urls = published_case_type(writer)
    body = case_type_body(urls["catalogus"], eindeGeldigheid="2026-12-31")

    response = writer.put(urls["zaaktype"], body, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["eindeGeldigheid"] == "2026-12-31"
