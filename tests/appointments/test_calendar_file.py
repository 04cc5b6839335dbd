"""The .ics file: one event in UTC, escaped and folded as RFC 5545 asks."""

from loket.appointments import services
from loket.appointments.calendar_file import fold, ics
from tests.appointments.conftest import MONDAY, NOW, at


def test_the_event(stadhuis, passport, settings):
    settings.LOKET_BASE_URL = "https://loket.voorbeeld.nl"
    stadhuis.address = "Markt 1, 3511 AA Voorbeeld"
    appointment = services.book(stadhuis, passport, at(MONDAY, 10), name="A", email="a@example.nl")

    text = ics(appointment, now=NOW)

    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    lines = text.split("\r\n")
    assert f"UID:{appointment.uuid}@loket.voorbeeld.nl" in lines
    assert "DTSTAMP:20301101T090000Z" in lines
    assert "DTSTART:20301202T090000Z" in lines  # 10:00 in Amsterdam, winter time
    assert "DTEND:20301202T091500Z" in lines
    assert "SUMMARY:Apply for a passport (Gemeente Voorbeeld)" in lines
    assert "LOCATION:Stadhuis\\, Markt 1\\, 3511 AA Voorbeeld" in lines
    assert "STATUS:CONFIRMED" in lines


def test_a_cancelled_event(stadhuis, passport):
    appointment = services.book(stadhuis, passport, at(MONDAY, 10), name="A", email="a@example.nl")

    assert "STATUS:CANCELLED" in ics(services.cancel(appointment), now=NOW)


def test_long_lines_are_folded_at_75_octets():
    line = "SUMMARY:" + "é" * 60

    folded = fold(line)

    parts = folded.split("\r\n ")
    assert len(parts) == 2
    assert all(len(part.encode()) <= 75 for part in parts)
    assert "".join(parts) == line
