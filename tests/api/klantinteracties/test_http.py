"""The API over a real HTTP connection, as a client such as KISS calls it: the token in the
Authorization header, JSON in and out, the API-version header."""

import pytest
import requests

from tests.api.klantinteracties.conftest import klantcontact_body, token_client


@pytest.mark.django_db(transaction=True)
def test_a_contact_over_http(live_server):
    token_client("kiss-http", scopes=["klantinteracties.schrijven"])
    headers = {"Authorization": "Token a-token-of-at-least-32-characters-for-kiss-http"}
    base = f"{live_server.url}/klantinteracties/api/v1"

    created = requests.post(
        f"{base}/klantcontacten", json=klantcontact_body(), headers=headers, timeout=10
    )
    assert created.status_code == 201, created.text
    assert created.headers["API-version"] == "0.9.0"
    url = created.json()["url"]
    assert url.startswith(live_server.url)

    read = requests.get(url, headers=headers, timeout=10)
    assert read.json()["onderwerp"] == "Paspoort aanvragen"
    assert (
        requests.get(
            url, headers={"If-None-Match": read.headers["ETag"], **headers}, timeout=10
        ).status_code
        == 304
    )

    refused = requests.get(
        f"{base}/klantcontacten", headers={"Authorization": "Token fout"}, timeout=10
    )
    assert refused.status_code == 401
    assert refused.headers["Content-Type"] == "application/problem+json"
