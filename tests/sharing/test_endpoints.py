"""The receivers' endpoints over real HTTP: the JWKS and a statement's revocation status,
each status check in the person's log."""

import uuid

import jwt
import pytest
import requests
from django.urls import reverse

from loket.sharing.keys import rotate_signing_key
from loket.sharing.models import ConsentEvent
from loket.sharing.services import revoke_consent
from tests.sharing.conftest import share

pytestmark = pytest.mark.django_db(transaction=True)


def get(live_server, path: str) -> requests.Response:
    return requests.get(live_server.url + path, timeout=10)


def test_the_jwks_publishes_the_public_keys_that_verify_statements(live_server, person, receiver):
    consent = share(person, receiver)
    rotate_signing_key()
    newer = share(person, receiver)

    response = get(live_server, "/delen/.well-known/jwks.json")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/jwk-set+json"
    assert "public" in response.headers["Cache-Control"]
    keys = {key.key_id: key for key in jwt.PyJWKSet.from_dict(response.json()).keys}
    assert set(keys) == {consent.key.kid, newer.key.kid}
    for statement in (consent, newer):
        kid = jwt.get_unverified_header(statement.statement)["kid"]
        claims = jwt.decode(
            statement.statement, keys[kid].key, algorithms=["ES256"], audience=receiver.audience
        )
        assert claims["jti"] == str(statement.uuid)
    assert all("d" not in key for key in response.json()["keys"])


def test_the_status_says_active_then_revoked_and_every_check_is_logged(
    live_server, person, receiver, settings
):
    settings.LOKET_BASE_URL = live_server.url
    consent = share(person, receiver)
    status_url = jwt.decode(consent.statement, options={"verify_signature": False})["status"]

    first = requests.get(status_url, timeout=10)
    revoke_consent(consent)
    second = requests.get(status_url, timeout=10)

    assert first.status_code == second.status_code == 200
    assert first.json()["status"] == "active" and first.json()["revoked_at"] is None
    assert second.json()["status"] == "revoked" and second.json()["revoked_at"]
    assert second.json()["jti"] == str(consent.uuid)
    assert "no-store" in second.headers["Cache-Control"]
    assert set(first.json()) == {"jti", "status", "expires_at", "revoked_at"}, "no personal data"
    checks = consent.events.filter(kind=ConsentEvent.Kind.STATUS_CHECKED)
    assert checks.count() == 2


def test_an_unknown_statement_has_no_status(live_server, person, receiver):
    share(person, receiver)
    response = get(live_server, reverse("sharing:status", args=[uuid.uuid4()]))
    assert response.status_code == 404
    assert response.json()["status"] == "unknown"
    assert not ConsentEvent.objects.filter(kind=ConsentEvent.Kind.STATUS_CHECKED).exists()
