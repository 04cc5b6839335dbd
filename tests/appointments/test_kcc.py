"""The KCC sees a person's appointments in the 360° view and books, moves and cancels them for
the person; each change records the employee."""

import pytest
from django.core.exceptions import PermissionDenied

from loket.appointments import services
from loket.appointments.models import Appointment, AppointmentChange
from loket.contacts.services import party_for
from loket.notify.models import Mail
from tests.appointments.conftest import MONDAY, NOW, at
from tests.contacts.conftest import bram, burgerzaken, karin, person  # noqa: F401 (fixtures)

EN = {"accept-language": "en"}


@pytest.fixture
def party(karin, person):  # noqa: F811
    return party_for(by=karin, bsn=person.bsn)


@pytest.fixture
def kcc(client, karin):  # noqa: F811
    client.force_login(karin)
    return client


def base(party) -> str:
    return f"/kcc/persoon/{party.uuid}/afspraken/"


def booked(stadhuis, passport, person, start=None):  # noqa: F811
    return services.book(
        stadhuis,
        passport,
        start or at(MONDAY, 10),
        name=person.full_name,
        email="p@example.nl",
        bsn=person.bsn,
    )


def test_the_360_view_lists_the_persons_appointments(kcc, stadhuis, passport, person, party):  # noqa: F811
    appointment = booked(stadhuis, passport, person)
    services.book(stadhuis, passport, at(MONDAY, 11), name="X", email="x@example.nl", bsn="")

    page = kcc.get(f"/kcc/persoon/{party.uuid}/", headers=EN).content.decode()

    assert f"{base(party)}{appointment.uuid}/" in page
    assert "Monday 2 December 2030, 10:00: Apply for a passport, Stadhuis" in page
    assert "11:00" not in page
    assert f"{base(party)}nieuw/" in page


def test_the_kcc_books_for_the_person(kcc, stadhuis, person, party, karin):  # noqa: F811
    url = f"{base(party)}nieuw/"
    first = kcc.get(url, {"product": "paspoort"}, headers=EN)
    assert first.status_code == 200 and f'value="{stadhuis.uuid}"' in first.content.decode()
    times = kcc.get(
        url, {"product": "paspoort", "locatie": stadhuis.uuid, "dag": "2030-12-02"}, headers=EN
    ).content.decode()
    assert 'value="10:15"' in times and f'value="{person.full_name}"' in times

    response = kcc.post(
        url,
        {
            "product": "paspoort",
            "locatie": str(stadhuis.uuid),
            "dag": "2030-12-02",
            "tijd": "10:15",
            "naam": person.full_name,
            "email": "p@example.nl",
        },
        headers=EN,
    )

    assert response.status_code == 302
    assert response["Location"] == f"/kcc/persoon/{party.uuid}/"
    appointment = Appointment.objects.get()
    assert (appointment.bsn, appointment.start) == (person.bsn, at(MONDAY, 10, 15))
    assert appointment.changes.get().employee == karin
    assert Mail.objects.get(to="p@example.nl").language == "nl", "not the employee's screen's"


def test_a_bad_booking_by_the_kcc_keeps_what_was_typed(kcc, stadhuis, party):
    response = kcc.post(
        f"{base(party)}nieuw/",
        {
            "product": "paspoort",
            "locatie": str(stadhuis.uuid),
            "dag": "2030-12-02",
            "tijd": "10:15",
            "naam": "Piet",
            "email": "piet@",
        },
        headers=EN,
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "This was not done" in page
    assert "Fill in an e-mail address like name@example.nl." in page
    assert 'value="Piet"' in page and 'value="piet@"' in page
    assert not Appointment.objects.exists()


def test_the_kcc_moves_and_cancels_for_the_person(kcc, stadhuis, passport, person, party, karin):  # noqa: F811
    appointment = booked(stadhuis, passport, person)
    url = f"{base(party)}{appointment.uuid}/"
    assert kcc.get(url, {"dag": "2030-12-03"}, headers=EN).status_code == 200

    moved = kcc.post(f"{url}verzetten/", {"dag": "2030-12-03", "tijd": "11:00"}, headers=EN)
    assert moved.status_code == 302
    appointment.refresh_from_db()
    assert appointment.start == at(MONDAY.replace(day=3), 11)

    page = kcc.get(url, headers=EN).content.decode()
    assert "History" in page and "Karin Klant" in page and "by the person" in page

    cancelled = kcc.post(f"{url}annuleren/", headers=EN)
    assert cancelled.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    actions = list(appointment.changes.values_list("action", "employee"))
    assert actions == [
        (AppointmentChange.Action.BOOKED, None),
        (AppointmentChange.Action.MOVED, karin.pk),
        (AppointmentChange.Action.CANCELLED, karin.pk),
    ]


def test_another_persons_appointment_is_not_found(kcc, stadhuis, passport, party, karin):  # noqa: F811
    other = services.book(
        stadhuis, passport, at(MONDAY, 10), name="O", email="o@example.nl", bsn="999993653"
    )
    url = f"{base(party)}{other.uuid}/"

    assert kcc.get(url, headers=EN).status_code == 404
    assert kcc.post(f"{url}annuleren/", headers=EN).status_code == 404
    other.refresh_from_db()
    assert other.status == Appointment.Status.BOOKED


def test_staff_without_the_kcc_role_are_refused(stadhuis, passport, client, bram, party):  # noqa: F811
    client.force_login(bram)

    assert client.get(f"{base(party)}nieuw/", headers=EN).status_code == 403
    with pytest.raises(PermissionDenied):
        services.book(
            stadhuis, passport, at(MONDAY, 10), name="A", email="a@example.nl", by=bram, now=NOW
        )
