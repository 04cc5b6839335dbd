"""Sharing data in Mijn omgeving without JavaScript: choosing an organisation, the data, the
purpose and the end date; the statement to copy or download; withdrawing it; the log. A
person sees and withdraws only their own consents."""

from datetime import timedelta

import jwt
import pytest
from django.urls import reverse
from django.utils import timezone

from loket.brp.sources import get_brp_source
from loket.identity.demo_login import DEMO_BUSINESSES
from loket.sharing.models import Consent, ConsentEvent, Receiver
from loket.sharing.services import latest_end, record_status_check, revoke_consent
from tests.portal.conftest import business_visitor, logged_in
from tests.portal.test_mijn import main_of
from tests.sharing.conftest import PURPOSE, logged_in_as, share

pytestmark = pytest.mark.django_db

MIJN = reverse("sharing:mijn")
NEW = reverse("sharing:new")


def posted(receiver, **changes) -> dict:
    data = {
        "ontvanger": str(receiver.uuid),
        "attributes": ["name", "birth_date"],
        "purpose": PURPOSE,
        "ends_on": (timezone.localdate() + timedelta(days=60)).isoformat(),
    }
    data.update(changes)
    return data


def test_every_page_needs_a_digid_login(person, receiver):
    consent = share(person, receiver)
    pages = [
        MIJN,
        NEW,
        reverse("sharing:consent", args=[consent.uuid]),
        reverse("sharing:download", args=[consent.uuid]),
    ]
    for page in pages:
        response = logged_in(None).get(page)
        assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    assert logged_in(business_visitor(DEMO_BUSINESSES[0])).get(MIJN).status_code == 302
    assert logged_in(None).post(reverse("sharing:revoke", args=[consent.uuid])).status_code == 302
    assert Consent.objects.get().revoked_at is None


def test_step_one_offers_the_active_organisations(person, receiver):
    Receiver.objects.create(name="Oude Corporatie", audience="https://oud.example/", active=False)

    response = logged_in_as(person).get(NEW)

    main = main_of(response)
    assert response.status_code == 200
    assert receiver.name in main and f'value="{receiver.uuid}"' in main
    assert "Oude Corporatie" not in main


def test_step_one_without_a_choice_says_to_choose(person, receiver):
    response = logged_in_as(person).get(NEW, {"ontvanger": ""})
    assert response.status_code == 400
    assert "Organisation: Choose an organisation." in main_of(response)


def test_step_two_shows_the_data_from_the_brp_the_purposes_and_the_last_possible_day(
    person, receiver
):
    record = get_brp_source().person(person.bsn)

    response = logged_in_as(person).get(NEW, {"ontvanger": receiver.uuid})

    main = main_of(response)
    assert f"Share data with {receiver.name}" in main
    assert f"Name: {record.full_name}" in main
    assert f"Address: {record.address.street} {record.address.full_number}" in main
    assert all(purpose in main for purpose in receiver.purposes)
    assert f"until {latest_end(timezone.localdate()):%-d %B %Y}" in main


def test_sharing_issues_a_statement_of_the_brp_values_and_not_what_was_typed(person, receiver):
    client = logged_in_as(person)
    record = get_brp_source().person(person.bsn)

    response = client.post(
        NEW, posted(receiver, name="Iemand Anders", birth_date="2000-01-01"), follow=True
    )

    consent = Consent.objects.get()
    assert response.redirect_chain == [(reverse("sharing:consent", args=[consent.uuid]), 302)]
    main = main_of(response)
    assert f"Done. Give the statement below to {receiver.name}." in main
    assert consent.statement in main
    claims = jwt.decode(consent.statement, options={"verify_signature": False})
    assert claims["attributes"]["name"]["surname"] == record.surname
    assert claims["attributes"]["birth_date"] == record.birth_date.isoformat()
    assert consent.bsn == person.bsn and consent.purpose == PURPOSE


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"attributes": []}, "Which data do you want to share?: Choose at least one piece"),
        ({"attributes": ["bsn"]}, "Choose data from the list."),
        ({"purpose": "Reclame"}, "Choose what the organisation may use your data for."),
        ({"ends_on": "31-02-2026"}, "Fill in a date as day-month-year"),
        ({"ends_on": "yesterday"}, "Choose an end date from today up to"),
        ({"ends_on": "later"}, "Choose an end date from today up to"),
    ],
)
def test_a_wrong_answer_keeps_the_form_and_says_what_to_change(person, receiver, changes, message):
    today = timezone.localdate()
    dates = {
        "yesterday": today - timedelta(days=1),
        "later": latest_end(today) + timedelta(days=1),
    }
    if changes.get("ends_on") in dates:
        changes["ends_on"] = dates[changes["ends_on"]].isoformat()

    response = logged_in_as(person).post(NEW, posted(receiver, **changes))

    assert response.status_code == 400
    main = main_of(response)
    assert message in main
    assert 'id="error-summary"' in main
    assert not Consent.objects.exists()


def test_the_statement_can_be_downloaded_until_it_is_withdrawn(person, receiver):
    consent = share(person, receiver)
    client = logged_in_as(person)
    download = reverse("sharing:download", args=[consent.uuid])

    response = client.get(download)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwt"
    assert response["Content-Disposition"].startswith('attachment; filename="verklaring-')
    assert response.content.decode() == consent.statement

    response = client.post(reverse("sharing:revoke", args=[consent.uuid]), follow=True)
    main = main_of(response)
    assert "You have withdrawn your consent." in main
    assert "Withdrawn" in main and "Download the statement" not in main
    assert client.get(download).status_code == 404


def test_a_person_sees_and_withdraws_only_their_own_consents(persons, receiver):
    a, b = persons
    theirs = share(b, receiver)
    client = logged_in_as(a)

    for name in ("sharing:consent", "sharing:download"):
        assert client.get(reverse(name, args=[theirs.uuid])).status_code == 404
    assert client.post(reverse("sharing:revoke", args=[theirs.uuid])).status_code == 404
    assert reverse("sharing:consent", args=[theirs.uuid]) not in main_of(client.get(MIJN))

    theirs.refresh_from_db()
    assert theirs.is_active and theirs.events.count() == 1


def test_withdrawing_is_a_post(person, receiver):
    consent = share(person, receiver)
    response = logged_in_as(person).get(reverse("sharing:revoke", args=[consent.uuid]))
    assert response.status_code == 405
    assert Consent.objects.get().is_active


def test_the_overview_lists_consents_and_the_log_of_what_happened(person, receiver):
    active = share(person, receiver)
    withdrawn = revoke_consent(share(person, receiver, attributes=["address"]))
    record_status_check(active)

    main = main_of(logged_in_as(person).get(MIJN))

    assert reverse("sharing:consent", args=[active.uuid]) in main
    assert reverse("sharing:consent", args=[withdrawn.uuid]) in main
    assert "Name, Date of birth" in main and "Address" in main
    assert "Valid" in main and "Withdrawn" in main
    for kind in ConsentEvent.Kind:
        assert str(kind.label) in main
    assert main.count(f'<td class="utrecht-table__cell">{receiver.name}</td>') == 4


def test_my_data_lists_the_organisations_that_received_data(person, receiver):
    share(person, receiver)
    main = main_of(logged_in_as(person).get(reverse("portal:mijn-data")))
    assert receiver.name in main and "No organisations yet" not in main
    assert f'href="{MIJN}"' in main
