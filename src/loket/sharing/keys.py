"""Loket's keys for signing statements (ES256), and the JWKS that publishes them.

A key is made on first use and kept in the database, so every web process signs with the
same key. Rotation: ``rotate_signing_key`` retires the current key; the next statement is
signed with a new one. A retired key stays in the JWKS for as long as a statement it signed
can still be valid (``MAX_VALIDITY``), so receivers can keep checking those.
"""

import base64
import hashlib
import json
from datetime import timedelta

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from jwt.algorithms import ECAlgorithm

from loket.sharing.models import SigningKey

ALGORITHM = "ES256"
# A consent lasts at most a year (services.latest_end); a day more for the end of that day.
MAX_VALIDITY = timedelta(days=367)


def thumbprint(public_jwk: dict) -> str:
    """The JWK thumbprint of RFC 7638: SHA-256 of the required members, sorted, no spaces."""
    required = {name: public_jwk[name] for name in ("crv", "kty", "x", "y")}
    canonical = json.dumps(required, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).rstrip(b"=").decode()


def new_signing_key() -> SigningKey:
    private_key = ec.generate_private_key(ec.SECP256R1())
    public_jwk = ECAlgorithm.to_jwk(private_key.public_key(), as_dict=True)
    kid = thumbprint(public_jwk)
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public_jwk.update(kid=kid, use="sig", alg=ALGORITHM)
    return SigningKey.objects.create(kid=kid, private_key=pem, public_jwk=public_jwk)


def current_signing_key() -> SigningKey:
    """The key that signs now; made when there is none."""
    key = SigningKey.objects.filter(retired_at__isnull=True).first()
    return key or new_signing_key()


@transaction.atomic
def rotate_signing_key() -> SigningKey:
    """Retire the current key and make the one that signs from now on."""
    SigningKey.objects.filter(retired_at__isnull=True).update(retired_at=timezone.now())
    return new_signing_key()


def published_keys():
    since = timezone.now() - MAX_VALIDITY
    return SigningKey.objects.filter(Q(retired_at__isnull=True) | Q(retired_at__gt=since))


def jwks() -> dict:
    """The public keys, as the JWKS endpoint serves them."""
    return {"keys": [key.public_jwk for key in published_keys()]}


def sign(payload: dict, key: SigningKey) -> str:
    """The payload as a compact JWS signed with ``key``."""
    private_key = serialization.load_pem_private_key(key.private_key.encode(), password=None)
    return jwt.encode(
        payload, private_key, algorithm=ALGORITHM, headers={"kid": key.kid, "typ": "JWT"}
    )
