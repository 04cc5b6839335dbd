"""The appointment as an iCalendar file (RFC 5545), for the link in the confirmation mail."""

from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone

from loket.appointments.models import Appointment


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545, 3.1)."""
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(appointment: Appointment, *, now: datetime | None = None) -> str:
    host = settings.LOKET_BASE_URL.split("://")[-1].split("/")[0].split(":")[0]
    cancelled = appointment.status == Appointment.Status.CANCELLED
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Loket//Appointments//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{appointment.uuid}@{host}",
        f"DTSTAMP:{utc(now or timezone.now())}",
        f"DTSTART:{utc(appointment.start)}",
        f"DTEND:{utc(appointment.end)}",
        "SUMMARY:" + escape(f"{appointment.product.name} ({settings.LOKET_MUNICIPALITY_NAME})"),
        "LOCATION:" + escape(f"{appointment.location.name}, {appointment.location.address}"),
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
