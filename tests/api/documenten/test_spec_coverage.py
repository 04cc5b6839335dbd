"""Loket serves every (path, method) of the official documenten-1.5.0.yaml, and its generated
OpenAPI document names them too."""

import uuid
from pathlib import Path

import pytest
import yaml
from django.urls import Resolver404, resolve

SPEC = Path(__file__).resolve().parent.parent / "specs" / "documenten-1.5.0.yaml"
BASE = "/documenten/api/v1"
METHODS = {"get", "post", "put", "patch", "delete", "head"}


def operations(spec: dict) -> set[tuple[str, str]]:
    return {
        (path, method)
        for path, item in spec["paths"].items()
        for method in item
        if method in METHODS
    }


def served(path: str, method: str) -> bool:
    concrete = path.replace("{uuid}", str(uuid.uuid4())).replace(
        "{enkelvoudiginformatieobject_uuid}", str(uuid.uuid4())
    )
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
    assert len(expected) == 33

    missing = sorted(
        f"{method.upper()} {path}" for path, method in expected if not served(path, method)
    )

    assert missing == []


@pytest.mark.django_db
def test_generated_schema_names_every_operation_of_the_standard(drc):
    generated = yaml.safe_load(drc.get(f"{BASE}/schema/openapi.yaml").content)

    missing = operations(official()) - operations(generated)

    # drf-spectacular documents GET and leaves HEAD implicit; HEAD is served (test above).
    assert sorted(m for m in missing if m[1] != "head") == []
    assert generated["info"]["version"] == "1.5.0"
    assert generated["paths"]["/enkelvoudiginformatieobjecten/{uuid}"]["put"]["security"] == [
        {"JWT-Claims": ["(documenten.bijwerken | documenten.geforceerd-bijwerken)"]}
    ]
    unlock = generated["paths"]["/enkelvoudiginformatieobjecten/{uuid}/unlock"]["post"]
    assert unlock["security"] == [
        {"JWT-Claims": ["(documenten.geforceerd-unlock | documenten.lock)"]}
    ]


@pytest.mark.django_db
def test_generated_schema_has_the_standards_field_names(drc):
    schemas = official()["components"]["schemas"]
    generated = yaml.safe_load(drc.get(f"{BASE}/schema/openapi.yaml").content)
    ours = generated["components"]["schemas"]

    for name in [
        "EnkelvoudigInformatieObject",
        "EnkelvoudigInformatieObjectCreateLock",
        "Gebruiksrechten",
        "ObjectInformatieObject",
        "Verzending",
        "Integriteit",
        "Ondertekening",
        "AuditTrail",
        "LockEnkelvoudigInformatieObject",
        "BinnenlandsCorrespondentieadresVerzending",
        "BuitenlandsCorrespondentieadresVerzending",
        "BuitenlandsCorrespondentiepostadresVerzending",
    ]:
        assert set(ours[name]["properties"]) == set(schemas[name]["properties"]), name
    # The lock id of a bestandsdeel is shown to no reader (see docs/api-documenten.md).
    assert set(ours["BestandsDeel"]["properties"]) == set(schemas["BestandsDeel"]["properties"]) - {
        "lock"
    }


@pytest.mark.django_db
def test_schema_is_public_in_yaml_and_json():
    from rest_framework.test import APIClient

    assert APIClient().get(f"{BASE}/schema/openapi.yaml").status_code == 200
    assert APIClient().get(f"{BASE}/schema/openapi.json").json()["info"]["version"] == "1.5.0"
