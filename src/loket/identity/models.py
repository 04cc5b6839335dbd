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
    partner = models.BooleanField(
        _("partner organisation"),
        default=False,
        help_text=_(
            "An outside organisation, such as a hospital or a funeral undertaker: every call of "
            "its clients is logged."
        ),
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


class ApiCall(models.Model):
    """One call of a partner's client to Loket's APIs: who, what, when, and the answer."""

    client_id = models.CharField(_("client id"), max_length=100, db_index=True)
    method = models.CharField(_("method"), max_length=10)
    path = models.CharField(_("path"), max_length=2000)
    status = models.PositiveSmallIntegerField(_("HTTP status"))
    at = models.DateTimeField(_("at"), db_index=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))

    class Meta:
        verbose_name = _("partner API call")
        verbose_name_plural = _("partner API calls")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.client_id} {self.method} {self.path} {self.status}"


class Mandate(models.Model):
    """A machtiging: a person lets another person act for them in the portal (forms, Mijn
    omgeving) until a date, or until either of them ends it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    grantor_bsn = models.CharField(_("BSN of who gives the mandate"), max_length=9, db_index=True)
    grantor_name = models.CharField(_("name of who gives the mandate"), max_length=200)
    representative_bsn = models.CharField(_("BSN of who may act"), max_length=9, db_index=True)
    representative_name = models.CharField(_("name of who may act"), max_length=200)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.CharField(_("ended by"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.representative_name} namens {self.grantor_name}"
