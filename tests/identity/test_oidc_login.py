"""Logging in with DigiD and eHerkenning through an OpenID Connect broker.

Every test talks to a real provider process (``tests/oidc_provider.py``, Authlib's server on
127.0.0.1): Loket fetches its discovery document and keys, sends the visitor there, and
exchanges the code at its token endpoint; the test fills in the provider's login form.
"""

import re
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
import requests
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from loket.brp.bsn import register_bsns
from loket.brp.register import load_demo_register
from loket.identity.citizens import Visitor, current_visitor
from loket.identity.demo_login import demo_persons
from tests.conftest import free_port
from tests.identity.conftest import CLIENT_ID, fill_in_login_form

pytestmark = pytest.mark.django_db

LOGIN = reverse("identity:login")
DIGID = reverse("identity:digid")
EHERKENNING = reverse("identity:eherkenning")
VALID_BSN = next(register_bsns())  # passes the elfproef
INVALID_BSN = "123456789"  # fails it
DIGID_SUBSTANTIEEL = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"


@pytest.fixture
def client():
    return Client(headers={"accept-language": "en"})


def visitor_of(client) -> Visitor | None:
    return current_visitor(SimpleNamespace(session=client.session))


def provider_answer(client, start_url: str, next_url: str = "/", **typed) -> str:
    """Start a login at Loket, fill in the provider's form; the URL it sends the browser to."""
    start = client.get(start_url, {"next": next_url})
    assert start.status_code == 302, start.content
    answer = fill_in_login_form(requests.Session(), start["Location"], **typed)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def log_in(client, start_url: str = DIGID, next_url: str = "/", **typed):
    return client.get(provider_answer(client, start_url, next_url, **typed))


def with_query(url: str, **changes) -> str:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()} | changes
    return urlunsplit(parts._replace(query=urlencode(query)))


# --- the login page and the way to the broker ------------------------------------------------


def test_login_page_links_to_the_brokers_and_keeps_the_demo_in_demo_mode(client, oidc_provider):
    html = client.get(LOGIN, {"next": "/producten/"}).content.decode()

    assert f'href="{DIGID}?next=/producten/"' in html
    assert f'href="{EHERKENNING}?next=/producten/"' in html
    assert "Log in with demo DigiD" in html and "Log in with demo eHerkenning" in html


def test_without_demo_mode_only_the_brokers_are_offered(client, oidc_provider, settings):
    settings.LOKET_DEMO_LOGIN = False

    html = client.get(LOGIN, {"next": "/producten/"}).content.decode()

    assert f'href="{DIGID}?next=/producten/"' in html
    assert reverse("identity:demo-digid") not in html
    assert "not possible yet" not in html


def test_a_form_for_persons_offers_only_digid(client, oidc_provider):
    html = client.get(LOGIN, {"next": "/formulieren/x/", "via": "digid"}).content.decode()

    assert DIGID in html
    assert EHERKENNING not in html


def test_an_unconfigured_broker_has_no_pages(client, settings):
    settings.LOKET_OIDC_DIGID = {**settings.LOKET_OIDC_DIGID, "client_id": ""}

    assert client.get(DIGID).status_code == 404
    assert client.get(reverse("identity:digid-callback")).status_code == 404
    assert f'href="{DIGID}' not in client.get(LOGIN).content.decode()


def test_the_way_to_the_broker_carries_pkce_state_and_nonce(client, oidc_provider):
    response = client.get(DIGID, {"next": "/producten/"})

    location = urlsplit(response["Location"])
    query = {key: values[0] for key, values in parse_qs(location.query).items()}
    assert f"{location.scheme}://{location.netloc}" == oidc_provider.issuer
    assert location.path == "/authorize"
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == "http://testserver/inloggen/digid/terug/"
    assert query["scope"] == "openid"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) >= 43
    assert len(query["state"]) >= 32 and len(query["nonce"]) >= 20
    assert response["Cache-Control"].startswith("max-age=0")


def test_an_unreachable_broker_is_said_plainly(client, settings):
    settings.LOKET_OIDC_DIGID = {
        **settings.LOKET_OIDC_DIGID,
        "client_id": "loket",
        "discovery_url": f"http://127.0.0.1:{free_port()}/.well-known/openid-configuration",
    }

    response = client.get(DIGID)

    assert response.status_code == 503
    assert "DigiD cannot be reached right now" in response.content.decode()


def test_a_discovery_document_of_another_issuer_is_not_trusted(client, oidc_provider, settings):
    settings.LOKET_OIDC_DIGID = {
        **settings.LOKET_OIDC_DIGID,
        "issuer": "https://broker.example.nl",
    }

    assert client.get(DIGID).status_code == 503


