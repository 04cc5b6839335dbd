"""Holding, booking, cancelling and moving; never more appointments than desks."""

import threading
from datetime import timedelta
from functools import partial

import pytest
from django.db import transaction

from loket.appointments import services
from loket.appointments.models import Appointment, LocationProduct
from loket.notify.models import Mail
from tests.appointments.conftest import MONDAY, NOW, at
from tests.concurrency import at_once, in_thread, needs_postgres

TEN = at(MONDAY, 10)


def book(stadhuis, passport, start=TEN, name="Anna", **kwargs):
    return services.book(stadhuis, passport, start, name=name, email="anna@example.nl", **kwargs)


def test_booking_takes_the_slot_and_mails_the_secret_link(stadhuis, passport, settings):
    appointment = book(stadhuis, passport, now=NOW)

    assert appointment.status == Appointment.Status.BOOKED
    assert appointment.end == TEN + timedelta(minutes=15)
    assert len(appointment.token) == 48
    mail = Mail.objects.get(to="anna@example.nl")
    assert "Monday 2 December 2030, 10:00" in mail.subject
    assert "Stadhuis, Markt 1" in mail.text_body
    base = settings.LOKET_BASE_URL.rstrip("/")
    assert f"{base}/afspraak/{appointment.token}/\n" in mail.text_body
    assert f"{base}/afspraak/{appointment.token}/agenda.ics" in mail.text_body
    [attachment] = mail.attachments.all()
    assert (attachment.filename, attachment.content_type) == ("afspraak.ics", "text/calendar")
    assert b"DTSTART:20301202T090000Z" in bytes(attachment.content)


def test_a_full_slot_is_refused(stadhuis, passport, one_desk):
    book(stadhuis, passport, now=NOW)

    with pytest.raises(services.SlotUnavailable, match="just taken"):
        book(stadhuis, passport, name="Bert", now=NOW)
    assert Appointment.objects.count() == 1


@pytest.mark.parametrize(
    "start", [at(MONDAY, 10, 5), at(MONDAY, 8, 45), at(MONDAY, 17), at(MONDAY - timedelta(2), 10)]
)
def test_a_time_that_is_no_slot_is_refused(stadhuis, passport, start):
    with pytest.raises(services.SlotUnavailable, match="no appointment at this time"):
        book(stadhuis, passport, start, now=NOW)


def test_a_time_that_has_passed_is_refused(stadhuis, passport):
    with pytest.raises(services.SlotUnavailable, match="has passed"):
        book(stadhuis, passport, now=at(MONDAY, 10, 1))


def test_a_product_not_offered_at_the_location_is_refused(stadhuis, passport):
    LocationProduct.objects.filter(product=passport).delete()
    with pytest.raises(services.SlotUnavailable, match="cannot be booked at this location"):
        book(stadhuis, passport, now=NOW)


def test_a_hold_keeps_the_slot_until_it_expires(stadhuis, passport, one_desk):
    hold = services.hold_slot(stadhuis, passport, TEN, minutes=10, now=NOW)

    assert hold.status == Appointment.Status.HELD
    assert hold.held_until == NOW + timedelta(minutes=10)
    with pytest.raises(services.SlotUnavailable):
        book(stadhuis, passport, now=NOW + timedelta(minutes=9))
    later = NOW + timedelta(minutes=10)
    assert TEN in [s.start for s in services.free_slots(stadhuis, passport, MONDAY, now=later)]
    assert book(stadhuis, passport, name="Bert", now=later).status == Appointment.Status.BOOKED


def test_booking_confirms_a_hold(stadhuis, passport, one_desk):
    hold = services.hold_slot(stadhuis, passport, TEN, now=NOW)

    appointment = services.book(
        name="Anna", email="anna@example.nl", bsn="999993653", hold=hold, now=NOW
    )

    assert appointment.pk == hold.pk
    assert appointment.status == Appointment.Status.BOOKED
    assert appointment.held_until is None
    assert appointment.bsn == "999993653"
    assert Appointment.objects.count() == 1


def test_an_expired_hold_is_booked_while_its_slot_is_still_free(stadhuis, passport, one_desk):
    hold = services.hold_slot(stadhuis, passport, TEN, minutes=5, now=NOW)
    later = NOW + timedelta(minutes=30)

    appointment = services.book(name="Anna", email="a@example.nl", hold=hold, now=later)

    assert appointment.status == Appointment.Status.BOOKED


