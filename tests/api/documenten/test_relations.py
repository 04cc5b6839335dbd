"""Gebruiksrechten (drc-006), objectinformatieobjecten (drc-002..004, zrc-005) and
verzendingen."""

from datetime import date

import pytest

from loket.cases.documents import attach_to_case
from loket.cases.models import CaseDocument, Decision, DecisionDocument, Document
from loket.cases.services import open_case
from loket.catalog.models import CaseTypeDocumentType, DecisionType
from tests.api.documenten.builders import BASE, create_document, document_body, invalid
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db
RIGHTS = f"{BASE}gebruiksrechten"
LINKS = f"{BASE}objectinformatieobjecten"
DISPATCHES = f"{BASE}verzendingen"


def right_body(document_url: str, **changes) -> dict:
    return {
        "informatieobject": document_url,
        "startdatum": "2026-03-01T00:00:00Z",
        "omschrijvingVoorwaarden": "Alleen voor intern gebruik",
        **changes,
    }


# --- gebruiksrechten ------------------------------------------------------------------------


def test_usage_rights_crud_and_the_indication(drc, document_type):
    document = create_document(drc, document_type)
    assert document["indicatieGebruiksrecht"] is None

    created = drc.post(RIGHTS, right_body(document["url"]), format="json")
    assert created.status_code == 201, created.json()
    right = created.json()
    assert created["Location"] == right["url"]
    assert right["einddatum"] is None
    assert drc.get(document["url"]).json()["indicatieGebruiksrecht"] is True  # drc-006

    assert drc.get(RIGHTS).json() == [right]
    assert drc.get(right["url"]).json() == right
    patched = drc.patch(right["url"], {"einddatum": "2027-01-01T00:00:00Z"}, format="json")
    assert patched.status_code == 200 and patched.json()["einddatum"] == "2027-01-01T01:00:00+01:00"
    put = drc.put(
        right["url"], right_body(document["url"], omschrijvingVoorwaarden="Vrij"), format="json"
    )
    assert put.status_code == 200 and put.json()["omschrijvingVoorwaarden"] == "Vrij"

    assert drc.delete(right["url"]).status_code == 204
    assert drc.get(document["url"]).json()["indicatieGebruiksrecht"] is None  # drc-006


def test_the_indication_is_set_through_usage_rights_only(drc, document_type):
    refused = drc.post(
        f"{BASE}enkelvoudiginformatieobjecten",
        document_body(document_type, indicatieGebruiksrecht=True),
        format="json",
    )
    assert invalid(refused, "indicatieGebruiksrecht")["code"] == "missing-gebruiksrechten"

    document = create_document(drc, document_type, indicatieGebruiksrecht=False)
    assert document["indicatieGebruiksrecht"] is False
    drc.post(RIGHTS, right_body(document["url"]), format="json")
    lock = drc.post(f"{document['url']}/lock").json()["lock"]
    cleared = drc.patch(
        document["url"], {"indicatieGebruiksrecht": None, "lock": lock}, format="json"
    )
    assert invalid(cleared, "indicatieGebruiksrecht")["code"] == "existing-gebruiksrechten"


def test_a_usage_right_stays_with_its_document(drc, document_type):
    first = create_document(drc, document_type)
    second = create_document(drc, document_type)
    right = drc.post(RIGHTS, right_body(first["url"]), format="json").json()

    moved = drc.patch(right["url"], {"informatieobject": second["url"]}, format="json")

    assert invalid(moved, "informatieobject")["code"] == "wijzigen-niet-toegelaten"


