"""The contact centre's pages at /kcc/: finding a person, the 360° view, answers from the
catalogue, registering a contact, handing it over, and the department answering the task.

User-visible text is asserted in English (Accept-Language: en); Dutch comes with the .po file.
"""

from datetime import timedelta

import pytest
from django.urls import reverse

from loket.brp.models import Person
from loket.contacts import services
from loket.contacts.models import Channel, Contact, InternalTask, Outcome, Party
from loket.forms.models import FormDefinition, Login
from loket.identity.citizens import VISITOR_KEY
from loket.notify.models import Mail
from tests.catalog.factories import make_product
from tests.contacts.helpers import case_of
from tests.workqueue.helpers import case_type_of, today

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


def get(client, url, **params):
    return client.get(url, params, headers=EN)


def post(client, url, data):
    return client.post(url, data, headers=EN)


@pytest.fixture
def kcc(client, karin):
    client.force_login(karin)
    return karin


@pytest.fixture
def party(karin, person):
    return services.party_for(by=karin, bsn=person.bsn)


def person_url(party: Party) -> str:
    return reverse("contacts:person", args=[party.uuid])


def phone_contact(**fields) -> dict:
    return {
        "channel": Channel.PHONE,
        "question": "Hoe lang is mijn paspoort geldig?",
        "answer": "Tien jaar.",
        "outcome": Outcome.SOLVED,
        "duration": "4",
        **fields,
    }


@pytest.mark.parametrize("path", ["/kcc/", "/kcc/persoon/00000000-0000-0000-0000-000000000000/"])
def test_the_pages_need_a_staff_login_a_citizen_login_is_not_enough(client, path):
    session = client.session
    session[VISITOR_KEY] = {"bsn": "999993653", "name": "J. Jansen"}
    session.save()

    response = get(client, path)

    assert response.status_code == 302
    assert response["Location"] == f"/werk/inloggen/?next={path}"


def test_a_case_worker_cannot_open_the_kcc_pages(client, bram, karin, party):
    contact = services.register_contact(by=karin, channel=Channel.PHONE, subject="Vraag")
    client.force_login(bram)

    for url in ("/kcc/", person_url(party), reverse("contacts:contact", args=[contact.uuid])):
        assert get(client, url).status_code == 403, url
    assert post(client, "/kcc/zoeken/", {"bsn": party.bsn}).status_code == 403


def test_the_contact_screen_finds_a_person_by_bsn_and_opens_the_360_view(kcc, client, person):
    screen = get(client, "/kcc/")
    assert screen.status_code == 200
    assert "Contact screen" in screen.text

    found = post(client, "/kcc/zoeken/", {"bsn": person.bsn})
    assert found.status_code == 200
    assert "1 person found" in found.text
    assert person.surname in found.text

    opened = post(client, "/kcc/persoon/", {"bsn": person.bsn})
    party = Party.objects.get(bsn=person.bsn)
    assert opened.status_code == 302
    assert opened["Location"] == person_url(party)
    assert person.bsn not in opened["Location"]  # no BSN in a URL


@pytest.mark.parametrize("way", ["name", "address", "case", "email"])
def test_a_person_is_found_in_every_way(kcc, client, person, burgerzaken, way):
    case = case_of(case_type_of(burgerzaken), person.bsn, contact_email="p@example.com")
    criteria = {
        "name": {"surname": person.surname, "birth_date": person.birth_date.strftime("%d-%m-%Y")},
        "address": {
            "postcode": person.address.postcode,
            "house_number": str(person.address.house_number),
        },
        "case": {"case_number": case.identification},
        "email": {"email": "p@example.com"},
    }[way]

    response = post(client, "/kcc/zoeken/", criteria)

    assert response.status_code == 200
    assert f'name="bsn" value="{person.bsn}"' in response.text


def test_a_bad_search_says_what_is_wrong_and_keeps_what_was_typed(kcc, client):
    half = post(client, "/kcc/zoeken/", {"postcode": "1234 AB", "surname": "Jansen"})
    assert half.status_code == 400
    assert "Fill in the house number with the postcode." in half.text
    assert "Fill in the date of birth with the surname." in half.text
    assert 'value="1234 AB"' in half.text and 'value="Jansen"' in half.text
    assert 'id="search-house_number-error"' in half.text

    wrong = post(client, "/kcc/zoeken/", {"bsn": "123456789"})
    assert wrong.status_code == 400
    assert "This is not a valid citizen service number (BSN)." in wrong.text
    assert 'value="123456789"' in wrong.text

    postcode = post(client, "/kcc/zoeken/", {"postcode": "12345", "house_number": "1"})
    assert postcode.status_code == 400
    assert "A postcode is four digits and two letters" in postcode.text

    nothing = post(client, "/kcc/zoeken/", {})
    assert nothing.status_code == 400
    assert "Fill in a BSN, a surname with a date of birth" in nothing.text


