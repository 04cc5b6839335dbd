"""Staff of the contact centre and of a department, and a person of the built-in register."""

import pytest

from loket.brp.models import Person
from loket.brp.register import load_demo_register
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from tests.workqueue.helpers import PASSWORD, case_worker, department


@pytest.fixture
def burgerzaken(db):
    return department("burgerzaken", "Burgerzaken")


@pytest.fixture
def karin(db):
    """A KCC employee."""
    return create_staff_account(
        username="karin", password=PASSWORD, role=Role.KCC, full_name="Karin Klant"
    )


@pytest.fixture
def bram(burgerzaken):
    """A case worker of Burgerzaken."""
    return case_worker("bram", burgerzaken)


@pytest.fixture
def outsider(db):
    """A case worker of another department."""
    return case_worker("olga", department("vergunningen", "Vergunningen"))


@pytest.fixture
def person(db) -> Person:
    """A living person with an address in the built-in register."""
    load_demo_register()
    return (
        Person.objects.filter(
            death_date__isnull=True, departure_date__isnull=True, address__isnull=False
        )
        .select_related("address")
        .order_by("bsn")
        .first()
    )
