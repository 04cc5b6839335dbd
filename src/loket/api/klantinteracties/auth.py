"""The Klantinteracties API's ``tokenAuth``: ``Authorization: Token <key>``.

The key is the secret of an API client of Loket (``loket apiclient add``, or the admin), so a
system has one registration for every API; the client is found by it (one query, with its
application and authorisations) and refused when revoked, when several clients share the key,
or, outside demo mode, when it is the demo client.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from loket.api.common.auth import ApiUser
from loket.api.common.authorisations import Grant
from loket.identity.demo import DEMO_API_CLIENT_ID
from loket.identity.models import ApiClient


class TokenAuthentication(BaseAuthentication):
    keyword = b"token"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("Give the token as: Authorization: Token <key>."))
        client = self.client_for(parts[1].decode("latin-1"))
        application = client.application
        grants = tuple(
            Grant(component=a.component, scopes=frozenset(a.scopes))
            for a in application.authorizations.all()
        )
        user = ApiUser(
            client_id=client.client_id,
            all_scopes=application.all_scopes,
            label=application.label,
            partner=application.partner,
            scopes=frozenset().union(*(grant.scopes for grant in grants)),
            grants=grants,
        )
        return user, None

    def authenticate_header(self, request) -> str:
        return "Token"

    @staticmethod
    def client_for(key: str) -> ApiClient:
        clients = list(
            ApiClient.objects.filter(secret=key, revoked_at__isnull=True)
            .exclude(secret="")
            .select_related("application")
            .prefetch_related("application__authorizations")[:2]
        )
        if len(clients) != 1:
            raise AuthenticationFailed(_("Unknown or revoked token."))
        client = clients[0]
        if client.client_id == DEMO_API_CLIENT_ID and not settings.LOKET_DEMO_LOGIN:
            raise AuthenticationFailed(_("The demo client exists only in demo mode."))
        return client
