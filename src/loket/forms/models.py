"""Forms as data: versioned definitions, the drafts people fill in, and their submissions.

A published definition never changes; drafts and submissions point at the version they were
started with. A submission *is* the start of a case: ``loket.forms.services`` registers both in
one transaction.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.catalog.models import Product
from loket.identity.assurance import LABELS, LEVELS


class Login(models.TextChoices):
    NONE = "none", _("no login needed")
    CITIZEN = "citizen", _("DigiD (persons)")
    BUSINESS = "business", _("eHerkenning (businesses and partners)")
    CITIZEN_OR_BUSINESS = "citizen_or_business", _("DigiD or eHerkenning")


class Channel(models.TextChoices):
    """How a form reached Loket: filled in online by the person, or by an employee with the
    person (assisted digital) on the phone, at the counter or on a home visit."""

    WEB = "web", _("online, by the person")
    PHONE = "phone", _("by phone, with an employee")
    COUNTER = "counter", _("at the counter, with an employee")
    HOME_VISIT = "home_visit", _("on a home visit, with an employee")


class FormDefinitionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def current_for(self, product: Product):
        """The newest published version of the product's form, or None."""
        return self.published().filter(product=product).order_by("-version").first()


class FormDefinition(models.Model):
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="forms", verbose_name=_("product")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    login = models.CharField(_("login"), max_length=20, choices=Login.choices)
    assurance = models.CharField(
        _("level of assurance"),
        max_length=12,
        choices=[(level, LABELS[level]) for level in LEVELS],
        blank=True,
        help_text=_("The lowest login level (betrouwbaarheidsniveau) this form accepts."),
    )
    schema = models.JSONField(
        _("steps and fields"), default=dict, help_text=_("See docs/forms.md for the format.")
    )
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = FormDefinitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("form")
        verbose_name_plural = _("forms")
        ordering = ["product__name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["product", "version"], name="form_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.product} (v{self.version})"


class Draft(models.Model):
    """A form being filled in: the answers so far, kept on every step, back and forth."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    definition = models.ForeignKey(FormDefinition, on_delete=models.PROTECT, related_name="drafts")
    owner_bsn = models.CharField(_("owner's BSN"), max_length=9, blank=True, db_index=True)
    owner_kvk = models.CharField(_("owner's KvK number"), max_length=8, blank=True, db_index=True)
    # Only the SHA-256 of the secret in the resume link is kept.
    resume_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # What was typed but not valid yet, so a page shows it again (field key -> raw input).
    typed = models.JSONField(default=dict, blank=True)
    completed_steps = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    channel = models.CharField(
        _("channel"), max_length=12, choices=Channel.choices, default=Channel.WEB
    )
    # Who fills it in when that is not the owner: a representative under a mandate, or the
    # employee of a business (eHerkenning), with the business's branch.
    acting_bsn = models.CharField(_("BSN of who acts"), max_length=9, blank=True)
    acting_name = models.CharField(_("name of who acts"), max_length=200, blank=True)
    branch = models.CharField(_("branch number"), max_length=12, blank=True)
    assisted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assisted_drafts",
        verbose_name=_("filled in with the help of"),
    )

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")

    def __str__(self) -> str:
        return f"{self.definition}: {self.uuid}"


def upload_path(instance, filename: str) -> str:
    # The draft's own folder and a random name: nothing the person typed ends up in a path.
    return f"form-uploads/{instance.draft.uuid}/{uuid.uuid4().hex}"


class Upload(models.Model):
    """A file added to a draft; on submit its bytes become a document of the case."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="uploads")
    field = models.CharField(max_length=100)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    file = models.FileField(upload_to=upload_path)

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")

    def __str__(self) -> str:
        return self.name


class Submission(models.Model):
    """A confirmed draft: once registered, the case it started."""

    class Status(models.TextChoices):
        AWAITING_PAYMENT = "awaiting_payment", _("awaiting payment")
        REGISTERED = "registered", _("registered as a case")

    class Payment(models.TextChoices):
        NONE = "", _("no costs")
        OPEN = "open", _("open")
        PAID = "paid", _("paid")
        CANCELLED = "cancelled", _("cancelled")
        FAILED = "failed", _("failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    draft = models.OneToOneField(Draft, on_delete=models.PROTECT, related_name="submission")
    definition = models.ForeignKey(
        FormDefinition, on_delete=models.PROTECT, related_name="submissions"
    )
    answers = models.JSONField(_("answers"), default=dict)
    submitted_by = models.CharField(_("submitted by"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=5, default="nl")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    amount = models.DecimalField(_("amount in euros"), max_digits=9, decimal_places=2, default=0)
    payment_status = models.CharField(
        _("payment"), max_length=10, choices=Payment.choices, blank=True
    )
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    case = models.OneToOneField(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submission",
        verbose_name=_("case"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.case or self.uuid)
