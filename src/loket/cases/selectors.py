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
from django.http import FileResponse, Http404

from loket.cases.models import (
    Case,
    CaseDocument,
    CaseNote,
    Decision,
    DocumentVersion,
    Role,
    StatusChange,
)
from loket.cases.timeline import Step, timeline
from loket.catalog.choices import GenericRole


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
class CaseFile:
    """A document of the case with content to download: its link and its newest version."""

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

    def download(self) -> FileResponse:
        """The file as an attachment; Http404 when the storage lost its bytes."""
        try:
            stream = self.version.file.open("rb")
        except OSError as missing:  # the row is there but the bytes are not
            raise Http404 from missing
        return FileResponse(
            stream, as_attachment=True, filename=self.file_name, content_type=self.content_type
        )


def visible_documents(case: Case, *, for_citizen: bool = True) -> QuerySet[CaseDocument]:
    """The case's document links (only those the citizen may see, unless ``for_citizen`` is
    False: the staff see all), with their versions newest first."""
    newest_first = DocumentVersion.objects.order_by("document_id", "-version")
    links = CaseDocument.objects.filter(case=case)
    if for_citizen:
        links = links.filter(visible_to_citizen=True)
    return (
        links.select_related("document")
        .prefetch_related(Prefetch("document__versions", newest_first, to_attr="newest_first"))
        .order_by("registered_at", "pk")
    )


def case_file(link: CaseDocument) -> CaseFile | None:
    versions = link.document.newest_first
    if not versions or not versions[0].file:
        return None  # no content (only a link, or an upload in parts not finished)
    return CaseFile(link, versions[0])


def citizen_documents(case: Case, *, for_citizen: bool = True) -> list[CaseFile]:
    """The case's documents the citizen may see and download (with ``for_citizen`` False:
    all of them, for the staff), oldest first: two queries."""
    documents = (case_file(link) for link in visible_documents(case, for_citizen=for_citizen))
    return [document for document in documents if document is not None]


def citizen_document_of(
    case: Case, link_uuid: UUID | str, *, for_citizen: bool = True
) -> CaseFile | None:
    """One downloadable document of the case by its link's uuid; None if it is not the
    case's, not visible to the citizen (unless ``for_citizen`` is False), or has no content."""
    link = visible_documents(case, for_citizen=for_citizen).filter(uuid=link_uuid).first()
    return case_file(link) if link is not None else None


@dataclass(frozen=True)
class Message:
    """A message of the municipality to the citizen: a status's note or a case worker's note."""

    at: datetime
    text: str
    about: str = ""  # the step it came with


def citizen_messages(case: Case) -> list[Message]:
    """The notes meant for the citizen, of the status history and the case's notes, newest
    first: two queries."""
    with_status = (
        StatusChange.objects.filter(case=case, note_visible_to_citizen=True)
        .exclude(note="")
        .select_related("status_type")
    )
    messages = [
        Message(
            change.set_at,
            change.note,
            change.status_type.citizen_name or change.status_type.description,
        )
        for change in with_status
    ]
    messages += [
        Message(note.written_at, note.text)
        for note in CaseNote.objects.filter(case=case, visible_to_citizen=True)
    ]
    return sorted(messages, key=lambda message: message.at, reverse=True)


@dataclass(frozen=True)
class Applicant:
    """Who applied: the initiator's name, and who really did it for them (a representative
    under a mandate, or a business's employee)."""

    name: str
    acted_by: str = ""


def applicant_of(case: Case) -> Applicant | None:
    """The case's initiator as the roles record it (one query); None without one."""
    name = acted_by = ""
    for role in case.roles.filter(generic=GenericRole.INITIATOR).order_by("pk"):
        if role.mandate == Role.Mandate.AUTHORISED:
            acted_by = role.other_name
        elif not name:
            name = role.other_name
            acted_by = acted_by or (role.contact_person or {}).get("naam", "")
    return Applicant(name, acted_by) if name else None


def decisions_of(case: Case) -> QuerySet[Decision]:
    """The decisions (besluiten) of the case, newest first."""
    return (
        Decision.objects.filter(case=case).select_related("decision_type").order_by("-date", "-pk")
    )
