"""The demo's staff in their departments: the case worker in every queue, the others in none."""

import pytest
from django.contrib.auth import get_user_model

from loket.catalog.demo import load_demo_catalogue
from loket.catalog.models import Department
from loket.identity.demo import load_demo_identities, load_demo_memberships

pytestmark = pytest.mark.django_db


def departments_of(username: str) -> set[str]:
    user = get_user_model().objects.get(username=username)
    return set(user.departments.values_list("code", flat=True))


def test_the_demo_case_worker_works_in_every_department():
    load_demo_identities()
    load_demo_catalogue()
    load_demo_memberships()
    load_demo_memberships()  # the demo loads again on every start

    every = set(Department.objects.values_list("code", flat=True))
    assert len(every) == 9
    assert departments_of("behandelaar") == every
    assert departments_of("kcc") == set()
    assert departments_of("manager") == set()


def test_memberships_are_refused_outside_demo_mode(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.LOKET_DEMO_LOGIN = False

    with pytest.raises(ImproperlyConfigured):
        load_demo_memberships()
