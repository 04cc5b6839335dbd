"""Money the municipality pays out on a case (a granted contribution), and the SEPA
credit-transfer files (pain.001) that take the payouts to the bank."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.cases.models.cases import Case


class PayoutBatch(models.Model):
    """One credit-transfer file: the pending payouts of a department, exported together."""

    department = models.ForeignKey(
        "catalog.Department",
        on_delete=models.PROTECT,
        related_name="payout_batches",
        verbose_name=_("department"),
    )
    message_id = models.CharField(_("message id"), max_length=35, unique=True)
    created_at = models.DateTimeField(_("created at"))
    created_by = models.CharField(_("by"), max_length=200)
    execution_date = models.DateField(_("to be paid on"))
    total = models.DecimalField(_("total"), max_digits=11, decimal_places=2)
    content = models.TextField(_("pain.001 file"))

    class Meta:
        verbose_name = _("payout batch")
        verbose_name_plural = _("payout batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.message_id

    @property
    def file_name(self) -> str:
        return f"{self.message_id}.xml"


class Payout(models.Model):
    """An amount to transfer to the applicant's account, recorded with the decision that
    granted it; pending until a batch exports it."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="payouts", verbose_name=_("case")
    )
    amount = models.DecimalField(_("amount"), max_digits=9, decimal_places=2)
    iban = models.CharField(_("IBAN"), max_length=34)
    account_holder = models.CharField(_("account holder"), max_length=70)
    description = models.CharField(_("description"), max_length=140)
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.CharField(_("by"), max_length=200)
    batch = models.ForeignKey(
        PayoutBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payouts",
        verbose_name=_("batch"),
    )

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case} EUR {self.amount}"

    @property
    def is_pending(self) -> bool:
        return self.batch_id is None
