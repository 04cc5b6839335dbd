"""The counter's day list at /werk/afspraken/<location>/: the day's appointments by time, for
staff only."""

import pytest

from loket.appointments import services
from tests.appointments.conftest import MONDAY, at
from tests.contacts.conftest import bram, burgerzaken, karin  # noqa: F401 (fixtures)
from tests.workqueue.helpers import PASSWORD

EN = {"accept-language": "en"}


def url(location) -> str:
    return f"/werk/afspraken/{location.uuid}/"


def book(stadhuis, passport, start, name):
    return services.book(stadhuis, passport, start, name=name, email="x@example.nl")


def test_the_day_list_shows_the_days_appointments_by_time(stadhuis, passport, client, karin):  # noqa: F811
    book(stadhuis, passport, at(MONDAY, 11), "Bert Bakker")
    services.cancel(book(stadhuis, passport, at(MONDAY, 9, 30), "Cor Cancel"))
    book(stadhuis, passport, at(MONDAY, 9), "Anna Aarts")
    book(stadhuis, passport, at(MONDAY.replace(day=3), 9), "Dirk Next-Day")
    client.force_login(karin)

    response = client.get(url(stadhuis), {"dag": "2030-12-02"}, headers=EN)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Appointments at Stadhuis on Monday 2 December 2030" in page
    assert page.index("Anna Aarts") < page.index("Cor Cancel") < page.index("Bert Bakker")
    assert "09:00 &ndash; 09:15" in page
    assert "Cancelled" in page and "Booked appointments: 2." in page
    assert "Dirk Next-Day" not in page
    assert "?dag=2030-12-01" in page and "?dag=2030-12-03" in page


def test_a_case_worker_sees_it_too_and_a_bad_day_is_explained(stadhuis, client, bram):  # noqa: F811
    client.force_login(bram)

    response = client.get(url(stadhuis), {"dag": "2-12-30x"}, headers=EN)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Write the day as 31-12-2026." in page and 'value="2-12-30x"' in page


def test_citizens_and_staff_without_the_permission_are_kept_out(
    stadhuis, client, django_user_model
):
    response = client.get(url(stadhuis), headers=EN)
    assert response.status_code == 302 and "/werk/inloggen/" in response["Location"]

    admin = django_user_model.objects.create_user("beheer", password=PASSWORD, is_staff=True)
    client.force_login(admin)
    assert client.get(url(stadhuis), headers=EN).status_code == 403


@pytest.mark.parametrize("bad", ["00000000-0000-0000-0000-000000000000"])
def test_an_unknown_location_is_not_found(stadhuis, client, karin, bad):  # noqa: F811
    client.force_login(karin)
    assert client.get(f"/werk/afspraken/{bad}/", headers=EN).status_code == 404
