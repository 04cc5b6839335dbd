"""The demo's Stadhuis (weekdays 9:00-17:00, passport and identity card in 15 minutes at two
desks) on days in 2030, looked at from a fixed moment before them."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone, translation

from loket.appointments.demo import load_demo_appointments
from loket.appointments.models import LocationProduct
from loket.catalog.demo import load_demo_catalogue
from loket.catalog.models import Product

MONDAY = date(2030, 12, 2)
CHRISTMAS = date(2030, 12, 25)  # a Wednesday
NOW = datetime(2030, 11, 1, 10, 0, tzinfo=timezone.get_fixed_timezone(60))


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_current_timezone())


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def stadhuis(db):
    load_demo_catalogue()
    return load_demo_appointments()


@pytest.fixture
def passport(stadhuis):
    return Product.objects.get(slug="paspoort")


@pytest.fixture
def one_desk(stadhuis, passport):
    """The passport at a single desk."""
    LocationProduct.objects.filter(location=stadhuis, product=passport).update(capacity=1)
