"""Cases (zaken): the registry at the heart of zaakgericht werken.

A case follows one published case type version for its whole life. Its status history is
append-only; its deadlines move only through the legal clock (``loket.cases.clock``) and
every move is recorded as a ``ClockEvent``. State changes go through ``loket.cases.services``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.catalog.choices import ArchiveAction, Confidentiality, GenericRole
from loket.catalog.models import CaseType, Property, ResultType, RoleType, StatusType


class ArchiveStatus(models.TextChoices):
    TO_ARCHIVE = "nog_te_archiveren", _("still to be archived")
    ARCHIVED = "gearchiveerd", _("archived")
    ARCHIVED_PROCEDURE_UNKNOWN = (
        "gearchiveerd_procestermijn_onbekend",
        _("archived, process term unknown"),
    )
    TRANSFERRED = "overgedragen", _("transferred")


class PaymentIndication(models.TextChoices):
    NOT_APPLICABLE = "nvt", _("no costs")
    NOT_YET = "nog_niet", _("not paid yet")
    PARTLY = "gedeeltelijk", _("partly paid")
    PAID = "geheel", _("paid in full")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_on__isnull=True)

    def of_citizen(self, bsn: str):
        return self.filter(initiator_bsn=bsn)


class Case(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identification = models.CharField(_("case number"), max_length=40)
    source_organisation = models.CharField(_("source organisation (RSIN)"), max_length=9)
    responsible_organisation = models.CharField(_("responsible organisation (RSIN)"), max_length=9)
    case_type = models.ForeignKey(
        CaseType, on_delete=models.PROTECT, related_name="cases", verbose_name=_("case type")
    )
    description = models.CharField(_("description"), max_length=80, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    initiator_bsn = models.CharField(_("initiator's BSN"), max_length=9, blank=True, db_index=True)
    initiator_kvk = models.CharField(_("initiator's KvK number"), max_length=8, blank=True)
    confidentiality = models.CharField(
        _("confidentiality"), max_length=20, choices=Confidentiality.choices
    )
    registered_on = models.DateField(_("registered on"))
    start_date = models.DateField(_("start date"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    legal_end = models.DateField(_("legal end date"), null=True, blank=True)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    communication_channel = models.URLField(_("channel"), max_length=1000, blank=True)
    products = models.JSONField(_("products or services"), default=list, blank=True)
    payment_indication = models.CharField(
        _("payment"), max_length=12, choices=PaymentIndication.choices, blank=True
    )
    last_payment_date = models.DateTimeField(_("last payment"), null=True, blank=True)
    geometry = models.JSONField(_("location (GeoJSON)"), null=True, blank=True)
    main_case = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="sub_cases"
    )
    related_cases = models.JSONField(_("relevant other cases"), default=list, blank=True)
    external_references = models.JSONField(
        _("references in other systems"),
        default=list,
        blank=True,
        help_text=_("[{kenmerk, bron}]: how other systems know this case (kenmerken)."),
    )
    commissioning_organisation = models.CharField(
        _("commissioning organisation (RSIN)"), max_length=9, blank=True
    )
    selection_list_class = models.URLField(
        _("selection list class"), max_length=1000, blank=True, help_text=_("selectielijstklasse")
    )
    process_object_kind = models.CharField(_("process object kind"), max_length=200, blank=True)
    process_object = models.JSONField(
        _("process object"),
        null=True,
        blank=True,
        help_text=_("{datumkenmerk, identificatie, objecttype, registratie} (processobject)"),
    )
    is_suspended = models.BooleanField(_("suspended"), default=False)
    suspension_reason = models.CharField(_("reason for suspension"), max_length=200, blank=True)
    extension_reason = models.CharField(_("reason for extension"), max_length=200, blank=True)
    extension_term = models.CharField(_("extension"), max_length=20, blank=True)
    current_status = models.ForeignKey(
        StatusType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    contact_email = models.EmailField(
        _("e-mail for messages"),
        blank=True,
        help_text=_("Where the citizen wants the messages about this case."),
    )
    department = models.ForeignKey(
        "catalog.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("department"),
        help_text=_("Whose work queue holds the case: the case type's, or one routing chose."),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("assignee"),
        help_text=_("The case worker of the department who handles the case."),
    )
    complete_on = models.DateField(
        _("complete since"),
        null=True,
        blank=True,
        help_text=_("The day a case worker found the request complete."),
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    archive_action = models.CharField(
        _("archive action"), max_length=20, choices=ArchiveAction.choices, blank=True
    )
    archive_status = models.CharField(
        _("archive status"),
        max_length=40,
        choices=ArchiveStatus.choices,
        default=ArchiveStatus.TO_ARCHIVE,
    )
    archive_date = models.DateField(_("archive action date"), null=True, blank=True)
    retention_start = models.DateField(_("retention starts"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-registered_on", "-pk"]
        constraints = [
            # zrc-002: unique per source organisation.
            models.UniqueConstraint(
                fields=["source_organisation", "identification"], name="case_identification_unique"
            )
        ]
        indexes = [
            # Lists are newest first: a page is read from this index, not sorted from all.
            models.Index(fields=["-registered_on", "-id"], name="case_newest_first"),
            models.Index(fields=["case_type", "-registered_on"]),
            models.Index(fields=["identification"]),
            # A business's own cases in the portal (Mijn omgeving), as initiator_bsn for persons.
            models.Index(fields=["initiator_kvk"], name="case_initiator_kvk"),
        ]

    def __str__(self) -> str:
        return self.identification

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


class StatusChange(models.Model):
    """One entry of a case's status history; the history is append-only."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    status_type = models.ForeignKey(StatusType, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(_("set at"))
    set_by = models.CharField(_("set by"), max_length=200, blank=True)
    set_by_role = models.ForeignKey(
        "cases.Role",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="status_changes",
        verbose_name=_("set by (role)"),
        help_text=_("The role in the case of whoever set the status (gezetdoor)."),
    )
    note = models.TextField(_("note"), blank=True)
    note_visible_to_citizen = models.BooleanField(_("note visible to the citizen"), default=False)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["case", "set_at", "pk"]
        # The current status of a case is its latest entry.
        indexes = [models.Index(fields=["case", "-set_at", "-id"], name="status_latest_first")]

    def __str__(self) -> str:
        return f"{self.case}: {self.status_type}"