def test_the_360_view_shows_everything_about_the_person(kcc, client, karin, party, burgerzaken):
    case_type = case_type_of(burgerzaken)
    running = case_of(case_type, party.bsn)
    earlier = services.register_contact(
        by=karin, channel=Channel.COUNTER, subject="Verhuizing", party=party
    )
    product = make_product("uittreksel-brp", "Uittreksel BRP", department=burgerzaken)
    FormDefinition.objects.create(product=product, login=Login.CITIZEN, published=True)
    business_only = make_product("geboorteaangifte", "Geboorteaangifte", department=burgerzaken)
    FormDefinition.objects.create(product=business_only, login=Login.BUSINESS, published=True)

    response = get(client, person_url(party))

    assert response.status_code == 200
    page = response.text
    assert f"data-bsn>{party.bsn}<" in page
    assert running.identification in page
    assert reverse("contacts:contact", args=[earlier.uuid]) in page
    assert "No consents recorded." in page
    # The assisted intake posts the BSN and the channel to the form's own assist page.
    assert "Start a request for this person" in page
    assert f'formaction="{reverse("forms:assist", args=["uittreksel-brp"])}"' in page
    assert reverse("forms:assist", args=["geboorteaangifte"]) not in page
    assert f'name="bsn" value="{party.bsn}"' in page
    assert '<option value="home_visit">Home visit</option>' in page


def test_the_catalogue_answers_from_the_contact_screen(kcc, client, party, burgerzaken):
    make_product(
        "paspoort",
        "Paspoort",
        synonyms=["reisdocument"],
        department=burgerzaken,
        description_nl="Een paspoort is 10 jaar geldig.",
        duration_nl="5 werkdagen",
    )

    hits = get(client, person_url(party), zoek="reisdocument")
    assert 'href="?zoek=reisdocument&amp;product=paspoort#answer"' in hits.text

    answer = get(client, person_url(party), zoek="reisdocument", product="paspoort")
    assert "Answer to read out: Paspoort" in answer.text
    assert "Een paspoort is 10 jaar geldig." in answer.text
    assert "5 werkdagen" in answer.text
    # The contact form starts with that product.
    product = answer.context["contact_form"]["product"]
    assert str(product.value()) == str(answer.context["answer"].pk)

    nothing = get(client, "/kcc/", zoek="xyzzy")
    assert "No product matches these words." in nothing.text


def test_a_contact_with_the_person_is_registered(kcc, client, party, karin):
    response = post(client, person_url(party), phone_contact())

    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("contacts:contact", args=[contact.uuid])
    assert (contact.channel, contact.outcome, contact.employee) == ("phone", "solved", karin)
    assert contact.duration == timedelta(minutes=4)
    assert contact.subject == "Hoe lang is mijn paspoort geldig?"
    assert contact.involvements.get().party == party
    page = get(client, response["Location"]).text
    assert f"Contact {contact.number} is saved." in page
    assert "4 minutes" in page


def test_someone_calling_for_the_person_is_recorded_as_their_representative(
    kcc, client, party, person
):
    caller = Person.objects.exclude(bsn=person.bsn).order_by("bsn").first()

    response = post(client, person_url(party), phone_contact(representative_bsn=caller.bsn))

    contact = Contact.objects.get()
    roles = {(i.party.bsn, i.role, i.initiator) for i in contact.involvements.all()}
    assert roles == {
        (person.bsn, "customer", False),
        (caller.bsn, "representative", True),
    }
    page = get(client, response["Location"]).text
    assert "(called for the person above)" in page


def test_a_wrong_bsn_of_the_caller_is_refused_and_kept(kcc, client, party):
    response = post(client, person_url(party), phone_contact(representative_bsn="123456789"))

    assert response.status_code == 400
    assert not Contact.objects.exists()
    assert "This is not a valid citizen service number (BSN)." in response.text
    assert 'value="123456789"' in response.text


def test_a_bad_contact_says_what_is_wrong_and_keeps_what_was_typed(kcc, client, party):
    response = post(
        client,
        person_url(party),
        phone_contact(
            channel=Channel.SOCIAL_MEDIA, question="", pasted_message="Waarom is de weg dicht?"
        ),
    )

    assert response.status_code == 400
    assert not Contact.objects.exists()
    page = response.text
    assert "<title>Error: " in page
    assert 'id="contact-handle-error">Give the account that sent the message.<' in page
    assert 'id="contact-question-error">This field is required.<' in page
    assert ">Waarom is de weg dicht?</textarea>" in page
    assert '<option value="social_media" selected>' in page


