"""A login ends after LOKET_VISITOR_IDLE_SECONDS without a request; every page says when, and
a script warns before that moment with a dialog that lets the visitor stay logged in."""

import re
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from loket.identity.citizens import LAST_ACTIVITY_KEY
from loket.identity.demo_login import DEMO_BUSINESSES

pytestmark = pytest.mark.django_db

STAY = reverse("identity:stay-logged-in")
BUSINESS = DEMO_BUSINESSES[0]


@pytest.fixture
def client():
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def logged_in(client):
    client.post(reverse("identity:demo-eherkenning"), {"kvk": BUSINESS.kvk})
    return client


def clock_times(seconds: int) -> set[str]:
    """The logout time as a page shows it, also if the minute turns during the request."""
    now = timezone.localtime()
    return {(now + timedelta(seconds=seconds + extra)).strftime("%H:%M") for extra in (0, 2)}


def last_activity_ago(client, seconds: float) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - seconds
    session.save()


def test_every_page_says_when_the_login_ends_without_javascript(logged_in, settings):
    settings.LOKET_VISITOR_IDLE_SECONDS = 600
    settings.LOKET_VISITOR_WARNING_SECONDS = 90
    times = clock_times(600)

    html = logged_in.get("/producten/").content.decode()

    shown = re.search(r"You will be logged out at (\d\d:\d\d) if you do nothing\.", html)
    assert shown and shown.group(1) in times
    assert 'data-seconds-left="600"' in html or 'data-seconds-left="599"' in html
    assert 'data-warning-seconds="90"' in html
    assert 'role="alertdialog"' in html
    assert re.search(r'<script src="[^"]*identity/session_warning\.js" defer></script>', html)
    assert "<script>" not in html, "no inline script, for a strict Content-Security-Policy"


def test_nobody_logged_in_sees_no_logout_time(client):
    html = client.get("/producten/").content.decode()

    assert "You will be logged out" not in html
    assert "session_warning.js" not in html


def test_staying_logged_in_renews_the_activity_time(logged_in, settings):
    settings.LOKET_VISITOR_IDLE_SECONDS = 600
    last_activity_ago(logged_in, 550)
    times = clock_times(600)

    response = logged_in.post(STAY, {"next": "/producten/"}, headers={"accept": "application/json"})

    assert response.status_code == 200
    answer = response.json()
    assert answer["logged_in"] is True
    assert 598 <= answer["seconds_left"] <= 600
    shown = re.fullmatch(
        r"You will be logged out at (\d\d:\d\d) if you do nothing\.", answer["message"]
    )
    assert shown and shown.group(1) in times
    assert time.time() - logged_in.session[LAST_ACTIVITY_KEY] < 5
    assert response["Cache-Control"].startswith("max-age=0")


def test_staying_logged_in_without_javascript_goes_back_to_the_page(logged_in):
    response = logged_in.post(STAY, {"next": "/producten/"})

    assert response.status_code == 302
    assert response["Location"] == "/producten/"
    assert logged_in.post(STAY, {"next": "https://evil.example/"})["Location"] == "/"


def test_staying_logged_in_is_too_late_once_the_login_has_ended(logged_in, settings):
    settings.LOKET_VISITOR_IDLE_SECONDS = 600
    last_activity_ago(logged_in, 601)

    response = logged_in.post(STAY, headers={"accept": "application/json"})

    assert response.status_code == 401
    assert response.json() == {"logged_in": False}
    assert "Logged in as" not in logged_in.get("/").content.decode()


def test_staying_logged_in_without_a_login_goes_to_the_login_page(client):
    response = client.post(STAY, {"next": "/producten/"})

    assert response["Location"] == f"{reverse('identity:login')}?next=%2Fproducten%2F"


def test_staying_logged_in_only_by_post_with_the_csrf_token(logged_in):
    assert logged_in.get(STAY).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = logged_in.cookies

    assert strict.post(STAY, headers={"accept": "application/json"}).status_code == 403


def test_the_idle_time_comes_from_the_settings(logged_in, settings):
    settings.LOKET_VISITOR_IDLE_SECONDS = 60
    last_activity_ago(logged_in, 61)

    assert f"Logged in as {BUSINESS.name}" not in logged_in.get("/").content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_dialog_warns_before_the_end_and_lets_one_stay(page, live_server, settings):
    from axe_playwright_python.sync_playwright import Axe

    settings.LOKET_VISITOR_IDLE_SECONDS = 10
    settings.LOKET_VISITOR_WARNING_SECONDS = 6
    page.goto("/inloggen/demo/eherkenning/")
    page.get_by_role("button", name=re.compile(BUSINESS.name)).first.click()
    page.wait_for_url(f"{live_server.url}/")
    dialog = page.get_by_role("alertdialog")
    stay = dialog.get_by_role("button", name=re.compile("Stay logged in|Ingelogd blijven"))
    assert dialog.is_hidden()

    dialog.wait_for(state="visible", timeout=7000)  # 4 seconds after the page loaded
    assert stay.evaluate("button => button === document.activeElement"), "focus on the button"
    assert "uitgelogd" in dialog.inner_text() or "logged out" in dialog.inner_text()
    violations = Axe().run(page).response["violations"]
    assert not violations, [(v["id"], [n["html"] for n in v["nodes"]]) for v in violations]
    page.keyboard.press("Enter")  # the keyboard is enough

    dialog.wait_for(state="hidden", timeout=3000)
    assert BUSINESS.name in page.locator("header").inner_text()

    # The warning comes again; this time nobody answers, and the login ends.
    dialog.wait_for(state="visible", timeout=7000)
    login_again = dialog.get_by_role("link", name=re.compile("Log in again|Opnieuw inloggen"))
    login_again.wait_for(state="visible", timeout=8000)
    assert login_again.evaluate("link => link === document.activeElement")
    assert stay.is_hidden()

    page.reload()
    assert BUSINESS.name not in page.locator("header").inner_text()
