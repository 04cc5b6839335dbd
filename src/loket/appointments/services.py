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

from loket.appointments.calendar_file import ics
from loket.appointments.models import (
    Appointment,
    AppointmentChange,
    ClosingDay,
    Location,
    LocationProduct,
    Officiant,
    OfficiantHours,
)
from loket.appointments.tasks import release_holds, send_reminder
from loket.identity.permissions import StaffPermission, require
from loket.notify.services import Attachment, queue_mail

HOLD_MINUTES = 15
DEFAULT_LANGUAGE = "nl"
REMINDER_BEFORE = timedelta(days=1)


class SlotUnavailable(Exception):
    """The chosen time cannot be booked; the message says why, for the person."""


def authorise(by) -> None:
    """An employee who changes an appointment for a person must be allowed to serve them."""
    if by is not None:
        require(by, StaffPermission.HANDLE_CONTACTS)


def record(appointment: Appointment, action: str, by) -> None:
    AppointmentChange.objects.create(
        appointment=appointment, action=action, start=appointment.start, employee=by
    )


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


def in_force(now: datetime) -> Q:
    """Appointments that take their time: booked, or held and not yet expired."""
    return Q(status=Appointment.Status.BOOKED) | Q(
        status=Appointment.Status.HELD, held_until__gt=now
    )


def taking(location: Location, product, start: datetime, end: datetime, now: datetime):
    """The appointments that take a desk between ``start`` and ``end``: booked, or held on."""
    return Appointment.objects.filter(
        location=location, product=product, start__lt=end, end__gt=start
    ).filter(in_force(now))


# --- Officiants (BABS) ----------------------------------------------------------------------


@dataclass(frozen=True)
class OfficiantDay:
    """Who can conduct ceremonies on a day: each officiant's hours, and their bookings."""

    hours: dict[int, list[tuple]]  # officiant pk: [(starts, ends), ...] as local times
    busy: dict[int, list[tuple]]  # officiant pk: [(start, end), ...]

    def free(self, start: datetime, end: datetime) -> list[int]:
        """The officiants, by pk, whose hours hold the whole ceremony and who have none then."""
        begins, finishes = timezone.localtime(start).time(), timezone.localtime(end).time()
        return [
            pk
            for pk, periods in sorted(self.hours.items())
            if any(starts <= begins and finishes <= ends for starts, ends in periods)
            and not any(a < end and b > start for a, b in self.busy.get(pk, []))
        ]


def officiant_day(day: date, now: datetime, *, moving: Appointment | None = None) -> OfficiantDay:
    """Two queries, whatever the number of officiants or slots."""
    hours: dict[int, list[tuple]] = {}
    for pk, starts, ends in (
        OfficiantHours.objects.filter(officiant__active=True, weekday=day.weekday())
        .exclude(officiant__absences__day=day)
        .values_list("officiant", "starts", "ends")
    ):
        hours.setdefault(pk, []).append((starts, ends))
    zone = timezone.get_current_timezone()
    midnight = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    bookings = Appointment.objects.filter(
        officiant__in=list(hours),
        start__lt=midnight + timedelta(days=1),
        end__gt=midnight,
    ).filter(in_force(now))
    if moving is not None:
        bookings = bookings.exclude(pk=moving.pk)
    busy: dict[int, list[tuple]] = {}
    for pk, start, end in bookings.values_list("officiant", "start", "end"):
        busy.setdefault(pk, []).append((start, end))
    return OfficiantDay(hours=hours, busy=busy)


def claim_officiant(
    start: datetime, end: datetime, now: datetime, *, moving: Appointment | None = None
) -> Officiant:
    """Lock the officiants (always in the same order, so two ceremonies in different rooms
    wait for each other instead of deadlocking) and take the first one free at that time; the
    one already booked when a ceremony is moved and they are still free."""
    list(Officiant.objects.select_for_update().filter(active=True).order_by("pk"))
    free = officiant_day(timezone.localdate(start), now, moving=moving).free(start, end)
    if not free:
        raise SlotUnavailable(_("No officiant (BABS) is free at this time. Choose another time."))
    keep = moving.officiant_id if moving is not None else None
    return Officiant.objects.get(pk=keep if keep in free else free[0])


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
    officiants = officiant_day(day, now) if offer.needs_officiant else None
    slots = []
    for start in starts:
        end = start + length
        used = sum(1 for other_start, other_end in taken if other_start < end and other_end > start)
        if used >= offer.capacity:
            continue
        if officiants is not None and not officiants.free(start, end):
            continue
        slots.append(Slot(start=start, end=end, free=offer.capacity - used))
    return slots


