"""Statuses and the result: how a case moves, closes (zrc-007, -021) and reopens (zrc-008)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.archiving import archive_fields
from loket.cases.models import Case, Result, Role, StatusChange
from loket.cases.services.common import check_open, check_same, lock, refuse
from loket.cases.services.registration import documents_with_latest
from loket.catalog.models import CaseType, ResultType, StatusType
from loket.notify import case_events


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
    set_by_role: Role | None = None,
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
    if is_end:
        check_closable(case)
    change = StatusChange.objects.create(
        case=case,
        status_type=status_type,
        set_at=at,
        set_by=actor,
        set_by_role=set_by_role,
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
    case_events.status_set(change, closes=is_end)
    return change


def check_closable(case: Case) -> None:
    """zrc-007: a case closes with a result, and with the usage rights of its documents known."""
    if not Result.objects.filter(case=case).exists():
        refuse(_("Record the result before closing the case."), "resultaat-does-not-exist", "zaak")
    if documents_with_latest(case, "usage_rights_indicated").filter(latest__isnull=True).exists():
        refuse(
            _("State for every document of the case whether usage rights apply."),
            "indicatiegebruiksrecht-unset",
            "nonFieldErrors",
        )


@transaction.atomic
def record_result(
    case: Case, result_type: ResultType, *, explanation: str = "", force: bool = False
) -> Result:
    case = lock(case)
    check_open(case, force=force)
    check_result_type(case, result_type)
    if Result.objects.filter(case=case).exists():
        refuse(_("This case already has a result."), "unique", "zaak")
    result = Result.objects.create(case=case, result_type=result_type, explanation=explanation)
    case_events.result_recorded(result)
    return result


@transaction.atomic
def change_result(
    result: Result,
    *,
    case: Case | None = None,
    result_type: ResultType | None = None,
    explanation: str | None = None,
    force: bool = False,
) -> Result:
    check_same(result.case, case, "zaak")
    check_open(lock(result.case), force=force)
    if result_type is not None:
        check_result_type(result.case, result_type)
        result.result_type = result_type
    if explanation is not None:
        result.explanation = explanation
    result.save()
    return result


@transaction.atomic
def remove_result(result: Result, *, force: bool = False) -> None:
    check_open(lock(result.case), force=force)
    result.delete()


def check_result_type(case: Case, result_type: ResultType) -> None:
    if result_type.case_type_id != case.case_type_id:  # zrc-020
        refuse(
            _("This result type does not belong to the case type."),
            "zaaktype-mismatch",
            "resultaattype",
        )
