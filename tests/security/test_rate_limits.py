"""Rate limits: a client that sends too many requests in a window gets 429 with Retry-After;
a page in plain language, an API the ZGW error body (application/problem+json).

The suite runs with the limits off (tests/settings.py); these tests switch them on with
small numbers.
"""

import time
import uuid

import pytest
from django.test import Client

from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from tests.api.common.tokens import bearer, client_with, make_token

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


@pytest.fixture(autouse=True)
def limits_on(settings, security_cache):
    settings.LOKET_RATE_LIMITS = True
    settings.LOKET_RATE_LIMIT_FORMS = (3, 60)
    settings.LOKET_RATE_LIMIT_LOOKUPS = (3, 60)
    settings.LOKET_RATE_LIMIT_API = (3, 60)


def statuses(send, times: int) -> list[int]:
    return [send().status_code for _ in range(times)]


def assert_page_429(response):
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    text = response.content.decode()
    assert '<h1 class="utrecht-heading-1">Too many requests</h1>' in text
    assert "Please wait 1 minute and try again." in text
    assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/formulieren/leefbaarheidsbudget/"),  # a form's submission
        ("post", f"/formulieren/{uuid.uuid4()}/aanvraag/"),  # a step of a draft
        ("post", "/afspraak/paspoort/"),  # booking an appointment
        ("get", "/volgen/a-guessed-token/"),  # track & trace
        ("get", f"/delen/status/{uuid.uuid4()}/"),  # a sharing statement's status
        ("get", "/controleren/?code=ABCD-EFGH"),  # checking a document's code
        ("get", f"/afspraak/{'a' * 48}/"),  # an appointment's secret link
    ],
)
def test_the_public_forms_and_lookups_answer_429_beyond_the_limit(method, path):
    client = Client()
    send = lambda: getattr(client, method)(path, headers=EN)  # noqa: E731

    assert 429 not in statuses(send, 3)
    assert_page_429(send())


def test_the_429_page_is_in_dutch_by_default():
    client = Client()
    for _ in range(3):
        client.get("/volgen/x/")

    response = client.get("/volgen/x/")

    assert response.status_code == 429
    assert '<html lang="nl"' in response.content.decode()


def test_each_address_has_its_own_count():
    client = Client()
    for _ in range(3):
        client.get("/volgen/x/")
    assert client.get("/volgen/x/").status_code == 429

    assert client.get("/volgen/x/", REMOTE_ADDR="192.0.2.9").status_code == 404


def test_behind_a_proxy_the_address_it_saw_counts(settings):
    settings.LOKET_PROXY_COUNT = 1
    client = Client()
    for _ in range(3):
        client.get("/volgen/x/", HTTP_X_FORWARDED_FOR="198.51.100.1")

    assert client.get("/volgen/x/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    # A client cannot escape by claiming another address in front of the proxy's.
    assert (
        client.get("/volgen/x/", HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.1").status_code
        == 429
    )
    assert client.get("/volgen/x/", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 404


def test_the_count_starts_again_in_the_next_window(settings):
    settings.LOKET_RATE_LIMIT_LOOKUPS = (2, 1)
    client = Client()
    time.sleep(1 - time.time() % 1)  # at the start of a window
    assert statuses(lambda: client.get("/volgen/x/"), 3) == [404, 404, 429]

    time.sleep(1.05)

    assert client.get("/volgen/x/").status_code == 404


def test_other_pages_and_logged_in_staff_are_not_limited():
    client = Client()
    assert 429 not in statuses(lambda: client.get("/producten/"), 6)
    assert 429 not in statuses(lambda: client.get("/formulieren/leefbaarheidsbudget/"), 6)

    staff = create_staff_account(
        username="kcc1", password="a long staff password", role=Role.KCC, full_name="K C"
    )
    client.force_login(staff)
    assert 429 not in statuses(lambda: client.post("/formulieren/leefbaarheidsbudget/"), 6)


def test_off_switch(settings):
    settings.LOKET_RATE_LIMITS = False
    client = Client()

    assert 429 not in statuses(lambda: client.get("/volgen/x/"), 10)


def test_a_zero_limit_turns_one_group_off(settings):
    settings.LOKET_RATE_LIMIT_LOOKUPS = (0, 60)
    client = Client()

    assert 429 not in statuses(lambda: client.get("/volgen/x/"), 10)


def test_an_api_answers_429_with_the_zgw_error_body():
    api = client_with("partner", all_scopes=True)
    assert statuses(lambda: api.get("/catalogi/api/v1/zaaktypen"), 3) == [200, 200, 200]

    response = api.get("/catalogi/api/v1/zaaktypen")

    assert response.status_code == 429
    assert response.headers["Content-Type"] == "application/problem+json"
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    body = response.json()
    assert body["status"] == 429
    assert body["code"] == "throttled"
    assert body["type"].endswith("/ref/fouten/Throttled/")
    assert body["title"] and body["detail"]
    assert body["instance"].startswith("urn:uuid:")


def test_an_api_client_is_counted_over_all_its_addresses():
    api = client_with("partner", all_scopes=True)
    addresses = ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"]

    codes = [api.get("/catalogi/api/v1/zaaktypen", REMOTE_ADDR=a).status_code for a in addresses]

    assert codes == [200, 200, 200, 429]


def test_an_address_is_counted_over_all_the_clients_it_claims():
    client = Client()
    codes = [
        client.get(
            "/catalogi/api/v1/zaaktypen", **bearer(make_token(f"forged-{n}", "x" * 32))
        ).status_code
        for n in range(4)
    ]

    assert 429 not in codes[:3]
    assert codes[3] == 429


@pytest.mark.parametrize(
    "path", ["/klantinteracties/api/v1/klantcontacten", "/haalcentraal/api/brp/personen"]
)
def test_the_apis_with_other_credentials_are_limited_too(path):
    client = Client()
    for _ in range(3):
        client.get(path, HTTP_AUTHORIZATION="Token not-a-real-token")

    response = client.get(path, HTTP_AUTHORIZATION="Token not-a-real-token")

    assert response.status_code == 429
    assert response.headers["Content-Type"] == "application/problem+json"
