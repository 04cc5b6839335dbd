"""Receiving organisations, Loket's signing keys, the persons' consents and what happened
to them. State changes go through ``loket.sharing.services``, reads through ``selectors``."""

import uuid
from datetime import date, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.sharing.attributes import label_of


class Receiver(models.Model):
    """An ontvangende organisatie (e.g. a housing corporation) that persons may share data
    with, registered by the functioneel beheerder."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    audience = models.CharField(
        _("audience"),
        max_length=200,
        unique=True,
        help_text=_(
            "The identifier the organisation checks in the statement's aud claim, "
            "e.g. its web address."
        ),
    )
    purposes = models.JSONField(_("purposes"), default=list)
    active = models.BooleanField(
        _("persons can choose it"),
        default=True,
        help_text=_(
            "Statements issued earlier stay valid until they end or the person withdraws them."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("receiving organisation")
        verbose_name_plural = _("receiving organisations")

    def __str__(self):
        return self.name


class SigningKey(models.Model):
    """An ES256 key pair that signs statements. The newest key not retired signs; a
    retired key stays published until the last statement it signed has expired."""

    kid = models.CharField(max_length=64, unique=True)  # the JWK thumbprint (RFC 7638)
    private_key = models.TextField()  # PKCS #8 PEM
    public_jwk = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")

    def __str__(self):
        return self.kid


class Consent(models.Model):
    """A person's toestemming to share these BRP attributes with a receiver, for a purpose,
    until a day; and the verklaring (the signed statement) Loket issued for it. Its uuid is
    the statement's ``jti``."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Valid")
        REVOKED = "revoked", _("Withdrawn")
        EXPIRED = "expired", _("Expired")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bsn = models.CharField(max_length=9, db_index=True)
    receiver = models.ForeignKey(Receiver, on_delete=models.PROTECT, related_name="consents")
    attributes = models.JSONField()  # the keys of ``attributes.ATTRIBUTES``, in their order
    purpose = models.CharField(max_length=200)
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="consents")
    # The compact JWS, for the person to copy or download again; emptied when revoked.
    statement = models.TextField(blank=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.receiver} ({self.issued_at:%Y-%m-%d})"

    def status_at(self, moment) -> str:
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if moment >= self.expires_at:
            return self.Status.EXPIRED
        return self.Status.ACTIVE

    @property
    def status(self) -> str:
        return self.status_at(timezone.now())

    @property
    def status_label(self) -> str:
        return self.Status(self.status).label

    @property
    def last_day(self) -> date:
        """The last day the receiver may use the statement (``expires_at`` is its end)."""
        return timezone.localdate(self.expires_at) - timedelta(days=1)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def attribute_labels(self) -> list[str]:
        return [str(label_of(key)) for key in self.attributes]


class ConsentEvent(models.Model):
    """One line of the log the person sees: a statement issued, revoked, or its status
    checked by a receiver."""

    class Kind(models.TextChoices):
        ISSUED = "issued", _("Statement issued")
        REVOKED = "revoked", _("Consent withdrawn")
        STATUS_CHECKED = "status_checked", _("The organisation checked the statement")

    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["consent", "-at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"
