from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiClient(models.Model):
    """A system that calls Loket's standard APIs with a ZGW JWT (client_id + shared secret).

    The secret is kept as given: HS256 verification needs the same secret on both sides.
    """

    client_id = models.CharField(_("client id"), max_length=100, unique=True)
    secret = models.CharField(_("secret"), max_length=255)
    label = models.CharField(_("label"), max_length=200, blank=True)
    all_scopes = models.BooleanField(
        _("all scopes"), default=False, help_text=_("Every scope on every component.")
    )
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")
        ordering = ["client_id"]

    def __str__(self) -> str:
        return self.label or self.client_id
