"""``loket apiclient``: API clients managed from the command line."""

import pytest

from loket.identity.models import ApiClient
from tests.conftest import run_loket

pytestmark = pytest.mark.django_db(transaction=True)


def test_add_list_and_revoke(process_env):
    added = run_loket(
        "apiclient",
        "add",
        "--client-id",
        "zaaksysteem",
        "--secret",
        "s" * 32,
        "--scope",
        "catalogi.lezen",
        "--scope",
        "zaken.lezen",
        env=process_env,
    )
    assert added.returncode == 0, added.stderr
    client = ApiClient.objects.get(client_id="zaaksysteem")
    assert client.scopes == ["catalogi.lezen", "zaken.lezen"] and not client.all_scopes

    listed = run_loket("apiclient", "list", env=process_env)
    assert "zaaksysteem\tactive\tcatalogi.lezen, zaken.lezen" in listed.stdout

    revoked = run_loket("apiclient", "revoke", "--client-id", "zaaksysteem", env=process_env)
    assert revoked.returncode == 0, revoked.stderr
    client.refresh_from_db()
    assert client.revoked_at is not None


def test_all_scopes_and_refusals(process_env):
    assert (
        run_loket(
            "apiclient",
            "add",
            "--client-id",
            "beheer",
            "--secret",
            "t" * 20,
            "--all-scopes",
            env=process_env,
        ).returncode
        == 0
    )
    assert ApiClient.objects.get(client_id="beheer").all_scopes

    short = run_loket(
        "apiclient",
        "add",
        "--client-id",
        "x",
        "--secret",
        "kort",
        "--all-scopes",
        env=process_env,
    )
    assert short.returncode != 0 and "at least 16 characters" in short.stderr

    unknown = run_loket("apiclient", "revoke", "--client-id", "onbekend", env=process_env)
    assert unknown.returncode != 0 and "no active API client onbekend" in unknown.stderr
