"""Loket serves every (path, method) of the official autorisaties-1.0.0.yaml, and its
generated OpenAPI document names them and the standard's fields."""

import uuid
from pathlib import Path

import pytest
import yaml
from django.urls import Resolver404, resolve
from rest_framework.test import APIClient

SPEC = Path(__file__).resolve().parent.parent / "specs" / "autorisaties-1.0.0.yaml"
BASE = "/autorisaties/api/v1"
METHODS = {"get", "post", "put", "patch", "delete", "head"}


def operations(spec: dict) -> set[tuple[str, str]]:
    return {
        (path, method)
        for path, item in spec["paths"].items()
        for method in item
        if method in METHODS
    }


def served(path: str, method: str) -> bool:
    concrete = path.replace("{uuid}", str(uuid.uuid4()))
    try:
        match = resolve(f"{BASE}{concrete}")
    except Resolver404:
        return False
    actions = getattr(match.func, "actions", {})
    return method in actions or (method == "head" and "get" in actions)


def official() -> dict:
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def test_every_operation_of_the_standard_is_served():
    expected = operations(official())
    assert len(expected) == 7

    missing = sorted(f"{m.upper()} {p}" for p, m in expected if not served(p, m))

    assert missing == []


@pytest.mark.django_db
def test_generated_schema_names_every_operation_and_field():
    response = APIClient().get(f"{BASE}/schema/openapi.yaml")
    assert response.status_code == 200
    generated = yaml.safe_load(response.content)

    assert sorted(operations(official()) - operations(generated)) == []
    schemas = generated["components"]["schemas"]
    assert set(schemas["Applicatie"]["properties"]) == set(
        official()["components"]["schemas"]["Applicatie"]["properties"]
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
