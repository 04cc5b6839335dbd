"""Levels of assurance: the broker's claim values, and products that ask for a level."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from loket.identity.assurance import LEVELS, assurance_sufficient, level_from_claim
from loket.identity.citizens import Visitor, current_visitor, log_in_visitor, visitor_required

SAML = "urn:oasis:names:tc:SAML:2.0:ac:classes:"


def test_levels_run_from_basis_to_hoog():
    assert LEVELS == ["basis", "midden", "substantieel", "hoog"]


@pytest.mark.parametrize(
    ("claim", "level"),
    [
        (f"{SAML}PasswordProtectedTransport", "basis"),
        (f"{SAML}MobileTwoFactorContract", "midden"),
        (f"{SAML}Smartcard", "substantieel"),
        (f"{SAML}SmartcardPKI", "hoog"),
        ("http://eidas.europa.eu/LoA/low", "midden"),
        ("http://eidas.europa.eu/LoA/substantial", "substantieel"),
        ("http://eidas.europa.eu/LoA/high", "hoog"),
        ("urn:etoegang:core:assurance-class:loa2", "basis"),
        ("urn:etoegang:core:assurance-class:loa2plus", "midden"),
        ("urn:etoegang:core:assurance-class:loa3", "substantieel"),
        ("urn:etoegang:core:assurance-class:loa4", "hoog"),
        ("basis", "basis"),
        ("Midden", "midden"),
        (" substantieel ", "substantieel"),
        ("hoog", "hoog"),
        ("laag", "midden"),
        ("substantial", "substantieel"),
        ([f"{SAML}MobileTwoFactorContract", f"{SAML}Smartcard"], "substantieel"),
        ("urn:unknown:level", ""),
        ("", ""),
        (None, ""),
        (3, ""),
    ],
)
def test_claim_values_map_onto_the_levels(claim, level):
    assert level_from_claim(claim) == level


@pytest.mark.parametrize(
    ("has", "required", "enough"),
    [
        ("substantieel", "substantieel", True),
        ("hoog", "substantieel", True),
        ("midden", "substantieel", False),
        ("basis", "midden", False),
        ("basis", "basis", True),
        ("", "basis", False),
        ("", None, True),
        ("", "", True),
    ],
)
def test_a_level_is_enough_for_itself_and_every_level_below(has, required, enough):
    visitor = Visitor(bsn="999990019", assurance=has, method="digid")

    assert assurance_sufficient(visitor, required) is enough


def test_nobody_has_any_level():
    assert not assurance_sufficient(None, "basis")


def test_an_unknown_required_level_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown level of assurance"):
        assurance_sufficient(Visitor(bsn="999990019", assurance="hoog"), "middel")
    with pytest.raises(ValueError, match="unknown level of assurance"):
        visitor_required("person", assurance="hoogste")


@visitor_required("person", assurance="substantieel")
def strict_page(request):
    return current_visitor(request)


def request_as(rf, visitor: Visitor | None):
    request = rf.get("/formulieren/paspoort/?stap=1")
    request.session = SessionStore()
    if visitor:
        log_in_visitor(request, visitor)
    return request


@pytest.mark.django_db
def test_a_page_that_asks_for_substantieel_lets_substantieel_in(rf):
    visitor = Visitor(bsn="999990019", name="Jan", assurance="substantieel", method="demo")

    assert strict_page(request_as(rf, visitor)) == visitor


@pytest.mark.django_db
@pytest.mark.parametrize(
    "visitor",
    [
        None,
        Visitor(bsn="999990019", name="Jan", assurance="midden", method="digid"),
        Visitor(kvk="99990011", name="Bakkerij", assurance="hoog", method="eherkenning"),
    ],
)
def test_others_go_to_the_login_page_which_names_the_level(rf, visitor):
    answer = strict_page(request_as(rf, visitor))

    assert answer.status_code == 302
    location = urlsplit(answer["Location"])
    assert location.path == reverse("identity:login")
    assert parse_qs(location.query) == {
        "next": ["/formulieren/paspoort/?stap=1"],
        "assurance": ["substantieel"],
    }


@pytest.mark.django_db
def test_the_login_page_says_the_level_is_too_low():
    client = Client(headers={"accept-language": "en"})
    session = client.session
    session["loket_visitor"] = {
        "bsn": "999990019",
        "kvk": "",
        "name": "Jan",
        "assurance": "midden",
        "method": "digid",
    }
    session["loket_visitor_last_activity"] = time.time()
    session.save()

    html = client.get(reverse("identity:login"), {"next": "/", "assurance": "substantieel"})
    html = html.content.decode()

    assert 'level of assurance "substantial" or higher' in html
    assert 'You logged in with level "medium"' in html


@pytest.mark.django_db
def test_the_login_page_names_the_level_before_logging_in():
    client = Client(headers={"accept-language": "en"})

    html = client.get(reverse("identity:login"), {"assurance": "hoog"}).content.decode()

    assert 'This service needs a login with level of assurance "high" or higher.' in html
    html = client.get(reverse("identity:login"), {"assurance": "bogus"}).content.decode()
    assert "level of assurance" not in html
