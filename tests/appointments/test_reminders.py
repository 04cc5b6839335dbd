"""The reminder the day before and the release of holds: tasks enqueued with the change, due
at their time, and harmless when the appointment was moved or cancelled in between."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from loket.appointments import services
from loket.appointments.models import Appointment
from loket.notify.models import Mail
from tests.appointments.conftest import MONDAY, NOW, at

TEN = at(MONDAY, 10)
REMINDER = "Reminder: your appointment on Monday 2 December 2030, 10:00"


def book(stadhuis, passport, start=TEN, now=NOW):
    return services.book(stadhuis, passport, start, name="Anna", email="anna@example.nl", now=now)


def tasks(name: str):
    return DBTaskResult.objects.filter(task_path__endswith=name).order_by("enqueued_at")


def run(row: DBTaskResult):
    """Run an enqueued task as the worker would: its function with its stored arguments."""
    return row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


def reminders():
    return Mail.objects.filter(subject__startswith="Reminder")


def test_booking_enqueues_the_reminder_for_the_day_before(stadhuis, passport):
    appointment = book(stadhuis, passport)

    [row] = tasks("send_reminder")
    assert row.run_after == TEN - timedelta(days=1)
    assert row.args_kwargs["args"] == [appointment.pk, TEN.isoformat()]

    run(row)
    run(row)  # the worker delivers at least once; the person gets one reminder

    [mail] = reminders()
    assert mail.subject == REMINDER
    assert "is tomorrow, Monday 2 December 2030, 10:00, at Stadhuis" in mail.text_body
    assert f"/afspraak/{appointment.token}/" in mail.text_body


def test_a_reminder_is_rolled_back_with_the_booking(stadhuis, passport):
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        book(stadhuis, passport)
        raise Abort

    assert not DBTaskResult.objects.exists()


def test_no_reminder_for_an_appointment_less_than_a_day_away(stadhuis, passport):
    book(stadhuis, passport, now=TEN - timedelta(hours=20))

    assert not tasks("send_reminder").exists()


def test_a_moved_appointment_is_reminded_of_its_new_time_only(stadhuis, passport):
    appointment = book(stadhuis, passport)
    services.reschedule(appointment, at(MONDAY + timedelta(days=1), 11), now=NOW)

    old, new = tasks("send_reminder")
    assert new.run_after == at(MONDAY, 11)
    run(old)
    assert not reminders().exists(), "the reminder of the old time must not go out"
    run(new)
    assert (
        reminders().get().subject == "Reminder: your appointment on Tuesday 3 December 2030, 11:00"
    )


def test_a_cancelled_appointment_gets_no_reminder(stadhuis, passport):
    appointment = book(stadhuis, passport)
    services.cancel(appointment)

    run(tasks("send_reminder").get())

    assert not reminders().exists()


def test_the_reminder_is_in_the_language_of_the_booking(stadhuis, passport):
    from django.utils import translation

    with translation.override("nl"):
        book(stadhuis, passport)
    run(tasks("send_reminder").get())

    mail = Mail.objects.latest("pk")  # the reminder, after the confirmation
    assert mail.language == "nl"
    assert "maandag 2 december 2030, 10:00" in mail.subject


def test_a_hold_enqueues_its_release_at_its_end(stadhuis, passport):
    hold = services.hold_slot(stadhuis, passport, TEN, minutes=10)

    [row] = tasks("release_holds")
    assert row.run_after == hold.held_until
    Appointment.objects.filter(pk=hold.pk).update(held_until=timezone.now())  # its time is up

    run(row)

    hold.refresh_from_db()
    assert hold.status == Appointment.Status.CANCELLED


def test_a_reminder_that_runs_after_the_start_sends_nothing(stadhuis, passport):
    appointment = book(stadhuis, passport)

    assert not services.remind(appointment.pk, TEN, now=TEN + timedelta(minutes=1))
    assert not reminders().exists()
