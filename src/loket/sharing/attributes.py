"""The BRP attributes a person can share, and their values in a statement.

Each value comes from the person's record in the BRP source, never from what the person
typed. A value the BRP does not have (no address after leaving the country) is None, and is
then not shared: a statement only says what the municipality knows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from loket.brp.records import PersonRecord


@dataclass(frozen=True)
class Attribute:
    key: str  # the name in the statement's "attributes" claim
    label: Promise
    value: Callable[[PersonRecord], object | None]  # as signed; None when the BRP has none
    shown: Callable[[PersonRecord], str]  # as the person reads it before sharing


def name_of(person: PersonRecord) -> dict | None:
    if not person.surname:
        return None
    return {
        "given_names": person.given_names,
        "surname_prefix": person.surname_prefix,
        "surname": person.surname,
    }


def birth_date_of(person: PersonRecord) -> str | None:
    return person.birth_date.isoformat() if person.birth_date else None


def address_of(person: PersonRecord) -> dict | None:
    # After leaving the country the BRP keeps the last Dutch address: not where one lives.
    if person.address is None or person.has_left:
        return None
    address = person.address
    return {
        "street": address.street,
        "house_number": address.house_number,
        "house_letter": address.house_letter,
        "house_number_addition": address.house_number_addition,
        "postcode": address.postcode,
        "town": address.town,
    }


def nationalities_of(person: PersonRecord) -> list[str] | None:
    return list(person.nationalities) or None


def address_line(person: PersonRecord) -> str:
    address = person.address
    return f"{address.street} {address.full_number}, {address.postcode} {address.town}"


ATTRIBUTES = {
    attribute.key: attribute
    for attribute in [
        Attribute("name", _("Name"), name_of, lambda person: person.full_name),
        Attribute(
            "birth_date",
            _("Date of birth"),
            birth_date_of,
            lambda person: date_format(person.birth_date, "j F Y"),
        ),
        Attribute("address", _("Address"), address_of, address_line),
        Attribute(
            "nationalities",
            _("Nationality"),
            nationalities_of,
            lambda person: ", ".join(person.nationalities),
        ),
    ]
}


def label_of(key: str) -> Promise | str:
    """The attribute's label; the key itself for one no longer offered."""
    attribute = ATTRIBUTES.get(key)
    return attribute.label if attribute else key


def available_attributes(person: PersonRecord) -> list[tuple[Attribute, str]]:
    """The attributes the BRP has a value of for this person, each with the value shown."""
    return [
        (attribute, attribute.shown(person))
        for attribute in ATTRIBUTES.values()
        if attribute.value(person) is not None
    ]
