"""Loket serves every (path, method) of the official documenten-1.5.0.yaml, and its generated
OpenAPI document names them too."""

import pytest
import yaml

from tests.api.spec_coverage import missing_operations, official, operations

SPEC_FILE = "documenten-1.5.0.yaml"
BASE = "/documenten/api/v1"


def test_every_operation_of_the_standard_is_served():
    expected = operations(official(SPEC_FILE))
    assert len(expected) == 33

    assert missing_operations(BASE, SPEC_FILE) == []


@pytest.mark.django_db
def test_generated_schema_names_every_operation_of_the_standard(drc):
    generated = yaml.safe_load(drc.get(f"{BASE}/schema/openapi.yaml").content)

    missing = operations(official(SPEC_FILE)) - operations(generated)

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
    schemas = official(SPEC_FILE)["components"]["schemas"]
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
