"""What the contact centre reads: a department's open tasks with the overdue flag,
first-contact resolution per channel, the person search and the 360° view."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from loket.cases.models import CaseDocument
from loket.contacts import selectors, services
from loket.contacts.models import Channel, Outcome
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.notify.services import queue_mail
from tests.cases.factories import published_case_type
from tests.contacts.helpers import case_of
from tests.workqueue.helpers import PASSWORD, case_type_of, close, today

pytestmark = pytest.mark.django_db


def contact(by, channel=Channel.PHONE, outcome=Outcome.SOLVED, **fields):
    return services.register_contact(
        by=by, channel=channel, subject="Vraag", outcome=outcome, **fields
    )


def test_open_tasks_of_a_department_with_overdue(karin, bram, outsider, burgerzaken):
    late = services.hand_over(
        contact(karin),
        by=karin,
        to=[burgerzaken],
        requested_action="Te laat",
        deadline=today() - timedelta(days=1),
    )
    due = services.hand_over(
        contact(karin),
        by=karin,
        to=[burgerzaken],
        requested_action="Op tijd",
        deadline=today() + timedelta(days=2),
    )
    done = services.hand_over(contact(karin), by=karin, to=[burgerzaken], requested_action="Af")
    services.close_task(done, by=bram, answer="Klaar.")

    tasks = list(selectors.open_tasks_of_department(bram, burgerzaken))

    assert [(t.pk, t.overdue) for t in tasks] == [(late.pk, True), (due.pk, False)]
    assert len(selectors.open_tasks_of_department(karin, burgerzaken)) == 2
    with pytest.raises(PermissionDenied):
        selectors.open_tasks_of_department(outsider, burgerzaken)


def test_first_contact_resolution_per_channel(karin, bram, burgerzaken):
    contact(karin, Channel.PHONE)
    contact(karin, Channel.PHONE)
    handed = contact(karin, Channel.PHONE)
    services.hand_over(handed, by=karin, to=[burgerzaken], requested_action="Nagaan")
    contact(karin, Channel.COUNTER)
    contact(karin, Channel.EMAIL, outcome="")  # no outcome recorded: not counted
    contact(karin, Channel.PHONE, occurred_at=timezone.now() - timedelta(days=40))

    with CaptureQueriesContext(connection) as queries:
        figures = selectors.first_contact_resolution(
            karin, start=today() - timedelta(days=7), end=today()
        )

    assert len(queries.captured_queries) <= 2  # the user's roles, the counts
    by_channel = {f.channel: f for f in figures}
    assert set(by_channel) == set(Channel)
    assert (by_channel[Channel.PHONE].solved, by_channel[Channel.PHONE].total) == (2, 3)
    assert by_channel[Channel.COUNTER].rate == 1
    assert by_channel[Channel.EMAIL].total == 0 and by_channel[Channel.EMAIL].rate is None
    manager = create_staff_account(username="mia", password=PASSWORD, role=Role.MANAGER)
    assert selectors.first_contact_resolution(manager, start=today(), end=today())
    with pytest.raises(PermissionDenied):
        selectors.first_contact_resolution(bram, start=today(), end=today())


def test_find_a_person_in_every_way(karin, person, burgerzaken):
    case = case_of(case_type_of(burgerzaken), person.bsn, contact_email="x@example.com")
    address = person.address

    assert [p.bsn for p in selectors.find_persons(karin, bsn=person.bsn)] == [person.bsn]
    by_name = selectors.find_persons(karin, surname=person.surname, birth_date=person.birth_date)
    assert person.bsn in [p.bsn for p in by_name]
    by_address = selectors.find_persons(
        karin, postcode=address.postcode, house_number=address.house_number
    )
    assert person.bsn in [p.bsn for p in by_address]
    assert [p.bsn for p in selectors.find_persons(karin, case_number=case.identification)] == [
        person.bsn
    ]
    assert [p.bsn for p in selectors.find_persons(karin, email="X@example.com")] == [person.bsn]
    assert selectors.find_persons(karin, case_number="ZAAK-BESTAAT-NIET") == []
    with pytest.raises(ValidationError):
        selectors.find_persons(karin, bsn="123456789")


def test_find_by_an_e_mail_address_given_in_a_contact(karin, person):
    party = services.party_for(by=karin, bsn=person.bsn)
    services.add_digital_address(by=karin, party=party, kind="email", address="anna@example.com")
    contact(karin, party=party)
    assert [p.bsn for p in selectors.find_persons(karin, email="anna@example.com")] == [person.bsn]


def test_only_the_contact_centre_searches_persons(bram, person):
    with pytest.raises(PermissionDenied):
        selectors.find_persons(bram, bsn=person.bsn)


def test_the_360_view_gathers_everything_about_a_person(karin, bram, person, burgerzaken):
    case_type = case_type_of(burgerzaken)
    running = case_of(case_type, person.bsn)
    finished = close(case_of(case_type, person.bsn))
    case_of(case_type, "999990019")  # someone else's
    party = services.party_for(by=karin, bsn=person.bsn)
    by_phone = contact(karin, party=party)
    about_case = contact(karin, Channel.COUNTER, cases=[running])  # without the party
    contact(karin, Channel.EMAIL)  # someone else's
    task = services.hand_over(
        by_phone, by=karin, to=[burgerzaken], requested_action="Nagaan", reply_to="a@example.com"
    )
    task = services.close_task(task, by=bram, answer="Het antwoord.")
    queue_mail(to="a@example.com", subject="Status", text_body="…", case=running)

    view = selectors.person_overview(karin, person.bsn)

    assert view.person.bsn == person.bsn
    assert view.open_cases == [running] and view.closed_cases == [finished]
    assert view.open_cases[0].current_status_id == running.current_status_id
    assert {c.pk for c in view.contacts} == {by_phone.pk, about_case.pk}
    assert {m.subject for m in view.mails} == {"Status", task.reply_mail.subject}
    assert view.documents == list(CaseDocument.objects.filter(case__initiator_bsn=person.bsn))
    with pytest.raises(Http404):
        selectors.person_overview(karin, "999990020")
    with pytest.raises(PermissionDenied):
        selectors.person_overview(bram, person.bsn)


def test_the_360_view_costs_the_same_whatever_the_history(karin, person, burgerzaken):
    case_type = published_case_type(
        identification="MELDING", department=burgerzaken, valid_from=date(2020, 1, 1)
    )
    party = services.party_for(by=karin, bsn=person.bsn)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            selectors.person_overview(karin, person.bsn)
        return len(context.captured_queries)

    case_of(case_type, person.bsn)
    contact(karin, party=party)
    few = queries()
    for _ in range(5):
        case = case_of(case_type, person.bsn)
        contact(karin, party=party, cases=[case])
    assert queries() == few
