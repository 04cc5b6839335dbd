"""Citizens and businesses log in to the portal; the demo identity provider stands in for
DigiD and eHerkenning until the OpenID Connect broker is connected."""

import time
from urllib.parse import quote

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from loket.brp.register import load_demo_register
from loket.identity.citizens import (
    IDLE_TIMEOUT_SECONDS,
    LAST_ACTIVITY_KEY,
    Visitor,
    current_visitor,
    visitor_required,
)
from loket.identity.demo_login import DEMO_BUSINESSES, demo_persons

pytestmark = pytest.mark.django_db

LOGIN = reverse("identity:login")
DEMO_DIGID = reverse("identity:demo-digid")
DEMO_EHERKENNING = reverse("identity:demo-eherkenning")
LOGOUT = reverse("identity:logout")


@pytest.fixture
def client():
    # English: the interface texts are written in English; the Dutch ones come later.
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def person(db):
    """A living resident of Voorbeeld from the built-in register."""
    load_demo_register()
    return demo_persons().order_by("bsn").first()


def log_in_as(client, person, next_url="/"):
    return client.post(DEMO_DIGID, {"bsn": person.bsn, "next": next_url})


def session_visitor(client) -> Visitor | None:
    data = client.session.get("loket_visitor")
    return Visitor(**data) if data else None


def test_login_page_offers_digid_and_eherkenning_and_keeps_next(client):
    html = client.get(LOGIN, {"next": "/producten/"}).content.decode()

    assert f'href="{DEMO_DIGID}?next=/producten/"' in html
    assert f'href="{DEMO_EHERKENNING}?next=/producten/"' in html
    assert "Log in with DigiD" in html and "Log in with eHerkenning" in html


def test_demo_digid_lists_living_residents_and_searches(client, person):
    html = client.get(DEMO_DIGID).content.decode()
    assert html.count('name="bsn"') == 25

    html = client.get(DEMO_DIGID, {"q": person.surname}).content.decode()
    assert person.full_name in html
    assert f'value="{person.bsn}"' in html
    assert str(person.address) in html

    html = client.get(DEMO_DIGID, {"q": person.bsn}).content.decode()
    assert html.count('name="bsn"') == 1


def test_demo_digid_leaves_out_the_deceased_and_those_who_left(person):
    from loket.brp.models import Person

    gone = Person.objects.filter(death_date__isnull=False) | Person.objects.filter(
        departure_date__isnull=False
    )
    assert gone.exists()
    assert not demo_persons().filter(pk__in=gone).exists()


def test_person_logs_in_with_demo_digid_and_sees_the_name_in_the_header(client, person):
    planted = client.session  # a session that existed before logging in
    planted["seen"] = True
    planted.save()

    response = log_in_as(client, person, next_url="/producten/")

    assert response.status_code == 302
    assert response["Location"] == "/producten/"
    visitor = session_visitor(client)
    assert visitor == Visitor(
        bsn=person.bsn, name=person.full_name, assurance="substantieel", method="demo"
    )
    assert visitor.is_person and not visitor.is_business
    assert client.session.session_key != planted.session_key, "a new key against fixation"
    html = client.get("/").content.decode()
    assert f"Logged in as {person.full_name}" in html
    assert f'action="{LOGOUT}"' in html


def test_header_offers_login_with_the_way_back(client):
    html = client.get("/zoeken/", {"q": "paspoort"}).content.decode()

    assert f'href="{LOGIN}?next={quote("/zoeken/?q=paspoort", safe="/")}"' in html
    assert "Logged in as" not in html


def test_demo_login_refuses_a_bsn_the_page_does_not_offer(client, person):
    from loket.brp.models import Person

    deceased = Person.objects.filter(death_date__isnull=False).first()

    assert client.post(DEMO_DIGID, {"bsn": deceased.bsn}).status_code == 404
    assert client.post(DEMO_DIGID, {"bsn": "123456782"}).status_code == 404
    assert session_visitor(client) is None


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "http://testserver.evil.example/", ""],
)
def test_after_login_an_outside_next_goes_home(client, person, next_url):
    response = log_in_as(client, person, next_url=next_url)

    assert response["Location"] == reverse("portal:home")


def test_business_logs_in_with_demo_eherkenning(client):
    hospital = next(b for b in DEMO_BUSINESSES if b.name == "Ziekenhuis Voorbeeld")
    html = client.get(DEMO_EHERKENNING).content.decode()
    assert "Uitvaartzorg De Linde" in html and "Ziekenhuis Voorbeeld" in html

    response = client.post(DEMO_EHERKENNING, {"kvk": hospital.kvk, "next": "/zoeken/"})

    assert response["Location"] == "/zoeken/"
    visitor = session_visitor(client)
    assert visitor.kvk == hospital.kvk and visitor.name == "Ziekenhuis Voorbeeld"
    assert visitor.is_business and not visitor.is_person
    assert "Logged in as Ziekenhuis Voorbeeld" in client.get("/").content.decode()
    assert client.post(DEMO_EHERKENNING, {"kvk": "12345678"}).status_code == 404


