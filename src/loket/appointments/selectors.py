"""Reading appointments for the pages: a person's own, and a location's day."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from loket.appointments.models import Appointment, Location, LocationProduct
from loket.appointments.services import Slot, free_slots, slot_starts


def is_bookable(product) -> bool:
    """Whether some location takes appointments for ``product``."""
    return LocationProduct.objects.filter(product=product).exists()


def appointments_of(bsn: str) -> QuerySet[Appointment]:
    """The person's booked appointments, soonest first."""
    if not bsn:
        return Appointment.objects.none()
    return Appointment.objects.filter(bsn=bsn, status=Appointment.Status.BOOKED).select_related(
        "location", "product", "officiant"
    )


def appointment_of(appointment_uuid, bsn: str) -> Appointment | None:
    """The person's own appointment with this uuid (booked or cancelled); None for any other."""
    if not bsn:
        return None
    return (
        Appointment.objects.filter(uuid=appointment_uuid, bsn=bsn)
        .exclude(status=Appointment.Status.HELD)
        .select_related("location", "product", "officiant")
        .first()
    )


def upcoming_and_past(appointments, *, now: datetime | None = None):
    now = now or timezone.now()
    appointments = list(appointments)
    return (
        [a for a in appointments if a.end > now],
        sorted((a for a in appointments if a.end <= now), key=lambda a: a.start, reverse=True),
    )


def day_list(location: Location, day: date) -> QuerySet[Appointment]:
    """The location's booked and cancelled appointments of ``day``, by time."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(day, time.min, tzinfo=zone)
    return (
        Appointment.objects.filter(
            location=location, start__gte=start, start__lt=start + timedelta(days=1)
        )
        .exclude(status=Appointment.Status.HELD)
        .select_related("product", "officiant")
        .order_by("start", "pk")
    )


@dataclass(frozen=True)
class PlacedSlot:
    location: Location
    start: datetime


def offers_of(product_slug: str) -> QuerySet[LocationProduct]:
    return (
        LocationProduct.objects.filter(product__slug=product_slug)
        .select_related("location", "product")
        .order_by("location__name")
    )


def slot_on(product_slug: str, location_uuid: str, day: date, time_of_day: str):
    """The slot starting at ``time_of_day`` ("10:30") on ``day`` at a location that offers the
    product; None when there is no such slot in its opening hours."""
    try:
        offer = offers_of(product_slug).get(location__uuid=location_uuid)
    except (LocationProduct.DoesNotExist, ValidationError):
        return None
    for start in slot_starts(offer.location, offer, day):
        if f"{start:%H:%M}" == time_of_day:
            return PlacedSlot(location=offer.location, start=start)
    return None


def free_times(product_slug: str, day: date, *, kept: Appointment | None = None):
    """Per location offering the product, the free slots of ``day``; the slot ``kept`` (the
    person's own hold) is listed as well, although it takes a desk itself."""
    times = []
    for offer in offers_of(product_slug):
        slots = free_slots(offer.location, offer.product, day)
        if (
            kept is not None
            and kept.location_id == offer.location_id
            and timezone.localdate(kept.start) == day
            and all(slot.start != kept.start for slot in slots)
        ):
            slots = sorted([*slots, Slot(start=kept.start, end=kept.end, free=0)], key=start_of)
        times.append((offer.location, slots))
    return times


def start_of(slot: Slot) -> datetime:
    return slot.start
