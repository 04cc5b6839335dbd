"""State changes of documents: store, change (a new version), lock, unlock, link, delete.

The content type is sniffed from the bytes, not taken from the client or the file name, so a
renamed executable never passes as a PDF (``loket.cases.document_files``). Every change of a
locked document needs its lock id (drc-009); a forced unlock is for clients with the scope
documenten.geforceerd-unlock. A large file may come in parts (bestandsdelen): the document
stays locked until every part is there, and unlocking joins them into the version's file.
"""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.document_files import (
    content_fields,
    expect_parts,
    finish_upload,
    sniff_content_type,
)
from loket.cases.models import (
    AuditEntry,
    CaseDocument,
    DecisionDocument,
    Dispatch,
    Document,
    DocumentVersion,
    UsageRight,
)
from loket.cases.services import lock as lock_case
from loket.cases.services import refuse
from loket.catalog.models import DocumentType
from loket.notify import case_events

# The services other apps call; ``sniff_content_type`` for what they store themselves.
__all__ = [
    "add_usage_right",
    "attach_to_case",
    "change_dispatch",
    "change_document",
    "change_usage_right",
    "create_document",
    "delete_document",
    "existing_link",
    "latest_version",
    "lock_document",
    "record_dispatch",
    "remove_dispatch",
    "remove_object_link",
    "remove_usage_right",
    "sniff_content_type",
    "unlock_document",
]

# Metadata a new version copies from the one before unless the change gives it.
VERSION_FIELDS = [
    "document_type",
    "created_on",
    "title",
    "confidentiality",
    "author",
    "status",
    "language",
    "declared_format",
    "file_name",
    "file",
    "size",
    "content_type",
    "checksum",
    "content_withdrawn",
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

# The one address a dispatch (verzending) went to or came from.
DISPATCH_ADDRESSES = [
    "domestic_address",
    "foreign_address",
    "postal_address",
    "fax",
    "email",
    "my_government",
    "phone",
]


def check_fields(document_type: DocumentType, fields: dict, document=None) -> None:
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
    check_usage_indication(fields.get("usage_rights_indicated"), document)


def check_usage_indication(indicated: bool | None, document) -> None:
    """drc-006: the indication is true exactly when the document has usage rights."""
    has_rights = document is not None and document.usage_rights.exists()
    if indicated and not has_rights:
        refuse(
            _("The indication becomes true by adding usage rights (gebruiksrechten)."),
            "missing-gebruiksrechten",
            "indicatieGebruiksrecht",
        )
    if not indicated and has_rights:
        refuse(
            _("The document has usage rights; remove them first."),
            "existing-gebruiksrechten",
            "indicatieGebruiksrecht",
        )


def check_identification_free(source_organisation: str, identification: str) -> None:
    if Document.objects.filter(
        source_organisation=source_organisation, identification=identification
    ).exists():
        refuse(
            _("This identification is already in use."), "identificatie-niet-uniek", "identificatie"
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
    upload_size: int | None = None,
    **fields,
) -> Document:
    """A new document; with ``upload_size`` its file comes later in parts, and the document
    stays locked (its lock id is the client's) until they are all there."""
    fields.setdefault("confidentiality", document_type.confidentiality)  # drc-007
    fields.setdefault("created_on", timezone.localdate())
    check_fields(document_type, fields)
    if identification:
        check_identification_free(source_organisation, identification)
    document = Document.objects.create(
        identification=identification or f"DOC-{secrets.token_hex(8).upper()}",
        source_organisation=source_organisation,
        document_type=document_type,
        confidentiality=fields["confidentiality"],
    )
    if content is not None:
        fields.update(content_fields(content, fields.get("file_name", ""), fields.get("integrity")))
    elif upload_size:
        fields["size"] = upload_size
    version = DocumentVersion.objects.create(
        document=document,
        version=1,
        registered_at=timezone.now(),
        document_type=document_type,
        title=title,
        author=author,
        **fields,
    )
    if content is None and upload_size:
        expect_parts(version, upload_size)
        document.lock = secrets.token_hex(16)
        document.save(update_fields=["lock"])
    return document


def latest_version(document: Document) -> DocumentVersion:
    return document.versions.order_by("-version").first()


def lock_document_row(document: Document) -> Document:
    return Document.objects.select_for_update().get(pk=document.pk)


def check_lock(document: Document, lock: str) -> None:
    if not document.is_locked or not secrets.compare_digest(document.lock, lock or ""):
        refuse(_("Lock the document first and give its lock id."), "unlocked", "lock")


@transaction.atomic
def change_document(
    document: Document,
    *,
    lock: str,
    content: bytes | None = None,
    upload_size: int | None = None,
    identification: str | None = None,
    source_organisation: str | None = None,
    **changes,
) -> DocumentVersion:
    """Every change is a new version; the earlier versions stay as they were.

    ``upload_size`` starts a new file that comes in parts, as on creation.
    """
    document = lock_document_row(document)
    check_lock(document, lock)
    previous = latest_version(document)
    fields = {name: getattr(previous, name) for name in VERSION_FIELDS}
    fields.update(changes)
    if content is not None:
        fields.update(content_fields(content, fields["file_name"], changes.get("integrity")))
    elif upload_size:
        fields.update(file="", size=upload_size, checksum="", content_type="")
        fields["integrity"] = changes.get("integrity") or {}
    elif previous.checksum:
        fields["integrity"] = previous.integrity  # Loket's checksum stays with its file
    check_fields(fields["document_type"], fields, document)
    change_identity(document, identification, source_organisation)
    document.document_type = fields["document_type"]
    document.confidentiality = fields["confidentiality"]
    document.save(
        update_fields=["identification", "source_organisation", "document_type", "confidentiality"]
    )
    version = DocumentVersion.objects.create(
        document=document, version=previous.version + 1, registered_at=timezone.now(), **fields
    )
    if content is None and upload_size:
        expect_parts(version, upload_size)
    return version


def change_identity(document: Document, identification, source_organisation) -> None:
    identification = identification or document.identification
    source_organisation = source_organisation or document.source_organisation
    if (identification, source_organisation) == (
        document.identification,
        document.source_organisation,
    ):
        return
    check_identification_free(source_organisation, identification)
    document.identification = identification
    document.source_organisation = source_organisation


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
    """Unlocking ends an upload in parts: the parts are joined into the file.

    A forced unlock of an unfinished upload drops its parts; the version then has no file.
    """
    document = lock_document_row(document)
    if not force and not secrets.compare_digest(document.lock, lock or ""):
        refuse(_("The lock id is not right."), "incorrect-lock-id", "nonFieldErrors")
    version = latest_version(document)
    parts = list(version.parts.order_by("order"))
    if parts:
        finish_upload(version, parts, force=force)
    document.lock = ""
    document.save(update_fields=["lock"])


@transaction.atomic
def delete_document(document: Document) -> None:
    """Delete for real (no soft delete), only when no case or decision refers to it (drc-008).

    Its usage rights, dispatches and audit trail go with it, as drc-008 requires.
    """
    document = lock_document_row(document)
    if document.case_links.exists() or document.decision_links.exists():
        refuse(
            _("The document still belongs to a case or decision."),
            "pending-relations",
            "nonFieldErrors",
        )
    versions = document.versions.prefetch_related("parts")
    files = {v.file.name: v.file.storage for v in versions if v.file}
    files |= {p.file.name: p.file.storage for v in versions for p in v.parts.all() if p.file}
    AuditEntry.objects.filter(component="drc", main_object_uuid=document.uuid).delete()
    document.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name, storage in files.items()])


