"""Loket serves every (path, method) of the official zaken-1.5.1.yaml, and its generated
OpenAPI document names them too, with the standard's field names."""

import pytest
import yaml
from rest_framework.test import APIClient

from loket.api.zaken.serializers.parts import OBJECT_TYPES
from loket.cases.models import Role
from tests.api.spec_coverage import missing_operations, official, operations

SPEC_FILE = "zaken-1.5.1.yaml"
BASE = "/zaken/api/v1"


def test_every_operation_of_the_standard_is_served():
    expected = operations(official(SPEC_FILE))
    assert len(expected) == 62

    assert missing_operations(BASE, SPEC_FILE) == []


@pytest.fixture(scope="module")
def generated() -> dict:
    """Generated once for the module; generating reads no data."""
    return yaml.safe_load(APIClient().get(f"{BASE}/schema/openapi.yaml").content)


def test_generated_schema_names_every_operation_of_the_standard(generated):
    missing = operations(official(SPEC_FILE)) - operations(generated)

    # drf-spectacular documents GET and leaves HEAD implicit; HEAD is served (test above).
    assert sorted(m for m in missing if m[1] != "head") == []
    assert {path for path, _method in operations(generated)} == set(official(SPEC_FILE)["paths"])
    assert generated["paths"]["/zaken/{uuid}"]["put"]["security"] == [
        {"JWT-Claims": ["(zaken.bijwerken | zaken.geforceerd-bijwerken)"]}
    ]
    assert generated["paths"]["/statussen"]["post"]["security"] == [
        {"JWT-Claims": ["(zaken.aanmaken | zaken.heropenen | zaken.statussen.toevoegen)"]}
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Zaak",
        "Status",
        "Resultaat",
        "Rol",
        "ZaakObject",
        "ZaakInformatieObject",
        "ZaakEigenschap",
        "KlantContact",
        "ZaakContactMoment",
        "ZaakVerzoek",
        "ZaakBesluit",
        "AuditTrail",
    ],
)
def test_generated_schema_has_the_standards_field_names(generated, name):
    standard = set(official(SPEC_FILE)["components"]["schemas"][name]["properties"]) - {"_expand"}
    ours = set(generated["components"]["schemas"][name]["properties"])
    # The identification of a role's subject or a case object is one field in Loket's
    # document; the standard spreads it over one schema per kind.
    extra = {"Rol": {"betrokkeneIdentificatie"}, "ZaakObject": {"objectIdentificatie"}}

    assert ours == standard | extra.get(name, set())


def test_schema_is_public_in_yaml_and_json(db):
    assert APIClient().get(f"{BASE}/schema/openapi.yaml").status_code == 200
    assert APIClient().get(f"{BASE}/schema/openapi.json").json()["info"]["version"] == "1.5.1"


def test_the_kinds_of_object_and_subject_are_the_standards():
    schemas = official(SPEC_FILE)["components"]["schemas"]
    assert sorted(schemas["ObjectTypeEnum"]["enum"]) == OBJECT_TYPES
    assert sorted(Role.SubjectKind.values) == sorted(schemas["BetrokkeneTypeEnum"]["enum"])
