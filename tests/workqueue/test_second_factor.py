"""Staff log in with a password and then a 6-digit code of their authenticator app (TOTP).

The suite runs with the second factor off (tests/identity/second_factor_default.py); these
tests switch it on. User-visible text is asserted in English (Accept-Language: en).
"""

import re
from html import unescape

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from loket.identity import second_factor
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from tests.workqueue.helpers import (
    PASSWORD,
    authenticator,
    case_worker,
    code_of,
    department,
    wrong_code_of,
)

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


@pytest.fixture(autouse=True)
def second_factor_on(settings):
    settings.LOKET_STAFF_SECOND_FACTOR = True


@pytest.fixture
def civil():
    return department("burgerzaken", "Burgerzaken", "Civil affairs")


@pytest.fixture
def bram(civil):
    return case_worker("bram", civil)


def log_in_with_password(client, next_page: str = ""):
    data = {"username": "bram", "password": PASSWORD}
    if next_page:
        data["next"] = next_page
    return client.post("/werk/inloggen/", data, headers=EN)


def send_code(client, code: str, path: str = "/werk/inloggen/code/", next_page: str = ""):
    return client.post(path, {"code": code, "next": next_page}, headers=EN)


def test_the_password_leads_to_the_code_step_not_to_the_queues(client, bram):
    authenticator(bram)

    response = log_in_with_password(client)

    assert response.status_code == 302
    assert response["Location"] == "/werk/inloggen/code/?next=/werk/"
    page = client.get(response["Location"], headers=EN).content.decode()
    assert '<h1 class="utrecht-heading-1">Enter your code</h1>' in page
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page
    assert client.get("/werk/", headers=EN)["Location"] == "/werk/inloggen/code/?next=/werk/"


def test_a_wrong_code_is_refused_and_the_right_one_lets_in(client, bram):
    device = authenticator(bram)
    log_in_with_password(client)

    refused = send_code(client, wrong_code_of(device))

    html = refused.content.decode()
    assert refused.status_code == 200
    assert 'role="alert"' in html and "This code is not right" in html
    assert 'aria-invalid="true"' in html
    assert client.get("/werk/").status_code == 302

    device.throttle_reset()  # the wait after one wrong code (1 second) is over
    accepted = send_code(client, code_of(device), next_page="/werk/burgerzaken/")

    assert accepted.status_code == 302 and accepted["Location"] == "/werk/burgerzaken/"
    assert "Civil affairs" in client.get("/werk/burgerzaken/", headers=EN).content.decode()


def test_a_code_is_six_digits(client, bram):
    authenticator(bram)
    log_in_with_password(client)

    html = send_code(client, "12ab56").content.decode()

    assert "Type the 6 digits of the code." in html


def test_a_used_code_does_not_work_a_second_time(client, bram):
    device = authenticator(bram)
    log_in_with_password(client)
    code = code_of(device)
    assert send_code(client, code).status_code == 302
    client.post("/werk/uitloggen/")

    log_in_with_password(client)

    assert "This code is not right" in send_code(client, code).content.decode()


def test_wrong_codes_are_throttled_with_a_clear_message(client, bram):
    device = authenticator(bram)
    log_in_with_password(client)
    send_code(client, wrong_code_of(device))

    response = send_code(client, code_of(device))  # right, but too soon after a wrong one

    html = unescape(response.content.decode())
    assert re.search(r"Too many wrong codes\. Wait \d+ seconds and try again", html)
    assert client.get("/werk/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1, "a throttled code is not even checked"


def test_a_werk_page_without_the_code_goes_to_the_code_step(client, bram):
    authenticator(bram)
    client.force_login(bram)  # the password step only

    response = client.get("/werk/burgerzaken/")

    assert response.status_code == 302
    assert response["Location"] == "/werk/inloggen/code/?next=/werk/burgerzaken/"


def test_the_code_step_needs_the_password_first(client):
    response = client.get("/werk/inloggen/code/")

    assert response["Location"] == "/werk/inloggen/?next=/werk/inloggen/code/"


def test_a_user_without_an_app_enrols_one(client, bram):
    log_in_with_password(client, "/werk/burgerzaken/")

    response = client.get("/werk/inloggen/code/?next=/werk/burgerzaken/")
    assert response["Location"] == "/werk/inloggen/koppelen/?next=/werk/burgerzaken/"
    page = client.get(response["Location"], headers=EN).content.decode()

    assert '<h1 class="utrecht-heading-1">Link your authenticator app</h1>' in page
    assert "<svg" in page and "<script" not in page
    device = TOTPDevice.objects.get(user=bram)
    assert not device.confirmed
    secret = re.search(r'<code class="utrecht-code" id="totp-secret">([A-Z2-7]+)</code>', page)[1]
    assert secret == second_factor.secret_base32(device)
    uri = second_factor.otpauth_uri(device)
    assert uri.startswith("otpauth://totp/Loket%20") and f"secret={secret}" in uri
    assert "digits=6" in uri and "period=30" in uri

    wrong = send_code(client, wrong_code_of(device), "/werk/inloggen/koppelen/")
    assert "This code is not right" in wrong.content.decode()
    device.throttle_reset()
    confirmed = send_code(
        client, code_of(device), "/werk/inloggen/koppelen/", next_page="/werk/burgerzaken/"
    )

    assert confirmed["Location"] == "/werk/burgerzaken/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/werk/burgerzaken/").status_code == 200


