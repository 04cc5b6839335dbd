"""The demo's appointments: the Stadhuis of Gemeente Voorbeeld for passports and identity
cards, and its Trouwzaal for marriages and partnerships with two officiants (BABS).

Needs the demo catalogue; ``loket.demo`` should call ``load_demo_appointments`` after it.
"""

from datetime import time

from django.db import transaction

from loket.appointments.models import (
    Location,
    LocationProduct,
    Officiant,
    OfficiantHours,
    OpeningHours,
)
from loket.catalog.models import Product

PRODUCTS = {"paspoort": (15, 2), "identiteitskaart": (15, 2)}  # slug: (minutes, desks)
CEREMONY = "trouwen-partnerschap"
# name: [(weekday, from, until), ...]
OFFICIANTS = {
    "Mr. J. (Joke) de Wit": [(0, time(10), time(16)), (2, time(10), time(16))],
    "H. (Henk) Smit": [(2, time(13), time(17)), (4, time(10), time(17)), (5, time(10), time(14))],
}


def load_demo_appointments() -> Location:
    """Idempotent: running it again changes nothing. Returns the Stadhuis."""
    with transaction.atomic():
        location, _ = Location.objects.get_or_create(
            name="Stadhuis", defaults={"address": "Markt 1, 3511 AA Voorbeeld"}
        )
        for weekday in range(5):
            OpeningHours.objects.get_or_create(
                location=location, weekday=weekday, opens=time(9), closes=time(17)
            )
        for slug, (minutes, capacity) in PRODUCTS.items():
            LocationProduct.objects.get_or_create(
                location=location,
                product=Product.objects.get(slug=slug),
                defaults={"duration_minutes": minutes, "capacity": capacity},
            )
        load_demo_ceremonies()
    return location


def load_demo_ceremonies() -> Location:
    """The Trouwzaal (weekdays 10:00-17:00, Saturday 10:00-14:00), ceremonies of an hour, one
    at a time, each with a free officiant."""
    room, _ = Location.objects.get_or_create(
        name="Trouwzaal Stadhuis",
        defaults={"address": "Markt 1, 3511 AA Voorbeeld", "kind": Location.Kind.CEREMONY_ROOM},
    )
    for weekday in range(6):
        OpeningHours.objects.get_or_create(
            location=room, weekday=weekday, opens=time(10), closes=time(17 if weekday < 5 else 14)
        )
    LocationProduct.objects.get_or_create(
        location=room,
        product=Product.objects.get(slug=CEREMONY),
        defaults={"duration_minutes": 60, "capacity": 1, "needs_officiant": True},
    )
    for name, periods in OFFICIANTS.items():
        officiant, _ = Officiant.objects.get_or_create(name=name)
        for weekday, starts, ends in periods:
            OfficiantHours.objects.get_or_create(
                officiant=officiant, weekday=weekday, starts=starts, ends=ends
            )
    return room
