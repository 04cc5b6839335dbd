"""Documents: stored with checksum and sniffed type, versioned, locked, linked, deleted."""

import hashlib
from datetime import date

import pytest
from django.utils import timezone

from loket.cases.documents import (
    add_usage_right,
    attach_to_case,
    change_document,
    create_document,
    delete_document,
    latest_version,
    lock_document,
    remove_usage_right,
    unlock_document,
)
from loket.cases.models import Document
from loket.cases.services import CaseError, open_case
from loket.catalog.models import CaseTypeDocumentType, DocumentType
from loket.catalog.services import publish_type
from tests.cases.factories import published_case_type
from tests.catalog.factories import make_catalogue

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 32


@pytest.fixture
def document_type():
    document_type = DocumentType.objects.create(
        catalogue=make_catalogue(),
        valid_from=date(2026, 1, 1),
        description="Bijlage",
        confidentiality="zaakvertrouwelijk",
        category="bijlage",
    )
    return publish_type(document_type)


def new_document(document_type, content=PDF, **fields) -> Document:
    return create_document(
        document_type=document_type,
        title="Bonnetje",
        author="Inwoner",
        source_organisation="001000007",
        content=content,
        file_name="bon.pdf",
        **fields,
    )


def test_content_is_stored_with_checksum_size_and_sniffed_type(document_type):
    document = new_document(document_type, content=PNG)  # named .pdf, but it is a PNG

    version = latest_version(document)
    assert version.content_type == "image/png"
    assert version.size == len(PNG)
    assert version.checksum == hashlib.sha256(PNG).hexdigest()
    assert version.file.read() == PNG
    assert document.confidentiality == "zaakvertrouwelijk"  # drc-007: from the type


def test_text_and_unknown_bytes():
    from loket.cases.documents import sniff_content_type

    assert sniff_content_type(PDF) == "application/pdf"
    assert sniff_content_type(b"Beste meneer,") == "text/plain"
    assert sniff_content_type(b"\xff\xfe\x00\x81" * 10) == "application/octet-stream"


def test_size_limit(document_type, settings):
    settings.LOKET_DOCUMENT_MAX_BYTES = 10

    with pytest.raises(CaseError) as refusal:
        new_document(document_type)

    assert refusal.value.code == "file-too-large"
    assert not Document.objects.exists()


def test_unpublished_type_and_received_draft_are_refused(document_type):
    draft = DocumentType.objects.create(
        catalogue=document_type.catalogue,
        valid_from=date(2026, 1, 1),
        description="Concept",
        confidentiality="openbaar",
        category="x",
    )
    with pytest.raises(CaseError):
        new_document(draft)
    with pytest.raises(CaseError) as refusal:
        new_document(document_type, received_on=date(2026, 3, 1), status="in_bewerking")
    assert refusal.value.field == "status"


def test_changes_need_the_lock_and_make_a_new_version(document_type):
    document = new_document(document_type)

    with pytest.raises(CaseError) as refusal:
        change_document(document, lock="", title="Nieuw")
    assert refusal.value.code == "unlocked"

    lock = lock_document(document)
    with pytest.raises(CaseError):
        lock_document(document)
    with pytest.raises(CaseError):
        change_document(document, lock="wrong", title="Nieuw")
    change_document(document, lock=lock, title="Nieuw", content=b"nieuwe inhoud")

    versions = list(document.versions.order_by("version"))
    assert [(v.version, v.title) for v in versions] == [(1, "Bonnetje"), (2, "Nieuw")]
    assert versions[0].content_type == "application/pdf"
    assert versions[1].content_type == "text/plain"

    with pytest.raises(CaseError):
        unlock_document(document, lock="wrong")
    unlock_document(document, lock=lock)
    document.refresh_from_db()
    assert not document.is_locked


def test_forced_unlock(document_type):
    document = new_document(document_type)
    lock_document(document)

    unlock_document(document, force=True)

    document.refresh_from_db()
    assert not document.is_locked


def test_usage_rights_set_and_clear_the_indication(document_type):
    document = new_document(document_type)
    right = add_usage_right(document, starts_at=timezone.now(), conditions="Alleen intern")
    assert latest_version(document).usage_rights_indicated is True

    remove_usage_right(right)
    assert latest_version(document).usage_rights_indicated is None


def test_attach_only_allowed_types_and_delete_only_when_unlinked(document_type):
    case_type = published_case_type()
    case = open_case(case_type, actor="t")
    document = new_document(document_type)

    with pytest.raises(CaseError) as refusal:
        attach_to_case(case, document)
    assert refusal.value.code == "missing-zaaktype-informatieobjecttype-relation"

    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction="inkomend"
    )
    link = attach_to_case(case, document)
    assert link.title == "Bonnetje"

    with pytest.raises(CaseError) as refusal:
        delete_document(document)
    assert refusal.value.code == "pending-relations"

    link.delete()
    delete_document(document)
    assert not Document.objects.exists()
