"""State changes of decisions (besluiten) and the documents they rest on.

The Besluiten API and the back office call these; each runs in one transaction. They hold the
rules of the standard whatever the channel: a decision has a published decision type valid on
its date (brc-001) that belongs to its case's case type (brc-007); its identification is
unique per responsible organisation, and generated when not given (brc-002); identification,
organisation, type and case never change (brc-001, -002, -006); a document it rests on is of
a type its decision type allows (brc-008); deleting it removes its document links and its
audit trail for real (brc-009).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.nl import bsn

from loket.cases.models import AuditEntry, Case, Decision, DecisionDocument, Document
from loket.catalog.models import DecisionType
from loket.notify import case_events

IDENTIFICATION_PREFIX = "BESLUIT-{year}-"
IDENTIFICATION_DIGITS = 7
# Parallel creations may pick the same next number; the unique constraint makes all but one
# retry with the number after it.
NUMBERING_ATTEMPTS = 5
IMMUTABLE = ("identification", "responsible_organisation", "decision_type", "case")


class DecisionError(ValidationError):
    """A refused change of a decision; ``code`` is the standard's error code where it has one."""


def refusal(field: str | None, message: str, code: str) -> DecisionError:
    error = DecisionError(message, code=code)
    return DecisionError({field: error}) if field else error


def check_decision_type(decision_type: DecisionType, on: date) -> None:
    """brc-001: a published decision type, valid on the day of the decision."""
    if decision_type.concept:
        raise refusal("decision_type", _("This decision type is not published."), "not-published")
    if not decision_type.is_valid_on(on):
        raise refusal(
            "decision_type",
            _("This decision type is not valid on %(date)s.") % {"date": on.isoformat()},
            "besluittype-niet-geldig",
        )


def check_case(decision_type: DecisionType, case: Case) -> None:
    """brc-007: the decision type is one of the case type's decision types."""
    if not decision_type.case_types.filter(pk=case.case_type_id).exists():
        raise refusal(
            None,
            _("Decisions of this type do not belong to cases of this case type."),
            "zaaktype-mismatch",
        )


def check_organisation(rsin: str) -> None:
    """An RSIN passes the same elfproef as a BSN."""
    if not bsn.is_valid(rsin):
        raise refusal("responsible_organisation", _("This is not a valid RSIN."), "invalid")


def next_identification(rsin: str, year: int) -> str:
    prefix = IDENTIFICATION_PREFIX.format(year=year)
    last = (
        Decision.objects.filter(responsible_organisation=rsin, identification__startswith=prefix)
        .order_by("-identification")
        .values_list("identification", flat=True)
        .first()
    )
    suffix = last.removeprefix(prefix) if last else ""
    number = int(suffix) + 1 if suffix.isdigit() else 1
    return f"{prefix}{number:0{IDENTIFICATION_DIGITS}d}"


@transaction.atomic
@transaction.atomic
def create_decision(
    *,
    decision_type: DecisionType,
    responsible_organisation: str,
    date: date,
    start_date: date,
    case: Case | None = None,
    identification: str = "",
    **fields,
) -> Decision:
    check_organisation(responsible_organisation)
    check_decision_type(decision_type, date)
    if case is not None:
        check_case(decision_type, case)
    values = {
        "decision_type": decision_type,
        "responsible_organisation": responsible_organisation,
        "date": date,
        "start_date": start_date,
        "case": case,
        **fields,
    }
    if identification:
        if Decision.objects.filter(
            responsible_organisation=responsible_organisation, identification=identification
        ).exists():
            raise refusal(
                "identification",
                _("This identification is already in use for this organisation."),
                "identificatie-niet-uniek",
            )
        decision = Decision.objects.create(identification=identification, **values)
        case_events.decision_made(decision)
        return decision
    year = timezone.localdate().year
    for _attempt in range(NUMBERING_ATTEMPTS):
        try:
            with transaction.atomic():
                decision = Decision.objects.create(
                    identification=next_identification(responsible_organisation, year), **values
                )
        except IntegrityError:
            continue
        case_events.decision_made(decision)
        return decision
    raise refusal(None, _("No free decision number was found; try again."), "conflict")


def lock(decision: Decision) -> Decision:
    return Decision.objects.select_for_update().get(pk=decision.pk)


@transaction.atomic
def update_decision(decision: Decision, **changes) -> Decision:
    """Change what may change; identification, organisation, type and case stay."""
    decision = lock(decision)
    for field in IMMUTABLE:
        if field in changes and changes[field] != getattr(decision, field):
            raise refusal(field, _("This cannot be changed."), "wijzigen-niet-toegelaten")
    for field, value in changes.items():
        setattr(decision, field, value)
    decision.save()
    return decision


@transaction.atomic
def delete_decision(decision: Decision) -> None:
    """brc-009: the decision, its document links and its audit trail go for real."""
    decision = lock(decision)
    AuditEntry.objects.filter(main_object_uuid=decision.uuid).delete()
    decision.delete()


@transaction.atomic
def link_document(decision: Decision, document: Document) -> DecisionDocument:
    """A document the decision rests on (besluitinformatieobject), of a type it allows."""
    decision = lock(decision)
    document_type = document.document_type
    allowed = decision.decision_type.document_types.filter(
        catalogue_id=document_type.catalogue_id, description=document_type.description
    )
    if not allowed.exists():  # brc-008, by description: any version of an allowed type
        raise refusal(
            None,
            _("Decisions of this type cannot rest on documents of this type."),
            "missing-besluittype-informatieobjecttype-relation",
        )
    if decision.document_links.filter(document=document).exists():
        raise refusal(None, _("This document is already linked to the decision."), "unique")
    return DecisionDocument.objects.create(decision=decision, document=document)


@transaction.atomic
def unlink_document(link: DecisionDocument) -> None:
    lock(link.decision)
    link.delete()
