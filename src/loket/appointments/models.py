"""Locations with their opening hours and closing days, the products one can book there, and
the appointments themselves. Every change goes through ``services.py``."""

import secrets
import uuid

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    # Hex, so that the secret link never looks like a product slug in /afspraak/<...>/.
    return secrets.token_hex(24)


class Location(models.Model):
    """A place with counters; its row is locked while a slot there is taken or moved."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"))

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
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    token = models.CharField(_("secret token"), max_length=64, unique=True, default=new_token)
    status = models.CharField(_("status"), max_length=9, choices=Status.choices)
    held_until = models.DateTimeField(_("held until"), null=True, blank=True)
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
