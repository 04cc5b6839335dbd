"""The receiver's check (``loket.sharing.verify``) against a live Loket over HTTP: a good
statement passes; each reason to refuse one is refused with its own code."""

import base64
import json
from datetime import timedelta

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from django.utils import timezone

from loket.sharing.services import revoke_consent
from loket.sharing.verify import StatementRefused, Verifier
from tests.sharing.conftest import PURPOSE, share

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def issuer(live_server, settings):
    settings.LOKET_BASE_URL = live_server.url
    return live_server.url


@pytest.fixture
def verifier(issuer, receiver):
    return Verifier(issuer, receiver.audience)


def refusal(verifier: Verifier, token: str, requested=()) -> str:
    with pytest.raises(StatementRefused) as refused:
        verifier.verify(token, requested)
    return refused.value.code


def test_a_valid_statement_gives_the_consented_attributes(verifier, person, receiver):
    consent = share(person, receiver, attributes=["name", "birth_date"])

    statement = verifier.verify(consent.statement, requested=["name", "birth_date"])

    assert statement.jti == str(consent.uuid)
    assert statement.purpose == PURPOSE
    assert statement.expires_at == consent.expires_at
    assert statement.attribute("birth_date") == person.birth_date.isoformat()
    assert "attributes" not in repr(statement), "personal data stays out of logs"


def test_an_expired_statement_is_refused(verifier, person, receiver):
    consent = share(person, receiver, days=1, at=timezone.now() - timedelta(days=5))
    assert refusal(verifier, consent.statement) == "expired"


def test_a_revoked_statement_is_refused(verifier, person, receiver):
    consent = share(person, receiver)
    token = consent.statement
    revoke_consent(consent)
    assert refusal(verifier, token) == "revoked"


def test_a_statement_with_changed_data_fails_its_signature(verifier, person, receiver):
    header, payload, signature = share(person, receiver).statement.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["attributes"]["birth_date"] = "1970-01-01"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()

    assert refusal(verifier, f"{header}.{forged}.{signature}") == "bad-signature"


def test_a_statement_signed_with_another_key_is_refused(verifier, person, receiver):
    claims = jwt.decode(share(person, receiver).statement, options={"verify_signature": False})
    kid = jwt.get_unverified_header(share(person, receiver).statement)["kid"]
    own_key = ec.generate_private_key(ec.SECP256R1())

    forged = jwt.encode(claims, own_key, algorithm="ES256", headers={"kid": kid})
    assert refusal(verifier, forged) == "bad-signature"
    unknown = jwt.encode(claims, own_key, algorithm="ES256", headers={"kid": "someone-else"})
    assert refusal(verifier, unknown) == "unknown-key"


def test_a_statement_for_another_receiver_is_refused(issuer, person, receiver):
    consent = share(person, receiver)
    other = Verifier(issuer, "https://andere-corporatie.example/")
    assert refusal(other, consent.statement) == "wrong-audience"


def test_a_statement_of_another_issuer_is_refused(live_server, person, receiver):
    consent = share(person, receiver)  # issued under the default base URL
    verifier = Verifier(
        "https://other.example",
        receiver.audience,
        jwks_url=live_server.url + "/delen/.well-known/jwks.json",
    )
    assert refusal(verifier, consent.statement) == "wrong-issuer"


def test_an_attribute_that_was_not_consented_is_refused(verifier, person, receiver):
    consent = share(person, receiver, attributes=["name"])

    assert refusal(verifier, consent.statement, requested=["name", "address"]) == "not-consented"
    statement = verifier.verify(consent.statement, requested=["name"])
    with pytest.raises(StatementRefused) as refused:
        statement.attribute("nationalities")
    assert refused.value.code == "not-consented"


def test_a_statement_is_refused_when_its_status_cannot_be_confirmed(verifier, person, receiver):
    consent = share(person, receiver)
    consent.delete()  # Loket no longer knows it: the status answers 404
    assert refusal(verifier, consent.statement) == "status-unavailable"


def test_what_is_not_a_statement_is_refused(verifier):
    assert refusal(verifier, "not-a-statement") == "malformed"
    hs256 = jwt.encode({"jti": "x"}, "secret-of-at-least-32-bytes-long!", algorithm="HS256")
    assert refusal(verifier, hs256) == "malformed"
