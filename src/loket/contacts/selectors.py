"""What the contact centre reads: a department's open tasks, first-contact resolution, the
person search and the 360° view of one person.

Who may read is decided here (``loket.identity.permissions``): the contact centre
(``view_contacts``) reads everything; a case worker reads only the tasks handed to a
department they work in. Each read costs a fixed number of queries.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from loket.brp.records import PersonRecord
from loket.brp.sources import get_brp_source
from loket.cases.models import Case, CaseDocument
from loket.cases.selectors import cases_of
from loket.catalog.models import Department
from loket.contacts.models import Channel, Contact, InternalTask, Outcome, SubjectObject
from loket.contacts.services import CASE_OBJECT_TYPE
from loket.identity.permissions import StaffPermission, has_permission, require
from loket.notify.models import Mail
from loket.sharing.models import Consent
from loket.sharing.selectors import consents_of

# --- Internal tasks -----------------------------------------------------------------------


def with_overdue(tasks: QuerySet[InternalTask], today: date) -> QuerySet[InternalTask]:
    """Each task with ``overdue``: still to do after its deadline."""
    overdue = Q(status=InternalTask.Status.TO_DO, deadline__lt=today)
    return tasks.annotate(overdue=ExpressionWrapper(overdue, output_field=BooleanField()))


def open_tasks_of_department(user, department: Department, *, today: date | None = None):
    """The department's open tasks, the earliest deadline first, each with ``overdue``.

    The contact centre sees every department's; a case worker only those of a department
    they are a member of (``PermissionDenied`` for anyone else)."""
    if not has_permission(user, StaffPermission.VIEW_CONTACTS):
        require(user, StaffPermission.WORK_CASES, department)
    tasks = InternalTask.objects.filter(
        status=InternalTask.Status.TO_DO, actors__department=department
    )
    return (
        with_overdue(tasks, today or timezone.localdate())
        .select_related("contact")
        .prefetch_related("actors")
        .order_by("deadline", "assigned_at", "pk")
    )


# --- First-contact resolution ---------------------------------------------------------------


@dataclass(frozen=True)
class Resolution:
    """First-contact resolution of one channel: contacts solved in that contact, of all."""

    channel: Channel
    solved: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.solved / self.total if self.total else None


def first_contact_resolution(user, *, start: date, end: date) -> list[Resolution]:
    """Per channel, of the contacts between ``start`` and ``end`` (both included, local
    days) whose outcome was recorded, how many were solved in that contact: one query. A
    contact a system registered through the API without an outcome is not counted either
    way. Channels without contacts are listed with zero, so that a table has every channel."""
    if not has_permission(user, StaffPermission.VIEW_INSIGHTS):
        require(user, StaffPermission.VIEW_CONTACTS)
    counts = {
        row["channel"]: row
        for row in Contact.objects.annotate(day=TruncDate("occurred_at"))
        .filter(day__gte=start, day__lte=end)
        .exclude(outcome="")
        .values("channel")
        .annotate(total=Count("pk"), solved=Count("pk", filter=Q(outcome=Outcome.SOLVED)))
    }
    return [
        Resolution(
            channel,
            counts.get(channel, {}).get("solved", 0),
            counts.get(channel, {}).get("total", 0),
        )
        for channel in Channel
    ]


# --- Finding a person --------------------------------------------------------------------


def find_persons(
    user,
    *,
    bsn: str = "",
    surname: str = "",
    birth_date: date | None = None,
    postcode: str = "",
    house_number: int | str | None = None,
    case_number: str = "",
    email: str = "",
) -> list[PersonRecord]:
    """The persons of the BRP found by one of: BSN; surname (without prefix, ``*`` at the end
    for any ending) and date of birth; postcode and house number; a case number (its
    initiator); an e-mail address (of their cases or given in a contact). A BSN failing the
    elfproef, a malformed postcode or house number: ``ValidationError``."""
    require(user, StaffPermission.VIEW_CONTACTS)
    brp = get_brp_source()
    if bsn:
        person = brp.person(bsn)
        return [person] if person is not None else []
    if surname and birth_date:
        return brp.find_by_name_and_birth_date(surname, birth_date, include_deceased=True)
    if postcode and house_number:
        return brp.find_by_postcode_and_number(postcode, house_number, include_deceased=True)
    if case_number:
        return brp.persons(bsns_of(Case.objects.filter(identification=case_number.strip())))
    if email:
        return brp.persons(bsns_by_email(email.strip()))
    return []


def bsns_of(cases: QuerySet[Case]) -> list[str]:
    return sorted(set(cases.exclude(initiator_bsn="").values_list("initiator_bsn", flat=True)))


def bsns_by_email(email: str) -> list[str]:
    by_case = bsns_of(Case.objects.filter(contact_email__iexact=email))
    by_contact = (
        Contact.objects.filter(
            involvements__party__digital_addresses__address__iexact=email,
        )
        .exclude(involvements__party__bsn="")
        .values_list("involvements__party__bsn", flat=True)
    )
    return sorted(set(by_case) | set(by_contact))


# --- The 360° view ---------------------------------------------------------------------


@dataclass
class PersonOverview:
    """Everything the municipality has on one person, whatever the channel."""

    bsn: str
    person: PersonRecord | None
    open_cases: list[Case] = field(default_factory=list)
    closed_cases: list[Case] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    documents: list[CaseDocument] = field(default_factory=list)
    mails: list[Mail] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)


def contacts_about(bsn: str, cases: list[Case]) -> QuerySet[Contact]:
    """The contacts with this person as party, or about one of their cases: newest first."""
    case_ids = [str(case.uuid) for case in cases] + [case.identification for case in cases]
    about_cases = SubjectObject.objects.filter(
        object_type_code=CASE_OBJECT_TYPE, object_id__in=case_ids
    ).values("contact")
    return (
        Contact.objects.filter(Q(involvements__party__bsn=bsn) | Q(pk__in=about_cases))
        .distinct()
        .select_related("product", "employee")
        .prefetch_related(
            Prefetch("tasks", InternalTask.objects.prefetch_related("actors").order_by("pk"))
        )
        .order_by("-occurred_at", "-pk")
    )


def person_overview(user, bsn: str) -> PersonOverview:
    """The 360° view of the person with this BSN: BRP data, open and closed cases with their
    current status, every contact on any channel, the documents of their cases and the mails
    sent about their cases or in answer to their contacts, the consents to share their data.
    ``Http404`` when neither the BRP
    nor Loket knows the BSN."""
    require(user, StaffPermission.VIEW_CONTACTS)
    person = get_brp_source().person(bsn)
    cases = list(cases_of(bsn=bsn))
    contacts = list(contacts_about(bsn, cases))
    if person is None and not cases and not contacts:
        raise Http404
    documents = (
        CaseDocument.objects.filter(case__in=cases)
        .select_related("case", "document")
        .order_by("-registered_at", "-pk")
    )
    task_mails = InternalTask.objects.filter(contact__in=contacts, reply_mail__isnull=False)
    mails = (
        Mail.objects.filter(Q(case__in=cases) | Q(pk__in=task_mails.values("reply_mail")))
        .select_related("case")
        .order_by("-queued_at", "-pk")
    )
    return PersonOverview(
        bsn=bsn,
        person=person,
        open_cases=[case for case in cases if case.is_open],
        closed_cases=[case for case in cases if not case.is_open],
        contacts=contacts,
        documents=list(documents),
        mails=list(mails),
        consents=consents_of(bsn),
    )
