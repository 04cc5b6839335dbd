"""The work queue's selectors: who sees which queue, what it holds and each deadline's light."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from loket.cases.models import Case
from loket.workqueue.selectors import (
    Light,
    deadline_light,
    departments_with_counts,
    queue_cases,
    queue_department,
    visible_departments,
)
from tests.workqueue.helpers import (
    case_type_of,
    case_worker,
    close,
    department,
    open_in,
    today,
)


def days(n: int):
    return today() + timedelta(days=n)


@pytest.mark.parametrize(
    ("legal_in", "planned_in", "light"),
    [
        (-1, None, Light.OVERDUE),
        (-30, -40, Light.OVERDUE),
        (0, None, Light.AT_RISK),
        (5, None, Light.AT_RISK),
        (6, None, Light.ON_TIME),
        (30, -1, Light.AT_RISK),
        (30, 0, Light.ON_TIME),
        (30, 10, Light.ON_TIME),
        (None, None, Light.ON_TIME),
        (None, -1, Light.AT_RISK),
    ],
)
def test_deadline_light(legal_in, planned_in, light):
    case = Case(
        legal_end=None if legal_in is None else days(legal_in),
        planned_end=None if planned_in is None else days(planned_in),
    )

    assert deadline_light(case, today()) == light


def test_a_suspended_case_has_its_own_light_because_its_clock_stands_still():
    case = Case(legal_end=days(-3), is_suspended=True)

    assert deadline_light(case, today()) == Light.SUSPENDED


@pytest.mark.django_db
def test_members_see_their_departments_and_superusers_all(django_user_model):
    ours, other = department("burgerzaken", "Burgerzaken"), department("belastingen", "Belastingen")
    member = case_worker("bram", ours)
    outsider = case_worker("kees")
    boss = django_user_model.objects.create_superuser("root", "root@example.org", "x")

    assert list(visible_departments(member)) == [ours]
    assert list(visible_departments(outsider)) == []
    assert set(visible_departments(boss)) == {ours, other}
    assert list(visible_departments(AnonymousUser())) == []
    member.is_active = False
    assert list(visible_departments(member)) == []


@pytest.mark.django_db
def test_queue_department_refuses_a_department_the_user_is_not_in():
    ours, other = department("burgerzaken", "Burgerzaken"), department("belastingen", "Belastingen")
    member = case_worker("bram", ours)

    assert queue_department(member, "burgerzaken") == ours
    with pytest.raises(Http404):
        queue_department(member, other.code)
    with pytest.raises(Http404):
        queue_department(member, "does-not-exist")


@pytest.mark.django_db
def test_counts_hold_only_open_cases_in_one_query(django_assert_num_queries):
    ours = department("burgerzaken", "Burgerzaken")
    empty = department("belastingen", "Belastingen")
    elsewhere = department("parkeren", "Parkeren")
    member = case_worker("bram", ours, empty)
    case_type = case_type_of(ours)
    open_in(case_type)
    open_in(case_type)
    close(open_in(case_type))
    open_in(case_type, department=elsewhere)

    with django_assert_num_queries(1):
        counts = {d.code: d.open_cases for d in departments_with_counts(member)}

    assert counts == {"burgerzaken": 2, "belastingen": 0}


@pytest.mark.django_db
def test_the_counts_do_not_multiply_with_other_members():
    ours = department("burgerzaken", "Burgerzaken")
    member = case_worker("bram", ours)
    case_worker("kees", ours)
    open_in(case_type_of(ours))

    assert departments_with_counts(member).get().open_cases == 1


@pytest.mark.django_db
def test_a_case_lands_in_its_case_types_queue_or_the_one_routing_chose():
    civil, permits = department("burgerzaken", "Burgerzaken"), department("vergunningen", "V")
    case_type = case_type_of(civil)

    registered = open_in(case_type)
    routed = open_in(case_type, department=permits)

    assert list(queue_cases(civil)) == [registered]
    assert list(queue_cases(permits)) == [routed]


@pytest.mark.django_db
def test_queue_is_sorted_by_legal_end_then_registration():
    ours = department("burgerzaken", "Burgerzaken")
    case_type = case_type_of(ours)
    late = open_in(case_type, legal_in=40)
    soon_newer = open_in(case_type, legal_in=2, registered_days_ago=1)
    soon_older = open_in(case_type, legal_in=2, registered_days_ago=20)
    overdue = open_in(case_type, legal_in=-3)
    close(open_in(case_type, legal_in=-10))

    assert list(queue_cases(ours)) == [overdue, soon_older, soon_newer, late]