def test_a_contact_with_a_business_or_an_unknown_person(kcc, client):
    business = post(client, "/kcc/", phone_contact(who="business", kvk_number="12345678"))
    assert business.status_code == 302
    contact = Contact.objects.get()
    assert contact.involvements.get().party.kvk_number == "12345678"

    unknown = post(client, "/kcc/", phone_contact(who="unknown", channel=Channel.LETTER))
    assert unknown.status_code == 302
    assert not Contact.objects.get(channel=Channel.LETTER).involvements.exists()

    wrong = post(client, "/kcc/", phone_contact(who="business", kvk_number="1234"))
    assert wrong.status_code == 400
    assert "A KvK number is eight digits." in wrong.text
    assert 'value="1234"' in wrong.text
    missing = post(client, "/kcc/", phone_contact(who="business"))
    assert "Give the KvK number of the business." in missing.text


def hand_over_data(**fields) -> dict:
    return {
        "request_kind": "question",
        "explanation": "Wanneer is het paspoort klaar?",
        "deadline": (today() + timedelta(days=2)).strftime("%d-%m-%Y"),
        "reply_to": "anna@example.com",
        **fields,
    }


def test_hand_over_then_the_department_sees_and_answers_the_task(
    client, karin, bram, outsider, party, burgerzaken
):
    contact = services.register_contact(
        by=karin, channel=Channel.PHONE, subject="Paspoort", party=party, answer="Ik vraag het na."
    )
    client.force_login(karin)
    contact_url = reverse("contacts:contact", args=[contact.uuid])
    assert "Hand the question over" in get(client, contact_url).text

    response = post(
        client,
        reverse("contacts:hand_over", args=[contact.uuid]),
        hand_over_data(department=burgerzaken.pk),
    )

    task = InternalTask.objects.get()
    assert response.status_code == 302 and response["Location"] == contact_url
    assert [actor.department for actor in task.actors.all()] == [burgerzaken]
    assert task.requested_action == "Answer a question of the person"
    assert task.deadline == today() + timedelta(days=2)
    contact.refresh_from_db()
    assert contact.outcome == Outcome.HANDED_OVER
    late = services.hand_over(
        contact,
        by=karin,
        to=[burgerzaken],
        requested_action="Terugbellen",
        deadline=today() - timedelta(days=1),
    )

    # The department's case worker sees both in the queue, the late one flagged first.
    client.force_login(bram)
    queue = get(client, reverse("workqueue:queue", args=["burgerzaken"])).text
    assert "Questions from the contact centre" in queue
    assert queue.index(f"{late.number}: Terugbellen") < queue.index(f"{task.number}: Answer")
    assert queue.count("data-overdue") == 1
    task_url = reverse("contacts:task", args=[task.uuid])
    assert f'href="{task_url}"' in queue

    # An empty answer is refused; a real one closes the task, updates the contact and mails.
    empty = post(client, task_url, {"answer": ""})
    assert empty.status_code == 400
    assert 'id="answer-answer-error"' in empty.text
    answered = post(client, task_url, {"answer": "Het paspoort ligt vrijdag klaar."})
    assert answered.status_code == 302 and answered["Location"] == task_url
    task.refresh_from_db()
    contact.refresh_from_db()
    assert not task.is_open and task.closed_by == bram
    assert contact.answer == "Ik vraag het na.\n\nHet paspoort ligt vrijdag klaar."
    assert Mail.objects.get(pk=task.reply_mail_id).to == "anna@example.com"
    page = get(client, task_url).text
    assert "The task is answered and the contact is updated." in page
    assert "Back to the queue of Burgerzaken" in page
    assert 'id="answer-form"' not in page
    queue = get(client, reverse("workqueue:queue", args=["burgerzaken"])).text
    assert f"{task.number}: Answer" not in queue

    # A case worker of another department does not see it at all.
    client.force_login(outsider)
    assert get(client, task_url).status_code == 404


def test_a_bad_hand_over_says_what_is_wrong_and_keeps_what_was_typed(kcc, client, karin):
    contact = services.register_contact(by=karin, channel=Channel.PHONE, subject="Vraag")
    url = reverse("contacts:hand_over", args=[contact.uuid])

    nobody = post(client, url, hand_over_data())
    assert nobody.status_code == 400
    assert 'id="handover-department-error">Choose a department or an employee.<' in nobody.text
    assert ">Wanneer is het paspoort klaar?</textarea>" in nobody.text

    past = (today() - timedelta(days=1)).strftime("%d-%m-%Y")
    late = post(client, url, hand_over_data(employee=karin.pk, deadline=past, reply_to="nee"))
    assert late.status_code == 400
    assert "The date cannot be in the past." in late.text
    assert "Enter a valid email address." in late.text
    assert f'value="{past}"' in late.text
    assert not InternalTask.objects.exists()
