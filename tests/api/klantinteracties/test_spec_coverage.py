"""Loket serves the operations of Open Klant's Klantinteracties API for what Loket owns, and
its generated OpenAPI document names them, the standard's fields and the token scheme.

The standard's other resources are deliberately not served: Loket keeps no attachments
(bijlagen), categories, bank account numbers, representations or separate party
identifiers (a party's BSN or KvK number is part of the party), and links actors to
contacts itself (actorklantcontacten).
"""

import pytest
import yaml
from rest_framework.test import APIClient

from tests.api.spec_coverage import missing_operations, official, operations

SPEC_FILE = "klantinteracties-0.9.0.openklant-2.18.0.yaml"
BASE = "/klantinteracties/api/v1"
NOT_SERVED = {
    "/actorklantcontacten",
    "/actorklantcontacten/{uuid}",
    "/bijlagen",
    "/bijlagen/{uuid}",
    "/categorie-relaties",
    "/categorie-relaties/{uuid}",
    "/categorieen",
    "/categorieen/{uuid}",
    "/partij-identificatoren",
    "/partij-identificatoren/{uuid}",
    "/rekeningnummers",
    "/rekeningnummers/{uuid}",
    "/vertegenwoordigingen",
    "/vertegenwoordigingen/{uuid}",
}
SERVED_SCHEMAS = [
    "Klantcontact",
    "Betrokkene",
    "DigitaalAdres",
    "InterneTaak",
    "Onderwerpobject",
    "MaakKlantcontact",
]


def served_operations(spec: dict) -> set[tuple[str, str]]:
    return {(path, method) for path, method in operations(spec) if path not in NOT_SERVED}


def test_every_operation_of_the_served_resources_is_served():
    spec = official(SPEC_FILE)
    assert set(spec["paths"]) >= NOT_SERVED
    assert len(served_operations(spec)) == 43

    missing = missing_operations(BASE, SPEC_FILE)
    assert [m for m in missing if m.split(" ", 1)[1] not in NOT_SERVED] == []


def test_the_resources_not_served_are_not_routed():
    missing = missing_operations(BASE, SPEC_FILE)
    assert {m.split(" ", 1)[1] for m in missing} == NOT_SERVED


@pytest.mark.django_db
def test_generated_schema_names_every_operation_and_field():
    response = APIClient().get(f"{BASE}/schema/openapi.yaml")
    assert response.status_code == 200
    generated = yaml.safe_load(response.content)
    standard = official(SPEC_FILE)

    assert sorted(served_operations(standard) - operations(generated)) == []
    schemas = generated["components"]["schemas"]
    official_schemas = standard["components"]["schemas"]
    for name in SERVED_SCHEMAS:
        assert set(schemas[name]["properties"]) == set(official_schemas[name]["properties"]), name
    partij = set(official_schemas["Base_PartijSerializer"]["properties"]) | {"partijIdentificatie"}
    assert set(schemas["Partij"]["properties"]) == partij
    actor = set(official_schemas["Base_ActorSerializer"]["properties"]) | {"actorIdentificatie"}
    assert set(schemas["Actor"]["properties"]) == actor

    assert (
        generated["components"]["securitySchemes"]["tokenAuth"]
        == standard["components"]["securitySchemes"]["tokenAuth"]
    )
    assert generated["paths"]["/klantcontacten"]["get"]["security"] == [{"tokenAuth": []}]
    list_params = {p["name"] for p in generated["paths"]["/klantcontacten"]["get"]["parameters"]}
    assert {"page", "pageSize", "kanaal", "hadBetrokkene__wasPartij__uuid"} <= list_params
    json_schema = APIClient().get(f"{BASE}/schema/openapi.json").json()
    assert json_schema["info"]["version"] == "0.9.0"
