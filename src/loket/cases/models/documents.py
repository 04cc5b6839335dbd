"""Documents (enkelvoudige informatieobjecten) with their versions, locks and usage rights.

A document is one row; every change of its content or metadata adds a ``DocumentVersion``
(the Documenten API's ``versie``), so earlier versions stay readable. The bytes live in the
storage backend (local folder or S3); the row keeps their size, checksum and the content
type sniffed from the bytes.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.cases.models.cases import Case
from loket.catalog.choices import Confidentiality


class Document(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identification = models.CharField(_("identification"), max_length=40)
    source_organisation = models.CharField(_("source organisation (RSIN)"), max_length=9)
    lock = models.CharField(_("lock"), max_length=100, blank=True)
    # The latest version's type and level, kept here so that lists filter on them directly.
    document_type = models.ForeignKey(
        "catalog.DocumentType", on_delete=models.PROTECT, related_name="documents"
    )
    confidentiality = models.CharField(
        _("confidentiality"), max_length=20, choices=Confidentiality.choices
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["source_organisation", "identification"],
                name="document_identification_unique",
            )
        ]

    def __str__(self) -> str:
        return self.identification

    @property
    def is_locked(self) -> bool:
        return bool(self.lock)


class DocumentVersion(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_bewerking", _("being worked on")
        FOR_APPROVAL = "ter_vaststelling", _("for approval")
        FINAL = "definitief", _("final")
        ARCHIVED = "gearchiveerd", _("archived")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("version"))
    registered_at = models.DateTimeField(_("registered at"))
    document_type = models.ForeignKey(
        "catalog.DocumentType", on_delete=models.PROTECT, related_name="+"
    )
    created_on = models.DateField(_("created on"))
    title = models.CharField(_("title"), max_length=200)
    confidentiality = models.CharField(
        _("confidentiality"), max_length=20, choices=Confidentiality.choices
    )
    author = models.CharField(_("author"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, blank=True)
    language = models.CharField(_("language"), max_length=3, default="nld")
    # What the client says the format is; ``content_type`` is what the bytes are.
    declared_format = models.CharField(_("declared format"), max_length=255, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", blank=True, max_length=300)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    content_type = models.CharField(_("content type"), max_length=255, blank=True)
    checksum = models.CharField(_("SHA-256"), max_length=64, blank=True)
    content_withdrawn = models.BooleanField(_("content withdrawn"), null=True)
    link = models.URLField(_("link"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    usage_rights_indicated = models.BooleanField(_("usage rights apply"), null=True)
    appearance = models.CharField(_("appearance"), max_length=255, blank=True)
    signature = models.JSONField(_("signature"), default=dict, blank=True)
    integrity = models.JSONField(_("integrity"), default=dict, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "version"]
        constraints = [
            models.UniqueConstraint(fields=["document", "version"], name="document_version_unique")
        ]
        indexes = [models.Index(fields=["document", "-version"])]

    def __str__(self) -> str:
        return f"{self.document} v{self.version}"


class FilePart(models.Model):
    """Bestandsdeel: one piece of a version's file that the client uploads separately.

    A large file comes in parts of a fixed size; when the document is unlocked, the parts are
    joined into the version's file and deleted.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="parts")
    order = models.PositiveIntegerField(_("order"))
    size = models.PositiveBigIntegerField(_("size in bytes"))
    file = models.FileField(_("file"), upload_to="document-parts/%Y/%m/", blank=True)

    class Meta:
        verbose_name = _("file part")
        verbose_name_plural = _("file parts")
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "order"], name="file_part_order_unique")
        ]

    def __str__(self) -> str:
        return f"{self.version} part {self.order}"

    @property
    def is_uploaded(self) -> bool:
        return bool(self.file)


class UsageRight(models.Model):
    """Gebruiksrecht: under which conditions a document may be used."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="usage_rights")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    conditions = models.TextField(_("conditions"))

    class Meta:
        verbose_name = _("usage right")
        verbose_name_plural = _("usage rights")

    def __str__(self) -> str:
        return f"{self.document}: {self.conditions[:40]}"


class Dispatch(models.Model):
    """Verzending: to whom a document was sent or from whom it came, and at which one address.

    The addresses are kept as sent with the document, not looked up, so that they stay what
    they were when the person moves.
    """

    class Relation(models.TextChoices):
        SENDER = "afzender", _("sender")
        ADDRESSEE = "geadresseerde", _("addressee")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="dispatches")
    party = models.URLField(_("party"), max_length=200)
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    explanation = models.CharField(_("explanation"), max_length=200, blank=True)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    contact_person = models.URLField(_("contact person"), max_length=1000)
    contact_person_name = models.CharField(_("contact person's name"), max_length=40, blank=True)
    # Exactly one of the following is the address the document went to or came from.
    domestic_address = models.JSONField(_("address in the Netherlands"), null=True, blank=True)
    foreign_address = models.JSONField(_("address abroad"), null=True, blank=True)
    postal_address = models.JSONField(_("postal address"), null=True, blank=True)
    fax = models.CharField(_("fax number"), max_length=15, blank=True)
    email = models.CharField(_("e-mail address"), max_length=100, blank=True)
    my_government = models.BooleanField(_("MijnOverheid"), default=False)
    phone = models.CharField(_("phone number"), max_length=15, blank=True)

    class Meta:
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        ordering = ["document", "pk"]

    def __str__(self) -> str:
        return f"{self.document}: {self.get_relation_display()}"


class CaseDocument(models.Model):
    """Zaakinformatieobject: a document that belongs to a case."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="case_links")
    title = models.CharField(_("title"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    status = models.ForeignKey(
        "cases.StatusChange", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    visible_to_citizen = models.BooleanField(_("visible to the citizen"), default=False)
    destruction_date = models.DateTimeField(
        _("to be destroyed on"), null=True, blank=True, help_text=_("vernietigingsdatum")
    )

    class Meta:
        verbose_name = _("case document")
        verbose_name_plural = _("case documents")
        ordering = ["case", "registered_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "document"], name="case_document_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.document}"
