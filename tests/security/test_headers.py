"""Every kind of response carries the security headers: a strict Content-Security-Policy
without 'unsafe-inline', no framing, a Permissions-Policy, a Referrer-Policy and nosniff.
The templates hold no inline script, style or event handler, so the policy can stay strict."""

import re
from pathlib import Path

import pytest
from django.test import Client

import loket

PAGES = [
    "/",  # the portal's home
    "/producten/",
    "/producten/paspoort/",  # a product page
    "/zoeken/?q=paspoort",
    "/inloggen/",  # the citizen's login
    "/formulieren/leefbaarheidsbudget/",  # a form (sends to the login first)
    "/afspraak/paspoort/",  # appointments
    "/controleren/",
    "/werk/inloggen/",  # staff login
    "/beheer/login/",  # the admin
    "/kcc/",
    "/inzicht/",
    "/opendata/",  # JSON
    "/opendata/cijfers.csv",
    "/volgen/no-such-token/",  # 404
    "/bestaat-niet/",  # 404
    "/delen/.well-known/jwks.json",
    "/catalogi/api/v1/zaaktypen",  # an API, 401 without a token
    "/zaken/api/v1/schema/openapi.yaml",
    "/static/portal/loket.css",  # a static file
]


@pytest.mark.parametrize("path", PAGES)
def test_every_kind_of_response_has_the_security_headers(demo_data, path):
    response = Client().get(path)

    csp = response.headers["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in csp.split(";") if part.strip()
    )
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    if not path.startswith("/static/"):
        # WhiteNoise answers static files before Django's clickjacking middleware; for them
        # the policy's frame-ancestors is the rule.
        assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


# Templates that are not web pages: mails keep inline styles, as mail clients need them.
NOT_PAGES = {"notify/status_mail.html"}
INLINE = [
    (re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_no_template_has_inline_script_or_style():
    root = Path(loket.__file__).parent
    problems = []
    for template in root.rglob("templates/**/*"):
        if template.suffix not in (".html", ".svg") or not template.is_file():
            continue
        relative = template.relative_to(template.parents[0]).as_posix()
        if any(str(template).endswith(name) for name in NOT_PAGES):
            continue
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            if pattern.search(text):
                problems.append(f"{template.relative_to(root)}: {what} ({relative})")
    assert problems == []


def test_python_made_markup_has_no_style_attribute():
    """Charts and admin previews are HTML made in Python: no style attribute there either."""
    root = Path(loket.__file__).parent
    problems = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "migrations" not in path.parts and re.search(r"""\sstyle=["'{\\]""", path.read_text())
    ]
    assert problems == []


def test_pages_of_someone_logged_in_are_kept_by_no_cache(demo_data):
    from loket.identity.demo_login import demo_persons

    client = Client()
    assert "no-store" not in client.get("/").get("Cache-Control", "")  # public: may be cached
    person = demo_persons().order_by("bsn").first()
    client.post("/inloggen/demo/digid/", {"bsn": person.bsn, "next": "/"})

    for path in ("/", "/mijn/", "/producten/paspoort/"):
        cache_control = client.get(path)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, path
