"""The appointment field: the time chosen in a form step is held while the person finishes
the form, and booked in the submission's transaction.

A hold lasts ``loket.appointments.services.HOLD_MINUTES``; a form abandoned halfway lets it
run out, and the slot is free again without anyone cleaning up. When the person confirms after
the hold was released, the submission stops and sends them back to the step, which holds the
time again if it is still free.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.appointments import services as appointments
from loket.appointments.models import Appointment, Location
from loket.appointments.selectors import free_times
from loket.catalog.models import Product
from loket.forms.fields import parse_date
from loket.forms.schema import all_fields
from loket.forms.steps import StepOutcome


def held(answer: dict | None) -> Appointment | None:
    """The appointment an answer holds, while it is held or booked."""
    if not answer or not answer.get("hold"):
        return None
    return (
        Appointment.objects.filter(uuid=answer["hold"])
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("location")
        .first()
    )


def same_slot(appointment: Appointment, answer: dict) -> bool:
    return str(appointment.location.uuid) == answer["location"] and (
        appointment.start == datetime.fromisoformat(answer["start"])
    )


def hold_chosen_slots(
    step: dict, previous: dict, outcome: StepOutcome, typed: dict, *, take_new: bool
) -> None:
    """Keep the hold of an unchanged choice, release the hold of a changed one and, with
    ``take_new`` (the step is done), hold every newly chosen time. A time that was just
    taken becomes the field's error, with what was typed kept."""
    for field in step["fields"]:
        key = field["key"]
        if field["type"] != "appointment":
            continue
        answer, before = outcome.answers.get(key), held(previous.get(key))
        if before is not None and answer and same_slot(before, answer):
            answer["hold"] = str(before.uuid)
            continue
        if before is not None and before.status == Appointment.Status.HELD:
            appointments.cancel(before)
        if not answer or not take_new:
            continue
        try:
            hold = appointments.hold_slot(
                Location.objects.get(uuid=answer["location"]),
                Product.objects.get(slug=field["product"]),
                datetime.fromisoformat(answer["start"]),
            )
        except appointments.SlotUnavailable as refusal:
            outcome.answers[key] = None
            outcome.errors[key] = str(refusal)
            outcome.typed[key] = typed.get(key, {})
            continue
        answer["hold"] = str(hold.uuid)


@transaction.atomic
def book_held_slots(schema: dict, answers: dict, *, name: str, email: str, bsn: str) -> None:
    """Book every held time of a submission; part of the submission's transaction, so a
    time that cannot be booked any more stops the submission (``SlotUnavailable``)."""
    for field in all_fields(schema):
        answer = answers.get(field["key"])
        if field["type"] != "appointment" or not answer:
            continue
        hold = held(answer)
        if hold is None:
            raise appointments.SlotUnavailable(
                _("The time you chose is no longer kept for you. Choose a time again.")
            )
        if hold.status == Appointment.Status.HELD:
            appointments.book(hold=hold, name=name, email=email, bsn=bsn)


def times_to_show(field: dict, typed_value: dict, answer: dict | None) -> dict:
    """For the step's page: the day whose free times are shown, those times per location,
    and the hold of the current choice."""
    kept = held(answer)
    try:
        day = parse_date(typed_value.get("day", "")) if typed_value.get("day") else None
    except ValidationError as error:
        return {"day_error": error.messages[0], "kept": kept}
    if day is None:
        return {"kept": kept}
    times = [
        (location, [(slot_value(location, slot.start), slot) for slot in slots])
        for location, slots in free_times(field["product"], day, kept=kept)
    ]
    return {"day": day, "times": times, "kept": kept}


def slot_value(location: Location, start: datetime) -> str:
    """A time's radio value, as ``clean_appointment`` reads it back."""
    return f"{location.uuid}|{timezone.localtime(start):%H:%M}"
