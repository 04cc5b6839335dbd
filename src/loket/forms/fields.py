"""The field types of a form: how each reads what was typed, checks it and shows it.

Server-side validation is the truth: a browser's ``required`` or ``type="email"`` only helps.
Every refusal is one plain sentence for the person, in their language. Dutch identifiers are
checked for real with python-stdnum (BSN elfproef, IBAN checksum).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn

from loket.brp.addresses import address_for
from loket.forms.schema import text


@dataclass(frozen=True)
class FillContext:
    today: date
    language: str = "nl"


def empty(raw) -> bool:
    if isinstance(raw, dict):
        return all(empty(value) for value in raw.values())
    if isinstance(raw, list):
        return not raw
    return raw is None or str(raw).strip() == "" or raw is False


def refuse(message: str) -> ValidationError:
    return ValidationError(message)


# --- reading the request ---------------------------------------------------------------------

ADDRESS_PARTS = ("postcode", "house_number", "addition")
LOCATION_PARTS = ("lat", "lon")
APPOINTMENT_PARTS = ("day", "slot")


def typed(data, name: str) -> str:
    """What was typed in one input, without the spaces around it and without NUL characters:
    no keyboard types one, and PostgreSQL keeps none in text (a draft would fail to save)."""
    return data.get(name, "").replace("\x00", "").strip()


def read(field: dict, data, name: str):
    """What was typed for a field, from the POSTed data; ``name`` is its input name."""
    kind = field["type"]
    if kind == "checkbox":
        return name in data
    if kind == "address":
        return {part: typed(data, f"{name}-{part}") for part in ADDRESS_PARTS}
    if kind == "location":
        return {part: typed(data, f"{name}-{part}") for part in LOCATION_PARTS}
    if kind == "appointment":
        return {part: typed(data, f"{name}-{part}") for part in APPOINTMENT_PARTS}
    return typed(data, name)


def as_typed(field: dict, value):
    """A stored answer as the inputs show it again."""
    kind = field["type"]
    if value is None:
        return {} if kind in ("address", "location", "appointment") else ""
    if kind == "address":
        return {
            "postcode": value.get("postcode", ""),
            "house_number": str(value.get("house_number", "")),
            "addition": number_addition(value),
        }
    if kind == "location":
        return {part: str(value.get(part, "")) for part in LOCATION_PARTS}
    if kind == "appointment":
        start = timezone.localtime(datetime.fromisoformat(value["start"]))
        return {"day": f"{start:%d-%m-%Y}", "slot": f"{value['location']}|{start:%H:%M}"}
    if kind == "amount":
        return str(value).replace(".", ",")
    if kind == "date":
        return date.fromisoformat(value).strftime("%d-%m-%Y")
    return value


def number_addition(address: dict) -> str:
    """What follows the house number: "A", "-2", "A-2"."""
    addition = address.get("house_number_addition")
    return address.get("house_letter", "") + (f"-{addition}" if addition else "")


# --- checking --------------------------------------------------------------------------------


def clean(field: dict, raw, ctx: FillContext):
    """The answer to store for what was typed; raises ValidationError with a sentence."""
    kind = field["type"]
    return CLEANERS[kind](field, raw, ctx)


def clean_text(field, raw, ctx):
    limit = field.get("max_length", 4000 if field["type"] == "textarea" else 200)
    if len(raw) > limit:
        raise refuse(_("Use at most %(limit)s characters.") % {"limit": limit})
    return raw


THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def clean_number(field, raw, ctx):
    value = raw.replace(" ", "")
    if THOUSANDS.fullmatch(value):  # 1.000: a Dutch thousands separator
        value = value.replace(".", "")
    try:
        number = int(value)
    except ValueError:
        raise refuse(_("Fill in a whole number, like 3.")) from None
    check_range(field, number, str)
    return number


def parse_amount(raw: str) -> Decimal:
    """Euros as people type them: 12,50 / € 1.250,00 / 1250.5."""
    value = raw.replace("€", "").replace(" ", "").replace("EUR", "")
    if "," in value or THOUSANDS.fullmatch(value):  # Dutch: 1.250,50 and 1.250
        value = value.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(value)
        # Also an InvalidOperation: too many digits for cents (1E+30), infinity.
        cents = amount.quantize(Decimal("0.01"))
    except InvalidOperation:
        raise refuse(_("Fill in an amount in euros, like 125,50.")) from None
    if not amount.is_finite() or amount != cents:
        raise refuse(_("Fill in an amount in euros with at most two decimals, like 125,50."))
    return cents


def clean_amount(field, raw, ctx):
    amount = parse_amount(raw)
    check_range(field, amount, euros)
    return str(amount)


def euros(amount) -> str:
    return "€ " + formats.number_format(Decimal(amount), 2, use_l10n=True, force_grouping=True)


def check_range(field, value, show):
    low, high = field.get("min"), field.get("max")
    if low is not None and value < type(value)(str(low)):
        raise refuse(_("The lowest possible value is %(min)s.") % {"min": show(low)})
    if high is not None and value > type(value)(str(high)):
        raise refuse(_("The highest possible value is %(max)s.") % {"max": show(high)})


DUTCH_DATE = re.compile(r"(\d{1,2})[-/ .](\d{1,2})[-/ .](\d{4})")


def parse_date(raw: str) -> date:
    match = DUTCH_DATE.fullmatch(raw)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(raw)
    except ValueError:
        raise refuse(_("Fill in a date that exists, like 31-12-2026.")) from None


def date_limit(limit: str, today: date) -> date:
    """``"today"``, ``"today+14"``, ``"today-28"`` or an ISO date."""
    if limit.startswith("today"):
        return today + timedelta(days=int(limit[5:] or 0))
    return date.fromisoformat(limit)


def clean_date(field, raw, ctx):
    value = parse_date(raw)
    if field.get("min") and value < date_limit(field["min"], ctx.today):
        earliest = date_limit(field["min"], ctx.today)
        raise refuse(_("The date can be %(date)s at the earliest.") % {"date": show_date(earliest)})
    if field.get("max") and value > date_limit(field["max"], ctx.today):
        latest = date_limit(field["max"], ctx.today)
        raise refuse(_("The date can be %(date)s at the latest.") % {"date": show_date(latest)})
    return value.isoformat()


def show_date(value: date | str) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return formats.date_format(value, "j F Y")


def clean_choice(field, raw, ctx):
    if raw not in {choice["value"] for choice in field["choices"]}:
        raise refuse(_("Choose one of the options."))
    return raw


def clean_checkbox(field, raw, ctx):
    return bool(raw)


def clean_bsn(field, raw, ctx):
    try:
        return stdnum_bsn.validate(raw)
    except StdnumError:
        raise refuse(
            _("This is not a valid citizen service number (BSN). A BSN has 9 digits.")
        ) from None


KVK = re.compile(r"\d{8}")


def clean_kvk(field, raw, ctx):
    # KvK numbers carry no check digit; eight digits is what can be checked.
    value = raw.replace(" ", "")
    if not KVK.fullmatch(value) or value == "00000000":
        raise refuse(_("A KvK number has 8 digits."))
    return value


def clean_iban(field, raw, ctx):
    try:
        return stdnum_iban.validate(raw)
    except StdnumError:
        raise refuse(
            _("This is not a valid IBAN. Check the number, like NL91 ABNA 0417 1643 00.")
        ) from None


def clean_email(field, raw, ctx):
    try:
        validate_email(raw)
    except ValidationError:
        raise refuse(_("Fill in an e-mail address, like name@example.nl.")) from None
    return raw


PHONE = re.compile(r"\+?\d{8,15}")


def clean_phone(field, raw, ctx):
    value = re.sub(r"[\s\-().]", "", raw)
    if not PHONE.fullmatch(value):
        raise refuse(_("Fill in a phone number of 10 digits, like 0612345678."))
    return value


def clean_address(field, raw, ctx):
    if not raw.get("postcode") or not raw.get("house_number"):
        raise refuse(_("Fill in the postcode and the house number."))
    found = address_for(raw["postcode"], raw["house_number"], raw.get("addition", ""))
    if found is None:
        raise refuse(
            _("We cannot find this address in the municipality. Check the postcode and number.")
        )
    return {
        "postcode": found.postcode,
        "house_number": found.house_number,
        "house_letter": found.house_letter,
        "house_number_addition": found.house_number_addition,
        "street": found.street,
        "town": found.town,
    }


def clean_location(field, raw, ctx):
    try:
        lat, lon = float(raw["lat"].replace(",", ".")), float(raw["lon"].replace(",", "."))
    except (KeyError, ValueError):
        raise refuse(_("Click the place on the map, or fill in both coordinates.")) from None
    south, west, north, east = settings.LOKET_MAP_AREA
    if not (south <= lat <= north and west <= lon <= east):
        raise refuse(_("This place is outside the municipality. Choose a place on the map."))
    return {"lat": round(lat, 6), "lon": round(lon, 6)}


def clean_appointment(field, raw, ctx):
    """A free time at one of the locations that offer the field's product, as chosen from
    the day's list. Whether it is still free is settled when the step holds it."""
    from loket.appointments.selectors import slot_on

    day = parse_date(raw.get("day", ""))
    location_uuid, _sep, time_of_day = raw.get("slot", "").partition("|")
    if not time_of_day:
        raise refuse(_("Choose a time. Show the free times of a day first."))
    slot = slot_on(field["product"], location_uuid, day, time_of_day)
    if slot is None or slot.start <= timezone.now():
        raise refuse(_("This time cannot be booked. Choose another time."))
    return {
        "location": str(slot.location.uuid),
        "location_name": slot.location.name,
        "start": slot.start.isoformat(),
    }


