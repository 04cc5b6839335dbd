"""The served OpenAPI document is VNG's, and every response has the shapes it describes."""

from urllib.parse import urlsplit

import pytest
import yaml

from loket.api.referentielijsten.store import DATA_DIR
from tests.api.referentielijsten.records import API

OFFICIAL = DATA_DIR / "referentielijsten-openapi.yaml"


@pytest.fixture(scope="module")
def official():
    return yaml.safe_load(OFFICIAL.read_text(encoding="utf-8"))


def test_the_schema_is_vngs_with_this_installation_as_server(client, base, official):
    response = client.get(f"{API}schema/openapi.yaml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    served = yaml.safe_load(response.content)
    assert served["servers"] == [{"url": base.rstrip("/")}]
    assert {**served, "servers": official["servers"]} == official


def properties(official, schema: str) -> tuple[set[str], set[str]]:
    definition = official["components"]["schemas"][schema]
    return set(definition["properties"]), set(definition["required"])


@pytest.mark.parametrize(
    ("path", "schema", "paginated"),
    [
        ("procestypen", "ProcesType", False),
        ("resultaten", "Resultaat", True),
        ("resultaattypeomschrijvingen", "ResultaattypeOmschrijvingGeneriek", False),
        ("communicatiekanalen", "CommunicatieKanaal", True),
    ],
)
def test_list_and_detail_responses_have_the_fields_of_the_schema(
    client, official, path, schema, paginated
):
    every, required = properties(official, schema)
    body = client.get(f"{API}{path}").json()
    if paginated:
        paginated_list = official["components"]["schemas"][f"Paginated{schema}List"]
        assert set(body) == set(paginated_list["properties"])
        body = body["results"]

    for item in body:
        assert required <= set(item) <= every, item["url"]
    detail = client.get(urlsplit(body[0]["url"]).path)
    assert detail.json() == body[0]


def test_an_error_has_the_fields_of_fout(client, official):
    every, required = properties(official, "Fout")

    body = client.get(f"{API}procestypen/00000000-0000-0000-0000-000000000000").json()

    assert required <= set(body) == every
