"""Marriage and partnership ceremonies: a ceremony room and a free officiant (BABS) at the
same time, neither ever booked twice, also not under parallel attempts on PostgreSQL."""

from datetime import time
from functools import partial

import pytest

from loket.appointments import services
from loket.appointments.models import (
    Appointment,
    Location,
    LocationProduct,
    Officiant,
    OfficiantAbsence,
    OfficiantHours,
    OpeningHours,
)
from loket.catalog.models import Product
from tests.appointments.conftest import MONDAY, NOW, at
from tests.concurrency import at_once, needs_postgres

WEDNESDAY = MONDAY.replace(day=4)


@pytest.fixture
def marriage(stadhuis):
    return Product.objects.get(slug="trouwen-partnerschap")


@pytest.fixture
def trouwzaal(stadhuis):
    return Location.objects.get(name="Trouwzaal Stadhuis")


@pytest.fixture
def raadzaal(trouwzaal, marriage):
    """A second ceremony room, open when the Trouwzaal is."""
    room = Location.objects.create(
        name="Raadzaal", address="Markt 1", kind=Location.Kind.CEREMONY_ROOM
    )
    for weekday in range(6):
        OpeningHours.objects.create(location=room, weekday=weekday, opens=time(10), closes=time(17))
    LocationProduct.objects.create(
        location=room, product=marriage, duration_minutes=60, capacity=1, needs_officiant=True
    )
    return room


@pytest.fixture
def joke(stadhuis):
    return Officiant.objects.get(name__contains="Joke")


@pytest.fixture
def henk(stadhuis):
    return Officiant.objects.get(name__contains="Henk")


def marry(room, marriage, start, name="Anna", **kwargs):
    return services.book(room, marriage, start, name=name, email="a@example.nl", **kwargs)


def starts(room, marriage, day):
    return [slot.start for slot in services.free_slots(room, marriage, day, now=NOW)]


def test_a_ceremony_is_offered_only_when_an_officiant_is_available(trouwzaal, marriage):
    # Monday: Joke 10-16, so the last ceremony of the room's hours (16-17) has no officiant.
    assert starts(trouwzaal, marriage, MONDAY) == [at(MONDAY, h) for h in range(10, 16)]
    # Tuesday: nobody.
    assert starts(trouwzaal, marriage, MONDAY.replace(day=3)) == []
    # Wednesday: Joke 10-16 and Henk 13-17.
    assert starts(trouwzaal, marriage, WEDNESDAY) == [at(WEDNESDAY, h) for h in range(10, 17)]


def test_booking_takes_the_room_and_a_free_officiant(trouwzaal, marriage, joke):
    ceremony = marry(trouwzaal, marriage, at(MONDAY, 11), now=NOW)

    assert ceremony.officiant == joke
    assert at(MONDAY, 11) not in starts(trouwzaal, marriage, MONDAY)
    with pytest.raises(services.SlotUnavailable, match="just taken"):
        marry(trouwzaal, marriage, at(MONDAY, 11), name="Bert", now=NOW)


def test_an_officiant_is_not_booked_in_two_rooms_at_once(trouwzaal, raadzaal, marriage, henk):
    marry(trouwzaal, marriage, at(MONDAY, 11), now=NOW)  # Joke, the only one on Monday

    assert at(MONDAY, 11) not in starts(raadzaal, marriage, MONDAY)
    with pytest.raises(services.SlotUnavailable, match="No officiant"):
        marry(raadzaal, marriage, at(MONDAY, 11), name="Bert", now=NOW)
    # Wednesday at 14 both are there: two rooms, two officiants.
    first = marry(trouwzaal, marriage, at(WEDNESDAY, 14), now=NOW)
    second = marry(raadzaal, marriage, at(WEDNESDAY, 14), name="Bert", now=NOW)
    assert {first.officiant, second.officiant} == set(Officiant.objects.all())


def test_an_officiant_away_or_inactive_is_not_offered(trouwzaal, marriage, joke, henk):
    OfficiantAbsence.objects.create(officiant=joke, day=WEDNESDAY)

    assert starts(trouwzaal, marriage, WEDNESDAY) == [at(WEDNESDAY, h) for h in range(13, 17)]
    Officiant.objects.filter(pk=henk.pk).update(active=False)
    assert starts(trouwzaal, marriage, WEDNESDAY) == []


def test_moving_a_ceremony_keeps_or_changes_the_officiant(trouwzaal, marriage, joke, henk):
    ceremony = marry(trouwzaal, marriage, at(WEDNESDAY, 10), now=NOW)
    assert ceremony.officiant == joke

    moved = services.reschedule(ceremony, at(WEDNESDAY, 14), now=NOW)
    assert moved.officiant == joke, "still free then: the couple keeps their officiant"
    moved = services.reschedule(moved, at(WEDNESDAY, 16), now=NOW)
    assert moved.officiant == henk, "Joke has gone home by then"
    # Joke is free again at 14 for someone else.
    assert marry(trouwzaal, marriage, at(WEDNESDAY, 14), name="Bert", now=NOW).officiant == joke


def test_a_hold_keeps_the_officiant_too(trouwzaal, raadzaal, marriage):
    services.hold_slot(trouwzaal, marriage, at(MONDAY, 11), now=NOW)

    with pytest.raises(services.SlotUnavailable, match="No officiant"):
        marry(raadzaal, marriage, at(MONDAY, 11), now=NOW)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("officiants", [1, 2])
def test_parallel_ceremonies_in_two_rooms_never_share_an_officiant(
    trouwzaal, raadzaal, marriage, joke, henk, officiants
):
    needs_postgres()
    if officiants == 2:  # Henk works Mondays too
        OfficiantHours.objects.create(officiant=henk, weekday=0, starts=time(10), ends=time(16))
    outcomes = at_once(
        [
            partial(
                marry,
                trouwzaal if number % 2 else raadzaal,
                marriage,
                at(MONDAY, 11),
                name=f"Couple {number}",
                now=NOW,
            )
            for number in range(8)
        ]
    )
    assert sum("result" in outcome for outcome in outcomes) == officiants
    assert all(
        isinstance(outcome["error"], services.SlotUnavailable)
        for outcome in outcomes
        if "error" in outcome
    )
    booked = Appointment.objects.filter(start=at(MONDAY, 11), status="booked")
    assert booked.count() == officiants
    assert booked.values("officiant").distinct().count() == officiants
    assert booked.values("location").distinct().count() == officiants
