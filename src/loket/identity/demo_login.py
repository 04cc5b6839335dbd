"""What the demo identity provider offers: fictional persons and businesses to log in as.

Persons come from the built-in BRP register (``loket.brp``), read only; businesses are a
fixed list. The pages that use them (``views.py``) exist only when ``LOKET_DEMO_LOGIN`` is on,
which production mode refuses.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from loket.brp import codes
from loket.brp.models import Person

# What a real broker would say of a DigiD login with SMS or the app.
DEMO_ASSURANCE = "substantieel"
PERSONS_SHOWN = 25


@dataclass(frozen=True)
class DemoBusiness:
    kvk: str
    name: str


# Fictional, like the rest of Voorbeeld. KvK numbers have no checksum (python-stdnum has no
# module for them), so these are 8 digits in the 9999 range the demo uses elsewhere.
DEMO_BUSINESSES = [
    DemoBusiness("99990011", "Ziekenhuis Voorbeeld"),
    DemoBusiness("99990028", "Uitvaartzorg De Linde"),
    DemoBusiness("99990035", "Bakkerij Van der Meer"),
    DemoBusiness("99990042", "Bouwbedrijf Havenkade B.V."),
    DemoBusiness("99990059", "Stichting Buurthuis De Markt"),
]


def demo_business(kvk: str) -> DemoBusiness | None:
    return next((business for business in DEMO_BUSINESSES if business.kvk == kvk), None)


def demo_persons(query: str = "") -> QuerySet[Person]:
    """Living persons who live in the municipality, matching a name or the start of a BSN."""
    persons = Person.objects.filter(
        death_date__isnull=True,
        departure_date__isnull=True,
        address__municipality_code=codes.DEMO_MUNICIPALITY_CODE,
    ).select_related("address")
    query = query.strip()
    if query.isdigit():
        persons = persons.filter(bsn__startswith=query)
    else:
        # Every word somewhere in the name, so "lisa berg" finds Lisa van den Berg.
        for word in query.split():
            persons = persons.filter(
                Q(given_names__icontains=word)
                | Q(surname_prefix__icontains=word)
                | Q(surname__icontains=word)
            )
    return persons.order_by("surname", "given_names", "bsn")
