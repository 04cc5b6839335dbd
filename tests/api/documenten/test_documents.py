"""Enkelvoudiginformatieobjecten: base64 content in, download out, versions, and drc-001..010."""

import hashlib
from datetime import date

import pytest
from django.utils import timezone

from loket.cases.documents import attach_to_case
from loket.cases.models import AuditEntry, Document
from loket.cases.services import open_case
from loket.catalog.models import CaseTypeDocumentType, DocumentType
from tests.api.documenten.builders import (
    DOCUMENTS,
    PDF,
    PNG,
    b64,
    client_granted,
    create_document,
    document_body,
    invalid,
    published_document_type,
    type_url,
)
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db


def lock(client, document: dict) -> str:
    response = client.post(f"{document['url']}/lock")
    assert response.status_code == 200, response.json()
    return response.json()["lock"]


def test_create_with_base64_content_and_read_it_back(drc, document_type):
    created = create_document(drc, document_type)

    assert created["url"].startswith(
        "http://testserver/documenten/api/v1/enkelvoudiginformatieobjecten/"
    )
    assert created["inhoud"] == f"{created['url']}/download?versie=1"
    assert created["versie"] == 1 and created["locked"] is False and created["lock"] == ""
    assert created["bestandsomvang"] == len(PDF)
    assert created["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"  # drc-007: the type's
    assert created["identificatie"].startswith("DOC-")
    assert created["bestandsdelen"] == []
    assert created["informatieobjecttype"] == type_url(document_type)
    read = drc.get(created["url"])
    assert read.status_code == 200 and read["API-version"] == "1.5.0"
    assert read.json() == {key: value for key, value in created.items() if key != "lock"}


def test_checksum_is_computed_from_the_bytes(drc, document_type):
    created = create_document(drc, document_type)

    assert created["integriteit"] == {
        "algoritme": "sha_256",
        "waarde": hashlib.sha256(PDF).hexdigest(),
        "datum": timezone.localdate().isoformat(),
    }


def test_a_checksum_sent_along_must_match_the_bytes(drc, document_type):
    wrong = {"algoritme": "sha_256", "waarde": "0" * 64, "datum": "2026-03-01"}
    right = {**wrong, "waarde": hashlib.sha256(PDF).hexdigest()}

    refused = drc.post(DOCUMENTS, document_body(document_type, integriteit=wrong), format="json")

    assert invalid(refused, "integriteit")["code"] == "integrity-mismatch"
    assert (
        create_document(drc, document_type, integriteit=right)["integriteit"]["waarde"]
        == (right["waarde"])
    )


def test_png_sent_as_pdf_downloads_as_png(drc, document_type):
    created = create_document(drc, document_type, PNG, bestandsnaam="foto.pdf")

    assert created["formaat"] == "application/pdf"  # what the client said, kept
    download = drc.get(created["inhoud"])
    assert download.status_code == 200
    assert download["Content-Type"] == "image/png"  # what the bytes are
    assert download["Content-Disposition"] == 'attachment; filename="foto.pdf"'
    assert b"".join(download.streaming_content) == PNG


def test_download_of_the_latest_and_an_older_version(drc, document_type):
    created = create_document(drc, document_type)
    first_registered = created["beginRegistratie"]
    changed = drc.patch(
        created["url"], {"inhoud": b64(b"Versie twee"), "lock": lock(drc, created)}, format="json"
    ).json()

    assert changed["versie"] == 2 and changed["inhoud"].endswith("/download?versie=2")
    latest = drc.get(f"{created['url']}/download")
    assert b"".join(latest.streaming_content) == b"Versie twee"
    assert latest["Content-Type"] == "text/plain"
    older = drc.get(f"{created['url']}/download", {"versie": 1})
    assert b"".join(older.streaming_content) == PDF
    by_moment = drc.get(f"{created['url']}/download", {"registratieOp": first_registered})
    assert b"".join(by_moment.streaming_content) == PDF
    assert drc.get(f"{created['url']}/download", {"versie": 3}).status_code == 404


def test_download_answers_a_client_that_accepts_only_bytes(drc, document_type):
    created = create_document(drc, document_type)

    download = drc.get(created["inhoud"], HTTP_ACCEPT="application/octet-stream")

    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF


def test_read_a_version_by_number_or_registration_moment(drc, document_type):
    created = create_document(drc, document_type)
    drc.patch(created["url"], {"titel": "Nieuw", "lock": lock(drc, created)}, format="json")

    assert drc.get(created["url"]).json()["titel"] == "Nieuw"
    first = drc.get(created["url"], {"versie": 1}).json()
    assert (first["versie"], first["titel"]) == (1, "Aanvraag")
    at = drc.get(created["url"], {"registratieOp": created["beginRegistratie"]}).json()
    assert at["versie"] == 1
    assert drc.get(created["url"], {"registratieOp": "2000-01-01T00:00:00Z"}).status_code == 404
    assert invalid(drc.get(created["url"], {"versie": "een"}), "versie")["code"] == "invalid"


def test_size_limit_is_refused_with_the_standard_400(drc, document_type, settings):
    settings.LOKET_DOCUMENT_MAX_BYTES = 10

    response = drc.post(DOCUMENTS, document_body(document_type), format="json")

    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["code"] == "invalid"
    assert set(body) == {"type", "code", "title", "status", "detail", "instance", "invalidParams"}
    assert invalid(response, "inhoud")["code"] == "file-too-large"
    assert not Document.objects.exists()


def test_a_file_larger_than_djangos_request_limit_goes_through(drc, document_type, settings):
    content = PDF + b"\0" * (3 * 1024 * 1024)
    assert len(b64(content)) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    created = create_document(drc, document_type, content)

    assert created["bestandsomvang"] == len(content)
    assert b"".join(drc.get(created["inhoud"]).streaming_content) == content


def test_a_request_body_beyond_the_document_limit_is_refused_unread(drc, document_type, settings):
    settings.LOKET_DOCUMENT_MAX_BYTES = 1024  # the body may hold 1368 bytes of base64 + 1 MiB
    content = b"x" * (1024 * 1024 + 2048)

    response = drc.post(DOCUMENTS, document_body(document_type, content), format="json")

    assert invalid(response, "inhoud")["code"] == "file-too-large"


def test_invalid_base64_and_a_size_that_does_not_match(drc, document_type):
    broken = drc.post(DOCUMENTS, document_body(document_type, inhoud="not base64!"), format="json")
    assert invalid(broken, "inhoud")["code"] == "invalid-base64"

    mismatch = drc.post(DOCUMENTS, document_body(document_type, bestandsomvang=3), format="json")
    assert invalid(mismatch, "bestandsomvang")["code"] == "file-size"


def test_a_document_without_content(drc, document_type):
    created = create_document(drc, document_type, None, link="https://example.nl/brief")

    assert created["inhoud"] is None and created["bestandsomvang"] is None
    assert created["integriteit"] is None and created["link"] == "https://example.nl/brief"
    assert drc.get(f"{created['url']}/download").status_code == 404


def test_drc_001_type_of_another_catalogue_api_or_a_concept_is_refused(drc, document_type):
    remote = "https://catalogi.example.nl/api/v1/informatieobjecttypen/" + str(document_type.uuid)
    response = drc.post(
        DOCUMENTS, document_body(document_type, informatieobjecttype=remote), format="json"
    )
    assert invalid(response, "informatieobjecttype")["code"] == "bad-url"

    concept = DocumentType.objects.create(
        catalogue=document_type.catalogue,
        valid_from=date(2026, 1, 1),
        description="Concept",
        confidentiality="openbaar",
        category="x",
    )
    response = drc.post(
        DOCUMENTS,
        document_body(document_type, informatieobjecttype=type_url(concept)),
        format="json",
    )
    assert invalid(response, "informatieobjecttype")["code"] == "not-published"


def test_drc_005_a_received_document_is_not_in_progress(drc, document_type):
    body = document_body(document_type, ontvangstdatum="2026-03-01", status="in_bewerking")

    assert invalid(drc.post(DOCUMENTS, body, format="json"), "status")["code"] == "status-invalid"


def test_drc_007_a_given_confidentiality_is_kept(drc, document_type):
    created = create_document(drc, document_type, vertrouwelijkheidaanduiding="geheim")

    assert created["vertrouwelijkheidaanduiding"] == "geheim"


def test_identification_is_unique_per_source_organisation(drc, document_type):
    create_document(drc, document_type, identificatie="BRIEF-1")

    again = drc.post(
        DOCUMENTS, document_body(document_type, identificatie="BRIEF-1"), format="json"
    )

    assert invalid(again, "identificatie")["code"] == "identificatie-niet-uniek"
    create_document(drc, document_type, identificatie="BRIEF-1", bronorganisatie="002220647")


def test_nested_groups_and_keywords(drc, document_type):
    created = create_document(
        drc,
        document_type,
        ondertekening={"soort": "digitaal", "datum": "2026-03-02"},
        trefwoorden=["aanvraag", "paspoort"],
        verschijningsvorm="brief",
        inhoudIsVervallen=False,
    )

    assert created["ondertekening"] == {"soort": "digitaal", "datum": "2026-03-02"}
    assert created["trefwoorden"] == ["aanvraag", "paspoort"]
    assert created["verschijningsvorm"] == "brief" and created["inhoudIsVervallen"] is False


def test_drc_009_changes_need_the_lock(drc, document_type):
    created = create_document(drc, document_type)

    unlocked = drc.patch(created["url"], {"titel": "Nieuw", "lock": "x"}, format="json")
    assert invalid(unlocked, "lock")["code"] == "unlocked"

    lock_id = lock(drc, created)
    assert invalid(drc.post(f"{created['url']}/lock"), "nonFieldErrors")["code"] == "existing-lock"
    wrong = drc.patch(created["url"], {"titel": "Nieuw", "lock": "wrong"}, format="json")
    assert invalid(wrong, "lock")["code"] == "unlocked"
    assert drc.get(created["url"]).json()["locked"] is True

    put = drc.put(
        created["url"], {**document_body(document_type, None), "lock": lock_id}, format="json"
    )
    assert put.status_code == 200, put.json()
    assert put.json()["versie"] == 2 and "lock" not in put.json()
    assert put.json()["inhoud"].endswith("versie=2")  # a PUT without inhoud keeps the file

    bad_unlock = drc.post(f"{created['url']}/unlock", {"lock": "wrong"}, format="json")
    assert invalid(bad_unlock, "nonFieldErrors")["code"] == "incorrect-lock-id"
    assert drc.post(f"{created['url']}/unlock", {"lock": lock_id}, format="json").status_code == 204
    assert drc.get(created["url"]).json()["locked"] is False


def test_forced_unlock_needs_its_scope(document_type, drc):
    created = create_document(drc, document_type)
    lock(drc, created)
    locker = client_granted("locker", [(["documenten.lock"], None, "zeer_geheim")])

    refused = locker.post(f"{created['url']}/unlock", {}, format="json")
    assert invalid(refused, "nonFieldErrors")["code"] == "incorrect-lock-id"

    assert drc.post(f"{created['url']}/unlock", {}, format="json").status_code == 204
    assert drc.get(created["url"]).json()["locked"] is False


def test_put_replaces_the_metadata_but_keeps_file_and_identification(drc, document_type):
    created = create_document(drc, document_type, identificatie="BRIEF-9", beschrijving="Oud")
    create_document(drc, document_type, identificatie="BEZET")
    lock_id = lock(drc, created)
    body = {**document_body(document_type, None), "lock": lock_id}
    del body["inhoud"]

    put = drc.put(created["url"], body, format="json").json()

    assert put["beschrijving"] == "" and put["identificatie"] == "BRIEF-9"
    assert put["inhoud"].endswith("versie=2") and put["bestandsomvang"] == len(PDF)
    assert put["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    taken = drc.patch(created["url"], {"identificatie": "BEZET", "lock": lock_id}, format="json")
    assert invalid(taken, "identificatie")["code"] == "identificatie-niet-uniek"
    renamed = drc.patch(
        created["url"], {"identificatie": "BRIEF-10", "lock": lock_id}, format="json"
    )
    assert renamed.json()["identificatie"] == "BRIEF-10"
    assert drc.get(DOCUMENTS, {"identificatie": "BRIEF-10"}).json()["count"] == 1


def test_a_change_of_type_or_level_is_a_new_version_and_moves_the_document(drc, document_type):
    other = published_document_type("Besluit", catalogue=document_type.catalogue)
    created = create_document(drc, document_type)

    changed = drc.patch(
        created["url"],
        {
            "informatieobjecttype": type_url(other),
            "vertrouwelijkheidaanduiding": "openbaar",
            "lock": lock(drc, created),
        },
        format="json",
    ).json()

    assert changed["informatieobjecttype"] == type_url(other)
    document = Document.objects.get()
    assert (document.document_type, document.confidentiality) == (other, "openbaar")


def test_drc_008_delete_is_refused_while_a_case_holds_the_document(drc, document_type):
    created = create_document(drc, document_type)
    case_type = published_case_type()
    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction="inkomend"
    )
    link = attach_to_case(open_case(case_type, actor="t"), Document.objects.get())

    response = drc.delete(created["url"])

    assert invalid(response, "nonFieldErrors")["code"] == "pending-relations"
    link.delete()
    assert drc.delete(created["url"]).status_code == 204
    assert drc.get(created["url"]).status_code == 404
    assert not Document.objects.exists()


def test_delete_takes_the_file_away(drc, document_type, django_capture_on_commit_callbacks):
    created = create_document(drc, document_type)
    stored = Document.objects.get().versions.get().file
    assert stored.storage.exists(stored.name)

    with django_capture_on_commit_callbacks(execute=True):
        assert drc.delete(created["url"]).status_code == 204

    assert not stored.storage.exists(stored.name)


def test_audit_trail_of_every_write(drc, document_type):
    created = create_document(drc, document_type)
    lock_id = lock(drc, created)
    drc.patch(
        created["url"],
        {"titel": "Nieuw", "lock": lock_id},
        format="json",
        HTTP_X_AUDIT_TOELICHTING="Typefout",
    )
    drc.post(f"{created['url']}/unlock", {"lock": lock_id}, format="json")

    trail = drc.get(f"{created['url']}/audittrail")

    assert trail.status_code == 200
    entries = trail.json()
    assert [e["actie"] for e in entries] == ["create", "lock", "partial_update", "unlock"]
    assert {e["bron"] for e in entries} == {"drc"}
    assert {e["hoofdObject"] for e in entries} == {created["url"]}
    assert entries[0]["resultaat"] == 201 and entries[0]["wijzigingen"]["oud"] is None
    assert "lock" not in entries[0]["wijzigingen"]["nieuw"]
    change = entries[2]
    assert change["toelichting"] == "Typefout" and change["applicatieId"] == "drc-beheer"
    assert change["wijzigingen"]["oud"]["titel"] == "Aanvraag"
    assert change["wijzigingen"]["nieuw"]["titel"] == "Nieuw"
    one = drc.get(f"{created['url']}/audittrail/{change['uuid']}")
    assert one.status_code == 200 and one.json() == change


def test_drc_008_delete_takes_the_audit_trail(drc, document_type):
    created = create_document(drc, document_type)

    drc.delete(created["url"])

    assert drc.get(f"{created['url']}/audittrail").status_code == 404
    assert not AuditEntry.objects.filter(component="drc").exists()
