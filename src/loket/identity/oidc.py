"""Logging in through an OpenID Connect broker for DigiD (persons) or eHerkenning (businesses).

A municipality connects DigiD and eHerkenning through a broker that speaks OpenID Connect;
Loket is its client (``LOKET_OIDC_DIGID_*`` and ``LOKET_OIDC_EHERKENNING_*``). The flow is the
authorization code flow with PKCE (S256), ``state`` and ``nonce``, done by Authlib's Django
client: ``start_login`` sends the visitor to the broker, ``finish_login`` takes the code back,
fetches the tokens and has Authlib check the ID token's signature (the broker's published
keys), issuer, audience (our client id), expiry and nonce. Loket then reads the BSN or KvK
number, the name and the level of assurance from the claims and makes a ``Visitor`` of them;
a missing or invalid number refuses the login.

Nothing of the tokens is kept: the visitor in the session is all that remains of a login.
"""

import logging
import threading
from dataclasses import dataclass

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.common.security import generate_token
from authlib.integrations.base_client import MismatchingStateError
from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from joserfc.errors import JoseError
from stdnum.nl import bsn as stdnum_bsn

from loket.brp.errors import BrpError
from loket.brp.sources import get_brp_source
from loket.identity.assurance import level_from_claim
from loket.identity.citizens import Visitor

log = logging.getLogger(__name__)

# Seconds Loket waits for the broker's discovery document, keys and token endpoint.
BROKER_TIMEOUT = 10
# Logins started and not yet finished, per session: state -> where to go afterwards.
PENDING_KEY = "loket_oidc_pending"
PENDING_KEPT = 5


@dataclass(frozen=True)
class BrokerKind:
    name: str  # in the URL and in Visitor.method
    label: str  # the login means, as people know it
    setting: str
    identifier: str  # the Visitor field the identifier claim fills


BROKERS = {
    "digid": BrokerKind("digid", "DigiD", "LOKET_OIDC_DIGID", "bsn"),
    "eherkenning": BrokerKind("eherkenning", "eHerkenning", "LOKET_OIDC_EHERKENNING", "kvk"),
}


class LoginRefused(Exception):
    """The broker's answer does not log anyone in; ``message`` tells the visitor why."""

    def __init__(self, reason: str, message, status: int = 403):
        super().__init__(reason)
        self.reason = reason  # for the log: never the BSN itself
        self.message = message
        self.status = status
        self.next_url = ""  # where the visitor was going, for trying again


def broker_config(name: str) -> dict | None:
    """The settings of the broker ``name`` when it is in use (has a client id), else None."""
    kind = BROKERS.get(name)
    if kind is None:
        return None
    config = getattr(settings, kind.setting, None) or {}
    return config if config.get("client_id") else None


def configured_brokers() -> set[str]:
    return {name for name in BROKERS if broker_config(name)}


_clients: dict[tuple, DjangoOAuth2App] = {}
_clients_lock = threading.Lock()


def oauth_client(name: str, config: dict) -> DjangoOAuth2App:
    """Authlib's client for this broker; kept per configuration, so the broker's discovery
    document and keys are fetched once (and the keys again when the broker rotates them)."""
    key = (name, config["discovery_url"], config["client_id"], config["client_secret"])
    key += (config["scope"],)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            client = OAuth().register(
                name=name,
                client_id=config["client_id"],
                client_secret=config["client_secret"],
                server_metadata_url=config["discovery_url"],
                client_kwargs={
                    "scope": config["scope"],
                    "code_challenge_method": "S256",
                    "default_timeout": BROKER_TIMEOUT,
                },
            )
            _clients[key] = client
    return client


def unavailable(kind: BrokerKind) -> LoginRefused:
    return LoginRefused(
        "unavailable",
        _("%(means)s cannot be reached right now. Please try again later.") % {"means": kind.label},
        status=503,
    )


def unverified(kind: BrokerKind, reason: str) -> LoginRefused:
    return LoginRefused(
        reason,
        _("The answer from %(means)s could not be checked, so you have not been logged in.")
        % {"means": kind.label},
    )


def state_refused() -> LoginRefused:
    return LoginRefused(
        "state",
        _(
            "This login was not started here, has been used already or took too long. "
            "Please log in again."
        ),
    )


def broker_metadata(kind: BrokerKind, config: dict, client: DjangoOAuth2App) -> dict:
    try:
        metadata = client.load_server_metadata()
    except (requests.RequestException, ValueError):
        log.exception("The %s broker's discovery document could not be read", kind.label)
        raise unavailable(kind) from None
    issuer = metadata.get("issuer")
    if not issuer or (config.get("issuer") and issuer != config["issuer"]):
        log.error(
            "The %s broker's discovery document names issuer %r, not %r",
            kind.label,
            issuer,
            config.get("issuer"),
        )
        raise unavailable(kind)
    return metadata


def start_login(request, name: str, next_url: str) -> HttpResponse:
    """The redirect to the broker, remembering ``next_url`` for when the visitor comes back."""
    kind, config = BROKERS[name], broker_config(name)
    client = oauth_client(name, config)
    broker_metadata(kind, config, client)
    state = generate_token(32)
    pending = dict(request.session.get(PENDING_KEY) or {})
    pending[state] = next_url
    request.session[PENDING_KEY] = dict(list(pending.items())[-PENDING_KEPT:])
    redirect_uri = request.build_absolute_uri(reverse(f"identity:{name}-callback"))
    # Authlib adds the PKCE challenge and the nonce and keeps them, with the state, in the
    # session until the visitor comes back.
    return client.authorize_redirect(request, redirect_uri, state=state)


