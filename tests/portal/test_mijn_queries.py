"""Mijn omgeving and track & trace cost a fixed, small number of queries: the same for a
person with one case as with fifty, and for a case with one document as with ten."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from loket.cases.tracking import track_token
from loket.notify.services import queue_mail
from tests.portal.conftest import add_document, logged_in, make_case, person_visitor

pytestmark = pytest.mark.django_db

CASE_TYPES = ["VERHUIZING", "UITTREKSEL-BRP", "PASPOORT", "PARKEERVERGUNNING", "KWIJTSCHELDING"]
# The session's read, and its write of the last activity: an UPDATE between a SAVEPOINT and
# its RELEASE in the test's transaction (one statement in production).
SESSION = 4
# The count of the visitor's cases, their page, the number of steps of their case types.
OVERVIEW_QUERIES = SESSION + 3
# The case (with its type, status and result), the steps and history of the timeline, the
# documents and their versions, the notes of the statuses and of the case workers, the mails,
# the decisions, the satisfaction answer, the initiator's roles (who applied for whom).
CASE_QUERIES = SESSION + 11
# The case and its current status, the steps and history of the timeline, the satisfaction
# answer; no session (nobody is logged in).
TRACK_QUERIES = 5


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_cases(bsn: str, count: int) -> None:
    for number in range(count):
        closed = number % 3 == 0
        make_case(
            bsn=bsn,
            identification=CASE_TYPES[number % len(CASE_TYPES)],  # [1] cannot be suspended
            steps=1 + number % 2,
            closed=closed,
            suspended="Stuur een bewijsstuk." if number % 5 == 2 and not closed else "",
            days_ago=number % 30,
        )


def test_the_overview_costs_the_same_for_one_case_and_for_fifty(persons):
    a = persons[0]
    client = logged_in(person_visitor(a))
    add_cases(a.bsn, 1)
    client.get(reverse("portal:mijn"))  # the session's first write is not the point here
    one = queries_of(client, reverse("portal:mijn"))

    add_cases(a.bsn, 49)
    fifty = queries_of(client, reverse("portal:mijn"))

    assert one == fifty <= OVERVIEW_QUERIES


def test_the_overview_stays_within_its_queries(persons, django_assert_max_num_queries):
    a = persons[0]
    add_cases(a.bsn, 50)
    client = logged_in(person_visitor(a))
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        assert client.get(reverse("portal:mijn")).status_code == 200


def filled_case(bsn: str, documents: int):
    """A closed case with a decision, ``documents`` documents and as many mails."""
    from django.utils import timezone

    from loket.cases.decisions import create_decision

    case = make_case(bsn=bsn, identification="PARKEERVERGUNNING", steps=3, closed=True)
    for number in range(documents):
        add_document(case, title=f"Brief {number}", file_name=f"brief-{number}.pdf")
        queue_mail(to="a@example.nl", subject=f"Bericht {number}", text_body="…", case=case)
    create_decision(
        decision_type=case.case_type.decision_types.get(),
        case=case,
        date=timezone.localdate(),
        start_date=timezone.localdate(),
        responsible_organisation=case.source_organisation,
    )
    return case


def test_the_case_page_costs_the_same_for_one_document_and_for_ten(persons):
    a = persons[0]
    client = logged_in(person_visitor(a))
    small, large = filled_case(a.bsn, 1), filled_case(a.bsn, 10)
    client.get(reverse("portal:mijn"))

    one = queries_of(client, reverse("portal:mijn-case", args=[small.uuid]))
    ten = queries_of(client, reverse("portal:mijn-case", args=[large.uuid]))

    assert one == ten <= CASE_QUERIES


def test_the_track_page_costs_a_few_queries_whatever_the_case(persons):
    a = persons[0]
    client = logged_in(None)
    small = make_case(bsn=a.bsn)
    large = filled_case(a.bsn, 5)

    first = queries_of(client, reverse("portal:track", args=[track_token(small)]))
    second = queries_of(client, reverse("portal:track", args=[track_token(large)]))

    assert first <= second <= TRACK_QUERIES
