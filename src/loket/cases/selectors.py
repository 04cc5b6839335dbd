"""Reads of cases for the person or business that started them (the portal's Mijn omgeving).

One rule decides what a visitor sees: the cases they initiated, a person by BSN and a business
by KvK number, and of those only what is meant for them (documents marked visible to the
citizen, notes marked so). A lookup of someone else's case or document answers None, exactly
as for one that does not exist, so that the portal can refuse both the same way.

Every read costs a fixed number of queries, whatever the number of cases, steps or documents.
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, QuerySet

from loket.cases.models import Case, CaseDocument, Decision, DocumentVersion, StatusChange
from loket.cases.timeline import Step, timeline


def cases_of(*, bsn: str = "", kvk: str = "") -> QuerySet[Case]:
    """The cases a person (``bsn``) or a business (``kvk``) initiated: open ones first, then
    newest first. Without either, none: an anonymous report has an empty initiator, and
    that must never match."""
    if bsn:
        cases = Case.objects.filter(initiator_bsn=bsn)
    elif kvk:
        cases = Case.objects.filter(initiator_kvk=kvk)
    else:
        return Case.objects.none()
    return (
        cases.select_related("case_type", "current_status", "result__result_type")
        .annotate(is_open=ExpressionWrapper(Q(closed_on__isnull=True), output_field=BooleanField()))
        .order_by("-is_open", "-registered_on", "-pk")
    )


def case_of(case_uuid: UUID | str, *, bsn: str = "", kvk: str = "") -> Case | None:
    """The case with this uuid if that person or business initiated it; None otherwise."""
    return cases_of(bsn=bsn, kvk=kvk).filter(uuid=case_uuid).first()


def case_timeline(case: Case) -> list[Step]:
    """The track & trace steps of the case (``loket.cases.timeline``): two queries."""
    return timeline(case)


@dataclass(frozen=True)
class CitizenDocument:
    """A document of the case the citizen may download: its link and its newest version."""

    link: CaseDocument
    version: DocumentVersion

    @property
    def uuid(self) -> UUID:
        return self.link.uuid

    @property
    def title(self) -> str:
        return self.link.title or self.version.title

    @property
    def registered_at(self) -> datetime:
        return self.link.registered_at

    @property
    def file_name(self) -> str:
        # Only printable characters: the name goes into a Content-Disposition header.
        name = self.version.file_name or self.title or "document"
        return "".join(character for character in name if character.isprintable())

    @property
    def content_type(self) -> str:
        return self.version.content_type or "application/octet-stream"

    @property
    def kind(self) -> str:
        """The kind of file as people name it: PDF, JPG, TXT."""
        name = self.file_name
        if "." in name:
            return name.rsplit(".", 1)[-1].upper()[:5]
        return self.content_type.rsplit("/", 1)[-1].upper()[:5]

    @property
    def size(self) -> int | None:
        return self.version.size


def visible_documents(case: Case) -> QuerySet[CaseDocument]:
    newest_first = DocumentVersion.objects.order_by("document_id", "-version")
    return (
        CaseDocument.objects.filter(case=case, visible_to_citizen=True)
        .select_related("document")
        .prefetch_related(Prefetch("document__versions", newest_first, to_attr="newest_first"))
        .order_by("registered_at", "pk")
    )


def citizen_document(link: CaseDocument) -> CitizenDocument | None:
    versions = link.document.newest_first
    if not versions or not versions[0].file:
        return None  # no content (only a link, or an upload in parts not finished)
    return CitizenDocument(link, versions[0])


def citizen_documents(case: Case) -> list[CitizenDocument]:
    """The case's documents the citizen may see and download, oldest first: two queries."""
    documents = (citizen_document(link) for link in visible_documents(case))
    return [document for document in documents if document is not None]


def citizen_document_of(case: Case, link_uuid: UUID | str) -> CitizenDocument | None:
    """One downloadable document of the case by its link's uuid; None if it is not the
    case's, not visible to the citizen, or has no content."""
    link = visible_documents(case).filter(uuid=link_uuid).first()
    return citizen_document(link) if link is not None else None


def citizen_messages(case: Case) -> QuerySet[StatusChange]:
    """The notes of the status history meant for the citizen, newest first."""
    return (
        StatusChange.objects.filter(case=case, note_visible_to_citizen=True)
        .exclude(note="")
        .select_related("status_type")
        .order_by("-set_at", "-pk")
    )


def decisions_of(case: Case) -> QuerySet[Decision]:
    """The decisions (besluiten) of the case, newest first."""
    return (
        Decision.objects.filter(case=case).select_related("decision_type").order_by("-date", "-pk")
    )