def test_usage_right_filters_and_expand(drc, document_type):
    early = create_document(drc, document_type)
    late = create_document(drc, document_type)
    drc.post(RIGHTS, right_body(early["url"], startdatum="2026-01-01T00:00:00Z"), format="json")
    drc.post(RIGHTS, right_body(late["url"], startdatum="2026-06-01T00:00:00Z"), format="json")

    by_document = drc.get(RIGHTS, {"informatieobject": late["url"]}).json()
    assert [r["informatieobject"] for r in by_document] == [late["url"]]
    before = drc.get(RIGHTS, {"startdatum__lt": "2026-03-01T00:00:00Z"}).json()
    assert [r["informatieobject"] for r in before] == [early["url"]]
    assert len(drc.get(RIGHTS, {"startdatum__gte": "2026-01-01T00:00:00Z"}).json()) == 2

    expanded = drc.get(RIGHTS, {"expand": "informatieobject.informatieobjecttype"}).json()
    embedded = expanded[0]["_expand"]["informatieobject"]
    assert embedded["url"] == early["url"]
    assert embedded["_expand"]["informatieobjecttype"]["omschrijving"] == "Bijlage"
    assert invalid(drc.get(RIGHTS, {"expand": "zaak"}), "expand")["code"] == "invalid"


# --- objectinformatieobjecten ---------------------------------------------------------------


@pytest.fixture
def linked(drc, document_type):
    """A document that a case and a decision both hold, through their own APIs' relations."""
    document = create_document(drc, document_type)
    case_type = published_case_type()
    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction="inkomend"
    )
    case = open_case(case_type, actor="t")
    case_link = attach_to_case(case, Document.objects.get())
    decision = Decision.objects.create(
        identification="B-1",
        responsible_organisation="001000007",
        decision_type=DecisionType.objects.create(
            catalogue=document_type.catalogue, valid_from=date(2026, 1, 1), description="Besluit"
        ),
        date=date(2026, 3, 1),
        start_date=date(2026, 3, 2),
    )
    decision_link = DecisionDocument.objects.create(decision=decision, document=case_link.document)
    return {
        "document": document["url"],
        "zaak": f"http://testserver/zaken/api/v1/zaken/{case.uuid}",
        "besluit": f"http://testserver/besluiten/api/v1/besluiten/{decision.uuid}",
        "case_link": case_link,
        "decision_link": decision_link,
    }


def test_object_links_are_the_cases_and_decisions_own_links(drc, linked):
    listed = drc.get(LINKS).json()

    assert listed == [
        {
            "url": f"http://testserver{LINKS}/{linked['case_link'].uuid}",
            "informatieobject": linked["document"],
            "object": linked["zaak"],
            "objectType": "zaak",
        },
        {
            "url": f"http://testserver{LINKS}/{linked['decision_link'].uuid}",
            "informatieobject": linked["document"],
            "object": linked["besluit"],
            "objectType": "besluit",
        },
    ]
    assert drc.get(LINKS, {"object": linked["besluit"]}).json() == listed[1:]
    assert drc.get(LINKS, {"informatieobject": linked["document"]}).json() == listed
    assert drc.get(LINKS, {"object": "https://elders.example.nl/zaken/1"}).json() == []
    one = drc.get(listed[0]["url"])
    assert one.status_code == 200 and one.json() == listed[0] and one["ETag"]


def test_registering_an_object_link_confirms_the_source_relation(drc, linked, document_type):
    body = {"informatieobject": linked["document"], "object": linked["zaak"], "objectType": "zaak"}

    confirmed = drc.post(LINKS, body, format="json")

    assert confirmed.status_code == 201, confirmed.json()
    assert confirmed.json()["url"].endswith(str(linked["case_link"].uuid))
    assert CaseDocument.objects.count() == 1  # nothing stored twice (drc-003)

    other = create_document(drc, document_type)
    unrelated = drc.post(LINKS, {**body, "informatieobject": other["url"]}, format="json")
    assert invalid(unrelated, "nonFieldErrors")["code"] == "inconsistent-relation"  # drc-004
    remote = drc.post(
        LINKS, {**body, "object": "https://zaken.example.nl/api/v1/zaken/1"}, format="json"
    )
    assert invalid(remote, "object")["code"] == "bad-url"  # drc-002
    verzoek = drc.post(LINKS, {**body, "objectType": "verzoek"}, format="json")
    assert invalid(verzoek, "object")["code"] == "bad-url"


