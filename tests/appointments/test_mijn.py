"""My appointments in Mijn omgeving: booked while logged in, seen, moved and cancelled there;
someone else's answers 404."""

from datetime import timedelta

import pytest
from django.utils import timezone

from loket.appointments import services
from loket.appointments.models import Appointment
from loket.brp.register import load_demo_register
from loket.identity.demo_login import demo_persons
from tests.appointments.conftest import MONDAY, at
from tests.portal.conftest import logged_in, person_visitor

MIJN = "/mijn/afspraken/"


@pytest.fixture
def anna_and_bert(stadhuis):
    load_demo_register()
    return list(demo_persons().filter(birth_date__year__lt=1990).order_by("bsn")[:2])


@pytest.fixture
def anna(anna_and_bert):
    return anna_and_bert[0]


@pytest.fixture
def bert(anna_and_bert):
    return anna_and_bert[1]


def booked_for(person, passport, stadhuis, start=None) -> Appointment:
    return services.book(
        stadhuis,
        passport,
        start or at(MONDAY, 10),
        name=person.full_name,
        email="x@example.nl",
        bsn=person.bsn,
    )


def test_booking_while_logged_in_records_the_bsn_and_offers_the_name(stadhuis, anna):
    client = logged_in(person_visitor(anna))
    page = client.get("/afspraak/paspoort/", {"locatie": stadhuis.uuid, "dag": "2030-12-02"})
    assert f'value="{anna.full_name}"' in page.content.decode()

    response = client.post(
        "/afspraak/paspoort/",
        {
            "locatie": str(stadhuis.uuid),
            "dag": "2030-12-02",
            "tijd": "10:15",
            "naam": anna.full_name,
            "email": "anna@example.nl",
        },
    )

    assert response.status_code == 302
    assert Appointment.objects.get().bsn == anna.bsn


def test_booking_without_login_records_no_bsn(stadhuis):
    logged_in(None).post(
        "/afspraak/paspoort/",
        {
            "locatie": str(stadhuis.uuid),
            "dag": "2030-12-02",
            "tijd": "10:15",
            "naam": "Anna",
            "email": "anna@example.nl",
        },
    )

    assert Appointment.objects.get().bsn == ""


def test_the_overview_shows_my_coming_and_past_appointments_only(stadhuis, passport, anna, bert):
    mine = booked_for(anna, passport, stadhuis)
    past = Appointment.objects.create(
        location=stadhuis,
        product=passport,
        start=timezone.now() - timedelta(days=30),
        end=timezone.now() - timedelta(days=30) + timedelta(minutes=15),
        bsn=anna.bsn,
        status=Appointment.Status.BOOKED,
    )
    cancelled = booked_for(anna, passport, stadhuis, at(MONDAY, 11))
    services.cancel(cancelled)
    theirs = booked_for(bert, passport, stadhuis, at(MONDAY, 12))

    response = logged_in(person_visitor(anna)).get(MIJN)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"{MIJN}{mine.uuid}/" in page
    assert "Monday 2 December 2030, 10:00" in page
    assert "Past appointments" in page and f"{past.start:%Y}" in page
    assert str(cancelled.uuid) not in page and "11:00" not in page
    assert str(theirs.uuid) not in page and "12:00" not in page


def test_someone_elses_appointment_is_not_found(stadhuis, passport, anna, bert):
    theirs = booked_for(bert, passport, stadhuis)
    client = logged_in(person_visitor(anna))

    assert client.get(f"{MIJN}{theirs.uuid}/").status_code == 404
    assert client.post(f"{MIJN}{theirs.uuid}/annuleren/").status_code == 404
    moved = client.post(f"{MIJN}{theirs.uuid}/verzetten/", {"dag": "2030-12-02", "tijd": "11:00"})
    assert moved.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.status, theirs.start) == (Appointment.Status.BOOKED, at(MONDAY, 10))


def test_a_visitor_who_is_not_logged_in_goes_to_the_login(stadhuis, passport, anna):
    mine = booked_for(anna, passport, stadhuis)

    for url in (MIJN, f"{MIJN}{mine.uuid}/"):
        response = logged_in(None).get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/inloggen/")


def test_i_move_my_appointment(stadhuis, passport, anna):
    mine = booked_for(anna, passport, stadhuis)
    client = logged_in(person_visitor(anna))

    page = client.get(f"{MIJN}{mine.uuid}/", {"dag": "2030-12-03"})
    assert 'value="11:00"' in page.content.decode()
    response = client.post(f"{MIJN}{mine.uuid}/verzetten/", {"dag": "2030-12-03", "tijd": "11:00"})

    assert response.status_code == 302
    assert response["Location"] == f"{MIJN}{mine.uuid}/"
    mine.refresh_from_db()
    assert mine.start == at(MONDAY + timedelta(days=1), 11)
    assert "Your appointment is moved." in client.get(response["Location"]).content.decode()


def test_a_bad_move_is_explained_and_keeps_the_day(stadhuis, passport, anna):
    mine = booked_for(anna, passport, stadhuis)

    response = logged_in(person_visitor(anna)).post(
        f"{MIJN}{mine.uuid}/verzetten/", {"dag": "2030-12-03", "tijd": "11:05"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is no appointment at this time. Choose one of the times." in page
    assert 'value="2030-12-03"' in page


def test_i_cancel_my_appointment(stadhuis, passport, anna):
    mine = booked_for(anna, passport, stadhuis)
    client = logged_in(person_visitor(anna))

    response = client.post(f"{MIJN}{mine.uuid}/annuleren/", follow=True)

    assert "Your appointment is cancelled." in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == Appointment.Status.CANCELLED
