"""State changes of cases: the only code that opens, moves, suspends, extends or closes one.

Pages, the Zaken API, the CLI and tasks all call these functions, so every rule of the
standard (zrc-001, -007, -008, -016, -020, -021) and of the legal clock holds whatever the
channel. Each function runs in one transaction: nothing is ever half-written.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.archiving import archive_fields
from loket.cases.clock import add_term, count_days_between
from loket.cases.identification import reserve_case_numbers
from loket.cases.models import Case, ClockEvent, Result, StatusChange
from loket.catalog.models import CaseType, ResultType, StatusType


class CaseError(ValidationError):
    """A refused change of a case; ``code`` is the standard's error code where it has one."""


def refuse(message: str, code: str, field: str | None = None):
    error = CaseError(message, code=code)
    error.field = field
    raise error


def deadlines(case_type: CaseType, registered_on: date) -> tuple[date | None, date]:
    """Planned end (service norm) and legal end (lead time) for a case registered that day."""
    legal_end = add_term(registered_on, case_type.lead_time, case_type.day_count)
    planned_end = (
        add_term(registered_on, case_type.service_norm, case_type.day_count)
        if case_type.service_norm
        else None
    )
    return planned_end, legal_end


@transaction.atomic
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
    **fields,
) -> Case:
    """Register a case of a published, valid case type, with its deadlines (zrc-001)."""
    registered_on = registered_on or timezone.localdate()
    if case_type.concept:
        refuse(_("This case type is not published yet."), "zaaktype-concept", "zaaktype")
    if not CaseType.objects.filter(pk=case_type.pk).valid_on(registered_on).exists():
        refuse(
            _("This case type is not valid on %(date)s.") % {"date": registered_on.isoformat()},
            "zaaktype-niet-geldig",
            "zaaktype",
        )
    rsin = source_organisation or case_type.catalogue.rsin
    if (
        identification
        and Case.objects.filter(source_organisation=rsin, identification=identification).exists()
    ):
        refuse(
            _("This case number is already in use."), "identificatie-niet-uniek", "identificatie"
        )
    planned_end, legal_end = deadlines(case_type, registered_on)
    case = Case.objects.create(
        identification=identification or reserve_case_numbers(registered_on.year)[0],
        source_organisation=rsin,
        responsible_organisation=fields.pop("responsible_organisation", rsin),
        case_type=case_type,
        description=description or case_type.description,
        initiator_bsn=initiator_bsn,
        initiator_kvk=initiator_kvk,
        confidentiality=confidentiality or case_type.confidentiality,  # zrc-009
        registered_on=registered_on,
        start_date=start_date or registered_on,
        planned_end=fields.pop("planned_end", planned_end),
        legal_end=fields.pop("legal_end", legal_end),
        **fields,
    )
    # The clock starts on the registration day, also for a case registered afterwards.
    started = datetime.combine(registered_on, timezone.localtime().time())
    record_clock(case, ClockEvent.Kind.STARTED, timezone.make_aware(started), actor, "")
    return case


