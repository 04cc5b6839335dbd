"""The outbox: every outgoing mail with its delivery state; it is also the delivery log."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Mail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    text_body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="nl"
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mails",
        verbose_name=_("case"),
    )
    status = models.CharField(
        _("status"), max_length=6, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mail")
        verbose_name_plural = _("mails")
        ordering = ["-queued_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"

    @property
    def message_id(self) -> str:
        # Stable over every delivery attempt, so a receiver can drop a repeated copy.
        return f"<{self.uuid}@loket>"
