"""What the work queue shows: the departments a user works in and the open cases of one.

Who may see a queue is decided here, not in the templates: working a queue needs the
``work_cases`` permission of the user's role (``loket.identity.permissions``: case workers;
KCC and managers are refused with ``PermissionDenied``), and then a user sees the queues of
the departments they are a member of, a superuser every queue. Asking for any other
department answers 404, the same as for a department that does not exist.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.cases.models import Case, ClockEvent
from loket.catalog.models import CaseType, Department, StatusType
from loket.identity.permissions import StaffPermission, has_role_with, require, roles_with
from loket.notify.models import Mail

# A case whose legal end date is this many days away or closer needs attention.
AT_RISK_DAYS = 5


class Light(models.TextChoices):
    """The traffic light of a case's deadline."""

    OVERDUE = "overdue", _("Overdue")
    AT_RISK = "at_risk", _("At risk")
    ON_TIME = "on_time", _("On time")
    SUSPENDED = "suspended", _("Suspended")


# The NL Design System status badge that gives each light its colour.
BADGE = {
    Light.OVERDUE: "danger",
    Light.AT_RISK: "warning",
    Light.ON_TIME: "safe",
    Light.SUSPENDED: "neutral",
}


def visible_departments(user) -> QuerySet[Department]:
    """The departments whose queue ``user`` may see."""
    if not (user.is_authenticated and user.is_active):
        return Department.objects.none()
    if user.is_superuser:
        return Department.objects.all()
    # The role is checked in the same query: a KCC or manager who is (still) a member of a
    # department does not see its queue.
    return Department.objects.filter(has_role_with(user, StaffPermission.WORK_CASES), members=user)


def departments_with_counts(user) -> QuerySet[Department]:
    """The user's departments, each with ``open_cases``: how many open cases its queue holds."""
    return (
        visible_departments(user)
        .annotate(open_cases=Count("cases", filter=Q(cases__closed_on__isnull=True), distinct=True))
        .order_by("name", "code")
    )


def queue_department(user, code: str) -> Department:
    """The department with this code if ``user`` may see its queue: PermissionDenied for a
    role that does not work cases, Http404 for a department the user is not a member of."""
    department = visible_departments(user).filter(code=code).first()
    if department is None:
        require(user, StaffPermission.WORK_CASES)  # a role without queues: PermissionDenied
        raise Http404
    return department


def queue_cases(department: Department) -> QuerySet[Case]:
    """The department's open cases, the earliest legal end date first."""
    return (
        Case.objects.open()
        .filter(department=department)
        .select_related("case_type", "current_status", "assignee")
        .order_by(F("legal_end").asc(nulls_last=True), "registered_on", "pk")
    )


def deadline_light(case: Case, today: date) -> Light:
    """Overdue after the legal end date; at risk within ``AT_RISK_DAYS`` of it or after the
    planned end; on time otherwise. A suspended case's clock stands still: its dates move on
    when it resumes, so it has no light of its own until then."""
    if case.is_suspended:
        return Light.SUSPENDED
    if case.legal_end and case.legal_end < today:
        return Light.OVERDUE
    if case.legal_end and case.legal_end <= today + timedelta(days=AT_RISK_DAYS):
        return Light.AT_RISK
    if case.planned_end and case.planned_end < today:
        return Light.AT_RISK
    return Light.ON_TIME


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue: a case with its deadline's light."""

    case: Case
    light: Light

    @property
    def badge(self) -> str:
        return BADGE[self.light]

    @property
    def status(self) -> str:
        """The current status as the citizen reads it, else its description; "" for none."""
        status = self.case.current_status
        if status is None:
            return ""
        return status.citizen_name or status.description


def queue_rows(cases, today: date) -> list[QueueRow]:
    return [QueueRow(case, deadline_light(case, today)) for case in cases]


def light_filter(light: str, today: date) -> Q:
    """The cases whose ``deadline_light`` is ``light``, as a query condition."""
    running = Q(is_suspended=False)
    overdue = Q(legal_end__lt=today)
    soon = Q(legal_end__lte=today + timedelta(days=AT_RISK_DAYS)) | Q(planned_end__lt=today)
    if light == Light.SUSPENDED:
        return Q(is_suspended=True)
    if light == Light.OVERDUE:
        return running & overdue
    if light == Light.AT_RISK:
        return running & ~overdue & soon
    return running & ~overdue & ~soon


# The assignee filter's two values besides a member's id.
ASSIGNED_TO_ME = "me"
ASSIGNED_TO_NOBODY = "nobody"


