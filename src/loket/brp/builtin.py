"""The built-in register as a BRP source: the same questions, answered from the database.

Whatever the number of persons asked for, building their records costs three queries: the
persons with their address and parents, their partnerships, their children.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from loket.brp import codes
from loket.brp.addresses import address_record, check_house_number, normalise_postcode
from loket.brp.bsn import require_valid_bsn
from loket.brp.models import Partnership, Person
from loket.brp.records import (
    UNION_KINDS,
    AddressRecord,
    PartnerRecord,
    PersonRecord,
    RelativeRecord,
)


@dataclass(frozen=True)
class PersonSearch:
    """Search criteria, each optional; texts match without regard to case, and a ``*`` at
    the end (or, for a street, at the start) matches any ending (or beginning)."""

    surname: str = ""
    surname_prefix: str = ""
    given_names: str = ""
    gender: str = ""
    birth_date: date | None = None
    postcode: str = ""
    house_number: int | None = None
    house_letter: str = ""
    house_number_addition: str = ""
    street: str = ""
    address_identification: str = ""
    addressable_object: str = ""
    include_deceased: bool = False


def text_filter(field: str, value: str) -> Q:
    if value.endswith("*"):
        return Q(**{f"{field}__istartswith": value.rstrip("*")})
    if value.startswith("*"):
        return Q(**{f"{field}__iendswith": value.lstrip("*")})
    return Q(**{f"{field}__iexact": value})


class BuiltInRegister:
    """Loket's fictional register (``models.Person``), the default ``BrpSource``."""

    def person(self, bsn: str) -> PersonRecord | None:
        require_valid_bsn(bsn)
        records = self.persons([bsn])
        return records[0] if records else None

    def persons(self, bsns: Iterable[str]) -> list[PersonRecord]:
        """The persons with these BSNs that exist, in the order asked."""
        order = {bsn: index for index, bsn in enumerate(bsns)}
        records = records_of(Person.objects.filter(bsn__in=order))
        return sorted(records, key=lambda record: order[record.bsn])

    def find_by_name_and_birth_date(
        self,
        surname: str,
        birth_date: date,
        given_names: str | None = None,
        include_deceased: bool = False,
    ) -> list[PersonRecord]:
        return self.search(
            PersonSearch(
                surname=surname,
                birth_date=birth_date,
                given_names=given_names or "",
                include_deceased=include_deceased,
            )
        )

    def find_by_postcode_and_number(
        self,
        postcode: str,
        house_number: int,
        house_letter: str = "",
        house_number_addition: str = "",
        include_deceased: bool = False,
    ) -> list[PersonRecord]:
        return self.search(
            PersonSearch(
                postcode=normalise_postcode(postcode),
                house_number=check_house_number(house_number),
                house_letter=house_letter,
                house_number_addition=house_number_addition,
                include_deceased=include_deceased,
            )
        )

    def residents_of(self, address: AddressRecord) -> list[PersonRecord]:
        if address.identification:
            return self.search(PersonSearch(address_identification=address.identification))
        return self.find_by_postcode_and_number(
            address.postcode,
            address.house_number,
            address.house_letter,
            address.house_number_addition,
        )

    def search(self, criteria: PersonSearch) -> list[PersonRecord]:
        return records_of(Person.objects.filter(search_filter(criteria)))


def search_filter(criteria: PersonSearch) -> Q:
    condition = Q()
    texts = {
        "surname": criteria.surname,
        "surname_prefix": criteria.surname_prefix,
        "given_names": criteria.given_names,
        "gender": criteria.gender,
        "address__postcode": criteria.postcode.replace(" ", ""),
        "address__house_letter": criteria.house_letter,
        "address__house_number_addition": criteria.house_number_addition,
        "address__street": criteria.street,
    }
    for field, value in texts.items():
        if value:
            condition &= text_filter(field, value)
    exact = {
        "birth_date": criteria.birth_date,
        "address__house_number": criteria.house_number,
        "address_id": criteria.address_identification,
        "address__addressable_object": criteria.addressable_object,
    }
    condition &= Q(**{field: value for field, value in exact.items() if value})
    if not criteria.include_deceased:
        condition &= Q(death_date__isnull=True)
    return condition


def records_of(persons: QuerySet[Person]) -> list[PersonRecord]:
    persons = list(persons.select_related("address", "parent1", "parent2"))
    ids = [person.pk for person in persons]
    partnerships = defaultdict(list)
    for union in (
        Partnership.objects.filter(Q(first_id__in=ids) | Q(second_id__in=ids))
        .select_related("first", "second")
        .order_by("start_date", "pk")
    ):
        partnerships[union.first_id].append((union, union.second))
        partnerships[union.second_id].append((union, union.first))
    children = defaultdict(list)
    for child in Person.objects.filter(Q(parent1_id__in=ids) | Q(parent2_id__in=ids)).order_by(
        "birth_date", "bsn"
    ):
        for parent_id in {child.parent1_id, child.parent2_id} - {None}:
            children[parent_id].append(child)
    return [
        person_record(person, partnerships[person.pk], children[person.pk]) for person in persons
    ]


def person_record(person: Person, partnerships: list, children: list[Person]) -> PersonRecord:
    return PersonRecord(
        bsn=person.bsn,
        given_names=person.given_names,
        surname_prefix=person.surname_prefix,
        surname=person.surname,
        birth_date=person.birth_date,
        gender=person.gender,
        birth_place=person.birth_place,
        birth_country=person.get_birth_country_display(),
        nationalities=(person.get_nationality_display(),),
        address=address_record(person.address) if person.address else None,
        address_since=person.address_since if person.address else None,
        partner=partner_record(partnerships),
        children=tuple(relative_record(child, gender=False) for child in children),
        parents=tuple(
            relative_record(parent) for parent in (person.parent1, person.parent2) if parent
        ),
        death_date=person.death_date,
        departure_date=person.departure_date,
        departure_country=(
            person.get_departure_country_display()
            if person.departure_country != codes.UNKNOWN_COUNTRY
            else ""
        ),
    )


def relative_record(person: Person, gender: bool = True) -> RelativeRecord:
    return RelativeRecord(
        bsn=person.bsn,
        given_names=person.given_names,
        surname_prefix=person.surname_prefix,
        surname=person.surname,
        birth_date=person.birth_date,
        gender=person.gender if gender else "",
    )


def partner_record(partnerships: list[tuple[Partnership, Person]]) -> PartnerRecord | None:
    """The current partner or, without one, the one whose union ended last."""
    if not partnerships:
        return None
    union, partner = max(
        partnerships, key=lambda pair: (pair[0].end_date is None, pair[0].end_date or date.min)
    )
    return PartnerRecord(
        **vars(relative_record(partner)),
        kind=UNION_KINDS[union.kind],
        start_date=union.start_date,
        start_place=union.start_place,
        end_date=union.end_date,
    )
