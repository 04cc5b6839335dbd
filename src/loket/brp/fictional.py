"""Fictional persons for the built-in register and for volume data: plausible Dutch names
and addresses in Gemeente Voorbeeld, none of them real."""

import random
from datetime import date, timedelta

from loket.brp.models import Person

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


def fictional_person(rng: random.Random, bsn: str, today: date) -> Person:
    """An unsaved Person with a plausible name, age (0 to 95) and address."""
    gender = rng.choice("MV")
    prefix, surname = rng.choice(SURNAMES)
    street, postcode = rng.choice(STREETS)
    given = rng.choice(FIRST_NAMES[gender])
    if rng.random() < 0.3:
        given += " " + rng.choice(FIRST_NAMES[gender])
    return Person(
        bsn=bsn,
        given_names=given,
        surname_prefix=prefix,
        surname=surname,
        birth_date=today - timedelta(days=rng.randint(0, 95 * 365)),
        gender=gender,
        street=street,
        house_number=rng.randint(1, 120),
        postcode=postcode,
        town=TOWN,
    )