def test_the_issuer_alone_finds_the_discovery_document(client, oidc_provider, settings):
    settings.LOKET_OIDC_DIGID = {
        **settings.LOKET_OIDC_DIGID,
        "issuer": oidc_provider.issuer,
        "discovery_url": f"{oidc_provider.issuer}/.well-known/openid-configuration",
    }

    log_in(client, bsn=VALID_BSN, name="Jan")

    assert visitor_of(client).bsn == VALID_BSN


# --- logging in --------------------------------------------------------------------------------


def test_person_logs_in_with_digid(client, oidc_provider):
    planted = client.session
    planted["seen"] = True
    planted.save()

    response = log_in(client, next_url="/producten/", bsn=VALID_BSN, name="Jan Jansen")

    assert response.status_code == 302
    assert response["Location"] == "/producten/"
    assert visitor_of(client) == Visitor(
        bsn=VALID_BSN, name="Jan Jansen", assurance="midden", method="digid"
    )
    assert client.session.session_key != planted.session_key, "a new key against fixation"
    assert "Logged in as Jan Jansen" in client.get("/").content.decode()


def test_without_a_name_claim_the_name_comes_from_the_brp(client, oidc_provider):
    load_demo_register()
    person = demo_persons().order_by("bsn").first()

    log_in(client, bsn=person.bsn, name="")

    assert visitor_of(client).name == person.full_name


def test_business_logs_in_with_eherkenning(client, start_oidc_provider, settings):
    provider = start_oidc_provider(
        "http://testserver", "--acr", "urn:etoegang:core:assurance-class:loa3"
    ).use_for_both_brokers(settings)
    assert provider

    response = log_in(client, EHERKENNING, "/zoeken/", kvk="99990011", name="Ziekenhuis Voorbeeld")

    assert response["Location"] == "/zoeken/"
    visitor = visitor_of(client)
    assert visitor == Visitor(
        kvk="99990011", name="Ziekenhuis Voorbeeld", assurance="substantieel", method="eherkenning"
    )
    assert visitor.is_business and not visitor.is_person


def test_an_employee_logs_in_for_a_branch_of_the_business(client, start_oidc_provider, settings):
    start_oidc_provider("http://testserver").use_for_both_brokers(settings)

    log_in(
        client,
        EHERKENNING,
        kvk="99990011",
        name="Ziekenhuis Voorbeeld",
        branch="000012345678",
        employee="Petra Verloskunde",
    )

    visitor = visitor_of(client)
    assert (visitor.kvk, visitor.branch, visitor.acting_name) == (
        "99990011",
        "000012345678",
        "Petra Verloskunde",
    )


def test_claims_only_at_userinfo_are_fetched_there(client, start_oidc_provider, settings):
    start_oidc_provider("http://testserver", "--userinfo-only").use_for_both_brokers(settings)

    log_in(client, bsn=VALID_BSN, name="Jan Jansen")

    assert visitor_of(client) == Visitor(
        bsn=VALID_BSN, name="Jan Jansen", assurance="midden", method="digid"
    )


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "http://testserver.evil.example/"]
)
def test_after_login_an_outside_next_goes_home(client, oidc_provider, next_url):
    response = log_in(client, next_url=next_url, bsn=VALID_BSN, name="Jan")

    assert response["Location"] == reverse("portal:home")


# --- refusals ------------------------------------------------------------------------------------


def assert_refused(response, sentence: str, status: int = 403) -> None:
    html = response.content.decode()
    assert response.status_code == status, html
    assert "Logging in did not work" in html
    assert sentence in html
    assert f'href="{LOGIN}?next=' in html


def test_a_tampered_state_is_refused(client, oidc_provider):
    answer = provider_answer(client, DIGID, bsn=VALID_BSN, name="Jan")

    response = client.get(with_query(answer, state="tampered-" + "x" * 30))

    assert_refused(response, "This login was not started here")
    assert visitor_of(client) is None


def test_an_answer_for_another_browser_is_refused(client, oidc_provider):
    answer = provider_answer(client, DIGID, bsn=VALID_BSN, name="Jan")

    response = Client(headers={"accept-language": "en"}).get(answer)

    assert_refused(response, "This login was not started here")


def test_an_answer_is_used_only_once(client, oidc_provider):
    answer = provider_answer(client, DIGID, bsn=VALID_BSN, name="Jan")
    assert client.get(answer).status_code == 302
    client.post(reverse("identity:logout"))

    assert_refused(client.get(answer), "This login was not started here")
    assert visitor_of(client) is None


def test_an_id_token_for_another_client_is_refused(client, start_oidc_provider, settings):
    start_oidc_provider("http://testserver", "--audience", "another-client").use_for_both_brokers(
        settings
    )

    response = log_in(client, bsn=VALID_BSN, name="Jan")

    assert_refused(response, "The answer from DigiD could not be checked")
    assert visitor_of(client) is None


