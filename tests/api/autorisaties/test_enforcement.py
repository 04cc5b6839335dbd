"""A change of an application's authorisations holds from the client's very next request."""

import pytest
from rest_framework.test import APIClient

from loket.identity.models import ApiClient
from tests.api.autorisaties.conftest import BASE
from tests.api.common.tokens import bearer, make_token

pytestmark = pytest.mark.django_db

CATALOGI = "/catalogi/api/v1/catalogussen"
SECRET = "a-secret-of-at-least-32-bytes-for-the-zaaksysteem"


@pytest.fixture
def zaaksysteem(beheer):
    """An application registered through the API, its client given a secret in the admin."""
    body = {
        "clientIds": ["zaaksysteem"],
        "label": "Zaaksysteem",
        "autorisaties": [{"component": "ztc", "scopes": ["catalogi.lezen"]}],
    }
    url = beheer.post(f"{BASE}applicaties", body, format="json").json()["url"]
    client = APIClient()
    client.credentials(**bearer(make_token("zaaksysteem", SECRET)))
    return url, client


def test_a_client_without_a_secret_is_refused(zaaksysteem):
    _url, client = zaaksysteem

    response = client.get(CATALOGI)

    assert response.status_code == 401
    assert "nog geen geheim (secret)" in response.json()["detail"]


def test_removing_a_scope_is_enforced_on_the_next_request(beheer, zaaksysteem):
    url, client = zaaksysteem
    ApiClient.objects.filter(client_id="zaaksysteem").update(secret=SECRET)
    assert client.get(CATALOGI).status_code == 200

    changed = beheer.patch(
        url,
        {"autorisaties": [{"component": "ztc", "scopes": ["catalogi.schrijven"]}]},
        format="json",
    )
    assert changed.status_code == 200

    assert client.get(CATALOGI).status_code == 403


def test_granting_all_and_deleting_hold_at_once(beheer, zaaksysteem):
    url, client = zaaksysteem
    ApiClient.objects.filter(client_id="zaaksysteem").update(secret=SECRET)
    body = {"domein": "ZS", "rsin": "001000007", "contactpersoonBeheerNaam": "Beheer"}
    assert client.post(CATALOGI, body, format="json").status_code == 403

    beheer.patch(url, {"heeftAlleAutorisaties": True, "autorisaties": []}, format="json")
    assert client.post(CATALOGI, body, format="json").status_code == 201

    beheer.delete(url)
    assert client.get(CATALOGI).status_code == 401
