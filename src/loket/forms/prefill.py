"""Prefill from the BRP for a logged-in person: the register is the truth for these answers.

A prefilled field is shown as text and never read from the request; ``prefilled_answers`` is
asked again on every step and on submit, so a value cannot be tampered with.
"""

from loket.brp.records import PersonRecord
from loket.brp.sources import get_brp_source
from loket.forms.schema import all_fields


def person_values(person: PersonRecord) -> dict:
    address = person.address
    partner = person.partner if person.partner and not person.partner.end_date else None
    return {
        "person.bsn": person.bsn,
        "person.name": person.full_name,
        "person.given_names": person.given_names,
        "person.surname": " ".join(filter(None, (person.surname_prefix, person.surname))),
        "person.birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "person.address": {
            "postcode": address.postcode,
            "house_number": address.house_number,
            "house_letter": address.house_letter,
            "house_number_addition": address.house_number_addition,
            "street": address.street,
            "town": address.town,
        }
        if address
        else None,
        "person.partner.name": partner.full_name if partner else None,
        "person.partner.bsn": partner.bsn if partner else None,
        "person.children": [
            {
                "name": child.full_name,
                "bsn": child.bsn,
                "birth_date": child.birth_date.isoformat() if child.birth_date else "",
            }
            for child in person.children
        ],
    }


def prefilled_answers(schema: dict, *, bsn: str = "", kvk: str = "") -> dict:
    """The answers of the schema's prefilled fields for this login (field key -> value)."""
    wanted = {
        field["key"]: field["prefill"] for field in all_fields(schema) if field.get("prefill")
    }
    if not wanted:
        return {}
    values = {"business.kvk": kvk or None}
    if bsn and any(path.startswith("person.") for path in wanted.values()):
        person = get_brp_source().person(bsn)
        if person is not None:
            values |= person_values(person)
    return {key: values.get(path) for key, path in wanted.items()}
