"""Every POST to a page needs Django's CSRF token: the test walks all URL patterns and posts
to each page without one, which must be refused with 403.

The standard APIs (ZGW, Notificaties, Klantinteracties, Haal Centraal BRP, Referentielijsten)
are exempt by design: a client authenticates every call with a JWT, a token or an API key in
a header, never with a cookie, so no other site can make a browser call them in the user's
name. The test checks that the exempt views are exactly those.
"""

import re
import uuid

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

API_NAMESPACES = {
    "catalogi",
    "zaken",
    "documenten",
    "besluiten",
    "autorisaties",
    "notificaties",
    "klantinteracties",
    "referentielijsten",
    "brp",
}
SAMPLES = {
    "int": "1",
    "slug": "paspoort",
    "str": "x",
    "path": "x",
    "uuid": str(uuid.uuid4()),
    "token": "a" * 48,
}
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def patterns(resolver=None, prefix="", namespaces=()):
    """Every (route, namespaces, callback); route is None below a regular expression."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = None
        if prefix is not None and hasattr(entry.pattern, "_route"):
            route = prefix + entry.pattern._route
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from patterns(entry, route, inner)
        elif isinstance(entry, URLPattern):
            yield route, namespaces, entry.callback


def sample_path(route: str) -> str:
    return "/" + PARAMETER.sub(lambda m: SAMPLES[m.group("converter") or "str"], route)


def test_only_the_token_authenticated_apis_are_exempt_from_csrf():
    exempt = [
        (route, namespaces, callback)
        for route, namespaces, callback in patterns()
        if getattr(callback, "csrf_exempt", False)
    ]
    assert exempt, "the APIs' views are exempt"
    outside_apis = [
        f"{route} ({callback.__module__}.{callback.__name__})"
        for route, namespaces, callback in exempt
        if not set(namespaces) & API_NAMESPACES
    ]
    assert outside_apis == []


def test_a_post_without_the_token_is_refused_on_every_page(db):
    client = Client(enforce_csrf_checks=True)
    tried, accepted = [], []
    for route, namespaces, _callback in patterns():
        if route is None or set(namespaces) & API_NAMESPACES:
            continue
        path = sample_path(route)
        response = client.post(path, {"anything": "x"})
        tried.append(path)
        if response.status_code != 403 or b"CSRF" not in response.content:
            accepted.append(f"{path}: {response.status_code}")
    assert accepted == []
    # The walk reached the pages of every app, the admin's included.
    for path in ("/werk/inloggen/", "/kcc/zoeken/", "/mijn/delen/nieuw/", "/uitloggen/"):
        assert path in tried
    assert any(path.startswith("/formulieren/") for path in tried)
    assert any(path.startswith("/afspraak/") for path in tried)
    assert len(tried) > 60


def test_the_admin_refuses_a_post_without_the_token(db):
    client = Client(enforce_csrf_checks=True)
    for path in ("/beheer/login/", "/beheer/logout/", "/beheer/auth/user/add/"):
        response = client.post(path, {"username": "beheer", "password": "x"})
        assert response.status_code == 403, path


def test_the_same_post_with_the_token_is_let_through(db):
    client = Client(enforce_csrf_checks=True)
    client.get("/werk/inloggen/")
    token = client.cookies["csrftoken"].value

    response = client.post(
        "/werk/inloggen/", {"username": "nobody", "password": "x", "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 200  # the login page again, with its error
