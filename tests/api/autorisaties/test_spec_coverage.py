"""Loket serves every (path, method) of the official autorisaties-1.0.0.yaml, and its
generated OpenAPI document names them and the standard's fields."""

import pytest
import yaml
from rest_framework.test import APIClient

from tests.api.spec_coverage import missing_operations, official, operations

SPEC_FILE = "autorisaties-1.0.0.yaml"
BASE = "/autorisaties/api/v1"


def test_every_operation_of_the_standard_is_served():
    expected = operations(official(SPEC_FILE))
    assert len(expected) == 7

    assert missing_operations(BASE, SPEC_FILE) == []


@pytest.mark.django_db
def test_generated_schema_names_every_operation_and_field():
    response = APIClient().get(f"{BASE}/schema/openapi.yaml")
    assert response.status_code == 200
    generated = yaml.safe_load(response.content)

    assert sorted(operations(official(SPEC_FILE)) - operations(generated)) == []
    schemas = generated["components"]["schemas"]
    assert set(schemas["Applicatie"]["properties"]) == set(
        official(SPEC_FILE)["components"]["schemas"]["Applicatie"]["properties"]
    )
    autorisatie = set(schemas["Autorisatie"]["properties"])
    assert autorisatie == {
        "component",
        "componentWeergave",
        "scopes",
        "zaaktype",
        "informatieobjecttype",
        "besluittype",
        "maxVertrouwelijkheidaanduiding",
    }
    assert generated["paths"]["/applicaties"]["post"]["security"] == [
        {"JWT-Claims": ["autorisaties.bijwerken"]}
    ]
    assert APIClient().get(f"{BASE}/schema/openapi.json").json()["info"]["version"] == "1.0.0"
