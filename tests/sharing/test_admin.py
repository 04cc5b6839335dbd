"""The functioneel beheerder registers receiving organisations in /beheer/; other roles do
not see them."""

import pytest
from django.test import Client

from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.sharing.models import Receiver

pytestmark = pytest.mark.django_db

RECEIVERS = "/beheer/sharing/receiver/"


def staff_client(role: Role) -> Client:
    user = create_staff_account(username=f"user-{role.value}", password="x" * 16, role=role)
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def test_the_functional_admin_registers_an_organisation_with_its_purposes():
    client = staff_client(Role.FUNCTIONAL_ADMIN)
    assert "Receiving organisations" in client.get("/beheer/").content.decode()

    response = client.post(
        RECEIVERS + "add/",
        {
            "name": "Woonstichting Oost",
            "audience": "https://woonstichting-oost.example/",
            "purposes": "Inschrijven als woningzoekende\n\n  Huurcontract afsluiten \n"
            "Inschrijven als woningzoekende",
            "active": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    receiver = Receiver.objects.get()
    assert receiver.purposes == ["Inschrijven als woningzoekende", "Huurcontract afsluiten"]
    page = client.get(RECEIVERS).content.decode()
    assert "Woonstichting Oost" in page and "Inschrijven als woningzoekende; Huurcontract" in page


def test_a_purpose_longer_than_a_consent_keeps_is_refused():
    response = staff_client(Role.FUNCTIONAL_ADMIN).post(
        RECEIVERS + "add/",
        {"name": "X", "audience": "https://x.example/", "purposes": "a" * 201},
    )
    assert response.status_code == 200
    assert "Write each purpose in at most 200 characters." in response.content.decode()
    assert not Receiver.objects.exists()


def test_the_contact_centre_does_not_see_the_organisations():
    client = staff_client(Role.KCC)
    assert client.get(RECEIVERS).status_code == 403
    assert "Receiving organisations" not in client.get("/beheer/").content.decode()
