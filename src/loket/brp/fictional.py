"""Fictional persons for the built-in register and for volume data: plausible Dutch names
and addresses in Gemeente Voorbeeld, none of them real."""

import random
from collections.abc import Iterator
from datetime import date, timedelta

from loket.brp import codes
from loket.brp.models import Address, Person

FIRST_NAMES = {
    "V": [
        "Anna",
        "Emma",
        "Sophie",
        "Julia",
        "Lotte",
        "Sanne",
        "Fleur",
        "Eva",
        "Noor",
        "Lisa",
        "Fatima",
        "Yasmina",
        "Maria",
        "Johanna",
        "Ingrid",
        "Petra",
        "Marieke",
        "Annelies",
        "Chantal",
        "Priya",
        "Zeynep",
        "Wilma",
        "Gerda",
        "Esther",
        "Naomi",
        "Ilse",
    ],
    "M": [
        "Daan",
        "Sem",
        "Lucas",
        "Levi",
        "Finn",
        "Milan",
        "Noah",
        "Bram",
        "Thijs",
        "Ruben",
        "Mohammed",
        "Youssef",
        "Jan",
        "Pieter",
        "Kees",
        "Henk",
        "Willem",
        "Gerrit",
        "Hendrik",
        "Arjen",
        "Mehmet",
        "Rajesh",
        "Dirk",
        "Sander",
        "Jeroen",
        "Bas",
    ],
}
SURNAMES = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("", "El Amrani"),
    ("", "Yilmaz"),
    ("", "Kaya"),
    ("", "Ramdin"),
    ("", "Nguyen"),
    ("ter", "Horst"),
]
# Streets of the fictional town Voorbeeld, each with its postcode area (numbers 1 to 120).
STREETS = [
    ("Dorpsstraat", "1234AB"),
    ("Kerkstraat", "1234AC"),
    ("Molenweg", "1234AD"),
    ("Schoolstraat", "1234AE"),
    ("Stationsweg", "1234AG"),
    ("Lindelaan", "1234AH"),
    ("Beukenlaan", "1234AJ"),
    ("Eikenlaan", "1234AK"),
    ("Julianastraat", "1234AL"),
    ("Beatrixlaan", "1234AM"),
    ("Nieuwstraat", "1234AN"),
    ("Marktplein", "1234AP"),
    ("Havenkade", "1235BA"),
    ("Polderweg", "1235BB"),
    ("Tulpstraat", "1235BC"),
    ("Rozenstraat", "1235BD"),
    ("Sportlaan", "1235BE"),
    ("Parkweg", "1235BG"),
    ("Vlinderhof", "1235BH"),
    ("Zwanenmeer", "1235BJ"),
]
TOWN = "Voorbeeld"
HOUSE_NUMBERS = range(1, 121)
# Beside every plain number: flats above the shops on the Marktplein (1A, 1B) and apartments
# on the Havenkade (2-1 ... 2-4), so that letters and additions occur as in a real town.
LETTERED = {"Marktplein": ("A", "B")}
NUMBERED_FLATS = {"Havenkade": ("1", "2", "3", "4")}


def address_identification(street_index: int, number: int, variant: int = 0) -> str:
    """The BAG nummeraanduiding identification of an address of Voorbeeld.

    BAG identifications are the municipality code, the object type (20: nummeraanduiding)
    and a serial number; here the serial number says street, number and variant, so that
    volume data can point at an address without looking it up.
    """
    serial = street_index * 10_000 + number * 10 + variant
    return f"{codes.DEMO_MUNICIPALITY_CODE}20{serial:010d}"


def demo_addresses() -> Iterator[Address]:
    """Every address of Voorbeeld, unsaved, always the same ones."""
    for index, (street, postcode) in enumerate(STREETS):
        variants = [("", "")]
        variants += [(letter, "") for letter in LETTERED.get(street, ())]
        variants += [("", flat) for flat in NUMBERED_FLATS.get(street, ())]
        for number in HOUSE_NUMBERS:
            for variant, (letter, addition) in enumerate(variants):
                identification = address_identification(index, number, variant)
                yield Address(
                    identification=identification,
                    # The addressable object (verblijfsobject, type 01) shares the serial.
                    addressable_object=f"{identification[:4]}01{identification[6:]}",
                    street=street,
                    house_number=number,
                    house_letter=letter,
                    house_number_addition=addition,
                    postcode=postcode,
                    town=TOWN,
                    municipality_code=codes.DEMO_MUNICIPALITY_CODE,
                    municipality_name=codes.DEMO_MUNICIPALITY,
                )


def load_address_register() -> None:
    """Write Voorbeeld's addresses; those already there are left as they are."""
    Address.objects.bulk_create(demo_addresses(), batch_size=1000, ignore_conflicts=True)


def fictional_person(rng: random.Random, bsn: str, today: date) -> Person:
    """An unsaved Person with a plausible name, age (0 to 95) and address.

    The address is one of ``demo_addresses``; write those first (``load_address_register``).
    """
    gender = rng.choice("MV")
    prefix, surname = rng.choice(SURNAMES)
    street_index = rng.randrange(len(STREETS))
    given = rng.choice(FIRST_NAMES[gender])
    if rng.random() < 0.3:
        given += " " + rng.choice(FIRST_NAMES[gender])
    birth_date = today - timedelta(days=rng.randint(0, 95 * 365))
    return Person(
        bsn=bsn,
        given_names=given,
        surname_prefix=prefix,
        surname=surname,
        birth_date=birth_date,
        gender=gender,
        address_id=address_identification(street_index, rng.choice(HOUSE_NUMBERS)),
        address_since=birth_date + timedelta(days=rng.randint(0, (today - birth_date).days)),
    )
