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
        "--scope",
        "klantinteracties.lezen",
        env=process_env,
    )
    assert added.returncode == 0, added.stderr
    client = ApiClient.objects.get(client_id="zaaksysteem")
    authorisations = client.application.authorizations.all()
    assert {(a.component, tuple(a.scopes), a.type_url) for a in authorisations} == {
        ("ztc", ("catalogi.lezen",), ""),
        ("zrc", ("zaken.lezen",), ""),
        ("kic", ("klantinteracties.lezen",), ""),
    }
    assert not client.application.all_scopes

    listed = run_loket("apiclient", "list", env=process_env)
    assert "zaaksysteem\tactive\tcatalogi.lezen, klantinteracties.lezen, zaken.lezen" in (
        listed.stdout
    )

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
    assert ApiClient.objects.get(client_id="beheer").application.all_scopes

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


def test_secret_for_a_client_added_through_the_api_and_unknown_scopes(process_env):
    from loket.identity.services import create_application

    create_application(
        label="Zaaksysteem",
        client_ids=["via-api"],
        authorizations=[{"component": "ztc", "scopes": ["catalogi.lezen"]}],
    )
    assert "via-api\tno secret yet" in run_loket("apiclient", "list", env=process_env).stdout

    done = run_loket(
        "apiclient", "secret", "--client-id", "via-api", "--secret", "g" * 20, env=process_env
    )
    assert done.returncode == 0, done.stderr
    assert ApiClient.objects.get(client_id="via-api").secret == "g" * 20

    unknown = run_loket(
        "apiclient",
        "add",
        "--client-id",
        "y",
        "--secret",
        "h" * 20,
        "--scope",
        "onbekend.lezen",
        env=process_env,
    )
    assert unknown.returncode != 0 and "onbekend.lezen noemt geen component" in unknown.stderr
