import pytest

from tests.api.common.tokens import client_with

BASE = "/autorisaties/api/v1/"
ZAAKTYPE = "http://testserver/catalogi/api/v1/zaaktypen/8f4a6a9b-2c6e-4b7c-9d61-3d3b8e5c2a10"
BESLUITTYPE = "http://testserver/catalogi/api/v1/besluittypen/1d2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"


@pytest.fixture
def beheer(db):
    """A client that reads and changes authorisations."""
    return client_with("ac-beheer", scopes=["autorisaties.lezen", "autorisaties.bijwerken"])


@pytest.fixture
def lezer(db):
    return client_with("ac-lezer", scopes=["autorisaties.lezen"])


def applicatie_body(**changes) -> dict:
    return {
        "clientIds": ["zaaksysteem-zrc", "zaaksysteem-ztc"],
        "label": "Zaaksysteem",
        "autorisaties": [
            {
                "component": "zrc",
                "scopes": ["zaken.lezen", "zaken.aanmaken"],
                "zaaktype": ZAAKTYPE,
                "maxVertrouwelijkheidaanduiding": "zaakvertrouwelijk",
            },
            {"component": "ztc", "scopes": ["catalogi.lezen"]},
        ],
        **changes,
    }


def create(client, body: dict) -> dict:
    response = client.post(f"{BASE}applicaties", body, format="json")
    assert response.status_code == 201, response.json().get("invalidParams")
    return response.json()
