import uuid

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


class ApiAuthorization(models.Model):
    """Autorisatie: scopes on one component, limited to one type and a confidentiality.

    For the Zaken, Documenten and Besluiten APIs an authorisation names the case type,
    document type or decision type it covers and the most confidential level the client may
    see; lists are filtered to what the client's authorisations cover.
    """

    class Component(models.TextChoices):
        CASES = "zrc", "Zaken API"
        CATALOGUE = "ztc", "Catalogi API"
        DOCUMENTS = "drc", "Documenten API"
        DECISIONS = "brc", "Besluiten API"
        AUTHORISATIONS = "ac", "Autorisaties API"
        NOTIFICATIONS = "nrc", "Notificaties API"
        CONTACTS = "kic", "Klantinteracties API"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="authorizations")
    component = models.CharField(_("component"), max_length=3, choices=Component.choices)
    scopes = models.JSONField(_("scopes"), default=list)
    case_type = models.URLField(_("case type"), max_length=1000, blank=True)
    document_type = models.URLField(_("document type"), max_length=1000, blank=True)
    decision_type = models.URLField(_("decision type"), max_length=1000, blank=True)
    max_confidentiality = models.CharField(_("most confidential level"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("API authorisation")
        verbose_name_plural = _("API authorisations")

    def __str__(self) -> str:
        return f"{self.client}: {self.component} {', '.join(self.scopes)}"
