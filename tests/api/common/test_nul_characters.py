"""A NUL character in a body or a query parameter is a 400 for the client, on every ZGW-style
API (found by schemathesis: PostgreSQL refuses NUL in text and JSON, which gave a 500)."""

import pytest

from tests.api.common.test_auth import assert_problem
from tests.api.common.tokens import client_with
from tests.api.klantinteracties.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return client_with("beheer", all_scopes=True)


def test_a_nul_in_a_related_name_of_a_body_is_a_400(client):
    # The Notificaties API looked up the kanaal by this name in the database.
    body = {
        "callbackUrl": "http://127.0.0.1:9/callback",
        "auth": "Token abc",
        "kanalen": [{"naam": "zaken\x00", "filters": {}}],
    }
    response = client.post("/notificaties/api/v1/abonnement", body, format="json")

    problem = assert_problem(response, 400, "null-characters")
    assert problem["invalidParams"][0]["code"] == "null-characters"


def test_a_nul_in_a_key_or_a_nested_value_is_a_400(client):
    response = client.post(
        "/catalogi/api/v1/catalogussen", {"domein": "A", "x\x00": {"y": ["\x00"]}}, format="json"
    )
    assert_problem(response, 400, "null-characters")


def test_a_nul_in_a_query_parameter_is_a_400(client):
    assert_problem(client.get("/notificaties/api/v1/kanaal", {"naam": "a\x00b"}), 400)
    assert_problem(client.get("/zaken/api/v1/zaken", {"identificatie": "\x00"}), 400)


def test_a_nul_in_a_json_field_of_klantinteracties_is_a_400():
    # The actor's identification is stored as JSON, where PostgreSQL refuses \u0000.
    kic = token_client("kic", all_scopes=True)
    body = {
        "naam": "Bram",
        "soortActor": "medewerker",
        "indicatieActief": True,
        "actoridentificator": {
            "objectId": "bram",
            "codeObjecttype": "mdw",
            "codeRegister": "obj",
            "codeSoortObjectId": "idf",
        },
        "actorIdentificatie": {"functie": "KCC\x00"},
    }
    response = kic.post("/klantinteracties/api/v1/actoren", body, format="json")
    assert_problem(response, 400, "null-characters")
