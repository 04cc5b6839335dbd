"""Filtering the queue, and claiming, assigning and bulk assigning its cases.

User-visible text is asserted in English (Accept-Language: en).
"""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.cases.services import CaseError, assign_case
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.notify.models import Event
from loket.workqueue.selectors import Light, deadline_light, light_filter, queue_cases
from loket.workqueue.services import assign_cases
from tests.workqueue.helpers import (
    PASSWORD,
    case_type_of,
    case_worker,
    department,
    open_in,
    row_numbers,
    today,
    with_first_status,
)

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}
QUEUE = "/werk/burgerzaken/"


def get(client, **params):
    response = client.get(QUEUE, params, headers=EN)
    assert response.status_code == 200
    return response.content.decode()


def post(client, action: str, data: dict):
    return client.post(f"{QUEUE}{action}", data, headers=EN, follow=True)


def kcc(username: str, *departments):
    user = create_staff_account(
        username=username, password=PASSWORD, role=Role.KCC, full_name="Karin Contact"
    )
    user.departments.set(departments)
    return user


@pytest.fixture
def civil():
    return department("burgerzaken", "Burgerzaken", "Civil affairs")


@pytest.fixture
def worker(client, civil):
    user = case_worker("bram", civil)
    client.force_login(user)
    return user


@pytest.fixture
def colleague(civil):
    user = case_worker("cor", civil)
    user.first_name, user.last_name = "Cor", "Collega"
    user.save()
    return user


@pytest.fixture
def case_type(civil):
    return case_type_of(civil)


# Filters


def test_the_queue_filters_by_case_type_and_status(client, worker, civil, case_type):
    other_type = case_type_of(civil, "PASPOORT")
    with_status = with_first_status(open_in(case_type, legal_in=5))
    without = open_in(case_type, legal_in=6)
    passport = open_in(other_type, legal_in=7)

    by_type = get(client, case_type=other_type.pk)
    by_status = get(client, status=with_status.current_status_id)

    assert row_numbers(by_type) == [passport.identification]
    assert "1 open case matches the filters" in by_type
    assert row_numbers(by_status) == [with_status.identification]
    assert without.identification in get(client)


@pytest.mark.parametrize("light", [Light.OVERDUE, Light.AT_RISK, Light.ON_TIME])
def test_the_queue_filters_by_deadline_light(client, worker, case_type, light):
    cases = {
        Light.OVERDUE: open_in(case_type, legal_in=-2),
        Light.AT_RISK: open_in(case_type, legal_in=3),
        Light.ON_TIME: open_in(case_type, legal_in=30),
    }
    behind_plan = open_in(case_type, legal_in=20, planned_end=today() - timedelta(days=1))

    html = get(client, light=light.value)

    expected = [cases[light].identification]
    if light == Light.AT_RISK:
        expected.append(behind_plan.identification)
    assert row_numbers(html) == expected


def test_the_light_filter_agrees_with_the_light_of_each_case(case_type):
    for legal_in in (-3, 0, 5, 6, 40):
        open_in(case_type, legal_in=legal_in)
    open_in(case_type, legal_in=20, planned_end=today() - timedelta(days=1))
    cases = list(queue_cases(case_type.department))

    for light in Light:
        chosen = set(queue_cases(case_type.department).filter(light_filter(light, today())))
        assert chosen == {c for c in cases if deadline_light(c, today()) == light}


def test_the_queue_filters_by_assignee(client, worker, colleague, case_type):
    mine = open_in(case_type, legal_in=1)
    theirs = open_in(case_type, legal_in=2)
    nobodys = open_in(case_type, legal_in=3)
    assign_case(mine, worker, by=worker)
    assign_case(theirs, colleague, by=worker)

    assert row_numbers(get(client, assignee="me")) == [mine.identification]
    assert row_numbers(get(client, assignee="nobody")) == [nobodys.identification]
    assert row_numbers(get(client, assignee=colleague.pk)) == [theirs.identification]
    assert len(row_numbers(get(client, assignee="somebody else"))) == 3, "ignored"


def test_the_filters_are_a_plain_get_form_kept_by_the_pages(client, worker, case_type):
    for n in range(51):
        open_in(case_type, legal_in=10 + n)

    html = get(client, light="on_time")

    assert '<form class="loket-queue-filters" method="get"' in html
    assert '<option value="on_time" selected>On time</option>' in html
    assert 'rel="next" href="?light=on_time&amp;page=2"' in html
    assert "<script" not in html


def test_the_assignee_column_shows_who_handles_each_case(client, worker, colleague, case_type):
    assign_case(open_in(case_type, legal_in=1), colleague, by=worker)
    open_in(case_type, legal_in=2)

    html = get(client)

    assert 'scope="col">Assigned to</th>' in html
    assert re.findall(r'data-assignee="(\d*)">([^<]+)<', html) == [
        (str(colleague.pk), "Cor Collega"),
        ("", "Nobody"),
    ]


