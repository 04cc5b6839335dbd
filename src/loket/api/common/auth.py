"""ZGW JWT authentication: ``Authorization: Bearer <jwt>``, HS256, one shared secret per client.

The token names its client in the ``client_id`` claim (older clients: ``iss``); the secret is
the registered :class:`~loket.identity.models.ApiClient`'s. ``iat`` is required, ``exp`` is
honoured when present, and both allow ``LOKET_JWT_LEEWAY`` seconds of clock difference.
Authentication costs two queries (the client with its application, and the application's
authorisations), whatever their number. Nothing is cached: a change of an application's
authorisations holds from its next request on.
"""

from dataclasses import dataclass, field

import jwt
from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from loket.api.common.authorisations import Grant
from loket.identity.demo import DEMO_API_CLIENT_ID
from loket.identity.models import ApiClient

ALGORITHM = "HS256"


@dataclass(frozen=True)
class ApiUser:
    """The calling system, as DRF's ``request.user``."""

    client_id: str
    all_scopes: bool
    label: str = ""  # the application's name, shown in the audit trail
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
        application = client.application
        grants = tuple(
            Grant(
                component=a.component,
                scopes=frozenset(a.scopes),
                type_url=a.type_url,
                max_confidentiality=a.max_confidentiality,
            )
            for a in application.authorizations.all()
        )
        user = ApiUser(
            client_id=client.client_id,
            all_scopes=application.all_scopes,
            label=application.label,
            scopes=frozenset().union(*(grant.scopes for grant in grants)),
            grants=grants,
            claims=claims,
        )
        return user, claims

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="loket"'

    @staticmethod
    def client_for(client_id: str) -> ApiClient:
        if client_id == DEMO_API_CLIENT_ID and not settings.LOKET_DEMO_LOGIN:
            raise AuthenticationFailed(_("The demo client exists only in demo mode."))
        client = (
            ApiClient.objects.filter(client_id=client_id, revoked_at__isnull=True)
            .select_related("application")
            .only("client_id", "secret", "application__all_scopes", "application__label")
            .prefetch_related("application__authorizations")
            .first()
        )
        if client is None:
            raise AuthenticationFailed(_("Unknown or revoked client."))
        if not client.secret:
            raise AuthenticationFailed(
                _("The client has no secret yet; the functioneel beheerder sets one.")
            )
        return client


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