def test_an_expired_hold_whose_slot_was_taken_is_refused(stadhuis, passport, one_desk):
    hold = services.hold_slot(stadhuis, passport, TEN, minutes=5, now=NOW)
    later = NOW + timedelta(minutes=30)
    book(stadhuis, passport, name="Bert", now=later)

    with pytest.raises(services.SlotUnavailable, match="just taken"):
        services.book(name="Anna", email="a@example.nl", hold=hold, now=later)


def test_expired_holds_are_released(stadhuis, passport):
    old = services.hold_slot(stadhuis, passport, TEN, minutes=5, now=NOW)
    fresh = services.hold_slot(stadhuis, passport, TEN, minutes=60, now=NOW)

    assert services.release_expired_holds(now=NOW + timedelta(minutes=10)) == 1

    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.status == Appointment.Status.CANCELLED
    assert fresh.status == Appointment.Status.HELD


def test_cancel_frees_the_slot_and_mails(stadhuis, passport, one_desk):
    appointment = book(stadhuis, passport, now=NOW)

    services.cancel(appointment)
    services.cancel(appointment)  # a second click changes nothing

    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert Mail.objects.filter(subject="Your appointment is cancelled").count() == 1
    assert book(stadhuis, passport, name="Bert", now=NOW).status == Appointment.Status.BOOKED


def test_reschedule_moves_to_a_free_slot(stadhuis, passport, one_desk):
    appointment = book(stadhuis, passport, now=NOW)
    eleven = at(MONDAY, 11)

    services.reschedule(appointment, eleven, now=NOW)

    appointment.refresh_from_db()
    assert (appointment.start, appointment.end) == (eleven, eleven + timedelta(minutes=15))
    assert Mail.objects.filter(to="anna@example.nl").count() == 2
    assert book(stadhuis, passport, name="Bert", now=NOW).start == TEN


def test_reschedule_to_the_own_slot_or_a_full_one(stadhuis, passport, one_desk):
    appointment = book(stadhuis, passport, now=NOW)
    services.reschedule(appointment, TEN, now=NOW)  # its own desk is not counted
    book(stadhuis, passport, at(MONDAY, 11), name="Bert", now=NOW)

    with pytest.raises(services.SlotUnavailable):
        services.reschedule(appointment, at(MONDAY, 11), now=NOW)


def test_a_cancelled_appointment_cannot_be_moved(stadhuis, passport):
    appointment = services.cancel(book(stadhuis, passport, now=NOW))

    with pytest.raises(services.SlotUnavailable, match="Only a booked"):
        services.reschedule(appointment, at(MONDAY, 11), now=NOW)


# --- Concurrency: real parallel transactions, on PostgreSQL -----------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("desks", [1, 2])
def test_parallel_bookings_never_exceed_the_desks(stadhuis, passport, desks):
    needs_postgres()
    LocationProduct.objects.filter(product=passport).update(capacity=desks)
    outcomes = at_once(
        [partial(book, stadhuis, passport, name=f"Person {n}", now=NOW) for n in range(8)]
    )
    assert sum("result" in outcome for outcome in outcomes) == desks
    assert all(
        isinstance(outcome["error"], services.SlotUnavailable)
        for outcome in outcomes
        if "error" in outcome
    )
    assert Appointment.objects.filter(start=TEN, status="booked").count() == desks


@pytest.mark.django_db(transaction=True)
def test_a_second_transaction_waits_for_the_first_and_then_recounts(stadhuis, passport, one_desk):
    needs_postgres()
    booked, commit = threading.Event(), threading.Event()

    def first():
        with transaction.atomic():
            appointment = book(stadhuis, passport, now=NOW)
            booked.set()
            commit.wait(timeout=30)
        return appointment

    def second():
        return book(stadhuis, passport, name="Bert", now=NOW)

    first_thread, first_outcome = in_thread(first)
    assert booked.wait(timeout=30)
    second_thread, second_outcome = in_thread(second)
    second_thread.join(timeout=1)
    assert second_thread.is_alive(), "the second booking must wait for the location's lock"

    commit.set()
    first_thread.join(timeout=30)
    second_thread.join(timeout=30)

    assert first_outcome["result"].status == Appointment.Status.BOOKED
    assert isinstance(second_outcome["error"], services.SlotUnavailable)
    assert Appointment.objects.count() == 1
