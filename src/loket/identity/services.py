"""State changes of users, roles, API applications and their clients.

Views, the Autorisaties API, the CLI and the demo call these. An application's authorisations
are replaced as a whole, in one transaction, so a client never runs on half of a new set;
authentication reads them on every request, so the new set holds from the next call on.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from loket.identity.models import ApiAuthorization, ApiClient, Application
from loket.identity.roles import ADMIN_VIEW_PERMISSIONS, Role

Component = ApiAuthorization.Component

# The component whose API a scope opens, by the scope's first word (``zaken.lezen``).
COMPONENTS_OF_PREFIX = {
    "zaken": (Component.CASES,),
    "catalogi": (Component.CATALOGUE,),
    "documenten": (Component.DOCUMENTS,),
    "besluiten": (Component.DECISIONS,),
    "autorisaties": (Component.AUTHORISATIONS,),
    "notificaties": (Component.NOTIFICATIONS,),
    "klantinteracties": (Component.CONTACTS,),
    "audittrails": (Component.CASES, Component.DOCUMENTS, Component.DECISIONS),
}

# ac-003: with a scope on its main resource, these components need these fields.
REQUIRED_PER_COMPONENT = {
    Component.CASES: ("zaken.", ("case_type", "max_confidentiality")),
    Component.DOCUMENTS: ("documenten.", ("document_type", "max_confidentiality")),
    Component.DECISIONS: ("besluiten.", ("decision_type",)),
}


def role_group(role: Role) -> Group:
    group, _ = Group.objects.get_or_create(name=role.value)
    wanted = ADMIN_VIEW_PERMISSIONS.get(role, ())
    if wanted:
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, _dot, codename in (name.partition(".") for name in wanted)
        )
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
            # The admin site is the functioneel beheerder's workplace; other roles read there
            # only what ADMIN_VIEW_PERMISSIONS gives them.
            "is_staff": role == Role.FUNCTIONAL_ADMIN or role in ADMIN_VIEW_PERMISSIONS,
            "is_superuser": role == Role.FUNCTIONAL_ADMIN,
        },
    )
    user.set_password(password)
    user.save()
    user.groups.set([role_group(role)])
    return user


def components_of(scope: str) -> tuple[str, ...]:
    prefix = scope.split(".", 1)[0]
    if prefix not in COMPONENTS_OF_PREFIX:
        raise ValueError(
            _("The scope %(scope)s names no component Loket knows (%(prefixes)s).")
            % {"scope": scope, "prefixes": ", ".join(sorted(COMPONENTS_OF_PREFIX))}
        )
    return COMPONENTS_OF_PREFIX[prefix]


@transaction.atomic
def register_api_client(
    *,
    client_id: str,
    secret: str,
    label: str = "",
    all_scopes: bool = False,
    scopes=(),
    partner: bool = False,
) -> ApiClient:
    """Add a client as an application of its own, or give an existing client a new secret and
    its application these scopes instead of the ones it had.

    Each scope holds on every type of the component it belongs to (``zaken.lezen`` on every
    case type, at every confidentiality level); narrower authorisations are set in the admin
    or through the Autorisaties API. A ``partner`` (an outside organisation) has every call
    logged (``loket.identity.api_calls``).
    """
    per_component: dict[str, set[str]] = {}
    for scope in scopes:
        for component in components_of(scope):
            per_component.setdefault(component, set()).add(scope)
    client = ApiClient.objects.select_related("application").filter(client_id=client_id).first()
    if client is None:
        application = Application.objects.create(
            label=label or client_id, all_scopes=all_scopes, partner=partner
        )
        client = ApiClient(application=application, client_id=client_id)
    else:
        application = client.application
        application.label = label or application.label
        application.all_scopes = all_scopes
        application.partner = partner
        application.save(update_fields=["label", "all_scopes", "partner"])
    client.secret = secret
    client.revoked_at = None
    client.save()
    replace_authorizations(
        application,
        [{"component": c, "scopes": sorted(s)} for c, s in sorted(per_component.items())],
    )
    return client


def set_client_secret(client_id: str, secret: str) -> bool:
    """Give a client id its JWT secret (e.g. one registered through the Autorisaties API)."""
    return bool(ApiClient.objects.filter(client_id=client_id).update(secret=secret))


def revoke_api_client(client_id: str, *, at) -> bool:
    """Refuse the client's tokens from ``at`` on; False when there was no active client."""
    return bool(
        ApiClient.objects.filter(client_id=client_id, revoked_at__isnull=True).update(revoked_at=at)
    )


