"""Who a request comes from, for counting: the client's IP address and an API client id."""

import hashlib
import hmac

import jwt
from django.conf import settings


def client_ip(request) -> str:
    """The client's address; behind ``LOKET_PROXY_COUNT`` proxies, the one they saw.

    Each trusted proxy appends the address it received the request from to
    ``X-Forwarded-For``, so the client is that many entries from the right. Entries further
    left are the client's own claims and are not trusted.
    """
    proxies = settings.LOKET_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def pseudonym(value: str) -> str:
    """A short keyed hash: counters and log lines name a user or address without showing it."""
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256)
    return digest.hexdigest()[:16]


def api_client(request) -> str:
    """The API client a request claims to be, or ``""``; only used to count its requests.

    A ZGW JWT names its ``client_id`` (read without checking the signature: the API checks
    it, this only picks the counter); another credential (``Token``, ``X-Api-Key``) counts as
    itself. A forged claim gains nothing: the per-address limit applies as well.
    """
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, credential = header.partition(" ")
    if scheme.lower() == "bearer" and credential:
        try:
            claims = jwt.decode(credential, options={"verify_signature": False})
        except jwt.PyJWTError:
            claims = {}
        client_id = claims.get("client_id") if isinstance(claims, dict) else None
        if isinstance(client_id, str) and client_id:
            return f"jwt:{client_id}"
    credential = header or request.META.get("HTTP_X_API_KEY", "")
    return f"key:{pseudonym(credential)}" if credential else ""