def finish_login(request, name: str) -> tuple[Visitor, str]:
    """The visitor the broker's answer names, and where to go now; or ``LoginRefused``."""
    kind, config = BROKERS[name], broker_config(name)
    client = oauth_client(name, config)
    state = request.GET.get("state", "")
    pending = dict(request.session.get(PENDING_KEY) or {})
    next_url = pending.pop(state, None) if state else None
    request.session[PENDING_KEY] = pending
    if next_url is None:
        # No login was started with this state in this browser: another window, a link
        # someone sent, an answer used twice, or an attempt to plant someone else's login.
        raise state_refused()
    try:
        return answered_visitor(request, kind, config, client, state), next_url
    except LoginRefused as refusal:
        refusal.next_url = next_url
        raise


def answered_visitor(request, kind: BrokerKind, config: dict, client, state: str) -> Visitor:
    """The broker's answer to a login this browser started: the code exchanged for checked
    tokens, and the visitor their claims name."""
    if request.GET.get("error"):
        client.framework.clear_state_data(request.session, state)
        raise LoginRefused(
            f"broker error {request.GET['error'][:50]!r}",
            _("Logging in with %(means)s was cancelled or did not succeed.")
            % {"means": kind.label},
        )
    metadata = broker_metadata(kind, config, client)
    claims_options = {
        "iss": {"essential": True, "values": [metadata["issuer"]]},
        "aud": {"essential": True, "values": [config["client_id"]]},
        "sub": {"essential": True},
    }
    try:
        token = client.authorize_access_token(request, claims_options=claims_options)
        claims = token.get("userinfo")
        if claims is None:
            raise unverified(kind, "no ID token")
        claims = dict(claims)
        if config["identifier_claim"] not in claims and metadata.get("userinfo_endpoint"):
            claims = {**userinfo(kind, client, token, claims["sub"]), **claims}
    except MismatchingStateError:  # Authlib's record of the login is gone: over an hour
        raise state_refused() from None
    except (JoseError, AuthlibBaseError) as error:
        raise unverified(kind, repr(error)) from None
    except (requests.RequestException, ValueError):
        log.exception("The %s broker's token endpoint did not answer properly", kind.label)
        raise unavailable(kind) from None
    return visitor_from_claims(kind, config, claims)


def userinfo(kind: BrokerKind, client: DjangoOAuth2App, token: dict, subject: str) -> dict:
    """The claims of the userinfo endpoint, for brokers that put the number only there."""
    claims = dict(client.userinfo(token=token))
    if claims.get("sub") != subject:  # OpenID Connect Core 5.3.2: must be the same subject
        raise unverified(kind, "userinfo for another subject")
    return claims


def visitor_from_claims(kind: BrokerKind, config: dict, claims: dict) -> Visitor:
    number = claims.get(config["identifier_claim"])
    number = str(number).strip() if isinstance(number, str | int) else ""
    name = claims.get(config["name_claim"])
    name = name.strip()[:200] if isinstance(name, str) else ""
    assurance = level_from_claim(claims.get(config["assurance_claim"]))
    if not assurance:
        log.warning(
            "A %s login without a known level of assurance in claim %r",
            kind.label,
            config["assurance_claim"],
        )
    if kind.identifier == "bsn":
        if not number:
            raise LoginRefused(
                "no BSN claim",
                _(
                    "DigiD did not give your citizen service number (BSN), so you have not been "
                    "logged in."
                ),
            )
        if not stdnum_bsn.is_valid(number):
            raise LoginRefused(
                "BSN fails the elfproef",
                _(
                    "DigiD gave a citizen service number (BSN) that is not valid, so you have not "
                    "been logged in."
                ),
            )
        number = stdnum_bsn.compact(number)
        return Visitor(
            bsn=number, name=name or person_name(number), assurance=assurance, method=kind.name
        )
    if not number:
        raise LoginRefused(
            "no KvK claim",
            _(
                "eHerkenning did not give the KvK number of your organisation, so you have not "
                "been logged in."
            ),
        )
    if not (len(number) == 8 and number.isdigit()):
        raise LoginRefused(
            "KvK number not 8 digits",
            _("eHerkenning gave a KvK number that is not valid, so you have not been logged in."),
        )
    branch = claims.get(config["branch_claim"])
    branch = str(branch).strip() if isinstance(branch, str | int) else ""
    employee = claims.get(config["employee_claim"])
    return Visitor(
        kvk=number,
        name=name,
        assurance=assurance,
        method=kind.name,
        # A branch number is twelve digits; anything else is left out rather than refused.
        branch=branch if len(branch) == 12 and branch.isdigit() else "",
        acting_name=employee.strip()[:200] if isinstance(employee, str) else "",
    )


def person_name(bsn: str) -> str:
    """The name in the BRP, for a broker that gives only the BSN (as DigiD itself does)."""
    try:
        person = get_brp_source().person(bsn)
    except (BrpError, ValidationError):
        log.warning("The BRP did not answer for the name of a visitor who logged in")
        return ""
    return person.full_name if person else ""