def missing_fields(authorization: dict) -> list[str]:
    """ac-003: the fields an authorisation given through the Autorisaties API lacks."""
    prefix, required = REQUIRED_PER_COMPONENT.get(authorization.get("component"), (None, ()))
    if prefix is None or not any(s.startswith(prefix) for s in authorization.get("scopes", ())):
        return []
    return [name for name in required if not authorization.get(name)]


@transaction.atomic
def create_application(
    *, label: str, client_ids, all_scopes: bool = False, authorizations=()
) -> Application:
    """Register an applicatie with its client ids (without secrets yet) and authorisations."""
    check_application(None, client_ids, all_scopes, authorizations)
    application = Application.objects.create(label=label, all_scopes=all_scopes)
    set_client_ids(application, client_ids)
    replace_authorizations(application, authorizations)
    return application


@transaction.atomic
def update_application(application: Application, **changes) -> Application:
    """Change label, client ids, "all scopes" or authorisations; what is not given stays.

    Given authorisations replace the ones the application had. A client id that is dropped
    loses its credentials; one that stays keeps its secret.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    client_ids = changes.get("client_ids")
    all_scopes = changes.get("all_scopes", application.all_scopes)
    authorizations = changes.get("authorizations")
    if authorizations is None:
        authorizations = application.authorizations.all()
    check_application(application, client_ids or (), all_scopes, authorizations)
    application.label = changes.get("label", application.label)
    application.all_scopes = all_scopes
    application.save(update_fields=["label", "all_scopes"])
    if client_ids is not None:
        set_client_ids(application, client_ids)
    if "authorizations" in changes:
        replace_authorizations(application, changes["authorizations"])
    return application


def delete_application(application: Application) -> None:
    """Remove the application with its client ids and authorisations: its tokens fail at once."""
    application.delete()


def check_application(application, client_ids, all_scopes: bool, authorizations) -> None:
    taken = ApiClient.objects.filter(client_id__in=client_ids)
    if application is not None:
        taken = taken.exclude(application=application)
    if used := sorted(taken.values_list("client_id", flat=True)):  # ac-001
        raise ValidationError(
            {
                "client_ids": ValidationError(
                    _("These client ids belong to another application already: %(ids)s.")
                    % {"ids": ", ".join(used)},
                    code="clientId-exists",
                )
            }
        )
    if all_scopes and authorizations:  # ac-002
        raise ValidationError(
            _("Give either autorisaties or heeftAlleAutorisaties, not both."),
            code="ambiguous-authorizations-specified",
        )
    if not all_scopes and not authorizations:
        raise ValidationError(
            _("Give autorisaties, or set heeftAlleAutorisaties."), code="missing-authorizations"
        )


def set_client_ids(application: Application, client_ids) -> None:
    wanted = set(client_ids)
    application.clients.exclude(client_id__in=wanted).delete()
    existing = set(application.clients.values_list("client_id", flat=True))
    ApiClient.objects.bulk_create(
        ApiClient(application=application, client_id=client_id)
        for client_id in sorted(wanted - existing)
    )


def replace_authorizations(application: Application, authorizations) -> None:
    application.authorizations.all().delete()
    ApiAuthorization.objects.bulk_create(
        ApiAuthorization(application=application, **authorization)
        for authorization in authorizations
    )
