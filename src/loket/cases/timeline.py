"""A case's track & trace: its case type's steps as done, current or coming, with dates.

Done steps carry when they were set; the current one its plain-language explanation; coming
steps the date they are expected, adding each step's lead time to the current step's start,
never later than the legal end date.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from loket.cases.clock import add_term
from loket.cases.models import Case


@dataclass(frozen=True)
class Step:
    name: str
    explanation: str
    state: str  # done, current or coming
    at: datetime | None = None
    expected: date | None = None


def timeline(case: Case) -> list[Step]:
    status_types = list(case.case_type.status_types.order_by("order"))
    set_at = {}
    for change in case.status_changes.order_by("set_at", "pk"):
        set_at.setdefault(change.status_type_id, change.set_at)
    current = case.current_status
    current_order = current.order if current else 0
    started = timezone.localtime(set_at[current.pk]).date() if current else case.registered_on
    steps, expected = [], started
    for status_type in status_types:
        if status_type.order < current_order or (case.is_closed and status_type == current):
            state = "done"
        elif status_type == current:
            state = "current"
        else:
            state = "coming"
        if state != "done" and status_type.lead_time:
            expected = add_term(expected, status_type.lead_time, case.case_type.day_count)
        coming_date = None
        if state == "coming":
            coming_date = min(expected, case.legal_end) if case.legal_end else expected
        steps.append(
            Step(
                name=status_type.citizen_name or status_type.description,
                explanation=status_type.citizen_explanation,
                state=state,
                at=set_at.get(status_type.pk),
                expected=coming_date,
            )
        )
    return steps
