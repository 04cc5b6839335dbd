"""Free slots and every change to an appointment, each in one transaction.

No double booking: every change that takes a slot locks the location's row
(``select_for_update``) and counts the slot's appointments again after the lock, so two
attempts at the same slot are served one after the other. A hold counts until its
``held_until``; after that the slot is free again without anyone cleaning up.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import holidays
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from loket.appointments.models import Appointment, ClosingDay, Location, LocationProduct
from loket.notify.services import queue_mail

HOLD_MINUTES = 15


class SlotUnavailable(Exception):
    """The chosen time cannot be booked; the message says why, for the person."""


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime
    free: int


def is_closed(location: Location, day: date) -> bool:
    """Closed on a Dutch public holiday and on the location's own closing days."""
    if day in holidays.country_holidays("NL", years=day.year):
        return True
    return ClosingDay.objects.filter(location=location, day=day).exists()


def slot_starts(location: Location, offer: LocationProduct, day: date) -> list[datetime]:
    """Every start time of a visit of ``offer`` on ``day``, whole visits within opening hours."""
    if is_closed(location, day):
        return []
    zone = timezone.get_current_timezone()
    length = timedelta(minutes=offer.duration_minutes)
    starts = []
    for hours in location.opening_hours.filter(weekday=day.weekday()).order_by("opens"):
        start = datetime.combine(day, hours.opens, tzinfo=zone)
        closes = datetime.combine(day, hours.closes, tzinfo=zone)
        while start + length <= closes:
            starts.append(start)
            start += length
    return starts


def taking(location: Location, product, start: datetime, end: datetime, now: datetime):
    """The appointments that take a desk between ``start`` and ``end``: booked, or held on."""
    return Appointment.objects.filter(
        location=location, product=product, start__lt=end, end__gt=start
    ).filter(
        Q(status=Appointment.Status.BOOKED) | Q(status=Appointment.Status.HELD, held_until__gt=now)
    )


def offer_of(location: Location, product) -> LocationProduct:
    try:
        return LocationProduct.objects.get(location=location, product=product)
    except LocationProduct.DoesNotExist:
        raise SlotUnavailable(_("This product cannot be booked at this location.")) from None


def free_slots(
    location: Location, product, day: date, *, now: datetime | None = None
) -> list[Slot]:
    """The slots of ``day`` that still have a free desk, later than ``now``."""
    now = now or timezone.now()
    offer = offer_of(location, product)
    starts = [start for start in slot_starts(location, offer, day) if start > now]
    if not starts:
        return []
    length = timedelta(minutes=offer.duration_minutes)
    taken = list(
        taking(location, product, starts[0], starts[-1] + length, now).values_list("start", "end")
    )
    slots = []
    for start in starts:
        end = start + length
        used = sum(1 for other_start, other_end in taken if other_start < end and other_end > start)
        if used < offer.capacity:
            slots.append(Slot(start=start, end=end, free=offer.capacity - used))
    return slots


def claim(
    location: Location,
    product,
    start: datetime,
    now: datetime,
    *,
    moving: Appointment | None = None,
) -> datetime:
    """Lock the location and check that ``start`` is a free slot; return the slot's end.

    Must run inside the caller's transaction: the lock holds until it commits.
    """
    Location.objects.select_for_update().get(pk=location.pk)
    offer = offer_of(location, product)
    if start <= now:
        raise SlotUnavailable(_("This time has passed. Choose a later time."))
    if start not in slot_starts(location, offer, timezone.localdate(start)):
        raise SlotUnavailable(_("There is no appointment at this time. Choose one of the times."))
    end = start + timedelta(minutes=offer.duration_minutes)
    others = taking(location, product, start, end, now)
    if moving is not None:
        others = others.exclude(pk=moving.pk)
    if others.count() >= offer.capacity:
        raise SlotUnavailable(_("This time was just taken. Choose another time."))
    return end


def hold_slot(
    location: Location,
    product,
    start: datetime,
    *,
    minutes: int = HOLD_MINUTES,
    now: datetime | None = None,
) -> Appointment:
    """Keep a slot for ``minutes`` while the person finishes a form; ``book`` confirms it."""
    now = now or timezone.now()
    with transaction.atomic():
        end = claim(location, product, start, now)
        return Appointment.objects.create(
            location=location,
            product=product,
            start=start,
            end=end,
            status=Appointment.Status.HELD,
            held_until=now + timedelta(minutes=minutes),
        )


