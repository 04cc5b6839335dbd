"""Registering, changing and destroying a case, with the rules on its own fields.

zrc-001 (a published, valid case type), zrc-002 (a unique number per source organisation),
zrc-013 (no sub case of a sub case), zrc-014 (payment), zrc-015 (products of the case type),
zrc-022 (archive status) and zrc-023 (destroying a case with everything that belongs to it).
Suspension and extension given with the case go through the legal clock, so the deadlines move.
"""

from datetime import date, datetime

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.identification import reserve_case_numbers
from loket.cases.models import (
    ArchiveStatus,
    AuditEntry,
    Case,
    CaseDocument,
    ClockEvent,
    Decision,
    DocumentVersion,
    PaymentIndication,
)
from loket.cases.services.common import check_open, check_same, lock, refuse
from loket.cases.services.deadlines import deadlines, extend, record_clock, resume, suspend
from loket.catalog.models import CaseType
from loket.notify import case_events


def open_case(
    case_type: CaseType,
    *,
    actor: str,
    initiator_bsn: str = "",
    initiator_kvk: str = "",
    registered_on: date | None = None,
    start_date: date | None = None,
    description: str = "",
    confidentiality: str = "",
    identification: str = "",
    source_organisation: str = "",
    suspension: dict | None = None,
    extension: dict | None = None,
    **fields,
) -> Case:
    """Register a case of a published, valid case type, with its deadlines (zrc-001).

    ``suspension`` ({indicatie, reden}) and ``extension`` ({reden, duur}) are the standard's
    groups; given at registration they start the clock's suspension or extension at once.
    The checks come before the writes; the writes take no savepoint in a caller's transaction
    (two round trips on every registration), so a refusal of a clock group ends that
    transaction as a whole.
    """
    registered_on = registered_on or timezone.localdate()
    if case_type.concept:
        refuse(_("This case type is not published yet."), "zaaktype-concept", "zaaktype")
    if not case_type.is_valid_on(registered_on):
        refuse(
            _("This case type is not valid on %(date)s.") % {"date": registered_on.isoformat()},
            "zaaktype-niet-geldig",
            "zaaktype",
        )
    rsin = source_organisation or case_type.catalogue.rsin
    if identification:
        check_unique_identification(None, rsin, identification)
    planned_end, legal_end = deadlines(case_type, registered_on)
    department = fields.pop("department", None)
    case = Case(
        identification=identification,
        source_organisation=rsin,
        responsible_organisation=fields.pop("responsible_organisation", rsin),
        case_type=case_type,
        description=description or case_type.description,
        initiator_bsn=initiator_bsn,
        initiator_kvk=initiator_kvk,
        confidentiality=confidentiality or case_type.confidentiality,  # zrc-009
        registered_on=registered_on,
        start_date=start_date or registered_on,
        planned_end=fields.pop("planned_end", None) or planned_end,
        legal_end=fields.pop("legal_end", None) or legal_end,
        department_id=department.pk if department else case_type.department_id,
        **fields,
    )
    check_case_fields(case, given=fields)
    with transaction.atomic(savepoint=False):
        case.identification = identification or reserve_case_numbers(registered_on.year)[0]
        case.save()
        # The clock starts on the registration day, also for a case registered afterwards.
        started = datetime.combine(registered_on, timezone.localtime().time())
        record_clock(case, ClockEvent.Kind.STARTED, timezone.make_aware(started), actor, "")
        case_events.case_created(case)
        return apply_clock_groups(case, suspension, extension, actor)


@transaction.atomic
def update_case(
    case: Case,
    *,
    actor: str,
    force: bool = False,
    suspension: dict | None = None,
    extension: dict | None = None,
    **changes,
) -> Case:
    """Change a case's own fields; a closed case only as a correction (``force``)."""
    case = lock(case)
    check_open(case, force=force)
    check_same(case.case_type, changes.pop("case_type", None), "zaaktype")
    source = changes.get("source_organisation", case.source_organisation)
    identification = changes.get("identification", case.identification)
    if (source, identification) != (case.source_organisation, case.identification):
        check_unique_identification(case, source, identification)
    if "confidentiality" in changes and not changes["confidentiality"]:
        changes["confidentiality"] = case.case_type.confidentiality  # zrc-009
    for field, value in changes.items():
        setattr(case, field, value)
    check_case_fields(case, given=changes)
    case.save()
    case_events.case_changed(case)
    return apply_clock_groups(case, suspension, extension, actor)


