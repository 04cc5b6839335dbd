"""What the initiator of a case changes in it themselves: the answer to the municipality's
question while the case is suspended.

When the municipality suspends a case (opschorting) it waits for something from the initiator,
and says what in the suspension reason. The answer, a text and/or files, comes in through the
portal's Mijn omgeving; it becomes documents of the case that the staff see, and the legal
clock runs again. All of it happens in one transaction, with the events that tell others.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from loket.cases.models import Case, CaseDocument
from loket.cases.services.common import lock, refuse
from loket.cases.services.deadlines import resume
from loket.catalog.choices import DocumentDirection
from loket.catalog.models import CaseType, DocumentType

# The file the text of an answer is kept in.
ANSWER_FILE_NAME = "antwoord.txt"


@dataclass(frozen=True)
class EvidenceFile:
    """A file the initiator sends: its name and bytes, already checked by the caller."""

    name: str
    content: bytes


def incoming_document_type(case_type: CaseType) -> DocumentType:
    """The document type an answer becomes: the case type's first incoming one, else its
    first document type at all."""
    links = case_type.document_type_links.select_related("document_type").order_by("order")
    link = links.filter(direction=DocumentDirection.INCOMING).first() or links.first()
    if link is None:
        refuse(
            _("Cases of this type cannot hold documents."),
            "missing-zaaktype-informatieobjecttype-relation",
            "informatieobject",
        )
    return link.document_type


@transaction.atomic
def answer_request(
    case: Case,
    *,
    text: str = "",
    files: Sequence[EvidenceFile] = (),
    actor: str,
    at: datetime | None = None,
) -> list[CaseDocument]:
    """The initiator's answer to a suspended case: the text as a document, every file as a
    document of the case's incoming type, and the clock resumed (``resume``).

    Refused when the case is not suspended (anymore) or closed, and when there is neither
    text nor a file. Returns the case's new document links.
    """
    from loket.cases.documents import attach_to_case, create_document  # it imports services

    case = lock(case)
    if case.is_closed:
        refuse(_("This case is closed."), "zaak-afgesloten", "zaak")
    if not case.is_suspended:
        refuse(
            _("The municipality is not waiting for anything from you in this case."),
            "niet-opgeschort",
            "opschorting",
        )
    text = text.strip()
    if not text and not files:
        refuse(_("Write an answer or add a file."), "required", "antwoord")
    document_type = incoming_document_type(case.case_type)
    # Stored texts are for the staff: in the municipality's language, whatever the visitor's.
    with override(settings.LANGUAGE_CODE):
        question = case.suspension_reason
        answer_title = (_("Answer to: %(question)s") % {"question": question})[:200]
        description = _("Sent in answer to: %(question)s") % {"question": question}
    shared = {
        "document_type": document_type,
        "author": actor[:200],
        "source_organisation": case.source_organisation,
        "language": "nld",
        "received_on": timezone.localdate(),
        # The initiator's own papers carry no usage rights; stating so lets the case close.
        "usage_rights_indicated": False,
    }
    links = []
    if text:
        document = create_document(
            title=answer_title,
            content=text.encode("utf-8"),
            file_name=ANSWER_FILE_NAME,
            description=description,
            **shared,
        )
        links.append(
            attach_to_case(case, document, description=description, visible_to_citizen=True)
        )
    for evidence in files:
        document = create_document(
            title=evidence.name[:200],
            content=evidence.content,
            file_name=evidence.name,
            description=description,
            **shared,
        )
        links.append(
            attach_to_case(case, document, description=description, visible_to_citizen=True)
        )
    resume(case, actor=actor, at=at)
    return links
