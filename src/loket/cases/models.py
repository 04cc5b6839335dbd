"""Cases (zaken) and their status history."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.catalog.models import CaseType, StatusType


class Case(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identification = models.CharField(_("case number"), max_length=40, unique=True)
    case_type = models.ForeignKey(
        CaseType, on_delete=models.PROTECT, related_name="cases", verbose_name=_("case type")
    )
    initiator_bsn = models.CharField(_("initiator's BSN"), max_length=9, blank=True, db_index=True)
    initiator_kvk = models.CharField(_("initiator's KvK number"), max_length=8, blank=True)
    registered_on = models.DateField(_("registered on"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    legal_end = models.DateField(_("legal end date"), null=True, blank=True)
    current_status = models.ForeignKey(
        StatusType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-registered_on", "-pk"]

    def __str__(self) -> str:
        return self.identification


class StatusChange(models.Model):
    """One entry of a case's status history; the history is append-only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    status_type = models.ForeignKey(StatusType, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(_("set at"))
    note = models.TextField(_("note"), blank=True)
    note_visible_to_citizen = models.BooleanField(_("note visible to the citizen"), default=False)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["case", "set_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.status_type}"


class CaseNumberCounter(models.Model):
    """The last case number given out in a year (see ``loket.cases.identification``)."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"
