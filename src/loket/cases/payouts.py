"""Paying out granted amounts: the pending payouts of a department go to the bank in one SEPA
credit-transfer file (pain.001.001.03, checked against its XSD by ``sepaxml``).

Exporting is one transaction: the batch keeps the file, and its payouts are no longer
pending, so a payout is never in two files.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from sepaxml import SepaTransfer

from loket.cases.models import Payout, PayoutBatch
from loket.cases.services.common import refuse
from loket.cases.services.handling import staff_name
from loket.catalog.models import Department
from loket.identity.permissions import StaffPermission, require


def pending_payouts(department: Department) -> QuerySet[Payout]:
    return (
        Payout.objects.filter(case__department=department, batch__isnull=True)
        .select_related("case")
        .order_by("recorded_at", "pk")
    )


def next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def sepa_file(payouts: list[Payout], execution_date: date) -> tuple[str, str]:
    """The file's message id and its XML."""
    transfer = SepaTransfer(
        {
            "name": settings.LOKET_MUNICIPALITY_NAME[:70],
            "IBAN": settings.LOKET_PAYOUT_IBAN,
            "BIC": settings.LOKET_PAYOUT_BIC,
            "batch": True,
            "currency": "EUR",
        },
        clean=True,
    )
    for payout in payouts:
        transfer.add_payment(
            {
                "name": payout.account_holder[:70],
                "IBAN": payout.iban,
                "amount": int(payout.amount * 100),  # in cents
                "execution_date": execution_date,
                "description": payout.description[:140],
                "endtoend_id": payout.case.identification.replace("-", "")[:35],
            }
        )
    return transfer.msg_id, transfer.export(validate=True).decode("utf-8")


@transaction.atomic
def export_payouts(department: Department, *, by) -> PayoutBatch:
    """Put the department's pending payouts in one new SEPA file."""
    require(by, StaffPermission.WORK_CASES, department)
    if not settings.LOKET_PAYOUT_IBAN:
        refuse(_("Set LOKET_PAYOUT_IBAN: the account the payouts are paid from."), "config")
    payouts = list(pending_payouts(department).select_for_update(of=("self",)))
    if not payouts:
        refuse(_("There are no payouts waiting to be exported."), "leeg")
    execution_date = next_working_day(timezone.localdate())
    message_id, content = sepa_file(payouts, execution_date)
    batch = PayoutBatch.objects.create(
        department=department,
        message_id=message_id,
        created_at=timezone.now(),
        created_by=staff_name(by),
        execution_date=execution_date,
        total=sum((payout.amount for payout in payouts), start=0),
        content=content,
    )
    Payout.objects.filter(pk__in=[payout.pk for payout in payouts]).update(batch=batch)
    return batch


def pending_total(department: Department):
    return pending_payouts(department).aggregate(total=Sum("amount"))["total"] or 0
