"""Who may call Loket's standard APIs: applications, their credentials and authorisations.

An :class:`Application` is the Autorisaties API's *applicatie*: one system, known by one or
more client ids (one per API it calls, as the standard allows), each with its own JWT secret
(:class:`ApiClient`). What it may do is either everything (``all_scopes``) or the list of its
:class:`ApiAuthorization` rows. Authentication reads these on every request, so a change is
in force on the client's next call.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.catalog.choices import Confidentiality


class Application(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label = models.CharField(_("label"), max_length=200)
    all_scopes = models.BooleanField(
        _("all authorisations"),
        default=False,
        help_text=_("Every scope on every component and type. Only for fully trusted systems."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("API application")
        verbose_name_plural = _("API applications")
        ordering = ["label", "pk"]

    def __str__(self) -> str:
        return self.label


class ApiClient(models.Model):
    """A client id of an application, with the shared secret its ZGW JWTs are signed with.

    The secret is kept as given: HS256 verification needs the same secret on both sides. A
    client id registered through the Autorisaties API has no secret until the functioneel
    beheerder sets one; until then its tokens are refused.
    """

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="clients", verbose_name=_("application")
    )
    client_id = models.CharField(_("client id"), max_length=100, unique=True)
    secret = models.CharField(_("secret"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")
        ordering = ["client_id"]

    def __str__(self) -> str:
        return self.client_id


class ApiAuthorization(models.Model):
    """Autorisatie: scopes on one component, limited to one type and a confidentiality.

    For the Zaken, Documenten and Besluiten APIs an authorisation names the case type,
    document type or decision type it covers and the most confidential level the client may
    see; lists are filtered to what the application's authorisations cover. Without a type it
    covers every type, present and future (set in the admin or by ``loket apiclient``; the
    Autorisaties API requires the type).
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
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="authorizations",
        verbose_name=_("application"),
    )
    component = models.CharField(_("component"), max_length=3, choices=Component.choices)
    scopes = models.JSONField(_("scopes"), default=list)
    case_type = models.URLField(_("case type"), max_length=1000, blank=True)
    document_type = models.URLField(_("document type"), max_length=1000, blank=True)
    decision_type = models.URLField(_("decision type"), max_length=1000, blank=True)
    max_confidentiality = models.CharField(
        _("most confidential level"), max_length=20, choices=Confidentiality.choices, blank=True
    )

    class Meta:
        verbose_name = _("API authorisation")
        verbose_name_plural = _("API authorisations")
        ordering = ["application", "component", "pk"]

    def __str__(self) -> str:
        return f"{self.get_component_display()}: {', '.join(self.scopes)}"

    @property
    def type_url(self) -> str:
        """The case, document or decision type this authorisation is limited to, if any."""
        return self.case_type or self.document_type or self.decision_type
