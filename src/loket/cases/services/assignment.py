"""Who handles a case: assigning it to a case worker of its department, or to nobody."""

from django.db import transaction
from django.utils.translation import gettext as _

from loket.cases.models import Case
from loket.cases.services.common import check_open, lock, refuse
from loket.identity.permissions import StaffPermission, permissions_of, require
from loket.notify import case_events


def may_handle(user, department) -> bool:
    """Whether ``user`` can be assigned a case of ``department``: an active member of it
    whose role works cases (a superuser too, but only as a member)."""
    return (
        user.is_active
        and StaffPermission.WORK_CASES in permissions_of(user)
        and department.members.filter(pk=user.pk).exists()
    )


@transaction.atomic
def assign_case(case: Case, assignee, *, by) -> Case:
    """Give the open case to ``assignee`` (``None``: to nobody). Only a case worker of the
    case's department may assign (``PermissionDenied`` otherwise), and only to one."""
    case = lock(case)
    check_open(case, force=False)
    department = case.department
    if department is None:
        refuse(_("This case is in no department's queue."), "geen-afdeling", "assignee")
    require(by, StaffPermission.WORK_CASES, department)
    if assignee is not None and not may_handle(assignee, department):
        refuse(
            _("Only a case worker of the case's department can be assigned the case."),
            "geen-behandelaar-van-afdeling",
            "assignee",
        )
    if case.assignee_id == (assignee.pk if assignee is not None else None):
        return case
    case.assignee = assignee
    case.save(update_fields=["assignee"])
    case_events.case_changed(case, kind="case_assigned")
    return case