def lock(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("case_type").get(pk=case.pk)


def end_status_of(case_type: CaseType) -> StatusType:
    return case_type.status_types.order_by("-order").first()


@transaction.atomic
def set_status(
    case: Case,
    status_type: StatusType,
    *,
    actor: str,
    at: datetime | None = None,
    note: str = "",
    note_visible_to_citizen: bool = False,
    may_reopen: bool = False,
) -> StatusChange:
    """Append a status; the end status closes the case, another status on a closed case
    reopens it (only with ``may_reopen``: the scope zaken.heropenen)."""
    case = lock(case)
    at = at or timezone.now()
    if status_type.case_type_id != case.case_type_id:  # zrc-016
        refuse(
            _("This status type does not belong to the case type."),
            "zaaktype-mismatch",
            "statustype",
        )
    is_end = status_type == end_status_of(case.case_type)
    if case.is_closed and not may_reopen:
        refuse(_("This case is closed."), "zaak-afgesloten", "zaak")
    if is_end and not Result.objects.filter(case=case).exists():  # zrc-007
        refuse(_("Record the result before closing the case."), "resultaat-does-not-exist", "zaak")
    change = StatusChange.objects.create(
        case=case,
        status_type=status_type,
        set_at=at,
        set_by=actor,
        note=note,
        note_visible_to_citizen=note_visible_to_citizen,
    )
    case.current_status = status_type
    if is_end:
        case.closed_on = timezone.localtime(at).date()
        for field, value in archive_fields(case, case.result.result_type).items():
            setattr(case, field, value)
    elif case.is_closed:  # zrc-008: reopening clears what the closure derived
        case.closed_on = case.archive_date = None
        case.archive_action = ""
    case.save()
    return change


@transaction.atomic
def record_result(case: Case, result_type: ResultType, *, explanation: str = "") -> Result:
    case = lock(case)
    if result_type.case_type_id != case.case_type_id:  # zrc-020
        refuse(
            _("This result type does not belong to the case type."),
            "zaaktype-mismatch",
            "resultaattype",
        )
    if Result.objects.filter(case=case).exists():
        refuse(_("This case already has a result."), "unique", "zaak")
    return Result.objects.create(case=case, result_type=result_type, explanation=explanation)


@transaction.atomic
def suspend(case: Case, *, reason: str, actor: str, at: datetime | None = None) -> Case:
    """Stop the legal clock while the municipality waits (opschorting)."""
    case = lock(case)
    if not case.case_type.suspension_allowed:
        refuse(
            _("Cases of this type cannot be suspended."),
            "opschorting-niet-toegestaan",
            "opschorting",
        )
    if case.is_suspended:
        refuse(_("This case is already suspended."), "al-opgeschort", "opschorting")
    if case.is_closed:
        refuse(_("This case is closed."), "zaak-afgesloten", "zaak")
    case.is_suspended = True
    case.suspension_reason = reason
    case.save(update_fields=["is_suspended", "suspension_reason"])
    record_clock(case, ClockEvent.Kind.SUSPENDED, at, actor, reason)
    return case


@transaction.atomic
def resume(case: Case, *, actor: str, at: datetime | None = None) -> Case:
    """Restart the clock; both deadlines move by the time the case was suspended."""
    case = lock(case)
    if not case.is_suspended:
        refuse(_("This case is not suspended."), "niet-opgeschort", "opschorting")
    at = at or timezone.now()
    suspended_at = case.clock_events.filter(kind=ClockEvent.Kind.SUSPENDED).latest("at").at
    days = count_days_between(
        timezone.localtime(suspended_at).date(),
        timezone.localtime(at).date(),
        case.case_type.day_count,
    )
    if days:
        term = f"P{days}D"
        case.legal_end = add_term(case.legal_end, term, case.case_type.day_count)
        if case.planned_end:
            case.planned_end = add_term(case.planned_end, term, case.case_type.day_count)
    case.is_suspended = False
    case.save(update_fields=["is_suspended", "legal_end", "planned_end"])
    record_clock(case, ClockEvent.Kind.RESUMED, at, actor, case.suspension_reason)
    return case


@transaction.atomic
def extend(case: Case, *, term: str, reason: str, actor: str, at: datetime | None = None) -> Case:
    """Lengthen the terms once (verlenging), by at most the case type's extension term."""
    case = lock(case)
    case_type = case.case_type
    if not case_type.extension_allowed:
        refuse(
            _("Cases of this type cannot be extended."), "verlenging-niet-toegestaan", "verlenging"
        )
    if case.extension_term:
        refuse(_("This case has already been extended once."), "al-verlengd", "verlenging")
    if not reason.strip():
        refuse(_("Give the reason for the extension."), "required", "verlenging.reden")
    if add_term(case.legal_end, term) > add_term(case.legal_end, case_type.extension_term):
        refuse(
            _("The extension may be at most %(term)s.") % {"term": case_type.extension_term},
            "verlenging-te-lang",
            "verlenging.duur",
        )
    case.legal_end = add_term(case.legal_end, term, case_type.day_count)
    if case.planned_end:
        case.planned_end = add_term(case.planned_end, term, case_type.day_count)
    case.extension_term, case.extension_reason = term, reason
    case.save(update_fields=["legal_end", "planned_end", "extension_term", "extension_reason"])
    record_clock(case, ClockEvent.Kind.EXTENDED, at, actor, reason)
    return case


def record_clock(case: Case, kind: str, at: datetime | None, actor: str, reason: str) -> None:
    ClockEvent.objects.create(
        case=case,
        kind=kind,
        at=at or timezone.now(),
        actor=actor,
        reason=reason,
        planned_end=case.planned_end,
        legal_end=case.legal_end,
    )