CLEANERS = {
    "text": clean_text,
    "textarea": clean_text,
    "number": clean_number,
    "amount": clean_amount,
    "date": clean_date,
    "choice": clean_choice,
    "checkbox": clean_checkbox,
    "bsn": clean_bsn,
    "kvk": clean_kvk,
    "iban": clean_iban,
    "email": clean_email,
    "phone": clean_phone,
    "address": clean_address,
    "location": clean_location,
    "appointment": clean_appointment,
}


# --- showing ---------------------------------------------------------------------------------


def display(field: dict, value, language: str | None = None) -> str:
    """An answer as the summary, the case and the mails show it, in ``language`` if given."""
    if language:
        with translation.override(language):
            return display(field, value)
    if empty(value):
        return "" if field["type"] != "checkbox" else _("No")
    kind = field["type"]
    if kind == "choice":
        chosen = next((c for c in field["choices"] if c["value"] == value), None)
        return text(chosen["label"], language) if chosen else str(value)
    if kind == "checkbox":
        return _("Yes") if value else _("No")
    if kind in ("amount", "computed"):
        return euros(value)
    if kind == "date":
        return show_date(value)
    if kind == "iban":
        return stdnum_iban.format(value)
    if kind == "address":
        number = f"{value['house_number']}{number_addition(value)}"
        return f"{value['street']} {number}, {value['postcode']} {value['town']}"
    if kind == "location":
        return f"{value['lat']:.5f}, {value['lon']:.5f}"
    if kind == "appointment":
        start = timezone.localtime(datetime.fromisoformat(value["start"]))
        return f"{formats.date_format(start, 'l j F Y')}, {start:%H:%M}, {value['location_name']}"
    if kind == "file":
        return ", ".join(upload["name"] for upload in value)
    return str(value)
