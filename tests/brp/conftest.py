import pytest
from django.db.models import Q

from loket.brp.builtin import BuiltInRegister
from loket.brp.haalcentraal import HaalCentraalClient
from loket.brp.models import Partnership, Person
from loket.brp.register import load_demo_register

API_KEY = "test-brp-key"
HEADERS = {"X-API-KEY": API_KEY}
PERSONEN = "/haalcentraal/api/brp/personen"


@pytest.fixture
def register(db, settings):
    """The built-in register, loaded; Loket's own BRP endpoint takes ``API_KEY``."""
    settings.LOKET_BRP_SERVER_API_KEY = API_KEY
    load_demo_register()


@pytest.fixture(
    params=[
        pytest.param("builtin", marks=pytest.mark.django_db),
        # The server thread has its own connection: the register must be committed.
        pytest.param("haalcentraal", marks=pytest.mark.django_db(transaction=True)),
    ]
)
def source(request, settings):
    """Each BRP source in turn: the database, and the Haal Centraal client talking over real
    HTTP to the same register, served by Loket's own endpoint in a live server."""
    settings.LOKET_BRP_SERVER_API_KEY = API_KEY
    load_demo_register()
    if request.param == "builtin":
        return BuiltInRegister()
    live_server = request.getfixturevalue("live_server")
    return HaalCentraalClient(f"{live_server.url}/haalcentraal/api/brp", API_KEY)


def living(**lookups) -> Q:
    return Q(death_date__isnull=True, departure_date__isnull=True, **lookups)


def parent_with_partner_and_children() -> Person:
    """A living person with a current partner and children of them both."""
    current = Partnership.objects.filter(end_date__isnull=True).values_list("first", flat=True)
    return (
        Person.objects.filter(living(pk__in=current, gender="V"))
        .filter(Q(pk__in=Person.objects.values("parent1")))
        .order_by("bsn")
        .first()
    )
