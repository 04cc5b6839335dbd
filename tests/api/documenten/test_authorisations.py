"""Scopes per operation, authorisation per informatieobjecttype and vertrouwelijkheidaanduiding,
and lists whose cost does not grow with the page or with the client's authorisations."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from loket.cases.documents import attach_to_case
from loket.cases.models import Document
from loket.cases.services import open_case
from loket.catalog.models import CaseTypeDocumentType, DocumentType
from tests.api.documenten.builders import (
    BASE,
    DOCUMENTS,
    EVERY_SCOPE,
    client_granted,
    create_document,
    document_body,
    published_document_type,
)
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db
RIGHTS = f"{BASE}gebruiksrechten"


def test_no_token_is_401(document_type):
    response = APIClient().get(DOCUMENTS)

    assert response.status_code == 401 and response["WWW-Authenticate"]


def test_each_operation_needs_its_scope(drc, document_type):
    document = create_document(drc, document_type)
    reader = client_granted("lezer", [(["documenten.lezen"], None, "zeer_geheim")])

    assert reader.get(DOCUMENTS).json()["count"] == 1
    assert reader.get(document["url"]).status_code == 200
    assert reader.get(f"{document['url']}/download").status_code == 200
    forbidden = reader.post(DOCUMENTS, document_body(document_type), format="json")
    assert forbidden.status_code == 403 and forbidden.json()["code"] == "permission_denied"
    assert reader.post(f"{document['url']}/lock").status_code == 403
    assert reader.delete(document["url"]).status_code == 403
    assert reader.get(f"{document['url']}/audittrail").status_code == 403
    assert reader.post(RIGHTS, {}, format="json").status_code == 403


def test_reading_is_limited_to_the_authorised_types_and_levels(drc, document_type):
    other_type = published_document_type("Besluit", catalogue=document_type.catalogue)
    open_doc = create_document(drc, document_type, vertrouwelijkheidaanduiding="openbaar")
    secret_doc = create_document(drc, document_type, vertrouwelijkheidaanduiding="geheim")
    other_doc = create_document(drc, other_type)
    for document in (open_doc, secret_doc, other_doc):
        drc.post(
            RIGHTS,
            {
                "informatieobject": document["url"],
                "startdatum": "2026-03-01T00:00:00Z",
                "omschrijvingVoorwaarden": "Intern",
            },
            format="json",
        )
    limited = client_granted("beperkt", [(["documenten.lezen"], document_type, "intern")])

    listed = limited.get(DOCUMENTS).json()["results"]
    assert [d["url"] for d in listed] == [open_doc["url"]]
    assert [r["informatieobject"] for r in limited.get(RIGHTS).json()] == [open_doc["url"]]
    found = limited.post(
        f"{DOCUMENTS}/_zoek",
        {"uuid__in": [d["url"].rsplit("/", 1)[-1] for d in (open_doc, other_doc)]},
        format="json",
    )
    assert [d["url"] for d in found.json()["results"]] == [open_doc["url"]]
    assert limited.get(open_doc["url"]).status_code == 200
    assert limited.get(secret_doc["url"]).status_code == 403
    assert limited.get(other_doc["url"]).status_code == 403
    assert limited.get(f"{other_doc['url']}/download").status_code == 403


def test_writing_is_limited_to_the_authorised_types_and_levels(document_type):
    other_type = published_document_type("Besluit", catalogue=document_type.catalogue)
    writer = client_granted(
        "schrijver", [(["documenten.aanmaken", "documenten.lezen"], document_type, "intern")]
    )

    assert (
        writer.post(
            DOCUMENTS,
            document_body(other_type, vertrouwelijkheidaanduiding="openbaar"),
            format="json",
        ).status_code
        == 403
    )
    too_secret = writer.post(DOCUMENTS, document_body(document_type), format="json")
    assert too_secret.status_code == 403  # the type's level, zaakvertrouwelijk, is above intern
    allowed = writer.post(
        DOCUMENTS, document_body(document_type, vertrouwelijkheidaanduiding="intern"), format="json"
    )
    assert allowed.status_code == 201, allowed.json()


# --- the cost of a list ---------------------------------------------------------------------


def many_types(count: int, catalogue) -> list[DocumentType]:
    return DocumentType.objects.bulk_create(
        DocumentType(
            catalogue=catalogue,
            valid_from=date(2026, 1, 1),
            description=f"Type {n}",
            confidentiality="openbaar",
            category="bijlage",
            concept=False,
        )
        for n in range(count)
    )


def fill(client, document_type, count: int, case=None) -> None:
    for _ in range(count):
        document = create_document(client, document_type, trefwoorden=["aanvraag"])
        if case is not None:
            attach_to_case(case, Document.objects.get(uuid=document["url"].rsplit("/", 1)[-1]))
        client.post(
            RIGHTS,
            {
                "informatieobject": document["url"],
                "startdatum": "2026-03-01T00:00:00Z",
                "omschrijvingVoorwaarden": "Intern",
            },
            format="json",
        )
        client.post(
            f"{BASE}verzendingen",
            {
                "betrokkene": "https://klantinteracties.example.nl/api/v1/partijen/1",
                "informatieobject": document["url"],
                "aardRelatie": "afzender",
                "contactPersoon": "https://klantinteracties.example.nl/api/v1/partijen/2",
                "emailadres": "inwoner@example.nl",
            },
            format="json",
        )


def case_holding(document_type):
    case_type = published_case_type()
    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction="inkomend"
    )
    return open_case(case_type, actor="t")


def queries_of(client, path: str, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, params)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert len(body["results"] if isinstance(body, dict) else body) > 0
    return len(context.captured_queries)


LISTS = [
    (DOCUMENTS, {}),
    (DOCUMENTS, {"expand": "informatieobjecttype"}),
    (DOCUMENTS, {"trefwoorden": "aanvraag"}),
    (RIGHTS, {}),
    (RIGHTS, {"expand": "informatieobject.informatieobjecttype"}),
    (f"{BASE}verzendingen", {"expand": "informatieobject"}),
    (f"{BASE}objectinformatieobjecten", {}),
]


@pytest.mark.parametrize(("path", "params"), LISTS)
def test_a_list_costs_the_same_for_1_or_20_objects_and_1_or_170_authorisations(
    drc, document_type, path, params
):
    types = many_types(169, document_type.catalogue)
    one_grant = client_granted("een", [(EVERY_SCOPE, document_type, "zeer_geheim")])
    many_grants = client_granted(
        "veel",
        [(EVERY_SCOPE, t, "zeer_geheim") for t in [document_type, *types]],
    )
    case = case_holding(document_type)
    fill(drc, document_type, 1, case)
    baseline = queries_of(one_grant, path, **params)

    fill(drc, document_type, 19, case)

    assert queries_of(one_grant, path, **params) == baseline
    assert queries_of(many_grants, path, **params) == baseline
    assert queries_of(drc, path, **params) == baseline
