"""Destroying closed cases whose archive term has ended (vernietigingslijst).

A case is due for destruction when it is closed, its archiefnominatie is "vernietigen" and
its archiefactiedatum has come. Someone with ``cases.add_destructionlist`` puts due cases on
a list; someone else with ``cases.approve_destructionlist`` approves it (four eyes: never the
one who made it); someone with ``cases.destroy_destructionlist`` then destroys its cases, one
transaction per case, with zrc-023's destruction (``services.delete_case``: the case, its sub
cases, statuses, roles and every other part, its audit trail, the "destroyed" event), its
decisions, and the documents that belong to nothing else, files included. The list stays as
the record of what was destroyed, when and by whom.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.decisions import delete_decision
from loket.cases.documents import delete_document
from loket.cases.models import (
    ArchiveStatus,
    Case,
    CaseDocument,
    Decision,
    DecisionDocument,
    DestructionList,
    DestructionListItem,
    Document,
    Result,
)
from loket.cases.services import delete_case, refuse
from loket.cases.services.handling import staff_name
from loket.catalog.choices import ArchiveAction
from loket.forms.services import forget_submissions_of
from loket.notify.services import forget_mails_of

ON_A_LIST = [DestructionList.State.DRAFT, DestructionList.State.APPROVED]


def due(on: date | None = None) -> Q:
    """Closed, to be destroyed, and the archive action date has come (on or before ``on``)."""
    return Q(
        closed_on__isnull=False,
        archive_action=ArchiveAction.DESTROY,
        archive_date__lte=on or timezone.localdate(),
    ) & ~Q(archive_status=ArchiveStatus.TRANSFERRED)


def destruction_candidates(on: date | None = None) -> QuerySet[Case]:
    """The cases due for destruction that are on no list yet.

    A sub case goes with its main case, so a main case with a sub case that is not due waits.
    """
    sub_not_due = Case.objects.filter(main_case=OuterRef("pk")).exclude(due(on))
    on_list = DestructionListItem.objects.filter(
        case=OuterRef("pk"), destruction_list__state__in=ON_A_LIST
    )
    return (
        Case.objects.filter(due(on))
        .exclude(Exists(sub_not_due))
        .exclude(Exists(on_list))
        .select_related("case_type")
        .order_by("archive_date", "identification")
    )


def require(user, permission: str) -> None:
    if not (user.is_authenticated and user.is_active and user.has_perm(permission)):
        raise PermissionDenied(_("Your role does not allow this."))


@transaction.atomic
def propose_destruction(cases, *, name: str, by) -> DestructionList:
    """A draft list of ``cases``; each must be a candidate now."""
    require(by, "cases.add_destructionlist")
    wanted = {case.pk for case in cases}
    candidates = list(
        destruction_candidates().select_for_update(of=("self",)).filter(pk__in=wanted)
    )
    if not wanted or len(candidates) != len(wanted):
        refuse(
            _(
                "Only closed cases whose archive date has come, to be destroyed and on no other "
                "list, can be put on a destruction list."
            ),
            "not-due",
        )
    destruction_list = DestructionList.objects.create(
        name=name.strip() or _("Destruction list %(date)s") % {"date": timezone.localdate()},
        created_at=timezone.now(),
        created_by=by,
        created_by_name=staff_name(by),
    )
    DestructionListItem.objects.bulk_create(
        DestructionListItem(
            destruction_list=destruction_list,
            case=case,
            case_identification=case.identification,
            case_type=f"{case.case_type.identification} {case.case_type.description}"[:200],
            archive_date=case.archive_date,
            result=result_of(case),
        )
        for case in candidates
    )
    return destruction_list


def result_of(case: Case) -> str:
    result = Result.objects.filter(case=case).select_related("result_type").first()
    return result.result_type.description[:200] if result else ""


def lock_list(destruction_list: DestructionList) -> DestructionList:
    return DestructionList.objects.select_for_update().get(pk=destruction_list.pk)


@transaction.atomic
def approve_destruction(destruction_list: DestructionList, *, by) -> DestructionList:
    """Four eyes: someone other than its maker, with the permission, approves a draft."""
    require(by, "cases.approve_destructionlist")
    destruction_list = lock_list(destruction_list)
    if destruction_list.state != DestructionList.State.DRAFT:
        refuse(_("Only a draft list can be approved."), "not-draft")
    if destruction_list.created_by_id == by.pk:
        refuse(_("Someone other than the maker of the list must approve it."), "four-eyes")
    destruction_list.state = DestructionList.State.APPROVED
    destruction_list.approved_at = timezone.now()
    destruction_list.approved_by_name = staff_name(by)
    destruction_list.save()
    return destruction_list


def destroy_listed_cases(destruction_list: DestructionList, *, by) -> DestructionList:
    """Destroy every case of an approved list, each in its own transaction, so that a
    failure keeps what was done; running it again finishes the rest."""
    require(by, "cases.destroy_destructionlist")
    destruction_list = DestructionList.objects.get(pk=destruction_list.pk)
    if destruction_list.state != DestructionList.State.APPROVED:
        refuse(_("Only an approved list can be carried out."), "not-approved")
    who = staff_name(by)
    for item in destruction_list.items.filter(destroyed_at__isnull=True, outcome=""):
        destroy_item(item)
    with transaction.atomic():
        destruction_list = lock_list(destruction_list)
        destruction_list.state = DestructionList.State.DESTROYED
        destruction_list.destroyed_at = timezone.now()
        destruction_list.destroyed_by_name = who
        destruction_list.save()
    return destruction_list


@transaction.atomic
def destroy_item(item: DestructionListItem) -> None:
    item = DestructionListItem.objects.select_for_update().get(pk=item.pk)
    if item.outcome:  # done by a run at the same time
        return
    case = Case.objects.select_for_update().filter(pk=item.case_id).first()
    if case is None:
        item.outcome = _("already gone")
    elif not Case.objects.filter(due(), pk=case.pk).exists():
        item.outcome = _("kept: no longer due for destruction")
    else:
        now = timezone.now()
        DestructionListItem.objects.filter(
            destruction_list=item.destruction_list_id, case__main_case=case
        ).update(case=None, destroyed_at=now, outcome=_("destroyed with its main case"))
        destroy_case(case)
        item.case = None
        item.destroyed_at = now
        item.outcome = _("destroyed")
    item.save(update_fields=["case", "destroyed_at", "outcome"])


def destroy_case(case: Case) -> None:
    """The case with its sub cases, their decisions, and the documents that belong to nothing
    else (their files go when the transaction commits)."""
    family = Case.objects.filter(Q(pk=case.pk) | Q(main_case=case))
    decisions = Decision.objects.filter(case__in=family)
    documents = Document.objects.filter(
        Q(case_links__case__in=family) | Q(decision_links__decision__in=decisions)
    ).distinct()
    elsewhere = Q(
        Exists(CaseDocument.objects.filter(document=OuterRef("pk")).exclude(case__in=family))
    ) | Q(
        Exists(
            DecisionDocument.objects.filter(document=OuterRef("pk")).exclude(decision__in=decisions)
        )
    )
    own_documents = list(documents.exclude(elsewhere))
    # What else holds the person's data about these cases goes with them.
    forget_mails_of(family)
    forget_submissions_of(family)
    for decision in decisions:
        delete_decision(decision)
    delete_case(case)
    for document in own_documents:
        delete_document(document)
