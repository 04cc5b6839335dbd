"""What a case worker changes from the queue: claiming and (bulk) assigning its cases."""

from django.db import transaction

from loket.cases.services import assign_case


@transaction.atomic
def assign_cases(cases, assignee, *, by) -> int:
    """Assign every case to ``assignee`` in one transaction: one refusal undoes them all."""
    count = 0
    for case in cases:
        assign_case(case, assignee, by=by)
        count += 1
    return count
