"""Production settings: cookies only over HTTPS, HSTS, and the same headers as the demo.

The settings module is loaded in a child process with LOKET_MODE=production and the least
environment production accepts, as an operator would start it.
"""

import json
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.conftest import REPO

PRINT_SETTINGS = """
import json
from django.conf import settings
import django
django.setup()
names = [
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_PROXY_SSL_HEADER", "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY", "X_FRAME_OPTIONS", "DEBUG", "LOKET_RATE_LIMITS",
    "LOKET_LOGIN_MAX_FAILURES", "LOKET_LOGIN_MAX_FAILURES_PER_IP",
]
values = {name: getattr(settings, name, None) for name in names}
values["CSP"] = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
values["MIDDLEWARE"] = settings.MIDDLEWARE
values["CACHE"] = settings.CACHES["security"]["BACKEND"]
print(json.dumps(values))
"""


def settings_in(mode_env: dict, tmp_path) -> dict:
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "loket.conf.settings",
        "LOKET_DATA_DIR": str(tmp_path),
        **mode_env,
    }
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


PRODUCTION = {
    "LOKET_MODE": "production",
    "LOKET_SECRET_KEY": "p" * 50,
    "LOKET_ALLOWED_HOSTS": "loket.example.nl",
    "LOKET_MUNICIPALITY_NAME": "Gemeente Oost",
}


def test_production_sends_cookies_only_over_https_and_asks_for_hsts(tmp_path):
    values = settings_in(PRODUCTION, tmp_path)

    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_has_the_headers_and_the_limits_on(tmp_path):
    values = settings_in(PRODUCTION, tmp_path)

    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["CSP"]["default-src"] == ["'self'"]
    assert values["CSP"]["frame-ancestors"] == ["'none'"]
    assert "csp.middleware.CSPMiddleware" in values["MIDDLEWARE"]
    assert "loket.security.ratelimit.RateLimitMiddleware" in values["MIDDLEWARE"]
    assert values["LOKET_RATE_LIMITS"] is True
    assert values["LOKET_LOGIN_MAX_FAILURES"] == 5
    assert values["LOKET_LOGIN_MAX_FAILURES_PER_IP"] == 50
    # Shared by every web process and machine, unlike a per-process memory cache.
    assert values["CACHE"] == "django.core.cache.backends.db.DatabaseCache"


def test_the_demo_works_over_plain_http(tmp_path):
    values = settings_in({"LOKET_MODE": "demo"}, tmp_path)

    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0


def test_the_limits_come_from_the_environment():
    from loket.conf.environment import read_environment

    environment = read_environment(
        {
            "LOKET_MODE": "demo",
            "LOKET_RATE_LIMITS": "off",
            "LOKET_RATE_LIMIT_FORMS": "10/30",
            "LOKET_RATE_LIMIT_LOOKUPS": "0/60",
            "LOKET_RATE_LIMIT_API": "500/10",
            "LOKET_PROXY_COUNT": "1",
            "LOKET_LOGIN_MAX_FAILURES": "3",
            "LOKET_LOGIN_MAX_FAILURES_PER_IP": "0",
            "LOKET_LOGIN_LOCKOUT_SECONDS": "60",
        }
    )

    assert environment.rate_limits is False
    assert environment.rate_limit_forms == (10, 30)
    assert environment.rate_limit_lookups == (0, 60)
    assert environment.rate_limit_api == (500, 10)
    assert environment.proxy_count == 1
    assert (environment.login_max_failures, environment.login_max_failures_per_ip) == (3, 0)
    assert environment.login_lockout_seconds == 60


@pytest.mark.parametrize(
    ("variable", "value", "sentence"),
    [
        ("LOKET_RATE_LIMIT_FORMS", "ten", "LOKET_RATE_LIMIT_FORMS must be requests/seconds"),
        ("LOKET_RATE_LIMIT_API", "10/0", "LOKET_RATE_LIMIT_API: requests must be 0 or more"),
        ("LOKET_PROXY_COUNT", "-1", "LOKET_PROXY_COUNT must be 0 or more"),
        ("LOKET_LOGIN_LOCKOUT_SECONDS", "0", "LOKET_LOGIN_LOCKOUT_SECONDS must be at least 1"),
    ],
)
def test_wrong_limits_are_refused_with_their_name(variable, value, sentence):
    from loket.conf.environment import read_environment

    with pytest.raises(ImproperlyConfigured, match=sentence):
        read_environment({"LOKET_MODE": "demo", variable: value})
