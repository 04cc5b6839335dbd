"""Free slots follow opening hours, closing days, duration, capacity and what is taken."""

from datetime import time, timedelta

from loket.appointments import services
from loket.appointments.models import ClosingDay, LocationProduct, OpeningHours
from tests.appointments.conftest import CHRISTMAS, MONDAY, NOW, at


def starts(slots):
    return [slot.start for slot in slots]


def test_slots_fill_the_opening_hours_with_whole_visits(stadhuis, passport):
    slots = services.free_slots(stadhuis, passport, MONDAY, now=NOW)

    assert len(slots) == 32  # 9:00 to 17:00 in quarters
    assert slots[0].start == at(MONDAY, 9)
    assert slots[-1].start == at(MONDAY, 16, 45)
    assert slots[-1].end == at(MONDAY, 17)
    assert {slot.free for slot in slots} == {2}


def test_a_visit_that_would_run_past_closing_is_not_offered(stadhuis, passport):
    LocationProduct.objects.filter(product=passport).update(duration_minutes=40)

    slots = services.free_slots(stadhuis, passport, MONDAY, now=NOW)

    assert slots[-1].start == at(MONDAY, 16, 20)
    assert slots[-1].end == at(MONDAY, 17)


def test_a_break_in_the_opening_hours_has_no_slots(stadhuis, passport):
    OpeningHours.objects.filter(location=stadhuis, weekday=0).update(closes=time(12))
    OpeningHours.objects.create(location=stadhuis, weekday=0, opens=time(13), closes=time(14))

    found = starts(services.free_slots(stadhuis, passport, MONDAY, now=NOW))

    assert at(MONDAY, 11, 45) in found
    assert at(MONDAY, 12) not in found and at(MONDAY, 12, 45) not in found
    assert found[-4:] == [at(MONDAY, 13, m) for m in (0, 15, 30, 45)]


def test_no_slots_on_a_day_without_opening_hours(stadhuis, passport):
    saturday = MONDAY - timedelta(days=2)
    assert services.free_slots(stadhuis, passport, saturday, now=NOW) == []


def test_closed_on_a_dutch_public_holiday(stadhuis, passport):
    assert services.free_slots(stadhuis, passport, CHRISTMAS, now=NOW) == []
    assert services.free_slots(stadhuis, passport, CHRISTMAS - timedelta(days=1), now=NOW)


def test_closed_on_an_extra_closing_day(stadhuis, passport):
    ClosingDay.objects.create(location=stadhuis, day=MONDAY, reason="Verkiezingen")

    assert services.free_slots(stadhuis, passport, MONDAY, now=NOW) == []


def test_slots_that_have_begun_are_not_offered(stadhuis, passport):
    slots = services.free_slots(stadhuis, passport, MONDAY, now=at(MONDAY, 12, 5))

    assert slots[0].start == at(MONDAY, 12, 15)


def test_a_slot_is_offered_until_every_desk_is_taken(stadhuis, passport):
    start = at(MONDAY, 10)
    services.book(stadhuis, passport, start, name="A", email="a@example.nl", now=NOW)
    slot = next(
        s for s in services.free_slots(stadhuis, passport, MONDAY, now=NOW) if s.start == start
    )
    assert slot.free == 1

    services.book(stadhuis, passport, start, name="B", email="b@example.nl", now=NOW)

    assert start not in starts(services.free_slots(stadhuis, passport, MONDAY, now=NOW))


def test_capacity_is_per_product(stadhuis, passport, one_desk):
    from loket.catalog.models import Product

    id_card = Product.objects.get(slug="identiteitskaart")
    start = at(MONDAY, 10)
    services.book(stadhuis, passport, start, name="A", email="a@example.nl", now=NOW)

    assert start not in starts(services.free_slots(stadhuis, passport, MONDAY, now=NOW))
    assert start in starts(services.free_slots(stadhuis, id_card, MONDAY, now=NOW))
