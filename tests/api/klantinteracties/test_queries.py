"""A list costs a constant number of queries, whatever the number of objects on the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.catalog.models import Department
from loket.contacts import services
from tests.api.klantinteracties.conftest import BASE

pytestmark = pytest.mark.django_db


def make_contacts(count: int, start: int) -> None:
    """Contacts each with a party, an address, a subject, an actor and a task."""
    department = Department.objects.get_or_create(code="burgerzaken", defaults={"name": "BZ"})[0]
    for n in range(start, start + count):
        party = services.create_party(by=None, kind="person", surname=f"Persoon {n}")
        services.add_digital_address(
            by=None, party=party, kind="email", address=f"p{n}@example.com", is_default=True
        )
        services.update_party(party, by=None, preferred_address=party.digital_addresses.get())
        contact = services.register_contact(
            by=None, channel="phone", subject=f"Vraag {n}", party=party
        )
        services.add_digital_address(
            by=None, involvement=contact.involvements.get(), kind="phone", address="0612345678"
        )
        services.add_subject_object(by=None, contact=contact, object_id=f"ZAAK-{n}")
        services.hand_over(contact, by=None, to=[department], requested_action="Terugbellen")


def queries_of_list(client, resource: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"{BASE}{resource}")
    assert response.status_code == 200, response.json()
    assert response.json()["count"] > 0
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "resource",
    [
        "klantcontacten",
        "betrokkenen",
        "partijen",
        "digitaleadressen",
        "internetaken",
        "onderwerpobjecten",
        "actoren",
    ],
)
def test_list_queries_do_not_grow_with_the_page(kic, resource):
    make_contacts(1, 0)
    one = queries_of_list(kic, resource)

    make_contacts(19, 1)
    twenty = queries_of_list(kic, resource)

    assert one == twenty
