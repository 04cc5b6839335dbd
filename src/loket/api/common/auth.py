"""ZGW JWT authentication: ``Authorization: Bearer <jwt>``, HS256, one shared secret per client.

The token names its client in the ``client_id`` claim (older clients: ``iss``); the secret is
the registered :class:`~loket.identity.models.ApiClient`'s. ``iat`` is required, ``exp`` is
honoured when present, and both allow ``LOKET_JWT_LEEWAY`` seconds of clock difference.
Authentication costs one query (the client with its application and the application's
authorisations, joined), whatever their number; only its SQL is built once per process
(``loket.precompiled``). Nothing else is cached: a change of an application's authorisations
holds from its next request on.
"""

from dataclasses import dataclass, field

import jwt
from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from loket.api.common.authorisations import Grant
from loket.identity.demo import DEMO_API_CLIENT_ID
from loket.identity.models import ApiAuthorization, ApiClient
from loket.precompiled import Precompiled

ALGORITHM = "HS256"
AUTHORISATION_FIELDS = (
    "component",
    "scopes",
    "case_type",
    "document_type",
    "decision_type",
    "max_confidentiality",
)


@dataclass(frozen=True)
class ApiUser:
    """The calling system, as DRF's ``request.user``."""

    client_id: str
    all_scopes: bool
    label: str = ""  # the application's name, shown in the audit trail
    partner: bool = False  # an outside organisation: every call is logged (identity.api_calls)
    scopes: frozenset[str] = field(default_factory=frozenset)  # held on some type or other
    grants: tuple[Grant, ...] = ()
    claims: dict = field(default_factory=dict, compare=False)

    is_authenticated = True
    is_anonymous = False

    def has_any_scope(self, scopes) -> bool:
        """Whether the client has one of ``scopes`` at all, on some type or other; what it may
        do with one object is :func:`loket.api.common.authorisations.may`."""
        return (
            self.all_scopes
            or not self.scopes.isdisjoint(scopes)
            or any(not grant.scopes.isdisjoint(scopes) for grant in self.grants)
        )


class ZgwJwtAuthentication(BaseAuthentication):
    keyword = b"bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("Give the token as: Authorization: Bearer <jwt>."))
        token = parts[1].decode("latin-1")
        client = self.client_for(client_id_of(token))
        claims = verify(token, client.secret)
        user = ApiUser(
            client_id=client.client_id,
            all_scopes=client.all_scopes,
            label=client.label,
            partner=client.partner,
            scopes=frozenset().union(*(grant.scopes for grant in client.grants)),
            grants=client.grants,
            claims=claims,
        )
        return user, claims

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="loket"'

    @staticmethod
    def client_for(client_id: str) -> "RegisteredClient":
        if client_id == DEMO_API_CLIENT_ID and not settings.LOKET_DEMO_LOGIN:
            raise AuthenticationFailed(_("The demo client exists only in demo mode."))
        rows = CLIENT_WITH_AUTHORISATIONS.rows(client_id)
        if not rows:
            raise AuthenticationFailed(_("Unknown or revoked client."))
        registered_id, secret, all_scopes, label, partner = rows[0][:5]
        if not secret:
            raise AuthenticationFailed(
                _("The client has no secret yet; the functioneel beheerder sets one.")
            )
        authorisations = (
            ApiAuthorization(**dict(zip(AUTHORISATION_FIELDS, row[5:], strict=True)))
            for row in rows
            if row[5] is not None
        )
        grants = tuple(
            Grant(
                component=a.component,
                scopes=frozenset(a.scopes),
                type_url=a.type_url,
                max_confidentiality=a.max_confidentiality,
            )
            for a in authorisations
        )
        return RegisteredClient(registered_id, secret, all_scopes, label, partner, grants)


# One row per authorisation; a client without any has one row with empty ones.
CLIENT_WITH_AUTHORISATIONS = Precompiled(
    lambda client_id: (
        ApiClient.objects.filter(client_id=client_id, revoked_at__isnull=True)
        .order_by("application__authorizations__component", "application__authorizations")
        .values_list(
            "client_id",
            "secret",
            "application__all_scopes",
            "application__label",
            "application__partner",
            *(f"application__authorizations__{name}" for name in AUTHORISATION_FIELDS),
        )
    )
)


@dataclass(frozen=True)
class RegisteredClient:
    """A client as registered, with its application's authorisations."""

    client_id: str
    secret: str
    all_scopes: bool
    label: str
    partner: bool
    grants: tuple[Grant, ...]


def client_id_of(token: str) -> str:
    """The client the token claims to be from; only trusted after :func:`verify`."""
    try:
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.InvalidTokenError:
        raise AuthenticationFailed(_("The token is not a valid JWT.")) from None
    client_id = unverified.get("client_id") or unverified.get("iss")
    if not client_id or not isinstance(client_id, str):
        raise AuthenticationFailed(_("The token names no client (client_id or iss claim)."))
    return client_id


def verify(token: str, secret: str) -> dict:
    try:
        return jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            leeway=settings.LOKET_JWT_LEEWAY,
            options={"require": ["iat"], "verify_aud": False},
        )
    except jwt.ExpiredSignatureError:
        raise AuthenticationFailed(_("The token has expired."), code="token-expired") from None
    except jwt.ImmatureSignatureError:
        raise AuthenticationFailed(
            _("The token was issued in the future; check the client's clock."),
            code="token-not-yet-valid",
        ) from None
    except jwt.MissingRequiredClaimError:
        raise AuthenticationFailed(
            _("The token has no iat claim (the time it was issued)."), code="missing-iat"
        ) from None
    except jwt.InvalidTokenError:
        raise AuthenticationFailed(
            _("The token's signature does not match the client's secret."),
            code="invalid-signature",
        ) from None
