"""Staff login lockout: too many wrong passwords block a user name (and an address trying
many names) for a while, with a clear message; the lock ends by itself or by the admin's
"Unblock login" action, and the log names neither the user nor the address.

The suite runs with the lockout off (tests/settings.py); these tests switch it on.
"""

import logging
import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from tests.workqueue.helpers import PASSWORD, case_worker, department

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}
LOCKED = "Too many wrong attempts. Logging in is blocked for"


@pytest.fixture(autouse=True)
def lockout_on(settings, security_cache):
    settings.LOKET_LOGIN_MAX_FAILURES = 3
    settings.LOKET_LOGIN_MAX_FAILURES_PER_IP = 10
    settings.LOKET_LOGIN_LOCKOUT_SECONDS = 600


@pytest.fixture
def bram():
    return case_worker("bram", department("burgerzaken", "Burgerzaken", "Civil affairs"))


def log_in(client, password, username="bram", path="/werk/inloggen/", **meta):
    return client.post(path, {"username": username, "password": password}, headers=EN, **meta)


def test_three_wrong_passwords_block_the_user_name_even_for_the_right_one(client, bram, caplog):
    with caplog.at_level(logging.DEBUG):
        for _ in range(2):
            response = log_in(client, "wrong")
            assert "Please enter a correct" in response.content.decode()
        response = log_in(client, "wrong")
        assert LOCKED in response.content.decode()
        assert "10 minutes" in response.content.decode()

        response = log_in(client, PASSWORD)

    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    messages = [r.getMessage() for r in caplog.records if r.name == "loket.security"]
    assert sum("Staff login failed" in message for message in messages) == 3
    assert sum("Staff login locked" in message for message in messages) == 1
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "bram" not in logged and "127.0.0.1" not in logged


def test_a_right_password_before_the_limit_starts_the_count_again(client, bram):
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302
    client.post("/werk/uitloggen/")

    log_in(client, "wrong")
    log_in(client, "wrong")

    assert log_in(client, PASSWORD).status_code == 302


def test_the_lock_ends_by_itself(client, bram, settings):
    settings.LOKET_LOGIN_LOCKOUT_SECONDS = 2
    for _ in range(3):
        log_in(client, "wrong")
    assert LOCKED in log_in(client, PASSWORD).content.decode()

    time.sleep(2.2)

    assert log_in(client, PASSWORD).status_code == 302


def test_an_unknown_user_name_is_locked_the_same_way(client):
    for _ in range(3):
        response = log_in(client, "wrong", username="nobody")

    assert LOCKED in response.content.decode()


def test_one_address_trying_many_names_is_blocked(client, bram, settings):
    settings.LOKET_LOGIN_MAX_FAILURES_PER_IP = 4
    for name in ("anna", "bert", "carla", "dirk"):
        response = log_in(client, "wrong", username=name)
    assert LOCKED in response.content.decode()

    assert LOCKED in log_in(client, PASSWORD).content.decode()
    # Another address may still log in as bram.
    other = Client()
    assert log_in(other, PASSWORD, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_the_functional_administrator_unblocks_a_user(client, bram):
    for _ in range(3):
        log_in(client, "wrong")
    assert LOCKED in log_in(client, PASSWORD).content.decode()
    admin = create_staff_account(
        username="beheer", password=PASSWORD, role=Role.FUNCTIONAL_ADMIN, full_name="Beheer"
    )
    admin_client = Client()
    admin_client.force_login(admin)

    response = admin_client.post(
        "/beheer/auth/user/",
        {"action": "unblock_login", "_selected_action": [bram.pk]},
        headers=EN,
        follow=True,
    )

    assert "Login unblocked for 1 user." in response.content.decode()
    assert log_in(client, PASSWORD).status_code == 302


def test_the_admin_login_page_counts_too(client, bram, settings):
    get_user_model().objects.filter(pk=bram.pk).update(is_staff=True)
    for _ in range(3):
        response = log_in(client, "wrong", path="/beheer/login/")

    assert LOCKED in response.content.decode()
    assert LOCKED in log_in(client, PASSWORD).content.decode()


def test_off_when_the_limits_are_zero(client, bram, settings):
    settings.LOKET_LOGIN_MAX_FAILURES = 0
    settings.LOKET_LOGIN_MAX_FAILURES_PER_IP = 0
    for _ in range(10):
        log_in(client, "wrong")

    assert log_in(client, PASSWORD).status_code == 302
