"""The built-in register: enough fictional persons, in households that hang together."""

from collections import Counter
from datetime import timedelta

import pytest
from django.db.models import F

from loket.brp.bsn import REGISTER_FIRST, is_valid_bsn
from loket.brp.builtin import records_of
from loket.brp.fictional import demo_addresses
from loket.brp.models import Address, Partnership, Person
from loket.brp.register import REFERENCE_DATE, RegisterBuilder, load_demo_register

pytestmark = pytest.mark.django_db


def years(days: timedelta) -> float:
    return days.days / 365.25


def test_the_register_holds_over_500_persons_with_valid_unique_test_bsns(register):
    numbers = list(Person.objects.values_list("bsn", flat=True))

    assert len(numbers) >= 500
    assert len(set(numbers)) == len(numbers)
    assert all(is_valid_bsn(n) and int(n[:8]) >= REGISTER_FIRST for n in numbers)


def test_every_household_kind_is_there(register):
    living = Person.objects.filter(death_date__isnull=True, departure_date__isnull=True)
    households = Counter(living.exclude(address=None).values_list("address", flat=True))
    children = Person.objects.exclude(parent1=None)

    assert Counter(households.values()).keys() >= {1, 2, 3, 4}, "singles, couples, families"
    assert Partnership.objects.filter(end_date=None).count() >= 50
    divorced = Partnership.objects.filter(end_date__isnull=False, second__death_date=None)
    assert divorced.count() >= 5, "single parents with an ex-partner elsewhere"
    assert Partnership.objects.filter(kind="P").exists(), "registered partnerships"
    assert living.filter(birth_date__lte=REFERENCE_DATE - timedelta(days=75 * 365)).count() >= 30
    assert living.filter(birth_date__gte=REFERENCE_DATE - timedelta(days=12 * 365)).count() >= 50
    assert Person.objects.filter(death_date__isnull=False).count() >= 10
    assert Person.objects.filter(departure_country="0000").exists(), "whereabouts unknown"
    assert Person.objects.exclude(departure_country__in=["", "0000"]).exists(), "emigrated"
    assert children.filter(address=F("parent1__address")).count() >= 50, "children at home"
    assert children.exclude(address=F("parent1__address")).count() >= 20, "grown up, moved out"
    assert Person.objects.exclude(birth_country="6030").exists(), "born abroad"
    assert Person.objects.exclude(nationality="0001").exists(), "other nationalities"


def test_partners_point_at_each_other(register):
    unions = Partnership.objects.select_related("first", "second")
    records = {record.bsn: record for record in records_of(Person.objects.all())}

    for union in unions.filter(end_date=None):
        first, second = records[union.first.bsn], records[union.second.bsn]
        assert first.partner.bsn == second.bsn and second.partner.bsn == first.bsn
        assert first.address == second.address, "partners live together"
    for union in unions:
        assert union.start_date >= max(union.first.birth_date, union.second.birth_date) + (
            timedelta(days=18 * 365)
        )
        assert union.end_date is None or union.start_date < union.end_date <= REFERENCE_DATE


def test_children_have_parents_in_the_register_old_enough_to_be_theirs(register):
    for child in Person.objects.exclude(parent1=None).select_related("parent1", "parent2"):
        assert 21 <= years(child.birth_date - child.parent1.birth_date) <= 43
        if child.parent2:
            assert 18 <= years(child.birth_date - child.parent2.birth_date) <= 60
        assert child.parent1.gender == "V", "ouder 1 is the mother"
        assert child.parent2 is None or child.parent2.gender == "M"


def test_ages_and_dates_are_plausible(register):
    for person in Person.objects.all():
        end = person.death_date or REFERENCE_DATE
        assert 0 <= years(end - person.birth_date) <= 101
        assert person.birth_date < REFERENCE_DATE
        if person.address_since:
            assert person.birth_date <= person.address_since <= REFERENCE_DATE
        if person.departure_date:
            assert years(person.departure_date - person.birth_date) >= 18
            assert person.address is None and person.death_date is None
        if person.death_date:
            assert person.address is not None, "the deceased keep their last address"


def test_deceased_partners_end_their_unions_on_the_day_of_death(register):
    for union in Partnership.objects.filter(second__death_date__isnull=False):
        assert union.end_date == union.second.death_date


def test_every_address_is_in_the_address_register(register):
    register_ids = {address.identification for address in demo_addresses()}

    assert set(Address.objects.values_list("identification", flat=True)) == register_ids
    used = set(Person.objects.exclude(address=None).values_list("address", flat=True))
    assert used <= register_ids
    assert Address.objects.filter(municipality_code="9999", town="Voorbeeld").count() == len(
        register_ids
    )


def test_loading_twice_adds_nothing(register):
    persons, unions = Person.objects.count(), Partnership.objects.count()

    load_demo_register()

    assert (Person.objects.count(), Partnership.objects.count()) == (persons, unions)


def test_the_register_is_the_same_on_every_install():
    def drawn():
        builder = RegisterBuilder().build()
        return [
            (p.bsn, p.full_name, p.birth_date, p.address_id, p.death_date, p.departure_date)
            for p in builder.persons
        ]

    assert drawn() == drawn()


def test_reading_many_persons_costs_three_queries(register, django_assert_num_queries):
    with django_assert_num_queries(3):
        records = records_of(Person.objects.all())

    assert len(records) == Person.objects.count()
