"""The legal clock of a case: deadlines at registration, suspension, resumption, extension.

Every move of a deadline is recorded as a ``ClockEvent``, so the case's history shows why its
dates are what they are.
"""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.clock import add_term, count_days_between
from loket.cases.models import Case, ClockEvent
from loket.cases.services.common import lock, refuse
from loket.catalog.models import CaseType
from loket.notify import case_events


def deadlines(case_type: CaseType, registered_on: date) -> tuple[date | None, date]:
    """Planned end (service norm) and legal end (lead time) for a case registered that day."""
    try:
        legal_end = add_term(registered_on, case_type.lead_time, case_type.day_count)
        planned_end = (
            add_term(registered_on, case_type.service_norm, case_type.day_count)
            if case_type.service_norm
            else None
        )
    except ValueError:  # a term of thousands of years, typed in the catalogue
        refuse(
            _("The lead time of this case type ends after the year 9999."),
            "doorlooptijd-te-lang",
            "zaaktype",
        )
    return planned_end, legal_end


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
    # Compared as the term is applied, in the case type's kind of days: 10 working days may
    # be more than two calendar weeks.
    try:
        longest = add_term(case.legal_end, case_type.extension_term, case_type.day_count)
        extended = add_term(case.legal_end, term, case_type.day_count)
    except ValueError:
        refuse(
            _("Give the extension as a term in days or weeks, like P6W."),
            "invalid",
            "verlenging.duur",
        )
    if extended > longest:
        refuse(
            _("The extension may be at most %(term)s.") % {"term": case_type.extension_term},
            "verlenging-te-lang",
            "verlenging.duur",
        )
    case.legal_end = extended
    if case.planned_end:
        case.planned_end = add_term(case.planned_end, term, case_type.day_count)
    case.extension_term, case.extension_reason = term, reason
    case.save(update_fields=["legal_end", "planned_end", "extension_term", "extension_reason"])
    record_clock(case, ClockEvent.Kind.EXTENDED, at, actor, reason)
    return case


def record_clock(case: Case, kind: str, at: datetime | None, actor: str, reason: str) -> None:
    if kind != ClockEvent.Kind.STARTED:  # the start is part of the case's creation
        case_events.case_changed(case, kind=f"case_{kind}")
    ClockEvent.objects.create(
        case=case,
        kind=kind,
        at=at or timezone.now(),
        actor=actor,
        reason=reason,
        planned_end=case.planned_end,
        legal_end=case.legal_end,
    )
