"""The audit trail of the standard APIs: who changed which object, and how."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    component = models.CharField(_("component"), max_length=10)  # zrc, drc, brc, ztc
    main_object_uuid = models.UUIDField(_("main object"), db_index=True)
    main_object_url = models.URLField(_("main object URL"), max_length=1000)
    resource = models.CharField(_("resource"), max_length=50)
    resource_url = models.URLField(_("resource URL"), max_length=1000)
    resource_label = models.CharField(_("resource label"), max_length=200)
    action = models.CharField(_("action"), max_length=50)
    result = models.PositiveSmallIntegerField(_("HTTP status"))
    application_id = models.CharField(_("application"), max_length=100, blank=True)
    application_label = models.CharField(_("application label"), max_length=200, blank=True)
    user_id = models.CharField(_("user"), max_length=255, blank=True)
    user_label = models.CharField(_("user label"), max_length=255, blank=True)
    explanation = models.CharField(_("explanation"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    old = models.JSONField(_("before"), null=True, blank=True)
    new = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["main_object_uuid", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} {self.resource} {self.created_at:%Y-%m-%d %H:%M}"
