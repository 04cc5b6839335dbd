"""The built-in register's households: several hundred fictional persons of Voorbeeld.

Families with children, couples, single parents with an ex-partner elsewhere in town, singles,
elderly couples whose grown-up children live in households of their own, widows and widowers
whose partner died, and persons who left: emigrated, or departed to an unknown place. Every
run builds the same register (fixed random seed, all dates before ``REFERENCE_DATE``), so its
persons can be named in documentation and tests.
"""

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from loket.brp import codes
from loket.brp.bsn import register_bsns
from loket.brp.fictional import FIRST_NAMES, SURNAMES, demo_addresses, load_address_register
from loket.brp.models import Partnership, Person

REFERENCE_DATE = date(2025, 1, 1)
SEED = 9999
HOUSEHOLDS = 230
# Household kinds and how often each is started; elderly couples start more households
# for their grown-up children, single parents one for their ex-partner.
KINDS = {
    "family": 30,
    "childless_couple": 14,
    "single_parent": 10,
    "single": 20,
    "elderly_couple": 12,
    "widowed": 9,
    "emigrated": 3,
    "deceased_single": 2,
}
DUTCH_BIRTH_PLACES = ["Amsterdam", "Rotterdam", "Utrecht", "'s-Gravenhage", "Groningen", "Arnhem"]
# Born abroad: country, places of birth, nationality.
ABROAD = [
    ("5022", ["Casablanca", "Nador"], "0131"),
    ("6043", ["Ankara", "Kayseri"], "0339"),
    ("5010", ["Antwerpen", "Gent"], "0052"),
    ("7028", ["Warschau", "Krakau"], "0072"),
    ("6029", ["Keulen", "Aken"], "0055"),
    ("5007", ["Paramaribo"], codes.DUTCH),
]
EMIGRATION_COUNTRIES = ["5010", "6029", "6037", "5002", "6039"]


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


@dataclass
class Union:
    first: Person
    second: Person
    kind: str
    start: date
    end: date | None = None