def claim(
    location: Location,
    product,
    start: datetime,
    now: datetime,
    *,
    moving: Appointment | None = None,
) -> tuple[datetime, Officiant | None]:
    """Lock the location and check that ``start`` is a free slot; return the slot's end, and
    the officiant taken when the product needs one.

    Must run inside the caller's transaction: the locks hold until it commits.
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
    officiant = claim_officiant(start, end, now, moving=moving) if offer.needs_officiant else None
    return end, officiant


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
        end, officiant = claim(location, product, start, now)
        hold = Appointment.objects.create(
            location=location,
            product=product,
            start=start,
            end=end,
            officiant=officiant,
            status=Appointment.Status.HELD,
            held_until=now + timedelta(minutes=minutes),
        )
        # The slot is free again at held_until anyway; the task tidies the status up.
        release_holds.using(run_after=hold.held_until).enqueue()
        return hold


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
    by=None,
) -> Appointment:
    """Book a slot directly, or confirm ``hold``; queue the confirmation mail with it.

    An expired hold is confirmed too when its slot is still free. ``by``: the employee who
    books for the person.
    """
    authorise(by)
    now = now or timezone.now()
    with transaction.atomic():
        if hold is not None:
            appointment = Appointment.objects.get(pk=hold.pk)
            if appointment.status != Appointment.Status.HELD:
                raise SlotUnavailable(_("This appointment can no longer be booked."))
            if appointment.held_until <= now:
                _end, appointment.officiant = claim(
                    appointment.location,
                    appointment.product,
                    appointment.start,
                    now,
                    moving=appointment,
                )
            else:
                Location.objects.select_for_update().get(pk=appointment.location_id)
        else:
            end, officiant = claim(location, product, start, now)
            appointment = Appointment(
                location=location, product=product, start=start, end=end, officiant=officiant
            )
        appointment.status = Appointment.Status.BOOKED
        appointment.held_until = None
        appointment.name = name
        appointment.email = email
        appointment.bsn = bsn
        # An employee's screen language says nothing of the person's: they get Dutch.
        appointment.language = current_language() if by is None else DEFAULT_LANGUAGE
        appointment.save()
        record(appointment, AppointmentChange.Action.BOOKED, by)
        mail_confirmation(appointment)
        schedule_reminder(appointment, now)
    return appointment


def cancel(appointment: Appointment, *, by=None) -> Appointment:
    """Cancel a booked or held appointment; its slot is free at once. Idempotent."""
    authorise(by)
    with transaction.atomic():
        Location.objects.select_for_update().get(pk=appointment.location_id)
        appointment = Appointment.objects.get(pk=appointment.pk)
        if appointment.status == Appointment.Status.CANCELLED:
            return appointment
        was_booked = appointment.status == Appointment.Status.BOOKED
        appointment.status = Appointment.Status.CANCELLED
        appointment.held_until = None
        appointment.save(update_fields=["status", "held_until"])
        if was_booked:
            record(appointment, AppointmentChange.Action.CANCELLED, by)
        if was_booked and appointment.email:
            mail_cancellation(appointment)
    return appointment


def reschedule(
    appointment: Appointment, start: datetime, *, now: datetime | None = None, by=None
) -> Appointment:
    """Move a booked appointment to another free slot of the same location and product."""
    authorise(by)
    now = now or timezone.now()
    with transaction.atomic():
        Location.objects.select_for_update().get(pk=appointment.location_id)
        appointment = Appointment.objects.get(pk=appointment.pk)
        if appointment.status != Appointment.Status.BOOKED:
            raise SlotUnavailable(_("Only a booked appointment can be moved."))
        appointment.end, appointment.officiant = claim(
            appointment.location, appointment.product, start, now, moving=appointment
        )
        appointment.start = start
        appointment.save(update_fields=["start", "end", "officiant"])
        record(appointment, AppointmentChange.Action.MOVED, by)
        mail_confirmation(appointment)
        schedule_reminder(appointment, now)
    return appointment


def release_expired_holds(*, now: datetime | None = None) -> int:
    """Mark holds past their time as cancelled (they already free their slot); the count."""
    now = now or timezone.now()
    with transaction.atomic():
        return Appointment.objects.filter(
            status=Appointment.Status.HELD, held_until__lte=now
        ).update(status=Appointment.Status.CANCELLED, held_until=None)


def schedule_reminder(appointment: Appointment, now: datetime) -> None:
    """Enqueue the reminder for the day before, in the caller's transaction; none when the
    appointment is less than a day away (the confirmation has just gone out)."""
    due = appointment.start - REMINDER_BEFORE
    if due > now:
        send_reminder.using(run_after=due).enqueue(appointment.pk, appointment.start.isoformat())


def remind(appointment_id: int, start: datetime, *, now: datetime | None = None) -> bool:
    """Mail the reminder if the appointment is still booked at ``start``, has had none for
    that start and has not begun (a worker that was down runs late); whether it was sent."""
    now = now or timezone.now()
    with transaction.atomic():
        appointment = (
            Appointment.objects.select_for_update()
            .select_related("location", "product")
            .filter(pk=appointment_id)
            .first()
        )
        if (
            appointment is None
            or appointment.status != Appointment.Status.BOOKED
            or appointment.start != start
            or appointment.reminded_for == start
            or appointment.start <= now
            or not appointment.email
        ):
            return False
        appointment.reminded_for = start
        appointment.save(update_fields=["reminded_for"])
        mail_reminder(appointment)
    return True


# --- Mail ------------------------------------------------------------------------------------


def link(name: str, appointment: Appointment) -> str:
    return settings.LOKET_BASE_URL.rstrip("/") + reverse(name, args=[appointment.token])


def current_language() -> str:
    language = (translation.get_language() or DEFAULT_LANGUAGE)[:2]
    return language if language in dict(settings.LANGUAGES) else DEFAULT_LANGUAGE


def when(appointment: Appointment) -> str:
    start = timezone.localtime(appointment.start)
    return f"{date_format(start, 'l j F Y')}, {start:%H:%M}"


def in_their_language(mail):
    """Write the mail in the language the person booked in, whoever makes the change."""

    def wrapper(appointment: Appointment) -> None:
        with translation.override(appointment.language):
            mail(appointment)

    return wrapper


def mail_values(appointment: Appointment) -> dict:
    """What the appointment mails fill in; each text takes the ones it names."""
    return {
        "name": appointment.name,
        "product": appointment.product.name,
        "when": when(appointment),
        "location": appointment.location.name,
        "address": appointment.location.address,
        "link": link("appointments:appointment", appointment),
        "calendar": link("appointments:calendar", appointment),
        "municipality": settings.LOKET_MUNICIPALITY_NAME,
    }


@in_their_language
def mail_confirmation(appointment: Appointment) -> None:
    """The mail with the secret link and the calendar file attached (also a download behind
    the same secret, for a mail program that drops attachments)."""
    text = _(
        "Dear %(name)s,\n\n"
        "Your appointment for %(product)s is on %(when)s at %(location)s, %(address)s.\n\n"
        "See, cancel or move your appointment: %(link)s\n"
        "Add it to your calendar: %(calendar)s\n\n"
        "Kind regards,\n%(municipality)s"
    ) % mail_values(appointment)
    queue_mail(
        to=appointment.email,
        subject=_("Your appointment on %(when)s") % {"when": when(appointment)},
        text_body=text,
        language=appointment.language,
        attachments=[Attachment("afspraak.ics", ics(appointment).encode(), "text/calendar")],
    )


@in_their_language
def mail_reminder(appointment: Appointment) -> None:
    text = _(
        "Dear %(name)s,\n\n"
        "This is a reminder: your appointment for %(product)s is tomorrow, %(when)s, "
        "at %(location)s, %(address)s.\n\n"
        "Can you not come? Cancel or move your appointment: %(link)s\n\n"
        "Kind regards,\n%(municipality)s"
    ) % mail_values(appointment)
    queue_mail(
        to=appointment.email,
        subject=_("Reminder: your appointment on %(when)s") % {"when": when(appointment)},
        text_body=text,
        language=appointment.language,
    )


@in_their_language
def mail_cancellation(appointment: Appointment) -> None:
    text = _(
        "Dear %(name)s,\n\n"
        "Your appointment for %(product)s on %(when)s is cancelled.\n\n"
        "Kind regards,\n%(municipality)s"
    ) % mail_values(appointment)
    queue_mail(
        to=appointment.email,
        subject=_("Your appointment is cancelled"),
        text_body=text,
        language=appointment.language,
    )
