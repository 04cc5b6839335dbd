"""The contact centre's registry (klantinteracties): who contacted the municipality, on which
channel, about what, what they were told, and what was handed over to whom.

A contact (klantcontact) has involvements (betrokkenen): the parties, or unknown callers by
the name they gave, who took part. It is about subject objects (onderwerpobjecten), such as a
case; employees and departments take part as actors. A question the contact centre could not
answer becomes an internal task (interne taak) for a department or an employee. State changes
go through ``loket.contacts.services``; reads through ``loket.contacts.selectors``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    COUNTER = "counter", _("Counter")
    EMAIL = "email", _("E-mail")
    SOCIAL_MEDIA = "social_media", _("Social media")
    CHAT = "chat", _("Chat")
    LETTER = "letter", _("Letter")
    HOME_VISIT = "home_visit", _("Home visit")


class Outcome(models.TextChoices):
    SOLVED = "solved", _("Solved in this contact")
    HANDED_OVER = "handed_over", _("Handed over")


class Party(models.Model):
    """Partij: a person (by BSN), an organisation (by KvK number) or a contact person."""

    class Kind(models.TextChoices):
        PERSON = "person", _("person")
        ORGANISATION = "organisation", _("organisation")
        CONTACT_PERSON = "contact_person", _("contact person")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("number"), max_length=10, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True, db_index=True)
    kvk_number = models.CharField(_("KvK number"), max_length=8, blank=True, db_index=True)
    organisation_name = models.CharField(_("organisation name"), max_length=200, blank=True)
    initials = models.CharField(_("initials"), max_length=10, blank=True)
    given_name = models.CharField(_("given name"), max_length=200, blank=True)
    surname_prefix = models.CharField(_("surname prefix"), max_length=10, blank=True)
    surname = models.CharField(_("surname"), max_length=200, blank=True)
    internal_note = models.CharField(_("internal note"), max_length=1000, blank=True)
    confidential = models.BooleanField(_("confidential"), null=True, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=3, blank=True, help_text=_("ISO 639-2/B, e.g. dut")
    )
    active = models.BooleanField(_("active"), default=True)
    preferred_address = models.ForeignKey(
        "DigitalAddress",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("preferred digital address"),
    )
    visit_address = models.JSONField(_("visiting address"), null=True, blank=True)
    correspondence_address = models.JSONField(_("correspondence address"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~models.Q(number=""), name="party_number_unique"
            ),
            models.UniqueConstraint(
                fields=["bsn"], condition=~models.Q(bsn=""), name="party_bsn_unique"
            ),
            models.UniqueConstraint(
                fields=["kvk_number"],
                condition=~models.Q(kvk_number=""),
                name="party_kvk_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.number

    @property
    def contact_name(self) -> str:
        parts = (self.given_name or self.initials, self.surname_prefix, self.surname)
        return " ".join(part for part in parts if part)

    @property
    def display_name(self) -> str:
        return self.organisation_name if self.kind == self.Kind.ORGANISATION else self.contact_name


class Actor(models.Model):
    """Actor: an employee (a staff user), a department, or a system that handles contacts."""

    class Kind(models.TextChoices):
        EMPLOYEE = "employee", _("employee")
        DEPARTMENT = "department", _("department")
        SYSTEM = "system", _("automated system")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    active = models.BooleanField(_("active"), default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_actor",
        verbose_name=_("staff user"),
    )
    department = models.OneToOneField(
        "catalog.Department",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_actor",
        verbose_name=_("department"),
    )
    # actoridentificator: how another register knows the actor.
    object_id = models.CharField(_("object id"), max_length=200, blank=True)
    object_type_code = models.CharField(_("object type code"), max_length=200, blank=True)
    register_code = models.CharField(_("register code"), max_length=200, blank=True)
    object_id_kind_code = models.CharField(_("object id kind code"), max_length=200, blank=True)
    # actorIdentificatie: function, e-mail and phone of an employee, description of a unit ...
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    """Klantcontact: one contact on one channel, with the question and the answer given."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("number"), max_length=10, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    subject = models.CharField(_("subject"), max_length=200)
    question = models.CharField(_("question"), max_length=1000, blank=True)
    answer = models.CharField(_("answer"), max_length=4000, blank=True)
    product = models.ForeignKey(
        "catalog.Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("product"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    duration = models.DurationField(_("duration"), null=True, blank=True)
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registered_contacts",
        verbose_name=_("employee"),
    )
    occurred_at = models.DateTimeField(_("took place at"), default=timezone.now)
    language = models.CharField(_("language"), max_length=3, default="dut")
    confidential = models.BooleanField(_("confidential"), default=False)
    reached = models.BooleanField(
        _("contact made"),
        null=True,
        blank=True,
        help_text=_("Whether the attempt to reach the person or organisation succeeded."),
    )
    # Webcare: the social-media account and the message as it was posted there.
    handle = models.CharField(_("social-media handle"), max_length=100, blank=True)
    pasted_message = models.TextField(_("original message"), blank=True)
    main_subject_type = models.URLField(
        _("type of the main subject"), max_length=200, blank=True, help_text=_("e.g. a case type")
    )
    further_action = models.BooleanField(_("further action taken by the system"), default=False)
    metadata = models.JSONField(_("metadata"), default=dict, blank=True)
    actors = models.ManyToManyField(
        Actor, blank=True, related_name="contacts", verbose_name=_("actors")
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-occurred_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~models.Q(number=""), name="contact_number_unique"
            ),
        ]
        indexes = [
            # First-contact resolution counts a channel's contacts over a period.
            models.Index(fields=["channel", "occurred_at"], name="contact_channel_period"),
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.subject}"


