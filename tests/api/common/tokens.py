"""Real ZGW JWTs for the API tests, made with PyJWT as a client would."""

import time

import jwt
from rest_framework.test import APIClient

from loket.identity.services import register_api_client


def make_token(issuer: str, secret: str, *, iat: float | None = None, **claims) -> str:
    """A token of ``issuer`` issued at ``iat`` (now by default); ``iat=False`` leaves it out.

    A claim given as None is left out.
    """
    payload = {"iss": issuer, "client_id": issuer, "user_id": "test", **claims}
    payload = {key: value for key, value in payload.items() if value is not None}
    if iat is not False:
        payload["iat"] = int(time.time() if iat is None else iat)
    return jwt.encode(payload, secret, algorithm="HS256")


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def client_with(client_id: str = "test-client", *, scopes=(), all_scopes=False) -> APIClient:
    """An APIClient that sends a fresh token of a registered API client."""
    secret = f"a-secret-of-at-least-32-bytes-for-{client_id}"
    register_api_client(client_id=client_id, secret=secret, scopes=scopes, all_scopes=all_scopes)
    client = APIClient()
    client.credentials(**bearer(make_token(client_id, secret)))
    return client
