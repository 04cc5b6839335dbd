"""What each staff role may do, checked by the services and selectors (not by templates).

A user's roles are their groups named after :class:`~loket.identity.roles.Role` (given by
``services.create_staff_account``). A superuser may do everything, in every department.
Permissions that belong to a department (working cases) also need membership of it.
"""

from enum import StrEnum

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists
from django.utils.translation import gettext as _

from loket.identity.roles import Role


class StaffPermission(StrEnum):
    WORK_CASES = "work_cases"  # open a department's queue and handle its cases
    VIEW_CASES = "view_cases"  # read a case to answer a citizen
    VIEW_CONTACTS = "view_contacts"  # the contact moments with citizens and businesses
    HANDLE_CONTACTS = "handle_contacts"  # register contacts, hand them over, close their tasks
    MANAGE_CATALOGUE = "manage_catalogue"  # products, case types, forms, mail templates
    MANAGE_APPLICATIONS = "manage_applications"  # API applications and their authorisations
    VIEW_INSIGHTS = "view_insights"  # figures and reports, read only
    VIEW_APPOINTMENTS = "view_appointments"  # the day list of appointments at a location


P = StaffPermission
PERMISSIONS: dict[Role, frozenset[StaffPermission]] = {
    Role.KCC: frozenset({P.VIEW_CONTACTS, P.HANDLE_CONTACTS, P.VIEW_CASES, P.VIEW_APPOINTMENTS}),
    Role.CASE_WORKER: frozenset({P.WORK_CASES, P.VIEW_CASES, P.VIEW_APPOINTMENTS}),
    Role.FUNCTIONAL_ADMIN: frozenset({P.MANAGE_CATALOGUE, P.MANAGE_APPLICATIONS}),
    Role.MANAGER: frozenset({P.VIEW_INSIGHTS}),
}
# These hold only in the departments the user is a member of.
PER_DEPARTMENT = frozenset({P.WORK_CASES})

_CACHE = "_loket_roles"


def roles_of(user) -> frozenset[Role]:
    """The user's roles; read once per user object (one query)."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    cached = getattr(user, _CACHE, None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        setattr(user, _CACHE, cached)
    return cached


def permissions_of(user) -> frozenset[StaffPermission]:
    if user.is_authenticated and user.is_active and user.is_superuser:
        return frozenset(StaffPermission)
    return frozenset().union(*(PERMISSIONS[role] for role in roles_of(user)))


def has_permission(user, permission: StaffPermission, department=None) -> bool:
    """Whether ``user`` may do this; in ``department`` when given (membership for
    department permissions, a superuser everywhere)."""
    if permission not in permissions_of(user):
        return False
    if department is None or permission not in PER_DEPARTMENT or user.is_superuser:
        return True
    return user.departments.filter(pk=department.pk).exists()


def roles_with(permission: StaffPermission) -> list[str]:
    """The group names of the roles that have this permission (for filters in queries)."""
    return sorted(role.value for role, given in PERMISSIONS.items() if permission in given)


def has_role_with(user, permission: StaffPermission) -> Exists:
    """A query condition: ``user`` has a role with this permission (superusers aside)."""
    return Exists(Group.objects.filter(user=user.pk, name__in=roles_with(permission)))


def require(user, permission: StaffPermission, department=None) -> None:
    """Raise ``PermissionDenied`` unless ``user`` may do this (in ``department``)."""
    if not has_permission(user, permission, department):
        raise PermissionDenied(_("Your role does not allow this."))