class Involvement(models.Model):
    """Betrokkene: who took part in a contact; a known party, or a name (unknown callers)."""

    class Role(models.TextChoices):
        CUSTOMER = "customer", _("customer")
        REPRESENTATIVE = "representative", _("representative")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="involvements")
    party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="involvements",
        verbose_name=_("party"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CUSTOMER)
    initiator = models.BooleanField(_("started the contact"), default=False)
    organisation_name = models.CharField(_("organisation name"), max_length=200, blank=True)
    initials = models.CharField(_("initials"), max_length=10, blank=True)
    given_name = models.CharField(_("given name"), max_length=200, blank=True)
    surname_prefix = models.CharField(_("surname prefix"), max_length=10, blank=True)
    surname = models.CharField(_("surname"), max_length=200, blank=True)
    visit_address = models.JSONField(_("visiting address"), null=True, blank=True)
    correspondence_address = models.JSONField(_("correspondence address"), null=True, blank=True)

    class Meta:
        verbose_name = _("involvement")
        verbose_name_plural = _("involvements")
        ordering = ["contact", "pk"]

    def __str__(self) -> str:
        return f"{self.contact}: {self.full_name}"

    @property
    def full_name(self) -> str:
        parts = (self.given_name or self.initials, self.surname_prefix, self.surname)
        return " ".join(part for part in parts if part)


class DigitalAddress(models.Model):
    """Digitaal adres: an e-mail address, a phone number or a social-media handle, given by a
    party for future contact or by an involvement for the follow-up of one contact."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("e-mail")
        PHONE = "phone", _("phone number")
        SOCIAL_MEDIA = "social_media", _("social-media handle")
        OTHER = "other", _("other")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    party = models.ForeignKey(
        Party,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="digital_addresses",
        verbose_name=_("party"),
    )
    involvement = models.ForeignKey(
        Involvement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="digital_addresses",
        verbose_name=_("involvement"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    address = models.CharField(_("address"), max_length=80)
    description = models.CharField(
        _("description"), max_length=40, blank=True, help_text=_("e.g. the social-media platform")
    )
    is_default = models.BooleanField(_("default address of its kind"), default=False)
    reference = models.CharField(_("reference"), max_length=50, blank=True)
    verified_on = models.DateField(_("verified on"), null=True, blank=True)

    class Meta:
        verbose_name = _("digital address")
        verbose_name_plural = _("digital addresses")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.address


class SubjectObject(models.Model):
    """Onderwerpobject: what a contact was about, such as a case, by its identification in
    the register that holds it; or another contact (``was_contact``)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contact = models.ForeignKey(
        Contact,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subject_objects",
        verbose_name=_("contact"),
    )
    was_contact = models.ForeignKey(
        Contact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("was the contact"),
    )
    object_id = models.CharField(_("object id"), max_length=200, blank=True, db_index=True)
    object_type_code = models.CharField(_("object type code"), max_length=200, blank=True)
    register_code = models.CharField(_("register code"), max_length=200, blank=True)
    object_id_kind_code = models.CharField(_("object id kind code"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("subject object")
        verbose_name_plural = _("subject objects")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.object_type_code} {self.object_id}"


class InternalTask(models.Model):
    """Interne taak: a question handed over to a department or an employee, with a deadline.

    Closing it records the answer on its contact and, when the citizen asked for it
    (``reply_to``), mails them the answer.
    """

    class Status(models.TextChoices):
        TO_DO = "to_do", _("to do")
        DONE = "done", _("done")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("number"), max_length=10, blank=True)
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("contact")
    )
    requested_action = models.CharField(_("requested action"), max_length=200)
    explanation = models.CharField(_("explanation"), max_length=1000, blank=True)
    actors = models.ManyToManyField(
        Actor, related_name="tasks", verbose_name=_("assigned to"), blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.TO_DO
    )
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    reply_to = models.EmailField(
        _("send the answer to"),
        blank=True,
        help_text=_("The citizen's e-mail address when they asked to be told the answer."),
    )
    answer = models.TextField(_("answer"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    reply_mail = models.ForeignKey(
        "notify.Mail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mail with the answer"),
    )

    class Meta:
        verbose_name = _("internal task")
        verbose_name_plural = _("internal tasks")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"],
                condition=~models.Q(number=""),
                name="internal_task_number_unique",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="internal_task_open_due")]

    def __str__(self) -> str:
        return f"{self.number}: {self.requested_action}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.TO_DO

    def is_overdue(self, today) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < today
