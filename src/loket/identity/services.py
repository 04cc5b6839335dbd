"""State changes of users, roles and API clients. Views, CLI and the demo call these."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from loket.identity.models import ApiClient
from loket.identity.roles import Role


def role_group(role: Role) -> Group:
    group, _ = Group.objects.get_or_create(name=role.value)
    return group


@transaction.atomic
def create_staff_account(*, username: str, password: str, role: Role, full_name: str = ""):
    """Create (or reset) a staff account with one role."""
    first_name, _, last_name = full_name.partition(" ")
    user, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "is_active": True,
            # The admin site is the functioneel beheerder's workplace.
            "is_staff": role == Role.FUNCTIONAL_ADMIN,
            "is_superuser": role == Role.FUNCTIONAL_ADMIN,
        },
    )
    user.set_password(password)
    user.save()
    user.groups.set([role_group(role)])
    return user


@transaction.atomic
def register_api_client(
    *, client_id: str, secret: str, label: str = "", all_scopes: bool = False, scopes=()
) -> ApiClient:
    client, _ = ApiClient.objects.update_or_create(
        client_id=client_id,
        defaults={
            "secret": secret,
            "label": label,
            "all_scopes": all_scopes,
            "scopes": sorted(set(scopes)),
            "revoked_at": None,
        },
    )
    return client


def revoke_api_client(client_id: str, *, at) -> bool:
    """Refuse the client's tokens from ``at`` on; False when there was no active client."""
    return bool(
        ApiClient.objects.filter(client_id=client_id, revoked_at__isnull=True).update(revoked_at=at)
    )
