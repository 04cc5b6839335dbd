"""Loket serves every (path, method) of the official notificaties-1.0.0.yaml, and its
generated OpenAPI document names them, the standard's fields and the scopes."""

import pytest
import yaml
from rest_framework.test import APIClient

from tests.api.spec_coverage import missing_operations, official, operations

SPEC_FILE = "notificaties-1.0.0.yaml"
BASE = "/notificaties/api/v1"


def test_every_operation_of_the_standard_is_served():
    expected = operations(official(SPEC_FILE))
    assert len(expected) == 10

    assert missing_operations(BASE, SPEC_FILE) == []


@pytest.mark.django_db
def test_generated_schema_names_every_operation_and_field():
    response = APIClient().get(f"{BASE}/schema/openapi.yaml")
    assert response.status_code == 200
    generated = yaml.safe_load(response.content)
    standard = official(SPEC_FILE)

    assert sorted(operations(standard) - operations(generated)) == []
    schemas = generated["components"]["schemas"]
    for name in ("Kanaal", "Abonnement", "FilterGroup", "Message"):
        assert set(schemas[name]["properties"]) == set(
            standard["components"]["schemas"][name]["properties"]
        ), name
    assert schemas["Abonnement"]["properties"]["auth"]["writeOnly"] is True
    paths = generated["paths"]
    assert paths["/kanaal"]["post"]["security"] == [{"JWT-Claims": ["notificaties.publiceren"]}]
    assert paths["/abonnement"]["post"]["security"] == [{"JWT-Claims": ["notificaties.consumeren"]}]
    assert paths["/abonnement/{uuid}"]["get"]["security"] == [
        {"JWT-Claims": ["(notificaties.consumeren | notificaties.publiceren)"]}
    ]
    assert paths["/notificaties"]["post"]["security"] == [
        {"JWT-Claims": ["notificaties.publiceren"]}
    ]
    assert "200" in paths["/notificaties"]["post"]["responses"]
    assert [p["name"] for p in paths["/kanaal"]["get"]["parameters"]] == ["naam"]
    assert APIClient().get(f"{BASE}/schema/openapi.json").json()["info"]["version"] == "1.0.0"
