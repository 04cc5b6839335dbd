"""Clients of the Klantinteracties API with a token (``Authorization: Token <key>``), and
the objects its tests start from."""

import pytest
from rest_framework.test import APIClient

from loket.identity.models import ApiAuthorization, ApiClient, Application

BASE = "/klantinteracties/api/v1/"
READ = "klantinteracties.lezen"
WRITE = "klantinteracties.schrijven"


def token_client(client_id: str, *, scopes=(), all_scopes=False) -> APIClient:
    """A registered client whose key is its secret, with these Klantinteracties scopes."""
    secret = f"a-token-of-at-least-32-characters-for-{client_id}"
    application = Application.objects.create(label=client_id, all_scopes=all_scopes)
    ApiClient.objects.create(application=application, client_id=client_id, secret=secret)
    if scopes:
        ApiAuthorization.objects.create(
            application=application, component="kic", scopes=list(scopes)
        )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


@pytest.fixture
def kic(db) -> APIClient:
    """A contact-centre system that reads and writes (klantinteracties.schrijven)."""
    return token_client("kiss", scopes=[WRITE])


@pytest.fixture
def reader(db) -> APIClient:
    return token_client("kic-reader", scopes=[READ])


def create(client, resource: str, body: dict) -> dict:
    response = client.post(f"{BASE}{resource}", body, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def klantcontact_body(**changes) -> dict:
    return {
        "kanaal": "telefoon",
        "onderwerp": "Paspoort aanvragen",
        "inhoud": "Wat kost een paspoort?",
        "reactie": "Een paspoort kost € 84,70.",
        "taal": "dut",
        "vertrouwelijk": False,
        "plaatsgevondenOp": "2026-05-04T10:15:00+02:00",
        **changes,
    }


def partij_body(bsn: str = "999993653", **changes) -> dict:
    return {
        "soortPartij": "persoon",
        "indicatieActief": True,
        "partijIdentificatoren": [
            {
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": bsn,
                    "codeRegister": "brp",
                }
            }
        ],
        "partijIdentificatie": {
            "contactnaam": {
                "voornaam": "Anna",
                "voorvoegselAchternaam": "de",
                "achternaam": "Vries",
            }
        },
        **changes,
    }
