"""Case types (zaaktypen) and the types around them, as the Catalogi API models them.

A case type is versioned: every version has its own row with a validity period. A version is
a draft (``concept``) until it is published; after that it is immutable, and cases keep the
version they were started under. The rules live in ``loket.catalog.services``.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.catalog.choices import (
    ArchiveAction,
    ArchiveDateBasis,
    Confidentiality,
    DayCount,
    DocumentDirection,
    GenericRole,
    InternalOrExternal,
    PropertyFormat,
)
from loket.catalog.models.products import Department, Product
from loket.catalog.terms import TermField


class Catalogue(models.Model):
    """A catalogue (catalogus) of case, document and decision types of one organisation."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    domain = models.CharField(_("domain"), max_length=5, help_text=_("Short code, e.g. VRBLD."))
    rsin = models.CharField(_("RSIN"), max_length=9)
    name = models.CharField(_("name"), max_length=200, blank=True)
    version = models.CharField(_("version"), max_length=20, blank=True)
    version_date = models.DateField(_("version date"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=40)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), max_length=254, blank=True)

    class Meta:
        verbose_name = _("catalogue")
        verbose_name_plural = _("catalogues")
        constraints = [
            models.UniqueConstraint(fields=["domain", "rsin"], name="catalogue_domain_rsin_unique")
        ]

    def __str__(self) -> str:
        return self.name or f"{self.domain} ({self.rsin})"


class VersionedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(concept=False)

    def valid_on(self, day):
        return self.filter(valid_from__lte=day).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day)
        )

    def current(self):
        return self.published().valid_on(timezone.localdate())