# --- Usage rights (gebruiksrechten) -----------------------------------------------------------


@transaction.atomic
def add_usage_right(document: Document, *, starts_at, conditions: str, ends_at=None):
    """Gebruiksrechten set the document's indication to true (drc-006)."""
    right = UsageRight.objects.create(
        document=document, starts_at=starts_at, ends_at=ends_at, conditions=conditions
    )
    set_usage_indication(document, True)
    return right


@transaction.atomic
def change_usage_right(right: UsageRight, *, document: Document | None = None, **changes):
    """The conditions and period change; the document a usage right is about does not."""
    if document is not None and document.pk != right.document_id:
        refuse(
            _("A usage right stays with its document."),
            "wijzigen-niet-toegelaten",
            "informatieobject",
        )
    for name, value in changes.items():
        setattr(right, name, value)
    right.save()
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


# --- Dispatches (verzendingen) ----------------------------------------------------------------


def check_one_address(fields: dict) -> None:
    """A dispatch goes to, or comes from, exactly one address (as the reference DRC checks)."""
    given = [name for name in DISPATCH_ADDRESSES if has_value(fields.get(name))]
    if len(given) != 1:
        refuse(
            _("Give exactly one address: a postal address, phone, fax, e-mail or MijnOverheid."),
            "invalid-address",
            "nonFieldErrors",
        )


def has_value(value) -> bool:
    return any(value.values()) if isinstance(value, dict) else bool(value)


@transaction.atomic
def record_dispatch(document: Document, **fields) -> Dispatch:
    check_one_address(fields)
    return Dispatch.objects.create(document=document, **fields)


@transaction.atomic
def change_dispatch(dispatch: Dispatch, **changes) -> Dispatch:
    for name, value in changes.items():
        setattr(dispatch, name, value)
    check_one_address({name: getattr(dispatch, name) for name in DISPATCH_ADDRESSES})
    dispatch.save()
    return dispatch


def remove_dispatch(dispatch: Dispatch) -> None:
    dispatch.delete()


# --- Links to cases and decisions (zaak- and besluitinformatieobjecten) ----------------------


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
    link = CaseDocument.objects.create(
        case=case,
        document=document,
        title=title or latest_version(document).title,
        description=description,
        visible_to_citizen=visible_to_citizen,
    )
    case_events.document_added(link)
    return link


def existing_link(document: Document, *, case=None, decision=None):
    """The case's or decision's own link to the document (drc-004), or a refusal.

    Loket holds both sides of a relation: the objectinformatieobject of the Documenten API is
    the zaak's or besluit's link itself, so registering one is confirming that it exists.
    """
    links = (
        CaseDocument.objects.filter(case=case)
        if case is not None
        else DecisionDocument.objects.filter(decision=decision)
    )
    link = links.filter(document=document).first()
    if link is None:
        refuse(
            _("Link the document to the case or decision first (Zaken or Besluiten API)."),
            "inconsistent-relation",
            "nonFieldErrors",
        )
    return link


def remove_object_link(link) -> None:
    """The zaak's or besluit's link is leading (zrc-005): it goes through its own API, and its
    objectinformatieobject with it; the Documenten API does not remove it on its own."""
    refuse(
        _("The case or decision still holds this document; remove the link there."),
        "remote-relation-exists",
        "nonFieldErrors",
    )
