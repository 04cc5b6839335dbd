"""State changes of documents: store, change (a new version), lock, unlock, link, delete.

The content type is sniffed from the bytes, not taken from the client or the file name, so a
renamed executable never passes as a PDF. Every change of a locked document needs its lock id
(drc-009); a forced unlock is for clients with the scope documenten.geforceerd-unlock.
"""

import hashlib
import secrets

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.models import CaseDocument, Document, DocumentVersion, UsageRight
from loket.cases.services import lock as lock_case
from loket.cases.services import refuse
from loket.catalog.models import DocumentType

# Metadata a new version copies from the one before unless the change gives it.
VERSION_FIELDS = [
    "document_type",
    "created_on",
    "title",
    "confidentiality",
    "author",
    "status",
    "language",
    "file_name",
    "file",
    "size",
    "content_type",
    "checksum",
    "link",
    "description",
    "received_on",
    "sent_on",
    "usage_rights_indicated",
    "appearance",
    "signature",
    "integrity",
    "keywords",
]


def sniff_content_type(content: bytes) -> str:
    kind = filetype.guess(content[:8192])
    if kind is not None:
        return kind.mime
    try:
        content[:8192].decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    return "text/plain"


def content_fields(content: bytes, file_name: str) -> dict:
    if len(content) > settings.LOKET_DOCUMENT_MAX_BYTES:
        refuse(
            _("The file is larger than %(mb)s MB.")
            % {"mb": settings.LOKET_DOCUMENT_MAX_BYTES // (1024 * 1024)},
            "file-too-large",
            "inhoud",
        )
    stored = ContentFile(content, name=file_name or "document")
    return {
        "file": stored,
        "size": len(content),
        "checksum": hashlib.sha256(content).hexdigest(),
        "content_type": sniff_content_type(content),
    }


def check_fields(document_type: DocumentType, fields: dict) -> None:
    if document_type.concept:  # drc-001
        refuse(_("This document type is not published."), "not-published", "informatieobjecttype")
    if fields.get("received_on") and fields.get("status") in (
        DocumentVersion.Status.IN_PROGRESS,
        DocumentVersion.Status.FOR_APPROVAL,
    ):  # drc-005
        refuse(
            _("A received document cannot be in progress or waiting for approval."),
            "status-invalid",
            "status",
        )


@transaction.atomic
def create_document(
    *,
    document_type: DocumentType,
    title: str,
    author: str,
    source_organisation: str,
    content: bytes | None = None,
    identification: str = "",
    **fields,
) -> Document:
    fields.setdefault("confidentiality", document_type.confidentiality)  # drc-007
    fields.setdefault("created_on", timezone.localdate())
    check_fields(document_type, fields)
    if (
        identification
        and Document.objects.filter(
            source_organisation=source_organisation, identification=identification
        ).exists()
    ):
        refuse(
            _("This identification is already in use."), "identificatie-niet-uniek", "identificatie"
        )
    document = Document.objects.create(
        identification=identification or f"DOC-{secrets.token_hex(8).upper()}",
        source_organisation=source_organisation,
        document_type=document_type,
        confidentiality=fields["confidentiality"],
    )
    if content is not None:
        fields.update(content_fields(content, fields.get("file_name", "")))
    DocumentVersion.objects.create(
        document=document,
        version=1,
        registered_at=timezone.now(),
        document_type=document_type,
        title=title,
        author=author,
        **fields,
    )
    return document


def latest_version(document: Document) -> DocumentVersion:
    return document.versions.order_by("-version").first()


def lock_document_row(document: Document) -> Document:
    return Document.objects.select_for_update().get(pk=document.pk)


@transaction.atomic
def change_document(
    document: Document, *, lock: str, content: bytes | None = None, **changes
) -> DocumentVersion:
    """Every change is a new version; the earlier versions stay as they were."""
    document = lock_document_row(document)
    if not document.is_locked or not secrets.compare_digest(document.lock, lock or ""):
        refuse(_("Lock the document first and give its lock id."), "unlocked", "lock")
    previous = latest_version(document)
    fields = {name: getattr(previous, name) for name in VERSION_FIELDS}
    fields.update(changes)
    if content is not None:
        fields.update(content_fields(content, fields.get("file_name", "")))
    check_fields(fields["document_type"], fields)
    document.document_type = fields["document_type"]
    document.confidentiality = fields["confidentiality"]
    document.save(update_fields=["document_type", "confidentiality"])
    return DocumentVersion.objects.create(
        document=document, version=previous.version + 1, registered_at=timezone.now(), **fields
    )


@transaction.atomic
def lock_document(document: Document) -> str:
    document = lock_document_row(document)
    if document.is_locked:
        refuse(_("The document is already locked."), "existing-lock", "nonFieldErrors")
    document.lock = secrets.token_hex(16)
    document.save(update_fields=["lock"])
    return document.lock


@transaction.atomic
def unlock_document(document: Document, *, lock: str = "", force: bool = False) -> None:
    document = lock_document_row(document)
    if not force and not secrets.compare_digest(document.lock, lock or ""):
        refuse(_("The lock id is not right."), "incorrect-lock-id", "nonFieldErrors")
    document.lock = ""
    document.save(update_fields=["lock"])


@transaction.atomic
def delete_document(document: Document) -> None:
    """Delete for real (no soft delete), only when no case or decision refers to it (drc-008)."""
    document = lock_document_row(document)
    if document.case_links.exists() or document.decision_links.exists():
        refuse(
            _("The document still belongs to a case or decision."),
            "pending-relations",
            "nonFieldErrors",
        )
    files = [v.file for v in document.versions.all() if v.file]
    document.delete()
    transaction.on_commit(lambda: [f.storage.delete(f.name) for f in files])


@transaction.atomic
def add_usage_right(document: Document, *, starts_at, conditions: str, ends_at=None):
    """Gebruiksrechten set the document's indication to true (drc-006)."""
    right = UsageRight.objects.create(
        document=document, starts_at=starts_at, ends_at=ends_at, conditions=conditions
    )
    set_usage_indication(document, True)
    return right


@transaction.atomic
def remove_usage_right(right: UsageRight) -> None:
    document = right.document
    right.delete()
    if not document.usage_rights.exists():
        set_usage_indication(document, None)


def set_usage_indication(document: Document, value: bool | None) -> None:
    DocumentVersion.objects.filter(pk=latest_version(document).pk).update(
        usage_rights_indicated=value
    )


@transaction.atomic
def attach_to_case(
    case,
    document: Document,
    *,
    title: str = "",
    description: str = "",
    visible_to_citizen: bool = False,
    may_change_closed: bool = False,
):
    """Link a document to a case (a zaakinformatieobject), in a type the case type allows."""
    case = lock_case(case)
    if case.is_closed and not may_change_closed:
        refuse(_("This case is closed."), "zaak-afgesloten", "zaak")
    document_type = latest_version(document).document_type
    if not case.case_type.document_type_links.filter(document_type=document_type).exists():
        refuse(  # zrc-017
            _("Cases of this type cannot hold documents of this type."),
            "missing-zaaktype-informatieobjecttype-relation",
            "informatieobject",
        )
    if CaseDocument.objects.filter(case=case, document=document).exists():
        refuse(_("This document is already part of the case."), "unique", "informatieobject")
    return CaseDocument.objects.create(
        case=case,
        document=document,
        title=title or latest_version(document).title,
        description=description,
        visible_to_citizen=visible_to_citizen,
    )