def check_unique_identification(case: Case | None, source: str, identification: str) -> None:
    """zrc-002: a case number is unique within its source organisation."""
    others = Case.objects.filter(source_organisation=source, identification=identification)
    if case is not None:
        others = others.exclude(pk=case.pk)
    if others.exists():
        refuse(
            _("This case number is already in use."), "identificatie-niet-uniek", "identificatie"
        )


def check_case_fields(case: Case, *, given: dict) -> None:
    """The rules between a case's fields; ``given`` are the fields this change sets."""
    main = case.main_case
    if main is not None:  # zrc-013
        if case.pk is not None and main.pk == case.pk:
            refuse(_("A case cannot be its own main case."), "self-forbidden", "hoofdzaak")
        if main.main_case_id is not None:
            refuse(
                _("The main case is itself a sub case; sub cases cannot have sub cases."),
                "deelzaak-als-hoofdzaak",
                "hoofdzaak",
            )
    if case.payment_indication == PaymentIndication.NOT_APPLICABLE:  # zrc-014
        if given.get("last_payment_date"):
            refuse(
                _("A case without costs has no date of payment."),
                "betaling-nvt",
                "laatsteBetaaldatum",
            )
        case.last_payment_date = None
    if not set(case.products) <= set(case.case_type.product_urls):  # zrc-015
        refuse(
            _("Every product or service must be one of the case type's."),
            "invalid-products-services",
            "productenOfDiensten",
        )
    if given.get("archive_status", ArchiveStatus.TO_ARCHIVE) != ArchiveStatus.TO_ARCHIVE:
        check_archivable(case)


def check_archivable(case: Case) -> None:
    """zrc-022: only a case with its archive action and date, and all documents archived."""
    if not case.archive_action:
        refuse(
            _("Set the archive action (archiefnominatie) first."),
            "archiefnominatie-not-set",
            "archiefnominatie",
        )
    if not case.archive_date:
        refuse(
            _("Set the archive action date (archiefactiedatum) first."),
            "archiefactiedatum-not-set",
            "archiefactiedatum",
        )
    if (
        case.pk
        and documents_with_latest(case, "status")
        .exclude(latest=DocumentVersion.Status.ARCHIVED)
        .exists()
    ):
        refuse(
            _("Every document of the case must have the status archived (gearchiveerd)."),
            "documents-not-archived",
            "archiefstatus",
        )


def documents_with_latest(case: Case, field: str):
    """The case's document links, each annotated with ``latest``: ``field`` of its newest
    version."""
    newest = DocumentVersion.objects.filter(document=OuterRef("document")).order_by("-version")
    return CaseDocument.objects.filter(case=case).annotate(
        latest=Subquery(newest.values(field)[:1])
    )


def apply_clock_groups(case: Case, suspension: dict | None, extension: dict | None, actor: str):
    """The standard's opschorting and verlenging as moves of the legal clock.

    ``None`` changes nothing (zrc-012). A suspension starts or ends the clock's suspension; an
    extension extends once, after which only its reason may still be corrected.
    """
    if suspension is not None:
        if suspension["indicatie"] and not case.is_suspended:
            case = suspend(case, reason=suspension.get("reden", ""), actor=actor)
        elif not suspension["indicatie"] and case.is_suspended:
            case = resume(case, actor=actor)
        elif case.is_suspended and suspension.get("reden", "") != case.suspension_reason:
            case.suspension_reason = suspension.get("reden", "")
            case.save(update_fields=["suspension_reason"])
    if extension is not None:
        if not case.extension_term:
            case = extend(case, term=extension["duur"], reason=extension["reden"], actor=actor)
        elif extension["duur"] != case.extension_term:
            refuse(_("This case has already been extended once."), "al-verlengd", "verlenging")
        elif extension["reden"] != case.extension_reason:
            case.extension_reason = extension["reden"]
            case.save(update_fields=["extension_reason"])
    return case


@transaction.atomic
def delete_case(case: Case) -> None:
    """zrc-023: destroy the case, its sub cases and all that belongs to them, audit trail
    included; no soft delete. A decision on the case must be destroyed first."""
    case = lock(case)
    family = Case.objects.filter(pk=case.pk) | Case.objects.filter(main_case=case)
    if Decision.objects.filter(case__in=family).exists():
        refuse(
            _("Destroy the decisions of this case first."),
            "pending-besluit-relation",
            "nonFieldErrors",
        )
    AuditEntry.objects.filter(main_object_uuid__in=family.values("uuid")).delete()
    case_events.case_destroyed(case)
    case.delete()  # the sub cases and every part follow by their CASCADE
