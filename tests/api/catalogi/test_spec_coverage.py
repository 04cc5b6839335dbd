"""Loket serves every (path, method) of the official catalogi-1.3.1.yaml, and its generated
OpenAPI document names them too."""

import uuid
from pathlib import Path

import pytest
import yaml
from django.urls import Resolver404, resolve

SPEC = Path(__file__).resolve().parent.parent / "specs" / "catalogi-1.3.1.yaml"
BASE = "/catalogi/api/v1"
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


def test_every_operation_of_the_standard_is_served():
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    expected = operations(spec)
    assert len(expected) == 70

    missing = sorted(
        f"{method.upper()} {path}" for path, method in expected if not served(path, method)
    )

    assert missing == []


@pytest.mark.django_db
def test_generated_schema_names_every_operation_of_the_standard(zgw):
    official = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    response = zgw.get(f"{BASE}/schema/openapi.yaml")
    generated = yaml.safe_load(response.content)

    missing = operations(official) - operations(generated)

    # drf-spectacular documents GET and leaves HEAD implicit; HEAD is served (test above).
    assert sorted(m for m in missing if m[1] != "head") == []
    assert generated["components"]["securitySchemes"]["JWT-Claims"]["scheme"] == "bearer"
    assert generated["paths"]["/zaaktypen/{uuid}"]["put"]["security"] == [
        {"JWT-Claims": ["(catalogi.geforceerd-schrijven | catalogi.schrijven)"]}
    ]


@pytest.mark.django_db
def test_generated_schema_has_the_standards_field_names(zgw):
    official = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["components"]["schemas"]
    generated = yaml.safe_load(zgw.get(f"{BASE}/schema/openapi.yaml").content)
    schemas = generated["components"]["schemas"]

    for name in [
        "ZaakType",
        "StatusType",
        "ResultaatType",
        "RolType",
        "Eigenschap",
        "InformatieObjectType",
        "BesluitType",
        "ZaakTypeInformatieObjectType",
        "ZaakObjectType",
        "Catalogus",
    ]:
        assert set(schemas[name]["properties"]) == set(official[name]["properties"]), name


@pytest.mark.django_db
def test_schema_is_public_in_yaml_and_json():
    from rest_framework.test import APIClient

    assert APIClient().get(f"{BASE}/schema/openapi.yaml").status_code == 200
    assert APIClient().get(f"{BASE}/schema/openapi.json").json()["info"]["version"] == "1.3.1"
