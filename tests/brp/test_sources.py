"""The questions Loket asks the BRP, asked of every source with the same tests.

``source`` is the built-in register, and the Haal Centraal client over real HTTP to Loket's
own BRP endpoint serving that register: whatever holds for one must hold for the other.
"""

from itertools import islice

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Q

from loket.brp.addresses import address_record
from loket.brp.bsn import LAST, fictional_bsns
from loket.brp.builtin import BuiltInRegister
from loket.brp.models import Address, Partnership, Person
from loket.brp.records import MARRIAGE, REGISTERED_PARTNERSHIP
from tests.brp.conftest import living, parent_with_partner_and_children


def bsns(records) -> set[str]:
    return {record.bsn for record in records}


def test_a_person_by_bsn_with_partner_children_parents_and_address(source):
    mother = parent_with_partner_and_children()
    union = Partnership.objects.get(first=mother, end_date__isnull=True)

    record = source.person(mother.bsn)

    assert (record.bsn, record.surname, record.birth_date) == (
        mother.bsn,
        mother.surname,
        mother.birth_date,
    )
    assert record.full_name == mother.full_name
    assert record.address == address_record(mother.address)
    assert record.address.postcode == mother.postcode and record.address.town == "Voorbeeld"
    assert record.address.municipality_code == "9999"
    assert record.partner.bsn == union.second.bsn
    assert record.partner.full_name == union.second.full_name
    assert record.partner.kind in (MARRIAGE, REGISTERED_PARTNERSHIP)
    assert (record.partner.start_date, record.partner.end_date) == (union.start_date, None)
    children = Person.objects.filter(Q(parent1=mother) | Q(parent2=mother))
    assert [child.bsn for child in record.children] == [
        child.bsn for child in children.order_by("birth_date", "bsn")
    ]
    assert all(child.birth_date for child in record.children)
    assert record.nationalities and record.birth_country
    assert not record.is_deceased and not record.has_left

    partner = source.person(record.partner.bsn)
    assert partner.partner.bsn == mother.bsn, "partners point at each other"
    child = source.person(record.children[0].bsn)
    assert mother.bsn in bsns(child.parents)


def test_every_person_reads_the_same_through_every_source(source):
    numbers = list(Person.objects.order_by("bsn").values_list("bsn", flat=True))

    assert source.persons(numbers) == BuiltInRegister().persons(numbers)


def test_search_by_surname_and_birth_date(source):
    person = Person.objects.filter(living(surname_prefix="de")).order_by("bsn").first()

    found = source.find_by_name_and_birth_date(person.surname.lower(), person.birth_date)

    assert person.bsn in bsns(found)
    assert all(
        (r.surname.lower(), r.birth_date) == (person.surname.lower(), person.birth_date)
        for r in found
    )
    assert found[0].address, "a search answers with whole persons"
    assert person.bsn in bsns(
        source.find_by_name_and_birth_date(f"{person.surname[:3]}*", person.birth_date)
    )
    assert bsns(
        source.find_by_name_and_birth_date(
            person.surname, person.birth_date, given_names=person.given_names
        )
    ) == {person.bsn}
    assert not source.find_by_name_and_birth_date(f"{person.surname}x", person.birth_date)


def test_search_by_postcode_and_house_number(source):
    address = (
        Address.objects.filter(house_letter="", house_number_addition="")
        .filter(residents__in=Person.objects.filter(living()))
        .order_by("identification")
        .first()
    )
    living_there = set(
        address.residents.filter(death_date__isnull=True).values_list("bsn", flat=True)
    )
    typed = f"{address.postcode[:4]} {address.postcode[4:].lower()}"

    assert bsns(source.find_by_postcode_and_number(typed, address.house_number)) == living_there


def test_a_house_letter_narrows_the_search_and_its_absence_widens_it(source):
    flat = (
        Address.objects.exclude(house_letter="")
        .filter(residents__in=Person.objects.filter(living()))
        .order_by("identification")
        .first()
    )
    upstairs = set(flat.residents.filter(death_date__isnull=True).values_list("bsn", flat=True))

    narrowed = source.find_by_postcode_and_number(
        flat.postcode, flat.house_number, house_letter=flat.house_letter.lower()
    )
    widened = source.find_by_postcode_and_number(flat.postcode, flat.house_number)

    assert bsns(narrowed) == upstairs
    assert upstairs <= bsns(widened)


def test_residents_of_an_address_are_the_living_ones(source):
    widow = Person.objects.filter(
        living(pk__in=Partnership.objects.filter(second__death_date__isnull=False).values("first"))
    ).first()
    late = Partnership.objects.get(first=widow).second
    assert late.address == widow.address, "the deceased keeps the last address"

    residents = source.residents_of(address_record(widow.address))

    assert widow.bsn in bsns(residents)
    assert late.bsn not in bsns(residents)


def test_a_deceased_person_is_reported_and_left_out_of_searches(source):
    late = Person.objects.filter(death_date__isnull=False).order_by("bsn").first()

    record = source.person(late.bsn)

    assert record.is_deceased and record.death_date == late.death_date
    assert record.address == address_record(late.address)
    found = source.find_by_name_and_birth_date(late.surname, late.birth_date)
    assert late.bsn not in bsns(found)
    with_deceased = source.find_by_name_and_birth_date(
        late.surname, late.birth_date, include_deceased=True
    )
    assert late.bsn in bsns(with_deceased)
    assert late.bsn in bsns(
        source.find_by_postcode_and_number(late.postcode, late.house_number, include_deceased=True)
    )


def test_the_widowed_partner_shows_the_union_ended_at_the_death(source):
    union = Partnership.objects.filter(second__death_date__isnull=False).first()

    record = source.person(union.first.bsn)

    assert record.partner.bsn == union.second.bsn
    assert record.partner.end_date == union.second.death_date


def test_an_emigrated_person_has_no_address_here_but_a_country(source):
    emigrant = Person.objects.exclude(departure_country__in=["", "0000"]).first()

    record = source.person(emigrant.bsn)

    assert record.address is None
    assert record.has_left and not record.whereabouts_unknown
    assert record.departure_date == emigrant.departure_date
    assert record.departure_country == emigrant.get_departure_country_display()
    assert emigrant.bsn in bsns(
        source.find_by_name_and_birth_date(emigrant.surname, emigrant.birth_date)
    )


def test_a_person_departed_to_an_unknown_place(source):
    gone = Person.objects.filter(departure_country="0000").first()

    record = source.person(gone.bsn)

    assert record.whereabouts_unknown and record.departure_country == ""
    assert record.departure_date == gone.departure_date and record.address is None


def test_an_unknown_bsn_is_nobody(source):
    unused = next(islice(fictional_bsns(first=LAST - 1000, last=LAST), 1, None))

    assert source.person(unused) is None


@pytest.mark.parametrize("bad", ["123456789", "12345", "99990001x", ""])
def test_a_bsn_failing_the_elfproef_is_refused(source, bad):
    with pytest.raises(ValidationError, match=r"is geen geldig burgerservicenummer \(BSN\)"):
        source.person(bad)


@pytest.mark.parametrize(("postcode", "number"), [("1234 A", 1), ("1234AB", 0), ("1234AB", "x")])
def test_a_bad_postcode_or_house_number_is_refused(source, postcode, number):
    with pytest.raises(ValidationError):
        source.find_by_postcode_and_number(postcode, number)