class RegisterBuilder:
    """Draws the households; ``persons`` and ``unions`` are unsaved until ``write``."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)  # noqa: S311 - repeatable fictional data
        self.bsns = register_bsns()
        self.addresses = [address.identification for address in demo_addresses()]
        self.rng.shuffle(self.addresses)
        self.persons: list[Person] = []
        self.parents: dict[int, tuple[Person, Person]] = {}  # by id(): unsaved, no key yet
        self.unions: list[Union] = []

    # Persons and the events of their lives.

    def person(self, gender: str, born: date, surname: tuple[str, str] | None = None) -> Person:
        rng = self.rng
        given = rng.choice(FIRST_NAMES[gender])
        if rng.random() < 0.35:
            given += " " + rng.choice([n for n in FIRST_NAMES[gender] if n != given])
        prefix, name = surname or rng.choice(SURNAMES)
        person = Person(
            bsn=next(self.bsns),
            given_names=given,
            surname_prefix=prefix,
            surname=name,
            birth_date=born,
            gender=gender,
        )
        roll = rng.random()
        if roll < 0.12:
            country, places, nationality = rng.choice(ABROAD)
            person.birth_country, person.nationality = country, nationality
            person.birth_place = rng.choice(places)
        elif roll < 0.55:
            person.birth_place = rng.choice(DUTCH_BIRTH_PLACES)
        self.persons.append(person)
        return person

    def adult(self, gender: str, youngest: int, oldest: int) -> Person:
        born = REFERENCE_DATE - timedelta(days=self.rng.randint(youngest * 365, oldest * 365))
        return self.person(gender, born)

    def child(self, mother: Person, father: Person, born: date) -> Person:
        child = self.person(self.rng.choice("MV"), born, (father.surname_prefix, father.surname))
        child.birth_place = codes.DEMO_MUNICIPALITY
        child.birth_country, child.nationality = codes.NETHERLANDS, codes.DUTCH
        self.parents[id(child)] = (mother, father)
        return child

    def children(self, mother: Person, father: Person, after: date, most: int) -> list[Person]:
        """Up to ``most`` children of a mother aged 21 to 42, born after ``after`` and at
        least eleven months apart."""
        day = max(after + timedelta(days=300), years_after(mother.birth_date, 21))
        day += timedelta(days=self.rng.randint(0, 3 * 365))
        last = min(REFERENCE_DATE - timedelta(days=30), years_after(mother.birth_date, 42))
        kids = []
        for _ in range(self.rng.randint(1, most)):
            if day > last:
                break
            kids.append(self.child(mother, father, day))
            day += timedelta(days=self.rng.randint(330, 5 * 365))
        return kids

    def unite(self, first: Person, second: Person, within: int = 14) -> Union:
        """A marriage (or, one in five, a registered partnership) entered when the younger
        partner was 21, or up to ``within`` years later."""
        younger = max(first.birth_date, second.birth_date)
        start = years_after(younger, 21) + timedelta(days=self.rng.randint(0, within * 365))
        start = min(start, REFERENCE_DATE - timedelta(days=400))
        kind = "P" if self.rng.random() < 0.2 else "H"
        union = Union(first, second, kind, start)
        self.unions.append(union)
        return union

    def move_in(self, persons: list[Person], since: date) -> None:
        address = self.addresses.pop()
        for person in persons:
            person.address_id = address
            person.address_since = max(since, person.birth_date)

    def moved_in_since(self, earliest: date) -> date:
        return earliest + timedelta(
            days=self.rng.randint(0, max(0, (REFERENCE_DATE - earliest).days))
        )

    def die(self, person: Person, after: date) -> None:
        person.death_date = after + timedelta(
            days=self.rng.randint(1, max(1, (REFERENCE_DATE - after).days - 1))
        )

    def leave(self, person: Person, unknown_where: bool) -> None:
        """Depart abroad after the 18th birthday: the address is no longer the person's."""
        person.address_id = person.address_since = None
        start = years_after(person.birth_date, 18)
        person.departure_date = start + timedelta(
            days=self.rng.randint(1, (REFERENCE_DATE - start).days)
        )
        person.departure_country = (
            codes.UNKNOWN_COUNTRY if unknown_where else self.rng.choice(EMIGRATION_COUNTRIES)
        )

    def email(self, person: Person) -> None:
        if self.rng.random() < 0.6:
            plain = unicodedata.normalize(
                "NFKD", f"{person.given_names.split()[0]}.{person.surname}"
            )
            local = "".join(c for c in plain.lower() if c.isascii() and (c.isalnum() or c == "."))
            person.email = f"{local}@example.com"

    # Households.

    def couple(self, oldest: int, first: Person | None = None) -> tuple[Person, Person, Union]:
        """Two adults; one in eight couples is of the same sex."""
        first = first or self.adult(self.rng.choice("MV"), 24, oldest)
        same_sex = self.rng.random() < 0.125
        gender = first.gender if same_sex else {"M": "V", "V": "M"}[first.gender]
        age = (REFERENCE_DATE - first.birth_date).days // 365 + self.rng.randint(-4, 4)
        second = self.adult(gender, max(22, age), max(22, age))
        for person in (first, second):
            self.email(person)
        return first, second, self.unite(first, second)

    def family(self, first: Person | None = None) -> None:
        """A couple with the children still at home; those over 23 live on their own."""
        first, second, union = self.couple(52, first or self.adult(self.rng.choice("MV"), 26, 52))
        kids = []
        if first.gender != second.gender:
            mother, father = (first, second) if first.gender == "V" else (second, first)
            kids = self.children(mother, father, union.start, 3)
        at_home = [kid for kid in kids if (REFERENCE_DATE - kid.birth_date).days < 24 * 365]
        self.move_in([first, second, *at_home], self.moved_in_since(union.start))
        for kid in kids:
            if kid not in at_home:
                self.email(kid)
                self.move_in([kid], self.moved_in_since(years_after(kid.birth_date, 18)))

    def childless_couple(self) -> None:
        first, second, union = self.couple(75)
        self.move_in([first, second], self.moved_in_since(union.start))

    def single_parent(self) -> None:
        """A parent with the children, divorced; the ex-partner lives elsewhere in town."""
        mother = self.adult("V", 28, 50)
        age = (REFERENCE_DATE - mother.birth_date).days // 365
        father = self.adult("M", age - 2, age + 4)
        for person in (mother, father):
            self.email(person)
        union = self.unite(mother, father, within=min(14, age - 26))
        kids = self.children(mother, father, union.start, 3)
        last = kids[-1].birth_date if kids else union.start
        union.end = last + timedelta(
            days=self.rng.randint(200, max(200, (REFERENCE_DATE - last).days))
        )
        union.end = min(union.end, REFERENCE_DATE - timedelta(days=10))
        parent, ex = (mother, father) if self.rng.random() < 0.8 else (father, mother)
        self.move_in([parent, *kids], self.moved_in_since(union.end))
        self.move_in([ex], self.moved_in_since(union.end))

    def single(self, youngest: int = 19, oldest: int = 88) -> Person:
        person = self.adult(self.rng.choice("MV"), youngest, oldest)
        self.email(person)
        self.move_in([person], self.moved_in_since(years_after(person.birth_date, 18)))
        return person

    def elderly_couple(self) -> None:
        wife = self.adult("V", 67, 90)
        age = (REFERENCE_DATE - wife.birth_date).days // 365
        husband = self.adult("M", age, age + 6)
        union = self.unite(wife, husband)
        for child in self.children(wife, husband, union.start, 3):
            self.grown_up(child)
        self.move_in([wife, husband], self.moved_in_since(union.start))

    def grown_up(self, child: Person) -> None:
        """A grown-up child of an elderly couple: a family, a single, or gone abroad."""
        roll = self.rng.random()
        if roll < 0.4 and (REFERENCE_DATE - child.birth_date).days > 26 * 365:
            self.family(child)
        elif roll < 0.85:
            self.email(child)
            self.move_in([child], self.moved_in_since(years_after(child.birth_date, 18)))
        else:
            self.leave(child, unknown_where=roll > 0.95)

    def widowed(self) -> None:
        survivor = self.adult(self.rng.choice("MV"), 70, 95)
        gender = {"M": "V", "V": "M"}[survivor.gender]
        age = (REFERENCE_DATE - survivor.birth_date).days // 365
        late = self.adult(gender, age, age + 4)
        union = self.unite(survivor, late)
        mother = survivor if survivor.gender == "V" else late
        father = late if mother is survivor else survivor
        for child in self.children(mother, father, union.start, 2):
            self.grown_up(child)
        self.die(late, years_after(union.start, 25))
        union.end = late.death_date
        self.move_in([survivor, late], self.moved_in_since(union.start))

    def emigrated(self) -> None:
        person = self.adult(self.rng.choice("MV"), 22, 60)
        self.leave(person, unknown_where=self.rng.random() < 0.4)

    def deceased_single(self) -> None:
        person = self.single(60, 95)
        self.die(person, years_after(person.birth_date, 60))

    def build(self, households: int = HOUSEHOLDS) -> "RegisterBuilder":
        kinds = list(KINDS)
        for _ in range(households):
            getattr(self, self.rng.choices(kinds, weights=KINDS.values())[0])()
        return self

    @transaction.atomic
    def write(self) -> None:
        """Save persons, then their parents (now that they have keys), then the unions."""
        Person.objects.bulk_create(self.persons, batch_size=500)
        children = [child for child in self.persons if id(child) in self.parents]
        for child in children:
            mother, father = self.parents[id(child)]
            child.parent1_id = mother.pk
            child.parent2_id = father.pk
        Person.objects.bulk_update(children, ["parent1", "parent2"], batch_size=500)
        Partnership.objects.bulk_create(
            Partnership(
                first=union.first,
                second=union.second,
                kind=union.kind,
                start_date=union.start,
                end_date=union.end,
            )
            for union in self.unions
        )


def load_demo_register() -> None:
    """Write Voorbeeld's addresses and the register's households; a second call adds nothing."""
    load_address_register()
    if not Person.objects.filter(bsn=next(register_bsns())).exists():
        RegisterBuilder().build().write()