class Versioned(models.Model):
    """Validity and draft state shared by case, document and decision types."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogue = models.ForeignKey(Catalogue, on_delete=models.PROTECT, verbose_name=_("catalogue"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    concept = models.BooleanField(
        _("draft"), default=True, help_text=_("A draft can be changed; a published version not.")
    )

    objects = VersionedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return not self.concept

    def is_valid_on(self, day) -> bool:
        """``VersionedQuerySet.valid_on`` for this version, without a query."""
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class DocumentType(Versioned):
    """Informatieobjecttype."""

    description = models.CharField(_("description"), max_length=80)
    generic_description = models.CharField(_("generic description"), max_length=80, blank=True)
    confidentiality = models.CharField(
        _("confidentiality"), max_length=20, choices=Confidentiality.choices
    )
    category = models.CharField(_("category"), max_length=80)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    generic_definition = models.CharField(_("generic definition"), max_length=255, blank=True)
    generic_origin = models.CharField(_("generic origin"), max_length=12, blank=True)
    generic_hierarchy = models.CharField(_("generic hierarchy"), max_length=80, blank=True)
    generic_remark = models.CharField(_("generic remark"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        ordering = ["description", "valid_from"]

    def __str__(self) -> str:
        return self.description


class CaseType(Versioned):
    """Zaaktype: how a kind of case runs, with its legal terms and steps."""

    identification = models.CharField(
        _("identification"),
        max_length=50,
        help_text=_("The same for every version of this case type."),
    )
    version_date = models.DateField(_("version date"))
    description = models.CharField(_("description"), max_length=80)
    generic_description = models.CharField(_("generic description"), max_length=80, blank=True)
    confidentiality = models.CharField(
        _("confidentiality"), max_length=20, choices=Confidentiality.choices
    )
    purpose = models.TextField(_("purpose"))
    reason = models.TextField(_("reason"))
    explanation = models.TextField(_("explanation"), blank=True)
    internal_or_external = models.CharField(
        _("internal or external"), max_length=6, choices=InternalOrExternal.choices
    )
    initiator_action = models.CharField(_("initiator's action"), max_length=20)
    subject = models.CharField(_("subject"), max_length=80)
    handler_action = models.CharField(_("handler's action"), max_length=20)
    day_count = models.CharField(
        _("days count as"), max_length=10, choices=DayCount.choices, default=DayCount.CALENDAR
    )
    lead_time = TermField(_("legal lead time"), help_text=_("Doorlooptijd, e.g. P8W."))
    service_norm = TermField(
        _("service norm"), blank=True, help_text=_("The municipality's own promise, e.g. P5D.")
    )
    suspension_allowed = models.BooleanField(_("suspension allowed"), default=False)
    extension_allowed = models.BooleanField(_("extension allowed"), default=False)
    extension_term = TermField(_("extension term"), blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    publication_indication = models.BooleanField(_("to be published"), default=False)
    publication_text = models.TextField(_("publication text"), blank=True)
    responsible = models.CharField(_("responsible"), max_length=255)
    reference_process_name = models.CharField(_("reference process"), max_length=80)
    selectielijst_procestype = models.URLField(
        _("selection list process type"), max_length=1000, blank=True
    )
    reference_process_link = models.URLField(
        _("reference process link"), max_length=200, blank=True
    )
    accountability = models.JSONField(
        _("accountability"), default=list, blank=True, help_text=_("verantwoordingsrelatie")
    )
    product_urls = models.JSONField(
        _("products or services (URLs)"),
        default=list,
        blank=True,
        help_text=_("productenOfDiensten"),
    )
    sub_case_types = models.JSONField(
        _("sub case types"),
        default=list,
        blank=True,
        help_text=_("Identifications of the case types of its sub cases (deelzaaktypen)."),
    )
    related_case_types = models.JSONField(
        _("related case types"),
        default=list,
        blank=True,
        help_text=_("[{identification, relation, explanation}] (gerelateerdeZaaktypen)"),
    )
    source_catalogue = models.JSONField(
        _("source catalogue"), null=True, blank=True, help_text=_("{url, domain, rsin}")
    )
    source_case_type = models.JSONField(
        _("source case type"),
        null=True,
        blank=True,
        help_text=_("{url, identification, description}"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="case_types",
        verbose_name=_("department"),
        help_text=_("Whose work queue receives these cases."),
    )
    products = models.ManyToManyField(
        Product, related_name="case_types", blank=True, verbose_name=_("products")
    )
    document_types = models.ManyToManyField(
        DocumentType,
        through="CaseTypeDocumentType",
        related_name="case_types",
        verbose_name=_("document types"),
    )

    class Meta:
        verbose_name = _("case type")
        verbose_name_plural = _("case types")
        ordering = ["identification", "valid_from"]
        indexes = [models.Index(fields=["identification", "valid_from"])]

    def __str__(self) -> str:
        state = _("draft") if self.concept else self.valid_from.isoformat()
        return f"{self.description} ({self.identification}, {state})"


class DecisionType(Versioned):
    """Besluittype."""

    description = models.CharField(_("description"), max_length=80, blank=True)
    generic_description = models.CharField(_("generic description"), max_length=80, blank=True)
    category = models.CharField(_("category"), max_length=40, blank=True)
    reaction_term = TermField(_("objection term"), blank=True)
    publication_indication = models.BooleanField(_("to be published"), default=False)
    publication_text = models.TextField(_("publication text"), blank=True)
    publication_term = TermField(_("publication term"), blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    case_types = models.ManyToManyField(
        CaseType, related_name="decision_types", blank=True, verbose_name=_("case types")
    )
    document_types = models.ManyToManyField(
        DocumentType, related_name="decision_types", blank=True, verbose_name=_("document types")
    )

    class Meta:
        verbose_name = _("decision type")
        verbose_name_plural = _("decision types")
        ordering = ["description", "valid_from"]

    def __str__(self) -> str:
        return self.description


class CaseTypePart(models.Model):
    """A type that belongs to one case type version and shares its fate (ztc-010)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class StatusType(CaseTypePart):
    """Statustype: one step of the case type, with the words the citizen reads."""

    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="status_types")
    order = models.PositiveSmallIntegerField(_("order"))
    description = models.CharField(_("description"), max_length=80)
    generic_description = models.CharField(_("generic description"), max_length=80, blank=True)
    citizen_name = models.CharField(_("name for the citizen"), max_length=80)
    citizen_explanation = models.TextField(
        _("explanation for the citizen"), help_text=_("What happens now and what comes next.")
    )
    lead_time = TermField(_("expected time in this step"), blank=True)
    inform_citizen = models.BooleanField(_("tell the citizen"), default=True)
    explanation = models.TextField(_("explanation"), blank=True)
    checklist = models.JSONField(
        _("checklist"),
        default=list,
        blank=True,
        help_text=_("[{name, question, explanation, required}] (checklistitemStatustype)"),
    )

    class Meta:
        verbose_name = _("status type")
        verbose_name_plural = _("status types")
        ordering = ["case_type", "order"]
        constraints = [
            models.UniqueConstraint(fields=["case_type", "order"], name="status_type_order_unique")
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.description}"

    @property
    def is_end_status(self) -> bool:
        last = max(s.order for s in self.case_type.status_types.all())
        return self.order == last


