"""A real OpenID Connect provider process (``tests/oidc_provider.py``) for the login tests."""

import re
import subprocess
import sys
from html import unescape

import pytest
import requests

from tests.conftest import REPO, free_port, wait_until

CLIENT_ID = "loket-test"
CLIENT_SECRET = "test-secret-for-the-provider"
BROKERS = {"digid": "bsn", "eherkenning": "kvk"}


class OidcProvider:
    """``tests/oidc_provider.py`` on a free port of 127.0.0.1, for one client of Loket.

    ``base_url`` is where that Loket answers (``http://testserver`` for Django's test client,
    ``live_server.url`` for a browser); both brokers' return addresses there are registered.
    """

    def __init__(self, base_url: str, *options: str, client_id: str = CLIENT_ID):
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.client_id = client_id
        self.redirect_uris = [f"{base_url}/inloggen/{broker}/terug/" for broker in BROKERS]
        self.options = options
        self.process = None

    def start(self) -> "OidcProvider":
        command = [
            sys.executable,
            str(REPO / "tests" / "oidc_provider.py"),
            "--port",
            str(self.port),
            "--client-id",
            self.client_id,
            "--client-secret",
            CLIENT_SECRET,
            *(part for uri in self.redirect_uris for part in ("--redirect-uri", uri)),
            *self.options,
        ]
        self.process = subprocess.Popen(command)
        try:
            wait_until(self.answers, timeout=20, what=f"the OIDC provider on {self.port}")
        except AssertionError:
            self.stop()
            raise
        return self

    def answers(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"OIDC provider exited with code {self.process.returncode}")
        try:
            return requests.get(self.discovery_url, timeout=10).status_code == 200
        except requests.RequestException:  # not listening yet, or still starting up
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def broker_settings(self, broker: str, **changes) -> dict:
        """A ``LOKET_OIDC_DIGID`` / ``LOKET_OIDC_EHERKENNING`` setting for this provider."""
        return {
            "discovery_url": self.discovery_url,
            "issuer": "",
            "client_id": self.client_id,
            "client_secret": CLIENT_SECRET,
            "scope": "openid",
            "identifier_claim": BROKERS[broker],
            "name_claim": "name",
            "assurance_claim": "acr",
            "branch_claim": "vestigingsnummer",
            "employee_claim": "acting_subject_name",
            **changes,
        }

    def use_for_both_brokers(self, settings) -> "OidcProvider":
        settings.LOKET_OIDC_DIGID = self.broker_settings("digid")
        settings.LOKET_OIDC_EHERKENNING = self.broker_settings("eherkenning")
        return self


@pytest.fixture
def start_oidc_provider():
    """Start providers with options of their own: ``start_oidc_provider(base_url, *options)``."""
    started = []

    def start(base_url: str = "http://testserver", *options: str, **kwargs) -> OidcProvider:
        provider = OidcProvider(base_url, *options, **kwargs)
        started.append(provider)
        return provider.start()

    yield start
    for provider in started:
        provider.stop()


@pytest.fixture
def oidc_provider(start_oidc_provider, settings):
    """The provider as both brokers of Loket, for Django's test client."""
    return start_oidc_provider().use_for_both_brokers(settings)


@pytest.fixture
def live_oidc_provider(start_oidc_provider, settings, live_server):
    """The provider as both brokers of the live server (same process, same settings)."""
    return start_oidc_provider(live_server.url).use_for_both_brokers(settings)


HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def fill_in_login_form(
    session: requests.Session, authorize_url: str, *, action: str = "login", **typed: str
) -> requests.Response:
    """Open the provider's login page, type in ``bsn``, ``kvk`` and ``name``, and submit it,
    as a person would; the answer is the provider's redirect, not followed."""
    page = session.get(authorize_url, timeout=10)
    assert page.status_code == 200, page.text
    fields = {name: unescape(value) for name, value in HIDDEN_INPUT.findall(page.text)}
    fields |= {f"login_{name}": value for name, value in typed.items()}
    fields["action"] = action
    form_action = authorize_url.split("/authorize", 1)[0] + "/authorize"
    return session.post(form_action, data=fields, allow_redirects=False, timeout=10)