def book(
    location: Location | None = None,
    product=None,
    start: datetime | None = None,
    *,
    name: str,
    email: str,
    bsn: str = "",
    hold: Appointment | None = None,
    now: datetime | None = None,
) -> Appointment:
    """Book a slot directly, or confirm ``hold``; queue the confirmation mail with it.

    An expired hold is confirmed too when its slot is still free.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if hold is not None:
            appointment = Appointment.objects.get(pk=hold.pk)
            if appointment.status != Appointment.Status.HELD:
                raise SlotUnavailable(_("This appointment can no longer be booked."))
            if appointment.held_until <= now:
                claim(
                    appointment.location,
                    appointment.product,
                    appointment.start,
                    now,
                    moving=appointment,
                )
            else:
                Location.objects.select_for_update().get(pk=appointment.location_id)
        else:
            end = claim(location, product, start, now)
            appointment = Appointment(location=location, product=product, start=start, end=end)
        appointment.status = Appointment.Status.BOOKED
        appointment.held_until = None
        appointment.name = name
        appointment.email = email
        appointment.bsn = bsn
        appointment.save()
        mail_confirmation(appointment)
    return appointment


def cancel(appointment: Appointment) -> Appointment:
    """Cancel a booked or held appointment; its slot is free at once. Idempotent."""
    with transaction.atomic():
        Location.objects.select_for_update().get(pk=appointment.location_id)
        appointment = Appointment.objects.get(pk=appointment.pk)
        if appointment.status == Appointment.Status.CANCELLED:
            return appointment
        was_booked = appointment.status == Appointment.Status.BOOKED
        appointment.status = Appointment.Status.CANCELLED
        appointment.held_until = None
        appointment.save(update_fields=["status", "held_until"])
        if was_booked and appointment.email:
            mail_cancellation(appointment)
    return appointment


def reschedule(appointment: Appointment, start: datetime, *, now: datetime | None = None):
    """Move a booked appointment to another free slot of the same location and product."""
    now = now or timezone.now()
    with transaction.atomic():
        Location.objects.select_for_update().get(pk=appointment.location_id)
        appointment = Appointment.objects.get(pk=appointment.pk)
        if appointment.status != Appointment.Status.BOOKED:
            raise SlotUnavailable(_("Only a booked appointment can be moved."))
        appointment.end = claim(
            appointment.location, appointment.product, start, now, moving=appointment
        )
        appointment.start = start
        appointment.save(update_fields=["start", "end"])
        mail_confirmation(appointment)
    return appointment


def release_expired_holds(*, now: datetime | None = None) -> int:
    """Mark holds past their time as cancelled (they already free their slot); the count."""
    now = now or timezone.now()
    with transaction.atomic():
        return Appointment.objects.filter(
            status=Appointment.Status.HELD, held_until__lte=now
        ).update(status=Appointment.Status.CANCELLED, held_until=None)


# --- Mail ------------------------------------------------------------------------------------


def link(name: str, appointment: Appointment) -> str:
    return settings.LOKET_BASE_URL.rstrip("/") + reverse(name, args=[appointment.token])


def when(appointment: Appointment) -> str:
    start = timezone.localtime(appointment.start)
    return f"{date_format(start, 'l j F Y')}, {start:%H:%M}"


def mail_confirmation(appointment: Appointment) -> None:
    """The mail with the secret link and the calendar file; ``queue_mail`` takes no
    attachments, so the .ics is a download behind the same secret."""
    text = _(
        "Dear %(name)s,\n\n"
        "Your appointment for %(product)s is on %(when)s at %(location)s, %(address)s.\n\n"
        "See, cancel or move your appointment: %(link)s\n"
        "Add it to your calendar: %(calendar)s\n\n"
        "Kind regards,\n%(municipality)s"
    ) % {
        "name": appointment.name,
        "product": appointment.product.name,
        "when": when(appointment),
        "location": appointment.location.name,
        "address": appointment.location.address,
        "link": link("appointments:appointment", appointment),
        "calendar": link("appointments:calendar", appointment),
        "municipality": settings.LOKET_MUNICIPALITY_NAME,
    }
    queue_mail(
        to=appointment.email,
        subject=_("Your appointment on %(when)s") % {"when": when(appointment)},
        text_body=text,
        language=(translation.get_language() or "nl")[:2],
    )


def mail_cancellation(appointment: Appointment) -> None:
    text = _(
        "Dear %(name)s,\n\n"
        "Your appointment for %(product)s on %(when)s is cancelled.\n\n"
        "Kind regards,\n%(municipality)s"
    ) % {
        "name": appointment.name,
        "product": appointment.product.name,
        "when": when(appointment),
        "municipality": settings.LOKET_MUNICIPALITY_NAME,
    }
    queue_mail(
        to=appointment.email,
        subject=_("Your appointment is cancelled"),
        text_body=text,
        language=(translation.get_language() or "nl")[:2],
    )
