"""What a staff role may do is decided by loket.identity.permissions, in the services."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from loket.identity.permissions import PERMISSIONS, StaffPermission, has_permission, require
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.workqueue.selectors import departments_with_counts, queue_department
from tests.workqueue.helpers import case_worker, department

pytestmark = pytest.mark.django_db
P = StaffPermission


def staff(username: str, role: Role, *departments):
    user = create_staff_account(username=username, password="x" * 12, role=role)
    user.departments.set(departments)
    return user


def test_the_permission_map_names_what_each_role_does():
    assert P.WORK_CASES in PERMISSIONS[Role.CASE_WORKER]
    assert P.VIEW_CONTACTS in PERMISSIONS[Role.KCC] and P.WORK_CASES not in PERMISSIONS[Role.KCC]
    assert P.MANAGE_CATALOGUE in PERMISSIONS[Role.FUNCTIONAL_ADMIN]
    assert PERMISSIONS[Role.MANAGER] == {P.VIEW_INSIGHTS}, "read-only"


def test_a_case_worker_works_cases_only_in_their_departments():
    ours, other = department("burgerzaken", "Burgerzaken"), department("belastingen", "Belastingen")
    bram = case_worker("bram", ours)

    require(bram, P.WORK_CASES, department=ours)
    with pytest.raises(PermissionDenied):
        require(bram, P.WORK_CASES, department=other)
    with pytest.raises(PermissionDenied):
        require(bram, P.MANAGE_CATALOGUE)


@pytest.mark.parametrize("role", [Role.KCC, Role.MANAGER])
def test_kcc_and_manager_are_refused_a_queue_by_the_selector(role):
    # Even as a member of the department: the role does not work cases.
    ours = department("burgerzaken", "Burgerzaken")
    user = staff("someone", role, ours)

    with pytest.raises(PermissionDenied):
        queue_department(user, "burgerzaken")
    with pytest.raises(PermissionDenied):
        require(user, P.WORK_CASES, department=ours)
    assert list(departments_with_counts(user)) == []


def test_kcc_and_manager_get_403_on_a_queue_page(client, settings):
    settings.LOKET_STAFF_SECOND_FACTOR = False
    department("burgerzaken", "Burgerzaken")
    client.force_login(staff("karin", Role.KCC))

    assert client.get("/werk/burgerzaken/").status_code == 403


def test_a_case_worker_outside_the_department_gets_404_as_for_no_department():
    department("belastingen", "Belastingen")
    bram = case_worker("bram")

    with pytest.raises(Http404):
        queue_department(bram, "belastingen")


def test_the_other_roles_have_their_own_permissions():
    karin, mirjam = staff("karin", Role.KCC), staff("mirjam", Role.MANAGER)
    fenna = staff("fenna", Role.FUNCTIONAL_ADMIN)

    assert has_permission(karin, P.VIEW_CONTACTS) and not has_permission(karin, P.VIEW_INSIGHTS)
    assert has_permission(mirjam, P.VIEW_INSIGHTS) and not has_permission(mirjam, P.VIEW_CASES)
    assert has_permission(fenna, P.MANAGE_CATALOGUE)


def test_superusers_may_do_everything_and_inactive_users_nothing(django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    ours = department("burgerzaken", "Burgerzaken")
    bram = case_worker("bram", ours)
    bram.is_active = False

    assert all(has_permission(root, p, department=ours) for p in StaffPermission)
    assert not has_permission(bram, P.WORK_CASES, department=ours)