def test_the_enrolment_page_keeps_its_secret_until_confirmed(client, bram):
    client.force_login(bram)

    first = client.get("/werk/inloggen/koppelen/").content.decode()
    again = client.get("/werk/inloggen/koppelen/").content.decode()

    assert TOTPDevice.objects.filter(user=bram).count() == 1
    assert re.search(r'id="totp-secret">(\w+)<', first)[1] in again


def test_a_password_alone_cannot_replace_a_linked_app(client, bram):
    device = authenticator(bram)
    client.force_login(bram)

    response = client.get("/werk/inloggen/koppelen/")

    assert response["Location"] == "/werk/inloggen/code/?next=/werk/"
    assert list(TOTPDevice.objects.filter(user=bram)) == [device]
    with pytest.raises(ValueError):
        second_factor.start_enrolment(bram)


def test_after_a_reset_the_user_enrols_again(client, bram):
    authenticator(bram)

    assert second_factor.reset_second_factor(bram) == 1

    client.force_login(bram)
    assert client.get("/werk/inloggen/code/")["Location"].startswith("/werk/inloggen/koppelen/")


def test_the_code_step_goes_nowhere_outside_the_site(client, bram):
    device = authenticator(bram)
    client.force_login(bram)

    response = send_code(client, code_of(device), next_page="https://evil.example/")

    assert response["Location"] == "/werk/"


def test_the_admin_needs_the_code_too(client):
    beheerder = create_staff_account(
        username="fenna", password=PASSWORD, role=Role.FUNCTIONAL_ADMIN, full_name="Fenna B"
    )
    device = authenticator(beheerder)

    assert client.get("/beheer/")["Location"] == "/beheer/login/?next=/beheer/"
    assert client.get("/beheer/login/?next=/beheer/")["Location"] == "/werk/inloggen/?next=/beheer/"

    client.force_login(beheerder)  # the password step only
    assert client.get("/beheer/").status_code == 302
    step = client.get("/beheer/login/?next=/beheer/")
    assert step["Location"] == "/werk/inloggen/code/?next=/beheer/"

    response = send_code(client, code_of(device), next_page="/beheer/")
    assert response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_the_admin_login_goes_through_the_staff_login_with_the_code(client):
    beheerder = create_staff_account(
        username="fenna", password=PASSWORD, role=Role.FUNCTIONAL_ADMIN, full_name="Fenna B"
    )
    device = authenticator(beheerder)

    response = client.post(
        "/werk/inloggen/", {"username": "fenna", "password": PASSWORD, "next": "/beheer/"}
    )
    assert response["Location"] == "/werk/inloggen/code/?next=/beheer/"
    assert send_code(client, code_of(device), next_page="/beheer/")["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_the_requirement_can_be_switched_off(client, bram, settings):
    settings.LOKET_STAFF_SECOND_FACTOR = False

    response = log_in_with_password(client)

    assert response["Location"] == "/werk/"
    assert client.get("/werk/").status_code == 200


def test_the_demo_accounts_share_a_known_secret(settings):
    from loket.identity.demo import DEMO_TOTP_KEY, demo_totp_secret, load_demo_identities

    load_demo_identities()
    load_demo_identities()  # the demo loads again on every start

    devices = TOTPDevice.objects.filter(user__username__in=["kcc", "behandelaar", "manager"])
    assert {d.key for d in devices} == {DEMO_TOTP_KEY} and all(d.confirmed for d in devices)
    assert TOTPDevice.objects.filter(user__username="behandelaar").count() == 1
    assert len(demo_totp_secret()) == 32
    code = f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}"
    assert devices.get(user__username="manager").verify_token(code)