def test_an_id_token_with_a_forged_signature_is_refused(client, start_oidc_provider, settings):
    start_oidc_provider("http://testserver", "--foreign-key").use_for_both_brokers(settings)

    response = log_in(client, bsn=VALID_BSN, name="Jan")

    assert_refused(response, "The answer from DigiD could not be checked")
    assert visitor_of(client) is None


def test_an_invalid_bsn_is_refused(client, oidc_provider):
    response = log_in(client, next_url="/producten/", bsn=INVALID_BSN, name="Jan")

    assert_refused(response, "DigiD gave a citizen service number (BSN) that is not valid")
    assert f'href="{LOGIN}?next=%2Fproducten%2F"' in response.content.decode(), "try again"
    assert visitor_of(client) is None


def test_a_login_without_a_bsn_is_refused(client, oidc_provider):
    response = log_in(client, kvk="99990011", name="Jan")

    assert_refused(response, "DigiD did not give your citizen service number (BSN)")
    assert visitor_of(client) is None


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ({"bsn": VALID_BSN}, "eHerkenning did not give the KvK number"),
        ({"kvk": "1234"}, "eHerkenning gave a KvK number that is not valid"),
    ],
)
def test_eherkenning_without_a_valid_kvk_number_is_refused(client, oidc_provider, typed, sentence):
    response = log_in(client, EHERKENNING, name="Bedrijf", **typed)

    assert_refused(response, sentence)
    assert visitor_of(client) is None


def test_cancelling_at_the_broker_logs_no_one_in(client, oidc_provider):
    start = client.get(DIGID)
    answer = fill_in_login_form(requests.Session(), start["Location"], action="cancel")
    assert "error=access_denied" in answer.headers["Location"]

    response = client.get(answer.headers["Location"])

    assert_refused(response, "Logging in with DigiD was cancelled or did not succeed")
    assert visitor_of(client) is None


def test_a_code_from_the_broker_cannot_be_swapped_for_one_of_another_login(client, oidc_provider):
    """Someone who plants their own code in another person's return address gets nothing:
    the code belongs to another PKCE challenge."""
    theirs = provider_answer(Client(), DIGID, bsn=VALID_BSN, name="Aanvaller")
    ours = provider_answer(client, DIGID, bsn=VALID_BSN, name="Jan")
    code = parse_qs(urlsplit(theirs).query)["code"][0]

    response = client.get(with_query(ours, code=code))

    assert_refused(response, "The answer from DigiD could not be checked")
    assert visitor_of(client) is None


# --- the whole flow, as a browser and as plain HTTP --------------------------------------------


def visitor_in_session(session_key: str) -> Visitor | None:
    return current_visitor(SimpleNamespace(session=SessionStore(session_key=session_key)))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_person_logs_in_with_digid_in_a_browser(page, live_server, live_oidc_provider):
    page.goto("/inloggen/?next=/producten/")
    page.get_by_role("link", name="Inloggen met DigiD", exact=True).click()

    page.wait_for_url(f"{live_oidc_provider.issuer}/authorize?**")
    page.get_by_label("BSN").fill(VALID_BSN)
    page.get_by_label("Naam").fill("Jan Jansen")
    page.get_by_role("button", name="Inloggen").click()

    page.wait_for_url(f"{live_server.url}/producten/")
    assert "Ingelogd als Jan Jansen" in page.locator("header").inner_text()
    session_key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    assert visitor_in_session(session_key) == Visitor(
        bsn=VALID_BSN, name="Jan Jansen", assurance="midden", method="digid"
    )


@pytest.mark.django_db(transaction=True)
def test_business_logs_in_with_eherkenning_over_plain_http(live_server, live_oidc_provider):
    browser = requests.Session()
    browser.headers["Accept-Language"] = "en"

    form_page = browser.get(f"{live_server.url}{EHERKENNING}?next=/zoeken/", timeout=10)
    assert form_page.url.startswith(f"{live_oidc_provider.issuer}/authorize?")
    fields = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form_page.text)
    )
    fields |= {"login_kvk": "99990028", "login_name": "Uitvaartzorg De Linde", "action": "login"}

    result = browser.post(f"{live_oidc_provider.issuer}/authorize", data=fields, timeout=10)

    assert result.status_code == 200
    assert result.url == f"{live_server.url}/zoeken/"
    assert [r.status_code for r in result.history] == [302, 302]
    assert "Logged in as Uitvaartzorg De Linde" in result.text
    assert visitor_in_session(browser.cookies["sessionid"]) == Visitor(
        kvk="99990028", name="Uitvaartzorg De Linde", assurance="midden", method="eherkenning"
    )
