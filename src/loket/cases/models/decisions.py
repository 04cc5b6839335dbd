"""Decisions (besluiten) and the documents they rest on."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.cases.models.cases import Case


class Decision(models.Model):
    """Besluit: a formal decision, usually the outcome of a case."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identification = models.CharField(_("identification"), max_length=50)
    responsible_organisation = models.CharField(_("responsible organisation"), max_length=9)
    decision_type = models.ForeignKey(
        "catalog.DecisionType", on_delete=models.PROTECT, related_name="decisions"
    )
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions"
    )
    date = models.DateField(_("decided on"))
    explanation = models.TextField(_("explanation"), blank=True)
    administrative_body = models.CharField(_("administrative body"), max_length=50, blank=True)
    start_date = models.DateField(_("takes effect on"))
    expiry_date = models.DateField(_("expires on"), null=True, blank=True)
    expiry_reason = models.CharField(_("reason it expires"), max_length=30, blank=True)
    publication_date = models.DateField(_("published on"), null=True, blank=True)
    delivery_date = models.DateField(_("sent on"), null=True, blank=True)
    objection_deadline = models.DateField(_("objection possible until"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["responsible_organisation", "identification"],
                name="decision_identification_unique",
            )
        ]

    def __str__(self) -> str:
        return self.identification


class DecisionDocument(models.Model):
    """Besluitinformatieobject: a document a decision rests on."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey(
        "cases.Document", on_delete=models.PROTECT, related_name="decision_links"
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision document")
        verbose_name_plural = _("decision documents")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "document"], name="decision_document_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.decision}: {self.document}"
