"""Looking up an address in the local address register, for the forms' postcode fill-in.

A person types a postcode and a house number (and perhaps "A" or "-2"); the form fills in
street and town from the register of the demo municipality's addresses, without asking the
BRP and so without revealing who lives there.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from loket.brp.models import Address
from loket.brp.records import AddressRecord

POSTCODE = re.compile(r"([1-9][0-9]{3}) ?([A-Z]{2})")
# A letter alone, or a letter before the addition: "A", "A-2", "A 2"; anything else is an
# addition ("2", "-2", "bis", "II").
LETTER_FIRST = re.compile(r"([A-Z])(?:[ -]+(.*))?")
MAX_HOUSE_NUMBER = 99_999


def normalise_postcode(value: str) -> str:
    """``"1234 ab"`` becomes ``"1234AB"``; anything that is no Dutch postcode is refused."""
    match = POSTCODE.fullmatch(value.strip().upper())
    if not match:
        raise ValidationError(
            _("A postcode is four digits and two letters, like 1234 AB."), code="postcode"
        )
    return "".join(match.groups())


def check_house_number(value: int | str) -> int:
    """The house number as a number; what is none, or out of the BAG's range, is refused."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= MAX_HOUSE_NUMBER:
        raise ValidationError(
            _("A house number is a whole number from 1 to 99999."), code="house_number"
        )
    return number


def split_addition(value: str) -> tuple[str, str]:
    """The house letter and the addition in what was typed after the number."""
    value = value.strip().upper()
    match = LETTER_FIRST.fullmatch(value)
    if match:
        return match[1], (match[2] or "").strip()
    return "", value.lstrip("- ")


def address_record(address: Address) -> AddressRecord:
    return AddressRecord(
        street=address.street,
        house_number=address.house_number,
        house_letter=address.house_letter,
        house_number_addition=address.house_number_addition,
        postcode=address.postcode,
        town=address.town,
        municipality_code=address.municipality_code,
        municipality_name=address.municipality_name,
        identification=address.identification,
        addressable_object=address.addressable_object,
    )


def address_for(postcode: str, house_number: int | str, addition: str = "") -> AddressRecord | None:
    """The address at this postcode, number and letter or addition; None if there is none."""
    postcode = normalise_postcode(postcode)
    number = check_house_number(house_number)
    letter, rest = split_addition(addition)
    address = Address.objects.filter(
        postcode=postcode,
        house_number=number,
        house_letter__iexact=letter,
        house_number_addition__iexact=rest,
    ).first()
    return address_record(address) if address else None