def test_an_object_link_goes_with_its_source_relation_only(drc, linked):
    url = f"http://testserver{LINKS}/{linked['case_link'].uuid}"

    refused = drc.delete(url)

    assert invalid(refused, "nonFieldErrors")["code"] == "remote-relation-exists"
    linked["case_link"].delete()  # as the Zaken API does when its relation is removed
    assert drc.get(url).status_code == 404
    assert drc.delete(url).status_code == 404


# --- verzendingen ---------------------------------------------------------------------------


def dispatch_body(document_url: str, **changes) -> dict:
    return {
        "betrokkene": "https://klantinteracties.example.nl/api/v1/partijen/1",
        "informatieobject": document_url,
        "aardRelatie": "geadresseerde",
        "contactPersoon": "https://klantinteracties.example.nl/api/v1/partijen/2",
        "verzenddatum": "2026-03-05",
        "binnenlandsCorrespondentieadres": {
            "huisnummer": 1,
            "naamOpenbareRuimte": "Markt",
            "postcode": "1234AB",
            "woonplaatsnaam": "Voorbeeld",
        },
        **changes,
    }


def test_dispatch_crud_with_exactly_one_address(drc, document_type):
    document = create_document(drc, document_type)

    created = drc.post(DISPATCHES, dispatch_body(document["url"]), format="json")
    assert created.status_code == 201, created.json()
    dispatch = created.json()
    assert dispatch["binnenlandsCorrespondentieadres"] == {
        "huisletter": "",
        "huisnummer": 1,
        "huisnummerToevoeging": "",
        "naamOpenbareRuimte": "Markt",
        "postcode": "1234AB",
        "woonplaatsnaam": "Voorbeeld",
    }
    assert dispatch["emailadres"] == "" and dispatch["mijnOverheid"] is False

    two = drc.post(
        DISPATCHES, dispatch_body(document["url"], emailadres="a@example.nl"), format="json"
    )
    assert invalid(two, "nonFieldErrors")["code"] == "invalid-address"
    none = drc.post(
        DISPATCHES,
        dispatch_body(document["url"], binnenlandsCorrespondentieadres=None),
        format="json",
    )
    assert invalid(none, "nonFieldErrors")["code"] == "invalid-address"

    moved = drc.put(
        dispatch["url"],
        dispatch_body(document["url"], binnenlandsCorrespondentieadres=None, mijnOverheid=True),
        format="json",
    )
    assert moved.status_code == 200, moved.json()
    assert moved.json()["mijnOverheid"] is True
    assert moved.json()["binnenlandsCorrespondentieadres"] is None

    page = drc.get(DISPATCHES, {"aardRelatie": "geadresseerde"}).json()
    assert page["count"] == 1 and page["results"][0]["url"] == dispatch["url"]
    assert drc.get(DISPATCHES, {"aardRelatie": "afzender"}).json()["count"] == 0
    assert drc.delete(dispatch["url"]).status_code == 204
    assert drc.get(dispatch["url"]).status_code == 404


def test_relations_are_written_in_the_documents_audit_trail(drc, document_type):
    document = create_document(drc, document_type)
    right = drc.post(RIGHTS, right_body(document["url"]), format="json").json()
    drc.post(DISPATCHES, dispatch_body(document["url"]), format="json")
    drc.delete(right["url"])

    trail = drc.get(f"{document['url']}/audittrail").json()

    assert [(e["resource"], e["actie"]) for e in trail] == [
        ("enkelvoudiginformatieobject", "create"),
        ("gebruiksrechten", "create"),
        ("verzending", "create"),
        ("gebruiksrechten", "destroy"),
    ]
    assert trail[3]["wijzigingen"]["oud"]["url"] == right["url"]