class Result(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="result")
    result_type = models.ForeignKey(ResultType, on_delete=models.PROTECT, related_name="+")
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return f"{self.case}: {self.result_type}"


class Role(models.Model):
    """Someone's part in a case: initiator, case worker, stakeholder ..."""

    class SubjectKind(models.TextChoices):
        PERSON = "natuurlijk_persoon", _("person")
        ORGANISATION = "niet_natuurlijk_persoon", _("organisation")
        BRANCH = "vestiging", _("branch")
        UNIT = "organisatorische_eenheid", _("organisational unit")
        EMPLOYEE = "medewerker", _("employee")

    class Mandate(models.TextChoices):
        """indicatieMachtiging: whether the subject acts for someone else, or the reverse."""

        AUTHORISED = "gemachtigde", _("acts for someone else")
        AUTHORISER = "machtiginggever", _("has authorised someone else")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="roles")
    role_type = models.ForeignKey(RoleType, on_delete=models.PROTECT, related_name="+")
    generic = models.CharField(_("generic role"), max_length=20, choices=GenericRole.choices)
    subject_kind = models.CharField(_("kind of subject"), max_length=30, choices=SubjectKind)
    subject_url = models.URLField(_("subject"), max_length=1000, blank=True)
    subject_identification = models.JSONField(_("identification of the subject"), default=dict)
    explanation = models.CharField(_("explanation"), max_length=1000, blank=True)
    other_name = models.CharField(
        _("name used instead"), max_length=625, blank=True, help_text=_("afwijkendeNaamBetrokkene")
    )
    mandate = models.CharField(_("mandate"), max_length=20, choices=Mandate, blank=True)
    contact_person = models.JSONField(
        _("contact person"), null=True, blank=True, help_text=_("{naam, emailadres, ...}")
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["case", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.role_type}"


class PropertyValue(models.Model):
    """Zaakeigenschap: the value of one of the case type's properties for this case."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="property_values")
    property = models.ForeignKey(Property, on_delete=models.PROTECT, related_name="+")
    value = models.TextField(_("value"))

    class Meta:
        verbose_name = _("property value")
        verbose_name_plural = _("property values")

    def __str__(self) -> str:
        return f"{self.property.name}={self.value}"


class ClockEvent(models.Model):
    """A change of the legal clock: suspension, resumption or extension, with its effect."""

    class Kind(models.TextChoices):
        STARTED = "started", _("clock started")
        SUSPENDED = "suspended", _("suspended")
        RESUMED = "resumed", _("resumed")
        EXTENDED = "extended", _("extended")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="clock_events")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    at = models.DateTimeField(_("at"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    actor = models.CharField(_("by"), max_length=200, blank=True)
    planned_end = models.DateField(_("planned end after"), null=True, blank=True)
    legal_end = models.DateField(_("legal end after"), null=True, blank=True)

    class Meta:
        verbose_name = _("clock event")
        verbose_name_plural = _("clock events")
        ordering = ["case", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.get_kind_display()} {self.at:%Y-%m-%d}"


class CaseNote(models.Model):
    """A case worker's note on a case: for colleagues only, or a message the citizen reads in
    Mijn omgeving."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("text"))
    visible_to_citizen = models.BooleanField(_("visible to the citizen"), default=False)
    written_at = models.DateTimeField(_("written at"))
    author = models.CharField(_("by"), max_length=200)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["case", "-written_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.text[:40]}"


class CaseNumberCounter(models.Model):
    """The last case number given out in a year (see ``loket.cases.identification``)."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class CaseCount(models.Model):
    """The number of cases of a case type at a confidentiality level, kept exact by database
    triggers on the cases (``loket.cases.counts``): the Zaken API's list sums the rows a
    client's authorisations cover for its ``count``, instead of counting the cases.

    The case type is no database foreign key: a row whose cases are all gone may stay (at 0)
    after its case type is deleted."""

    case_type = models.ForeignKey(
        CaseType, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    confidentiality = models.CharField(max_length=20)
    cases = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case_type", "confidentiality"], name="case_count_group"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_type_id}, {self.confidentiality}: {self.cases}"


class CaseObject(models.Model):
    """Zaakobject: what the case is about (an address, a building, another object)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_objects")
    object_url = models.URLField(_("object"), max_length=1000, blank=True)
    case_object_type = models.ForeignKey(
        "catalog.CaseObjectType", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_type = models.CharField(_("object type"), max_length=100)
    object_type_other = models.CharField(_("other object type"), max_length=100, blank=True)
    object_type_other_definition = models.JSONField(_("definition"), null=True, blank=True)
    relation_description = models.CharField(_("relation"), max_length=80, blank=True)
    object_identification = models.JSONField(_("identification of the object"), default=dict)

    class Meta:
        verbose_name = _("case object")
        verbose_name_plural = _("case objects")

    def __str__(self) -> str:
        return f"{self.case}: {self.object_type}"


class CaseContact(models.Model):
    """Klantcontact of the Zaken API 1.x: a contact with the customer about this case."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    identification = models.CharField(_("identification"), max_length=14)
    at = models.DateTimeField(_("at"))
    channel = models.CharField(_("channel"), max_length=20, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    explanation = models.CharField(_("explanation"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("customer contact")
        verbose_name_plural = _("customer contacts")

    def __str__(self) -> str:
        return self.identification
