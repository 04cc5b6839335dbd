"""The pages without JavaScript: choose, book, and the secret link to see, move and cancel."""

import pytest
from django.test import Client

from loket.appointments import services
from loket.appointments.models import Appointment
from loket.notify.models import Mail
from tests.appointments.conftest import MONDAY, at

BOOK = "/afspraak/paspoort/"


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def choose(client, stadhuis, **extra):
    query = {"locatie": str(stadhuis.uuid), "dag": "2030-12-02", **extra}
    return client.get(BOOK, query)


def test_the_page_offers_the_locations(client, stadhuis):
    response = client.get(BOOK)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Make an appointment: Apply for a passport" in page
    assert f'value="{stadhuis.uuid}"' in page
    assert "Book this appointment" not in page


def test_a_product_without_a_location_is_not_found(client, stadhuis):
    assert client.get("/afspraak/verhuizing-doorgeven/").status_code == 404
    assert client.get("/afspraak/no-such-product/").status_code == 404


def test_a_day_shows_its_free_times(client, stadhuis):
    response = choose(client, stadhuis)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Free times on Monday 2 December 2030 at Stadhuis" in page
    assert 'value="09:00"' in page and 'value="16:45"' in page
    assert "Book this appointment" in page


def test_a_closed_day_says_so(client, stadhuis):
    response = choose(client, stadhuis, dag="25-12-2030")

    assert response.status_code == 200
    assert "There are no free times on this day" in response.content.decode()


@pytest.mark.parametrize(
    ("day", "message"),
    [("2-12-30x", "Write the day as 31-12-2026."), ("2020-01-06", "Choose today or a later day.")],
)
def test_a_bad_day_is_explained_next_to_the_field(client, stadhuis, day, message):
    response = choose(client, stadhuis, dag=day)

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'value="{day}"' in page
    assert "Free times" not in page


def test_booking_leads_to_the_secret_page(client, stadhuis):
    response = client.post(
        BOOK,
        {
            "locatie": str(stadhuis.uuid),
            "dag": "2030-12-02",
            "tijd": "10:15",
            "naam": "Anna de Vries",
            "email": "anna@example.nl",
        },
    )

    appointment = Appointment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/afspraak/{appointment.token}/"
    assert appointment.start == at(MONDAY, 10, 15)
    assert (appointment.name, appointment.email) == ("Anna de Vries", "anna@example.nl")
    assert Mail.objects.filter(to="anna@example.nl").exists()


def test_a_bad_booking_keeps_what_was_typed(client, stadhuis):
    response = client.post(
        BOOK,
        {
            "locatie": str(stadhuis.uuid),
            "dag": "2030-12-02",
            "tijd": "10:15",
            "naam": "Anna",
            "email": "anna@",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Fill in an e-mail address like name@example.nl." in page
    assert 'value="Anna"' in page and 'value="anna@"' in page
    assert 'value="10:15" checked' in page
    assert not Appointment.objects.exists()


def test_a_taken_time_is_explained_next_to_the_times(client, stadhuis, passport, one_desk):
    services.book(stadhuis, passport, at(MONDAY, 10, 15), name="Bert", email="b@example.nl")

    response = client.post(
        BOOK,
        {
            "locatie": str(stadhuis.uuid),
            "dag": "2030-12-02",
            "tijd": "10:15",
            "naam": "Anna",
            "email": "anna@example.nl",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "This time was just taken. Choose another time." in page
    assert 'value="10:15"' not in page  # no longer offered
    assert 'value="Anna"' in page


def test_a_missing_time_is_asked_for(client, stadhuis):
    response = client.post(
        BOOK,
        {
            "locatie": str(stadhuis.uuid),
            "dag": "2030-12-02",
            "naam": "Anna",
            "email": "anna@example.nl",
        },
    )

    assert response.status_code == 400
    assert "Choose a time." in response.content.decode()


@pytest.fixture
def appointment(stadhuis, passport):
    return services.book(stadhuis, passport, at(MONDAY, 10), name="Anna", email="anna@example.nl")


def test_the_secret_page_shows_the_appointment(client, appointment):
    response = client.get(f"/afspraak/{appointment.token}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Monday 2 December 2030, 10:00" in page
    assert "Stadhuis, Markt 1" in page
    assert f"/afspraak/{appointment.token}/agenda.ics" in page
    assert "no-cache" in response["Cache-Control"]


def test_an_unknown_token_is_not_found(client, appointment):
    assert client.get("/afspraak/" + "0" * 48 + "/").status_code == 404
    assert client.post("/afspraak/" + "0" * 48 + "/annuleren/").status_code == 404


def test_cancel_through_the_secret_link(client, appointment):
    response = client.post(f"/afspraak/{appointment.token}/annuleren/")

    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    page = client.get(f"/afspraak/{appointment.token}/").content.decode()
    assert "This appointment is cancelled." in page
    assert "Cancel this appointment" not in page


def test_reschedule_through_the_secret_link(client, appointment):
    page = client.get(f"/afspraak/{appointment.token}/", {"dag": "2030-12-03"}).content.decode()
    assert 'value="14:30"' in page

    response = client.post(
        f"/afspraak/{appointment.token}/verzetten/", {"dag": "2030-12-03", "tijd": "14:30"}
    )

    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.start == at(MONDAY.replace(day=3), 14, 30)


def test_a_bad_reschedule_is_explained(client, appointment):
    response = client.post(
        f"/afspraak/{appointment.token}/verzetten/", {"dag": "2030-12-03", "tijd": "14:31"}
    )

    assert response.status_code == 400
    assert (
        "There is no appointment at this time. Choose one of the times."
        in response.content.decode()
    )
    appointment.refresh_from_db()
    assert appointment.start == at(MONDAY, 10)


def test_a_bad_day_on_the_secret_page(client, appointment):
    response = client.get(f"/afspraak/{appointment.token}/", {"dag": "morgen"})

    assert response.status_code == 400
    assert "Write the day as 31-12-2026." in response.content.decode()
    assert 'value="morgen"' in response.content.decode()


def test_the_calendar_file(client, appointment):
    response = client.get(f"/afspraak/{appointment.token}/agenda.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="afspraak.ics"' in response["Content-Disposition"]
    assert "DTSTART:20301202T090000Z" in response.content.decode()


def test_the_product_page_links_to_booking_when_a_location_offers_it(client, stadhuis):
    passport = client.get("/producten/paspoort/").content.decode()
    moving = client.get("/producten/verhuizing-doorgeven/").content.decode()

    assert 'href="/afspraak/paspoort/"' in passport and "Make an appointment" in passport
    assert "/afspraak/" not in moving
