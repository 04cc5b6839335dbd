"""Loket serves every (path, method) of the official besluiten-1.0.2.yaml, and its generated
OpenAPI document names them and the standard's fields."""

import uuid
from pathlib import Path

import pytest
import yaml
from django.urls import Resolver404, resolve
from rest_framework.test import APIClient

SPEC = Path(__file__).resolve().parent.parent / "specs" / "besluiten-1.0.2.yaml"
BASE = "/besluiten/api/v1"
METHODS = {"get", "post", "put", "patch", "delete", "head"}


def operations(spec: dict) -> set[tuple[str, str]]:
    return {
        (path, method)
        for path, item in spec["paths"].items()
        for method in item
        if method in METHODS
    }


def served(path: str, method: str) -> bool:
    concrete = path
    for name in ("{uuid}", "{besluit_uuid}"):
        concrete = concrete.replace(name, str(uuid.uuid4()))
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
    assert len(expected) == 12

    missing = sorted(f"{m.upper()} {p}" for p, m in expected if not served(p, m))

    assert missing == []


@pytest.mark.django_db
def test_generated_schema_names_every_operation_and_field():
    response = APIClient().get(f"{BASE}/schema/openapi.yaml")
    assert response.status_code == 200
    generated = yaml.safe_load(response.content)

    assert sorted(operations(official()) - operations(generated)) == []
    schemas = generated["components"]["schemas"]
    for name in ["Besluit", "BesluitInformatieObject", "AuditTrail"]:
        assert set(schemas[name]["properties"]) == set(
            official()["components"]["schemas"][name]["properties"]
        ), name
    assert generated["paths"]["/besluiten/{uuid}"]["delete"]["security"] == [
        {"JWT-Claims": ["besluiten.verwijderen"]}
    ]
    audittrail = generated["paths"]["/besluiten/{besluit_uuid}/audittrail"]["get"]
    assert audittrail["security"] == [{"JWT-Claims": ["audittrails.lezen"]}]
    assert APIClient().get(f"{BASE}/schema/openapi.json").json()["info"]["version"] == "1.0.2"
