"""Checking a statement, for a receiving organisation; needs PyJWT, cryptography and requests,
not Django, so a receiver can copy this file into its own system.

A statement is accepted only when all of this holds (docs/sharing.md):

- it is signed (ES256) by a key in the municipality's JWKS;
- it comes from the expected issuer and is meant for the receiver (``aud``);
- it is valid now (``nbf`` and ``exp``);
- its status URL, on the issuer's own site, says it has not been revoked;
- every attribute the receiver asks for is in it, i.e. the person consented to it.

Anything else raises ``StatementRefused`` with a ``code`` saying why.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime

import jwt
import requests

ALGORITHM = "ES256"
JWKS_PATH = "/delen/.well-known/jwks.json"
REQUIRED_CLAIMS = ["iss", "aud", "iat", "nbf", "exp", "jti", "purpose", "status", "attributes"]
TIMEOUT_SECONDS = 10


class StatementRefused(Exception):
    """The statement must not be used. ``code``: one of ``malformed``, ``unknown-key``,
    ``bad-signature``, ``wrong-issuer``, ``wrong-audience``, ``expired``, ``not-yet-valid``,
    ``revoked``, ``keys-unavailable``, ``status-unavailable``, ``not-consented``."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Statement:
    jti: str
    purpose: str
    expires_at: datetime
    attributes: dict = field(repr=False)  # personal data: kept out of logs and tracebacks

    def attribute(self, name: str):
        """The value of a consented attribute; refused for one the person did not share."""
        if name not in self.attributes:
            raise StatementRefused("not-consented", f"The person did not consent to {name!r}.")
        return self.attributes[name]


class Verifier:
    """Checks statements of one issuer (the municipality's base URL) for one audience (the
    receiver's identifier, as registered at the municipality)."""

    def __init__(
        self,
        issuer: str,
        audience: str,
        *,
        jwks_url: str | None = None,
        session: requests.Session | None = None,
        leeway_seconds: int = 60,
    ):
        self.issuer = issuer.rstrip("/")
        self.audience = audience
        self.jwks_url = jwks_url or self.issuer + JWKS_PATH
        self.session = session or requests.Session()
        self.leeway = leeway_seconds

    def verify(self, token: str, requested: list[str] | tuple[str, ...] = ()) -> Statement:
        """The statement's content when it may be used, with every ``requested`` attribute."""
        claims = self.signed_claims(token)
        self.check_not_revoked(claims)
        statement = Statement(
            jti=claims["jti"],
            purpose=claims["purpose"],
            expires_at=datetime.fromtimestamp(claims["exp"], tz=UTC),
            attributes=claims["attributes"],
        )
        for name in requested:
            statement.attribute(name)
        return statement

    def signing_key(self, token: str):
        try:
            header = jwt.get_unverified_header(token)
        except jwt.DecodeError as error:
            raise StatementRefused("malformed", f"Not a statement: {error}") from error
        if header.get("alg") != ALGORITHM:
            raise StatementRefused("malformed", f"Statements are signed with {ALGORITHM}.")
        try:
            response = self.session.get(self.jwks_url, timeout=TIMEOUT_SECONDS)
            response.raise_for_status()
            keys = jwt.PyJWKSet.from_dict(response.json()).keys
        except (requests.RequestException, ValueError) as error:
            raise StatementRefused("keys-unavailable", "The keys could not be read.") from error
        except jwt.PyJWKSetError:
            keys = []
        for key in keys:
            if key.key_id == header.get("kid"):
                return key.key
        raise StatementRefused("unknown-key", "The statement's key is not in the JWKS.")

    def signed_claims(self, token: str) -> dict:
        key = self.signing_key(token)
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway,
                options={"require": REQUIRED_CLAIMS, "strict_aud": True},
            )
        except jwt.InvalidSignatureError as error:
            raise StatementRefused("bad-signature", "The signature is not right.") from error
        except jwt.ExpiredSignatureError as error:
            raise StatementRefused("expired", "The statement has expired.") from error
        except jwt.ImmatureSignatureError as error:
            raise StatementRefused("not-yet-valid", "The statement is not valid yet.") from error
        except jwt.InvalidAudienceError as error:
            raise StatementRefused(
                "wrong-audience", "The statement is for another receiver."
            ) from error
        except jwt.InvalidIssuerError as error:
            raise StatementRefused("wrong-issuer", "The statement has another issuer.") from error
        except jwt.InvalidTokenError as error:
            raise StatementRefused("malformed", f"Not a valid statement: {error}") from error

    def check_not_revoked(self, claims: dict) -> None:
        # Only the issuer's own site answers for the issuer's statements.
        if not claims["status"].startswith(self.issuer + "/"):
            raise StatementRefused("malformed", "The status URL is not on the issuer's site.")
        try:
            response = self.session.get(claims["status"], timeout=TIMEOUT_SECONDS)
            answer = response.json() if response.status_code == 200 else {}
        except (requests.RequestException, ValueError) as error:
            raise StatementRefused("status-unavailable", "The status could not be read.") from error
        status = answer.get("status")
        if status == "revoked":
            raise StatementRefused("revoked", "The person withdrew the consent.")
        if status == "expired":
            raise StatementRefused("expired", "The statement has expired.")
        if status != "active" or answer.get("jti") != claims["jti"]:
            raise StatementRefused("status-unavailable", "The status could not be confirmed.")