def test_demo_businesses_have_eight_digit_kvk_numbers():
    assert all(len(b.kvk) == 8 and b.kvk.isdigit() for b in DEMO_BUSINESSES)
    assert len({b.kvk for b in DEMO_BUSINESSES}) == len(DEMO_BUSINESSES)


def test_logout_only_by_post(client, person):
    log_in_as(client, person)

    assert client.get(LOGOUT).status_code == 405
    assert session_visitor(client) is not None

    response = client.post(LOGOUT)

    assert response["Location"] == reverse("portal:home")
    assert session_visitor(client) is None
    assert "Logged in as" not in client.get("/").content.decode()


def test_logout_needs_the_csrf_token(client, person):
    log_in_as(client, person)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies  # the same session, posting without the page's token

    assert strict.post(LOGOUT).status_code == 403
    assert session_visitor(strict) is not None


@override_settings(LOKET_DEMO_LOGIN=False)
def test_without_demo_login_the_demo_pages_do_not_exist(client, person):
    assert client.get(DEMO_DIGID).status_code == 404
    assert client.post(DEMO_DIGID, {"bsn": person.bsn}).status_code == 404
    assert client.get(DEMO_EHERKENNING).status_code == 404
    assert session_visitor(client) is None

    html = client.get(LOGIN).content.decode()
    assert DEMO_DIGID not in html
    assert "not possible yet" in html


def test_login_ends_after_fifteen_minutes_without_activity(client, person):
    log_in_as(client, person)
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - IDLE_TIMEOUT_SECONDS + 60
    session.save()

    assert f"Logged in as {person.full_name}" in client.get("/").content.decode()

    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - IDLE_TIMEOUT_SECONDS - 1
    session.save()

    assert "Logged in as" not in client.get("/").content.decode()
    assert session_visitor(client) is None


def test_each_request_counts_as_activity(client, person):
    log_in_as(client, person)
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - IDLE_TIMEOUT_SECONDS + 5
    session.save()

    client.get("/")

    assert time.time() - client.session[LAST_ACTIVITY_KEY] < 5


@pytest.mark.parametrize(
    ("kind", "visitor", "allowed"),
    [
        (None, None, False),
        (None, Visitor(bsn="999900006", method="demo"), True),
        (None, Visitor(kvk="99990011", method="demo"), True),
        ("person", Visitor(bsn="999900006", method="demo"), True),
        ("person", Visitor(kvk="99990011", method="demo"), False),
        ("business", Visitor(kvk="99990011", method="demo"), True),
        ("business", Visitor(bsn="999900006", method="demo"), False),
    ],
)
def test_visitor_required_sends_others_to_the_login_page(rf, kind, visitor, allowed):
    from django.contrib.sessions.backends.db import SessionStore

    from loket.identity.citizens import log_in_visitor

    @visitor_required(kind)
    def form_page(request):
        return current_visitor(request)

    request = rf.get("/formulier/?stap=2")
    request.session = SessionStore()
    if visitor:
        log_in_visitor(request, visitor)

    answer = form_page(request)

    if allowed:
        assert answer == visitor
    else:
        assert answer.status_code == 302
        assert answer["Location"] == f"{LOGIN}?next={quote('/formulier/?stap=2', safe='/')}"


def tab_to(page, locator, presses: int = 80) -> None:
    """Press Tab until the element has the focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_person_logs_in_with_the_keyboard_only(page, live_server, person):
    page.goto("/")
    tab_to(page, page.get_by_role("button", name="English"))
    page.keyboard.press("Enter")
    page.wait_for_selector("html[lang=en]")

    tab_to(page, page.get_by_role("link", name="Log in", exact=True))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("link", name="Log in with DigiD"))
    page.keyboard.press("Enter")

    tab_to(page, page.get_by_role("searchbox", name="Name or BSN"))
    page.keyboard.type(person.bsn)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**q={person.bsn}**")
    tab_to(page, page.get_by_role("button", name=f"Log in as {person.full_name}"))
    page.keyboard.press("Enter")

    page.wait_for_url(f"{live_server.url}/")  # back where the person started
    header = page.locator("header").inner_text()
    assert f"Logged in as {person.full_name}" in header
