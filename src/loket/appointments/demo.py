"""The demo's counter: the Stadhuis of Gemeente Voorbeeld, for passports and identity cards.

Needs the demo catalogue; ``loket.demo`` should call ``load_demo_appointments`` after it.
"""

from datetime import time

from django.db import transaction

from loket.appointments.models import Location, LocationProduct, OpeningHours
from loket.catalog.models import Product

PRODUCTS = {"paspoort": (15, 2), "identiteitskaart": (15, 2)}  # slug: (minutes, desks)


def load_demo_appointments() -> Location:
    """Idempotent: running it again changes nothing."""
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
    return location