def filter_queue(cases: QuerySet[Case], filters: dict, *, user, today: date) -> QuerySet[Case]:
    """Narrow the queue by the filter form's cleaned values (empty ones do not filter)."""
    if filters.get("case_type"):
        cases = cases.filter(case_type_id=filters["case_type"])
    if filters.get("status"):
        cases = cases.filter(current_status_id=filters["status"])
    if filters.get("light"):
        cases = cases.filter(light_filter(filters["light"], today))
    assignee = filters.get("assignee")
    if assignee == ASSIGNED_TO_ME:
        cases = cases.filter(assignee=user.pk)
    elif assignee == ASSIGNED_TO_NOBODY:
        cases = cases.filter(assignee__isnull=True)
    elif assignee:
        cases = cases.filter(assignee_id=assignee)
    return cases


def assignable_members(department: Department):
    """The active members of the department whose role works cases: who can be assigned."""
    works_cases = Exists(
        Group.objects.filter(user=OuterRef("pk"), name__in=roles_with(StaffPermission.WORK_CASES))
    )
    return (
        get_user_model()
        .objects.filter(departments=department, is_active=True)
        .filter(works_cases | Q(is_superuser=True))
        .order_by("first_name", "last_name", "username")
    )


def queue_case_types(department: Department) -> QuerySet[CaseType]:
    """The case types of the department's open cases, for the filter (one query)."""
    in_queue = Case.objects.open().filter(department=department)
    return CaseType.objects.filter(pk__in=in_queue.values("case_type")).order_by(
        "description", "pk"
    )


def queue_statuses(department: Department) -> QuerySet[StatusType]:
    """The current statuses of the department's open cases, for the filter (one query)."""
    in_queue = Case.objects.open().filter(department=department, current_status__isnull=False)
    return StatusType.objects.filter(pk__in=in_queue.values("current_status")).order_by(
        "citizen_name", "description", "pk"
    )


def staff_case(user, uuid) -> Case:
    """A case, open or closed, of a department whose queue ``user`` may see; Http404 for
    any other (PermissionDenied for a role without queues)."""
    departments = visible_departments(user)
    if not departments.exists():
        require(user, StaffPermission.WORK_CASES)
    try:
        case = (
            Case.objects.filter(uuid=uuid, department__in=departments)
            .select_related("case_type", "current_status", "department", "assignee", "result")
            .first()
        )
    except (ValueError, ValidationError):
        case = None
    if case is None:
        raise Http404
    return case


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a case's history, for the case worker: what happened, when, by whom, and
    whether the citizen sees it."""

    at: datetime
    what: str
    by: str = ""
    text: str = ""
    for_citizen: bool = False


def case_history(case: Case) -> list[HistoryEntry]:
    """Everything that happened to the case, newest first: statuses with their notes, the
    clock, notes, documents, decisions and the mails sent (one query per kind)."""
    entries = [
        HistoryEntry(
            change.set_at,
            _("Status: %(name)s") % {"name": change.status_type.description},
            change.set_by,
            change.note,
            change.note_visible_to_citizen and bool(change.note),
        )
        for change in case.status_changes.select_related("status_type")
    ]
    entries += [
        HistoryEntry(event.at, CLOCK_LABELS[event.kind], event.actor, event.reason)
        for event in case.clock_events.exclude(kind=ClockEvent.Kind.STARTED)
        if event.kind in CLOCK_LABELS
    ]
    entries += [
        HistoryEntry(
            note.written_at,
            _("Message to the applicant") if note.visible_to_citizen else _("Internal note"),
            note.author,
            note.text,
            note.visible_to_citizen,
        )
        for note in case.notes.all()
    ]
    entries += [
        HistoryEntry(
            link.registered_at,
            _("Document added: %(title)s") % {"title": link.title},
            for_citizen=link.visible_to_citizen,
        )
        for link in case.document_links.all()
    ]
    entries += [
        HistoryEntry(
            timezone.make_aware(datetime.combine(decision.date, time(12)))
            if decision.date
            else timezone.now(),
            _("Decision %(number)s: %(type)s")
            % {"number": decision.identification, "type": decision.decision_type.description},
            text=decision.explanation,
            for_citizen=True,
        )
        for decision in case.decisions.select_related("decision_type")
    ]
    entries += [
        HistoryEntry(
            mail.queued_at,
            _("Mail to the applicant: %(subject)s") % {"subject": mail.subject},
            text=mail.get_status_display(),
            for_citizen=True,
        )
        for mail in Mail.objects.filter(case=case).only("subject", "status", "queued_at")
    ]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


CLOCK_LABELS = {
    ClockEvent.Kind.SUSPENDED: _("Waiting for the applicant (clock stopped)"),
    ClockEvent.Kind.RESUMED: _("Clock running again"),
    ClockEvent.Kind.EXTENDED: _("Term extended"),
}