class ResultType(CaseTypePart):
    """Resultaattype, with the archive rules that follow from it."""

    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="result_types")
    description = models.CharField(_("description"), max_length=30)
    result_type_description_url = models.URLField(
        _("generic result description"), max_length=1000, help_text=_("resultaattypeomschrijving")
    )
    generic_description = models.CharField(_("generic description"), max_length=20, blank=True)
    selection_list_class = models.URLField(_("selection list class"), max_length=1000)
    explanation = models.TextField(_("explanation"), blank=True)
    archive_action = models.CharField(
        _("archive action"), max_length=20, choices=ArchiveAction.choices, blank=True
    )
    archive_term = TermField(_("archive term"), blank=True)
    archive_date_basis = models.CharField(
        _("archive date from"), max_length=20, choices=ArchiveDateBasis.choices
    )
    archive_date_property = models.CharField(_("date property"), max_length=80, blank=True)
    archive_end_date_known = models.BooleanField(_("end date known"), default=False)
    archive_object_type = models.CharField(_("object type"), max_length=80, blank=True)
    archive_registration = models.CharField(_("registration"), max_length=80, blank=True)
    archive_process_term = TermField(_("process term"), blank=True)
    process_object_kind = models.CharField(_("process object kind"), max_length=200, blank=True)
    specific = models.BooleanField(_("specific"), null=True, blank=True)
    process_term = TermField(_("active use after closing"), blank=True)
    decision_types = models.ManyToManyField(
        DecisionType, related_name="result_types", blank=True, verbose_name=_("decision types")
    )
    document_types = models.ManyToManyField(
        DocumentType,
        related_name="result_types",
        blank=True,
        verbose_name=_("required document types"),
    )

    class Meta:
        verbose_name = _("result type")
        verbose_name_plural = _("result types")
        ordering = ["case_type", "description"]

    def __str__(self) -> str:
        return self.description


class RoleType(CaseTypePart):
    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="role_types")
    description = models.CharField(_("description"), max_length=100)
    generic = models.CharField(_("generic role"), max_length=20, choices=GenericRole.choices)

    class Meta:
        verbose_name = _("role type")
        verbose_name_plural = _("role types")
        ordering = ["case_type", "description"]

    def __str__(self) -> str:
        return self.description


class Property(CaseTypePart):
    """Eigenschap: a named value that cases of this type carry."""

    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="properties")
    name = models.CharField(_("name"), max_length=20)
    definition = models.CharField(_("definition"), max_length=255)
    explanation = models.TextField(_("explanation"), blank=True)
    status_type = models.ForeignKey(
        StatusType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="required_properties",
        verbose_name=_("status type"),
        help_text=_("The step that needs a value of this property before it can be set."),
    )
    format = models.CharField(_("format"), max_length=10, choices=PropertyFormat.choices)
    length = models.PositiveSmallIntegerField(_("length"))
    precision = models.PositiveSmallIntegerField(_("decimals"), default=0)
    allowed_values = models.JSONField(_("allowed values"), default=list, blank=True)
    group = models.CharField(_("group"), max_length=32, blank=True)
    cardinality = models.CharField(_("cardinality"), max_length=3, default="1")

    class Meta:
        verbose_name = _("property")
        verbose_name_plural = _("properties")
        ordering = ["case_type", "name"]
        constraints = [
            models.UniqueConstraint(fields=["case_type", "name"], name="property_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class CaseTypeDocumentType(CaseTypePart):
    """Zaaktype-informatieobjecttype: a document type a case of this type may hold."""

    case_type = models.ForeignKey(
        CaseType, on_delete=models.CASCADE, related_name="document_type_links"
    )
    document_type = models.ForeignKey(
        DocumentType, on_delete=models.PROTECT, related_name="case_type_links"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    direction = models.CharField(_("direction"), max_length=10, choices=DocumentDirection.choices)
    status_type = models.ForeignKey(
        StatusType, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("status type")
    )

    class Meta:
        verbose_name = _("case type document type")
        verbose_name_plural = _("case type document types")
        ordering = ["case_type", "order"]
        constraints = [
            models.UniqueConstraint(fields=["case_type", "order"], name="ztiot_order_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case_type.identification}: {self.document_type}"


class CaseObjectType(CaseTypePart):
    """Zaakobjecttype: a kind of object (a building, a person, a decision) a case is about."""

    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="object_types")
    other_object_type = models.BooleanField(
        _("other object type"), default=False, help_text=_("Not an object type of RSGB or RGBZ.")
    )
    object_type = models.URLField(_("object type"), max_length=200)
    relation_description = models.CharField(_("relation description"), max_length=80)

    class Meta:
        verbose_name = _("case object type")
        verbose_name_plural = _("case object types")
        ordering = ["case_type", "relation_description"]

    def __str__(self) -> str:
        return self.relation_description
