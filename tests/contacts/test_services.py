"""Registering contacts on every channel, handing them over and answering the task: the
rules of ``loket.contacts.services``, with the roles that may do each."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from loket.contacts import services
from loket.contacts.models import (
    Actor,
    Channel,
    Contact,
    DigitalAddress,
    InternalTask,
    Outcome,
    Party,
)
from loket.notify.models import Mail
from tests.catalog.factories import make_product
from tests.workqueue.helpers import case_type_of, open_in

pytestmark = pytest.mark.django_db


def phone_contact(by, **fields) -> Contact:
    return services.register_contact(
        by=by, channel=Channel.PHONE, subject="Paspoort", question="Wat kost het?", **fields
    )


def test_kcc_registers_a_phone_contact_about_a_case(karin, burgerzaken):
    party = services.party_for(by=karin, bsn="999993653")
    case = open_in(case_type_of(burgerzaken))
    product = make_product("paspoort", "Paspoort", department=burgerzaken)

    contact = phone_contact(
        karin,
        party=party,
        cases=[case],
        product=product,
        answer="€ 84,70",
        outcome=Outcome.SOLVED,
        duration=timedelta(minutes=4),
    )

    assert contact.number == f"{contact.pk:010d}"
    assert (contact.employee, contact.product, contact.outcome) == (karin, product, "solved")
    assert [a.user for a in contact.actors.all()] == [karin]
    [involvement] = contact.involvements.all()
    assert (involvement.party, involvement.initiator) == (party, True)
    [subject] = contact.subject_objects.all()
    assert (subject.object_type_code, subject.object_id) == ("zaak", str(case.uuid))
    assert services.party_for(by=karin, bsn="999993653") == party  # one party per person


def test_webcare_keeps_the_handle_and_the_pasted_message(karin):
    contact = services.register_contact(
        by=karin,
        channel=Channel.SOCIAL_MEDIA,
        subject="Afval",
        handle="@anna_voorbeeld",
        pasted_message="Waarom is mijn container niet geleegd?? #gemeente",
    )
    assert Contact.objects.get(pk=contact.pk).handle == "@anna_voorbeeld"


def test_an_unknown_caller_has_no_party(karin):
    contact = phone_contact(karin)
    assert not contact.involvements.exists()


def test_a_representative_acts_for_someone_else(karin):
    person = services.party_for(by=karin, bsn="999993653")
    for representative, party in ((person, person), (person, None)):
        with pytest.raises(ValidationError):
            phone_contact(karin, party=party, representative=representative)
    assert not Contact.objects.exists()


def test_only_the_contact_centre_registers_contacts(bram):
    with pytest.raises(PermissionDenied):
        phone_contact(bram)


def test_a_party_is_checked(karin):
    with pytest.raises(ValidationError) as bad_bsn:
        services.create_party(by=karin, kind=Party.Kind.PERSON, bsn="123456789")
    assert "bsn" in bad_bsn.value.message_dict
    with pytest.raises(ValidationError) as bsn_of_business:
        services.create_party(by=karin, kind=Party.Kind.ORGANISATION, bsn="999993653")
    assert "bsn" in bsn_of_business.value.message_dict
    with pytest.raises(ValidationError) as bad_kvk:
        services.create_party(by=karin, kind=Party.Kind.ORGANISATION, kvk_number="123")
    assert "kvk_number" in bad_kvk.value.message_dict
    with pytest.raises(ValidationError):
        services.party_for(by=karin)
    business = services.party_for(by=karin, kvk_number="12345678")
    assert business.kind == Party.Kind.ORGANISATION


def test_digital_addresses_are_checked_and_one_is_the_default(karin):
    party = services.party_for(by=karin, bsn="999993653")
    with pytest.raises(ValidationError):
        services.add_digital_address(by=karin, party=party, kind="email", address="geen-adres")
    with pytest.raises(ValidationError):
        services.add_digital_address(by=karin, party=party, kind="phone", address="12345")
    first = services.add_digital_address(
        by=karin, party=party, kind="email", address="a@example.com", is_default=True
    )
    second = services.add_digital_address(
        by=karin, party=party, kind="email", address="b@example.com", is_default=True
    )
    services.add_digital_address(by=karin, party=party, kind="social_media", address="@anna")
    assert not DigitalAddress.objects.get(pk=first.pk).is_default
    assert DigitalAddress.objects.get(pk=second.pk).is_default


def test_hand_over_to_a_department_with_a_deadline(karin, burgerzaken):
    contact = phone_contact(karin, outcome=Outcome.SOLVED)
    deadline = contact.occurred_at.date() + timedelta(days=3)

    task = services.hand_over(
        contact,
        by=karin,
        to=[burgerzaken],
        requested_action="Terugbellen over de kosten",
        deadline=deadline,
        reply_to="anna@example.com",
    )

    [actor] = task.actors.all()
    assert (actor.kind, actor.department) == (Actor.Kind.DEPARTMENT, burgerzaken)
    assert (task.status, task.deadline) == (InternalTask.Status.TO_DO, deadline)
    assert Contact.objects.get(pk=contact.pk).outcome == Outcome.HANDED_OVER
    with pytest.raises(ValidationError):
        services.hand_over(contact, by=karin, to=[], requested_action="Niemand")


def test_the_department_answers_and_the_citizen_is_mailed(karin, bram, burgerzaken):
    contact = phone_contact(karin, answer="Ik vraag het na.")
    task = services.hand_over(
        contact,
        by=karin,
        to=[burgerzaken],
        requested_action="Kosten nagaan",
        reply_to="anna@example.com",
    )

    task = services.close_task(task, by=bram, answer="Een paspoort kost € 84,70.")

    assert (task.status, task.closed_by) == (InternalTask.Status.DONE, bram)
    assert Contact.objects.get(pk=contact.pk).answer == (
        "Ik vraag het na.\n\nEen paspoort kost € 84,70."
    )
    mail = Mail.objects.get()
    assert task.reply_mail == mail and mail.to == "anna@example.com"
    assert "Een paspoort kost € 84,70." in mail.text_body
    assert contact.number in mail.text_body
    with pytest.raises(ValidationError):
        services.close_task(task, by=bram, answer="Nog eens")


def test_no_mail_when_the_citizen_did_not_ask(karin, bram, burgerzaken):
    task = services.hand_over(phone_contact(karin), by=karin, to=[bram], requested_action="Bellen")
    services.close_task(task, by=bram, answer="Gebeld.")
    assert not Mail.objects.exists()


def test_answer_and_mail_are_one_transaction(karin, bram, burgerzaken, monkeypatch):
    contact = phone_contact(karin)
    task = services.hand_over(
        contact, by=karin, to=[burgerzaken], requested_action="Nagaan", reply_to="a@example.com"
    )

    def broken_mail(**kwargs):
        raise RuntimeError("mail outbox unavailable")

    monkeypatch.setattr(services, "queue_mail", broken_mail)
    with pytest.raises(RuntimeError):
        services.close_task(task, by=bram, answer="Het antwoord.")

    assert InternalTask.objects.get(pk=task.pk).is_open
    assert Contact.objects.get(pk=contact.pk).answer == ""


def test_who_may_answer_a_task(karin, bram, outsider, burgerzaken):
    task = services.hand_over(
        phone_contact(karin), by=karin, to=[burgerzaken], requested_action="Nagaan"
    )
    with pytest.raises(PermissionDenied):
        services.close_task(task, by=outsider, answer="Niet van mij.")
    assert services.may_close_task(bram, task) and services.may_close_task(karin, task)

    personal = services.hand_over(
        phone_contact(karin), by=karin, to=[outsider], requested_action="Bellen"
    )
    assert services.may_close_task(outsider, personal)
    assert not services.may_close_task(bram, personal)


def test_an_actor_with_tasks_is_made_inactive_not_deleted(karin, burgerzaken):
    task = services.hand_over(
        phone_contact(karin), by=karin, to=[burgerzaken], requested_action="Nagaan"
    )
    actor = task.actors.get()
    with pytest.raises(ValidationError):
        services.delete_actor(actor, by=karin)
    assert not services.update_actor(actor, by=karin, active=False).active
