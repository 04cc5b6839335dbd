"""The work queue pages: login, the departments with their counts, and a department's queue.

User-visible text is asserted in English (Accept-Language: en); Dutch comes with the .po file.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from loket.catalog.models import StatusType
from loket.identity.citizens import VISITOR_KEY
from tests.workqueue.helpers import (
    PASSWORD,
    case_type_of,
    case_worker,
    close,
    department,
    open_in,
    row_numbers,
    today,
    with_first_status,
)

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


def get(client, url, **params):
    return client.get(url, params, headers=EN)


def lights(html: str) -> list[str]:
    return re.findall(r'data-light="([a-z_]+)">([^<]+)<', html)


@pytest.fixture
def civil():
    return department("burgerzaken", "Burgerzaken", "Civil affairs")


@pytest.fixture
def worker(client, civil):
    user = case_worker("bram", civil)
    client.force_login(user)
    return user


@pytest.mark.parametrize("path", ["/werk/", "/werk/burgerzaken/"])
def test_the_queue_needs_a_login(client, civil, path):
    response = get(client, path)

    assert response.status_code == 302
    assert response["Location"] == f"/werk/inloggen/?next={path}"


def test_the_login_page_has_the_portal_look(client):
    response = get(client, reverse("workqueue:login"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html and "utrecht-page" in html
    assert '<h1 class="utrecht-heading-1">Log in for staff</h1>' in html
    assert '<label class="utrecht-form-label" for="id_username">User name</label>' in html
    assert 'autocomplete="current-password"' in html


def test_a_case_worker_logs_in_and_lands_on_the_queues(client, civil):
    case_worker("bram", civil)

    response = client.post(
        reverse("workqueue:login"), {"username": "bram", "password": PASSWORD}, headers=EN
    )

    assert response.status_code == 302 and response["Location"] == "/werk/"
    assert "Civil affairs" in get(client, "/werk/").content.decode()


def test_login_goes_back_to_the_page_asked_for(client, civil):
    case_worker("bram", civil)

    response = client.post(
        "/werk/inloggen/",
        {"username": "bram", "password": PASSWORD, "next": "/werk/burgerzaken/"},
        headers=EN,
    )

    assert response["Location"] == "/werk/burgerzaken/"


def test_a_staff_login_keeps_nothing_of_a_citizens_login_in_the_same_browser(client, civil):
    case_worker("bram", civil)
    session = client.session
    session[VISITOR_KEY] = {"bsn": "999993653", "name": "Iemand Anders", "method": "demo"}
    session.save()

    client.post("/werk/inloggen/", {"username": "bram", "password": PASSWORD}, headers=EN)

    assert VISITOR_KEY not in client.session
    assert client.session["_auth_user_id"]


def test_login_refuses_a_wrong_password_and_says_so(client, civil):
    case_worker("bram", civil)

    response = client.post("/werk/inloggen/", {"username": "bram", "password": "wrong"}, headers=EN)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html and "Please enter a correct username and password" in html
    assert 'aria-invalid="true"' in html
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post_and_returns_to_the_login(client, worker):
    assert client.get("/werk/uitloggen/").status_code == 405

    response = client.post("/werk/uitloggen/", headers=EN)

    assert response.status_code == 302 and response["Location"] == "/werk/inloggen/"
    assert get(client, "/werk/").status_code == 302


def test_queue_pages_are_not_cached(client, worker):
    assert "no-cache" in get(client, "/werk/")["Cache-Control"]


def test_the_index_lists_the_users_departments_with_their_open_cases(client, worker, civil):
    taxes = department("belastingen", "Belastingen", "Municipal taxes")
    permits = department("vergunningen", "Vergunningen", "Permits and enforcement")
    worker.departments.add(taxes)
    case_type = case_type_of(civil)
    open_in(case_type)
    open_in(case_type)
    close(open_in(case_type))
    open_in(case_type_of(permits, "OMGEVINGSVERGUNNING"))

    html = get(client, "/werk/").content.decode()

    assert "<caption" in html and 'scope="col"' in html
    assert re.search(r'href="/werk/burgerzaken/">Civil affairs</a></th>\s*<td[^>]*>2</td>', html)
    assert re.search(r'href="/werk/belastingen/">Municipal taxes</a></th>\s*<td[^>]*>0</td>', html)
    assert "Permits and enforcement" not in html
    assert "Logged in as Bram Behandel" in html


def test_the_index_says_when_the_user_has_no_department(client):
    client.force_login(case_worker("kees"))

    assert "You are not a member of any department yet" in get(client, "/werk/").content.decode()


def test_a_member_sees_the_open_cases_by_deadline_with_their_light(client, worker, civil):
    case_type = case_type_of(civil)
    StatusType.objects.filter(case_type=case_type, order=1).update(citizen_name_en="Received")
    on_time = with_first_status(open_in(case_type, legal_in=30))
    behind_plan = open_in(case_type, legal_in=20, planned_end=today() - timedelta(days=1))
    at_risk = open_in(case_type, legal_in=3)
    overdue = open_in(case_type, legal_in=-2)
    closed = close(open_in(case_type, legal_in=-5))
    elsewhere = open_in(case_type, legal_in=1, department=department("parkeren", "Parkeren"))

    response = get(client, "/werk/burgerzaken/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="utrecht-heading-1">Civil affairs</h1>' in html
    assert "4 open cases" in html
    assert row_numbers(html) == [
        overdue.identification,
        at_risk.identification,
        behind_plan.identification,
        on_time.identification,
    ]
    assert closed.identification not in html and elsewhere.identification not in html
    assert lights(html) == [
        ("overdue", "Overdue"),
        ("at_risk", "At risk"),
        ("at_risk", "At risk"),
        ("on_time", "On time"),
    ]
    assert 'utrecht-status-badge utrecht-status-badge--danger" data-light="overdue"' in html
    assert 'utrecht-status-badge--safe" data-light="on_time"' in html
    assert "Uittreksel BRP verstrekken" in html, "the case type's description"
    assert "Received" in html, "the status as the citizen reads it"
    assert "No status yet" in html
    assert f'<time datetime="{on_time.legal_end:%Y-%m-%d}">' in html


def test_the_queue_is_an_accessible_table(client, worker, civil):
    open_in(case_type_of(civil))

    html = get(client, "/werk/burgerzaken/").content.decode()

    assert '<caption class="utrecht-table__caption" id="queue-caption">' in html
    assert "Open cases of Civil affairs, earliest legal end date first" in html
    for header in ("Case number", "Case type", "Registered on", "Status", "Legal end date"):
        assert f'scope="col">{header}</th>' in html
    assert 'scope="row"' in html
    assert "<script" not in html


def test_a_non_member_gets_404(client, worker):
    department("belastingen", "Belastingen")

    assert get(client, "/werk/belastingen/").status_code == 404
    assert get(client, "/werk/does-not-exist/").status_code == 404


def test_a_superuser_sees_every_queue(client, django_user_model, civil):
    taxes = department("belastingen", "Belastingen", "Municipal taxes")
    open_in(case_type_of(taxes, "AANSLAG"))
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "x"))

    assert "Municipal taxes" in get(client, "/werk/").content.decode()
    assert "1 open case" in get(client, "/werk/belastingen/").content.decode()


def test_the_queue_is_paginated_by_50(client, worker, civil):
    case_type = case_type_of(civil)
    cases = [open_in(case_type, legal_in=n) for n in range(51)]

    first = get(client, "/werk/burgerzaken/").content.decode()
    second = get(client, "/werk/burgerzaken/", page=2).content.decode()

    assert len(row_numbers(first)) == 50 and "51 open cases" in first
    assert "Page 1 of 2" in first and 'rel="next" href="?page=2"' in first
    assert row_numbers(second) == [cases[-1].identification]
    assert 'rel="prev" href="?page=1"' in second and 'rel="next"' not in second
    assert row_numbers(get(client, "/werk/burgerzaken/", page="x").content.decode())[:1] == [
        cases[0].identification
    ]


def queries_of(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert get(client, path).status_code == 200
    return len(queries)


def test_the_queue_costs_the_same_queries_for_1_or_30_cases(client, worker, civil):
    case_type = case_type_of(civil)
    with_first_status(open_in(case_type))
    one = queries_of(client, "/werk/burgerzaken/")

    for n in range(29):
        with_first_status(open_in(case_type, legal_in=n))
    thirty = queries_of(client, "/werk/burgerzaken/")

    assert one == thirty
    assert thirty <= 11, (
        "session, user, department, members, case types, statuses (the filters' options), "
        "count, one page of cases; the contact centre's open tasks: roles, membership, tasks"
    )


def test_the_index_costs_the_same_queries_for_1_or_5_departments(client, worker, civil):
    one = queries_of(client, "/werk/")
    for n in range(4):
        extra = department(f"afdeling-{n}", f"Afdeling {n}")
        worker.departments.add(extra)
        open_in(case_type_of(extra, f"TYPE-{n}"))

    assert queries_of(client, "/werk/") == one
