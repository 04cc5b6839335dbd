"""Loket serves every (path, method) of the official catalogi-1.3.1.yaml, and its generated
OpenAPI document names them too."""

import pytest
import yaml

from tests.api.spec_coverage import missing_operations, official, operations

SPEC_FILE = "catalogi-1.3.1.yaml"
BASE = "/catalogi/api/v1"


def test_every_operation_of_the_standard_is_served():
    assert len(operations(official(SPEC_FILE))) == 70

    assert missing_operations(BASE, SPEC_FILE) == []


@pytest.mark.django_db
def test_generated_schema_names_every_operation_of_the_standard(zgw):
    response = zgw.get(f"{BASE}/schema/openapi.yaml")
    generated = yaml.safe_load(response.content)

    missing = operations(official(SPEC_FILE)) - operations(generated)

    # drf-spectacular documents GET and leaves HEAD implicit; HEAD is served (test above).
    assert sorted(m for m in missing if m[1] != "head") == []
    assert generated["components"]["securitySchemes"]["JWT-Claims"]["scheme"] == "bearer"
    assert generated["paths"]["/zaaktypen/{uuid}"]["put"]["security"] == [
        {"JWT-Claims": ["(catalogi.geforceerd-schrijven | catalogi.schrijven)"]}
    ]


@pytest.mark.django_db
def test_generated_schema_has_the_standards_field_names(zgw):
    standard = official(SPEC_FILE)["components"]["schemas"]
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
        assert set(schemas[name]["properties"]) == set(standard[name]["properties"]), name


@pytest.mark.django_db
def test_schema_is_public_in_yaml_and_json():
    from rest_framework.test import APIClient

    assert APIClient().get(f"{BASE}/schema/openapi.yaml").status_code == 200
    assert APIClient().get(f"{BASE}/schema/openapi.json").json()["info"]["version"] == "1.3.1"