def queries_of(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        get(client, **params)
    return len(queries)


def test_the_filtered_queue_costs_the_same_queries_for_1_or_30_cases(
    client, worker, colleague, case_type
):
    filters = {"case_type": case_type.pk, "light": "on_time", "assignee": colleague.pk}
    assign_case(with_first_status(open_in(case_type, legal_in=40)), colleague, by=worker)
    one = queries_of(client, **filters)
    for n in range(29):
        case = with_first_status(open_in(case_type, legal_in=40 + n))
        assign_case(case, colleague, by=worker)
        case_worker(f"extra-{n}", case_type.department)

    assert queries_of(client, **filters) == one
    assert len(row_numbers(get(client, **filters))) == 30


# Claim, assign, reassign, bulk


def test_claim_assigns_the_case_to_me(client, worker, case_type):
    case = open_in(case_type)

    response = post(client, "oppakken/", {"claim": str(case.uuid), "query": "light=on_time"})

    case.refresh_from_db()
    assert case.assignee == worker
    assert response.redirect_chain[-1][0] == f"{QUEUE}?light=on_time"
    assert "1 case is now assigned to Bram Behandel." in response.content.decode()
    assert Event.objects.filter(kind="case_assigned", case=case).count() == 1


def test_reassign_to_a_colleague_and_to_nobody(client, worker, colleague, case_type):
    case = open_in(case_type)
    assign_case(case, worker, by=worker)
    field = f"assignee-{case.uuid}"

    post(client, "toewijzen/", {"assign": str(case.uuid), field: str(colleague.pk)})
    case.refresh_from_db()
    assert case.assignee == colleague

    post(client, "toewijzen/", {"assign": str(case.uuid), field: "nobody"})
    case.refresh_from_db()
    assert case.assignee is None
    assert Event.objects.filter(kind="case_assigned", case=case).count() == 3


def test_the_assign_select_offers_the_case_workers_of_the_department(
    client, worker, colleague, civil, case_type
):
    open_in(case_type)
    kcc("karin", civil)
    case_worker("elsewhere", department("parkeren", "Parkeren"))

    html = get(client)

    assert f'<option value="{colleague.pk}">Cor Collega</option>' in html
    assert "Karin Contact" not in html
    assert html.count('<option value="nobody"') == 3, "the filter, the row and the bulk select"


def test_bulk_assign_assigns_every_ticked_case(client, worker, colleague, case_type):
    cases = [open_in(case_type, legal_in=n) for n in range(3)]

    response = post(
        client,
        "toewijzen/meerdere/",
        {"cases": [str(c.uuid) for c in cases[:2]], "bulk_assignee": str(colleague.pk)},
    )

    assert "2 cases are now assigned to Cor Collega." in response.content.decode()
    for case in cases:
        case.refresh_from_db()
    assert [case.assignee for case in cases] == [
        colleague,
        colleague,
        None,
    ]


def test_bulk_assign_is_one_transaction(worker, colleague, case_type):
    cases = [open_in(case_type, legal_in=n) for n in range(3)]
    parking = department("parkeren", "Parkeren")
    worker.departments.add(parking)  # may assign there, but the colleague does not work there
    cases[2].department = parking
    cases[2].save()

    with pytest.raises(CaseError):
        assign_cases(cases, colleague, by=worker)

    assert not case_type.cases.filter(assignee__isnull=False).exists(), "all undone"
    assert not Event.objects.filter(kind="case_assigned").exists()


def test_bulk_assign_without_a_choice_assigns_nothing(client, worker, case_type):
    case = open_in(case_type)

    response = post(client, "toewijzen/meerdere/", {"cases": [str(case.uuid)]})

    assert "Choose a case worker of this department." in response.content.decode()
    case.refresh_from_db()
    assert case.assignee is None


def test_a_non_member_cannot_be_assigned(client, worker, case_type):
    outsider = case_worker("otto", department("parkeren", "Parkeren"))
    case = open_in(case_type)

    response = post(
        client,
        "toewijzen/",
        {"assign": str(case.uuid), f"assignee-{case.uuid}": str(outsider.pk)},
    )

    html = response.content.decode()
    assert "Only a case worker of the case&#x27;s department can be assigned the case." in html
    case.refresh_from_db()
    assert case.assignee is None
    with pytest.raises(CaseError):
        assign_case(case, outsider, by=worker)


def test_a_kcc_member_cannot_be_assigned(worker, civil, case_type):
    case = open_in(case_type)

    with pytest.raises(CaseError):
        assign_case(case, kcc("karin", civil), by=worker)


def test_a_kcc_user_cannot_assign(client, civil, colleague, case_type):
    karin = kcc("karin", civil)
    case = open_in(case_type)

    with pytest.raises(PermissionDenied):
        assign_case(case, colleague, by=karin)
    client.force_login(karin)
    response = client.post(f"{QUEUE}oppakken/", {"claim": str(case.uuid)}, headers=EN)

    assert response.status_code == 403
    case.refresh_from_db()
    assert case.assignee is None


def test_a_case_worker_of_another_department_cannot_assign(client, colleague, case_type):
    case = open_in(case_type)
    client.force_login(case_worker("otto", department("parkeren", "Parkeren")))

    response = client.post(f"{QUEUE}oppakken/", {"claim": str(case.uuid)}, headers=EN)

    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        assign_case(case, colleague, by=case_worker("otto"))


def test_assigning_needs_a_post(client, worker, case_type):
    case = open_in(case_type)

    assert client.get(f"{QUEUE}oppakken/", {"claim": str(case.uuid)}).status_code == 405


def test_a_case_of_another_queue_is_not_found(client, worker):
    other = open_in(case_type_of(department("parkeren", "Parkeren"), "PARKEERVERGUNNING"))

    response = client.post(f"{QUEUE}oppakken/", {"claim": str(other.uuid)})

    assert response.status_code == 404
    assert client.post(f"{QUEUE}oppakken/", {"claim": "not-a-uuid"}).status_code == 404
