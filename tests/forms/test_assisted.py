"""Assisted digital: a KCC employee fills in the same form with a person (on the phone, at the
counter, at the kitchen table); the case records how it came in and who helped, and lands in
the person's Mijn omgeving like any other.

Texts are asserted in Dutch, the site's language.
"""

import pytest
from django.test import Client
from django.urls import reverse

from loket.cases.models import Case
from loket.catalog.references import communicatiekanaal
from loket.forms.models import Channel, Draft
from loket.identity.citizens import ASSISTED_KEY, VISITOR_KEY
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from tests.forms.conftest import Filler
from tests.workqueue.helpers import PASSWORD, case_worker, fill_budget_form

pytestmark = pytest.mark.django_db
ASSIST = reverse("forms:assist", args=["leefbaarheidsbudget"])


@pytest.fixture
def kcc():
    return create_staff_account(
        username="karin", password=PASSWORD, role=Role.KCC, full_name="Karin Contact"
    )


@pytest.fixture
def employee(demo_forms, kcc):
    client = Client(headers={"accept-language": "nl"})
    client.force_login(kcc)
    return client


def test_the_employee_fills_in_the_form_for_the_person_and_the_case_is_theirs(
    employee, kcc, resident
):
    filler = Filler(employee)
    filler.response = employee.post(
        ASSIST, {"bsn": resident.bsn, "channel": Channel.PHONE}, follow=True
    )
    assert filler.url.endswith("/initiatief/")
    fill_budget_form(filler, email="j@example.nl")

    assert "U heeft deze aanvraag ingevuld met" in filler.html
    case = Case.objects.get()
    assert case.initiator_bsn == resident.bsn
    assert communicatiekanaal(case.communication_channel)["naam"] == "Telefoon"
    draft = Draft.objects.get()
    assert (draft.channel, draft.assisted_by) == (Channel.PHONE, kcc)
    note = case.status_changes.get().note
    assert note == "Telefonisch binnengekomen, ingevuld samen met Karin Contact."
    # The employee's browser no longer acts for the person; the employee is still logged in.
    session = employee.session
    assert VISITOR_KEY not in session and ASSISTED_KEY not in session
    assert session["_auth_user_id"] == str(kcc.pk)

    person = Client()
    person.post(reverse("identity:demo-digid"), {"bsn": resident.bsn, "next": "/"})
    mijn = person.get(reverse("portal:mijn")).content.decode()
    assert case.description in mijn


def test_an_online_request_keeps_the_website_channel(demo_forms, resident, client):
    fill = Filler(client)
    client.post(reverse("identity:demo-digid"), {"bsn": resident.bsn, "next": "/"})
    fill.open(reverse("forms:start", args=["leefbaarheidsbudget"]))
    fill_budget_form(fill, email="j@example.nl")

    case = Case.objects.get()
    assert communicatiekanaal(case.communication_channel)["naam"] == "Website"
    assert case.status_changes.get().note == "Ontvangen via het online formulier."
    assert Draft.objects.get().assisted_by is None


def test_the_assisted_session_is_no_login_to_the_persons_mijn_omgeving(employee, resident):
    employee.post(ASSIST, {"bsn": resident.bsn, "channel": Channel.COUNTER})
    response = employee.get(reverse("portal:mijn"))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"bsn": "123456789", "channel": Channel.PHONE}, "Er staat geen persoon met dit BSN"),
        ({"bsn": "", "channel": Channel.PHONE}, "Er staat geen persoon met dit BSN"),
        ({"channel": "fax"}, "Kies hoe u de persoon helpt"),
    ],
)
def test_bad_input_is_refused_with_a_sentence(employee, resident, data, message):
    data = {"bsn": resident.bsn, **data}
    response = employee.post(ASSIST, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert VISITOR_KEY not in employee.session


def test_only_the_contact_centre_starts_an_assisted_request(demo_forms, resident, client):
    client.force_login(case_worker("wim"))
    assert client.post(ASSIST, {"bsn": resident.bsn, "channel": "phone"}).status_code == 403
    client.logout()
    response = client.post(ASSIST, {"bsn": resident.bsn, "channel": "phone"})
    assert response.status_code == 302 and "/werk/inloggen/" in response["Location"]
    assert client.get(ASSIST).status_code in (302, 405)
