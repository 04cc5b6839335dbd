"""The confirmation reaches the person over SMTP with the calendar file attached."""

import pytest

from loket.appointments import services
from tests.appointments.conftest import MONDAY, NOW, at
from tests.notify.test_mail import run_worker, worker_env  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_confirmation_carries_the_calendar_file(stadhuis, passport, smtp_server, worker_env):  # noqa: F811
    appointment = services.book(
        stadhuis, passport, at(MONDAY, 10), name="Anna", email="anna@example.nl", now=NOW
    )

    run_worker(worker_env)

    [message] = smtp_server.messages()
    assert message["To"] == "anna@example.nl"
    assert message["Subject"] == "Your appointment on Monday 2 December 2030, 10:00"
    body, calendar = message.get_payload()
    assert f"/afspraak/{appointment.token}/" in body.get_payload(decode=True).decode()
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_filename() == "afspraak.ics"
    lines = calendar.get_payload(decode=True).decode().splitlines()
    assert "DTSTART:20301202T090000Z" in lines
    assert f"UID:{appointment.uuid}@127.0.0.1" in lines
    assert "STATUS:CONFIRMED" in lines
