"""Locations with their opening hours and closing days, the products one can book there, and
the appointments themselves. Every change goes through ``services.py``."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    # Hex, so that the secret link never looks like a product slug in /afspraak/<...>/.
    return secrets.token_hex(24)


class Location(models.Model):
    """A place with counters, or a ceremony room; its row is locked while a slot there is
    taken or moved."""

    class Kind(models.TextChoices):
        COUNTER = "counter", _("counters")
        CEREMONY_ROOM = "ceremony_room", _("ceremony room")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"))
    kind = models.CharField(_("kind"), max_length=13, choices=Kind.choices, default=Kind.COUNTER)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OpeningHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("location")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["location", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=F("closes")), name="appointments_opens_before_closes"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ClosingDay(models.Model):
    """A day the location is closed besides the Dutch public holidays, which close it anyway."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="closing_days", verbose_name=_("location")
    )
    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closing day")
        verbose_name_plural = _("closing days")
        ordering = ["location", "day"]
        constraints = [
            models.UniqueConstraint(fields=["location", "day"], name="appointments_one_closing_day")
        ]

    def __str__(self) -> str:
        return f"{self.location}: {self.day}"


class LocationProduct(models.Model):
    """A product one can book at a location: how long a visit takes and how many desks serve it
    at the same time."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="products", verbose_name=_("location")
    )
    product = models.ForeignKey(
        "catalog.Product",
        on_delete=models.CASCADE,
        related_name="appointment_locations",
        verbose_name=_("product"),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"))
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=1, help_text=_("How many desks serve this product at the same time.")
    )
    needs_officiant = models.BooleanField(
        _("needs an officiant"),
        default=False,
        help_text=_("A marriage or partnership: each booking also takes a free officiant (BABS)."),
    )

    class Meta:
        verbose_name = _("product at a location")
        verbose_name_plural = _("products at a location")
        ordering = ["location", "product"]
        constraints = [
            models.UniqueConstraint(
                fields=["location", "product"], name="appointments_one_product_per_location"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0) & Q(capacity__gt=0),
                name="appointments_positive_duration_and_capacity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} @ {self.location}"


class Officiant(models.Model):
    """A registrar (buitengewoon ambtenaar van de burgerlijke stand, BABS) who conducts
    ceremonies in the hours they give, except on the days they are away. Their rows are
    locked while a ceremony is booked, so that no one is booked twice at the same time."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("officiant (BABS)")
        verbose_name_plural = _("officiants (BABS)")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class OfficiantHours(models.Model):
    """When an officiant is available, per weekday."""

    officiant = models.ForeignKey(
        Officiant, on_delete=models.CASCADE, related_name="hours", verbose_name=_("officiant")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=OpeningHours.Weekday.choices)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availability")
        ordering = ["officiant", "weekday", "starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts__lt=F("ends")), name="appointments_officiant_starts_before_ends"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}-{self.ends:%H:%M}"


class OfficiantAbsence(models.Model):
    officiant = models.ForeignKey(
        Officiant, on_delete=models.CASCADE, related_name="absences", verbose_name=_("officiant")
    )
    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("day away")
        verbose_name_plural = _("days away")
        ordering = ["officiant", "day"]
        constraints = [
            models.UniqueConstraint(fields=["officiant", "day"], name="appointments_one_absence")
        ]

    def __str__(self) -> str:
        return f"{self.officiant}: {self.day}"


class Appointment(models.Model):
    class Status(models.TextChoices):
        HELD = "held", _("held")
        BOOKED = "booked", _("booked")
        CANCELLED = "cancelled", _("cancelled")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("location")
    )
    product = models.ForeignKey(
        "catalog.Product",
        on_delete=models.PROTECT,
        related_name="appointments",
        verbose_name=_("product"),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    officiant = models.ForeignKey(
        Officiant,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("officiant"),
    )
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    token = models.CharField(_("secret token"), max_length=64, unique=True, default=new_token)
    status = models.CharField(_("status"), max_length=9, choices=Status.choices)
    held_until = models.DateTimeField(_("held until"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="nl"
    )
    # The start the reminder was sent for: a moved appointment gets one for its new start,
    # and a task that runs twice sends it once.
    reminded_for = models.DateTimeField(_("reminder sent for"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["location", "product", "start"])]

    def __str__(self) -> str:
        return f"{self.product} @ {self.location} {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.BOOKED

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.now()


class AppointmentChange(models.Model):
    """Who booked, moved or cancelled an appointment, and when: the person themselves (no
    employee) or an employee of the KCC for them."""

    class Action(models.TextChoices):
        BOOKED = "booked", _("booked")
        MOVED = "moved", _("moved")
        CANCELLED = "cancelled", _("cancelled")

    appointment = models.ForeignKey(
        Appointment, on_delete=models.CASCADE, related_name="changes", verbose_name=_("appointment")
    )
    action = models.CharField(_("action"), max_length=9, choices=Action.choices)
    start = models.DateTimeField(_("start"))
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("employee"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of an appointment")
        verbose_name_plural = _("changes of appointments")
        ordering = ["appointment", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.appointment}: {self.action}"
