"""The destruction list (vernietigingslijst): which closed cases were destroyed, when, by whom.

A list goes draft -> approved -> destroyed. A second person approves it (four eyes); then the
cases on it are destroyed. The list and its items stay as the record of destruction, so an
item keeps only what the record needs (case number, case type, archive date, result), never
personal data: its link to the case empties when the case goes.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.cases.models.cases import Case


class DestructionList(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        APPROVED = "approved", _("approved")
        DESTROYED = "destroyed", _("destroyed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(_("made at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_by_name = models.CharField(_("made by"), max_length=200)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by_name = models.CharField(_("approved by"), max_length=200, blank=True)
    destroyed_at = models.DateTimeField(_("destroyed at"), null=True, blank=True)
    destroyed_by_name = models.CharField(_("destroyed by"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("destruction list")
        verbose_name_plural = _("destruction lists")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("approve_destructionlist", _("Can approve a destruction list")),
            ("destroy_destructionlist", _("Can destroy the cases of an approved list")),
        ]

    def __str__(self) -> str:
        return self.name


class DestructionListItem(models.Model):
    """One case on a destruction list, described without personal data."""

    destruction_list = models.ForeignKey(
        DestructionList, on_delete=models.CASCADE, related_name="items"
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="destruction_items",
    )
    case_identification = models.CharField(_("case number"), max_length=40)
    case_type = models.CharField(_("case type"), max_length=200)
    archive_date = models.DateField(_("archive action date"))
    result = models.CharField(_("result"), max_length=200, blank=True)
    destroyed_at = models.DateTimeField(_("destroyed at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("case on a destruction list")
        verbose_name_plural = _("cases on a destruction list")
        ordering = ["destruction_list", "case_identification", "pk"]

    def __str__(self) -> str:
        return self.case_identification
