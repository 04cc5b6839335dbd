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

    @property
    def delivery_summary(self) -> str:
        """Where this mail is, in one sentence in the active language, for the KCC."""
        from loket.notify.delivery_log import delivery_summary

        return delivery_summary(self)


class MailAttachment(models.Model):
    """A file sent with a mail (a calendar file, a letter), stored with it in one transaction
    so that every delivery attempt sends the same bytes."""

    mail = models.ForeignKey(Mail, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    content = models.BinaryField(_("content"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["mail", "pk"]

    def __str__(self) -> str:
        return self.filename


class Channel(models.Model):
    """Kanaal of the Notificaties API: a stream of events that systems can subscribe to."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=50, unique=True)
    documentation_link = models.URLField(_("documentation"), max_length=200, blank=True)
    filters = models.JSONField(
        _("filters"), default=list, blank=True, help_text=_("The features one can filter on.")
    )

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Subscription(models.Model):
    """Abonnement: a system that wants every event of some channels at its callback URL."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    callback_url = models.URLField(_("callback URL"), max_length=200)
    auth = models.CharField(
        _("authorization header"),
        max_length=1000,
        help_text=_("Sent as the Authorization header with every delivery."),
    )
    client_id = models.CharField(_("client id of the subscriber"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.callback_url


class SubscriptionChannel(models.Model):
    """A channel of a subscription, with the features an event must have to be sent."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="channels"
    )
    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="subscriptions")
    filters = models.JSONField(_("filters"), default=dict, blank=True)

    class Meta:
        verbose_name = _("channel of a subscription")
        verbose_name_plural = _("channels of a subscription")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "channel"], name="subscription_channel_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subscription}: {self.channel}"


class Event(models.Model):
    """A domain event, recorded in the transaction of the change it tells of.

    It carries what a ZGW notification (notificatie) says: channel, main object, resource,
    action and features (kenmerken). Its uuid is the stable id of every delivery of it.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    channel = models.CharField(_("channel"), max_length=50)
    main_object = models.URLField(_("main object"), max_length=1000)
    resource = models.CharField(_("resource"), max_length=100)
    resource_url = models.URLField(_("resource URL"), max_length=1000)
    action = models.CharField(_("action"), max_length=100)
    features = models.JSONField(_("features"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), db_index=True)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("case"),
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.channel} {self.resource} {self.action}"

    def message(self) -> dict:
        """The notificatie as the Notificaties API sends it."""
        return {
            "kanaal": self.channel,
            "hoofdObject": self.main_object,
            "resource": self.resource,
            "resourceUrl": self.resource_url,
            "actie": self.action,
            "aanmaakdatum": self.created_at.isoformat(),
            "kenmerken": self.features,
        }


class Delivery(models.Model):
    """One event to one subscriber (or to the external Notificaties API), with its state."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        DEAD = "dead", _("given up (dead letter)")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
        help_text=_("Empty: to the external Notificaties API."),
    )
    target_url = models.URLField(_("sent to"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveSmallIntegerField(_("last answer"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.target_url}"


class StatusMailTemplate(models.Model):
    """The mail a citizen gets when their case reaches a status, edited by the functioneel
    beheerder in Django template syntax (``loket.notify.templates_mail`` renders it).

    A template names its case type and status by the words that stay the same over every
    version of a case type: the case type's identification and the status type's description.
    An empty case type or status means "any"; ``loket.notify.citizen_mail`` picks the most
    specific active template in the case's language.
    """

    case_type_identification = models.CharField(
        _("case type"),
        max_length=50,
        blank=True,
        help_text=_("The identification of the case type; empty: every case type."),
    )
    status_description = models.CharField(
        _("status"),
        max_length=80,
        blank=True,
        help_text=_(
            "The description of the status type, as in the case type; empty: every status. "
            "The first status of a case is never mailed: whoever registers the case confirms it."
        ),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="nl"
    )
    subject = models.CharField(_("subject"), max_length=255)
    text_body = models.TextField(_("text"))
    html_body = models.TextField(
        _("HTML"),
        blank=True,
        help_text=_("The content of the HTML mail; empty: the mail is sent as text only."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive template is skipped; the next more general one is used."),
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("status mail template")
        verbose_name_plural = _("status mail templates")
        ordering = ["case_type_identification", "status_description", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["case_type_identification", "status_description", "language"],
                name="status_mail_template_unique",
            )
        ]

    def __str__(self) -> str:
        case_type = self.case_type_identification or _("every case type")
        status = self.status_description or _("every status")
        return f"{case_type} / {status} ({self.language})"
