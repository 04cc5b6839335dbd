"""Scopes per operation, and authorisations per besluittype (the Autorisaties API model)."""

import pytest

from loket.identity.models import ApiClient
from loket.identity.services import update_application
from tests.api.besluiten.builders import (
    BASE,
    besluit_body,
    besluittype_url,
    create,
    make_decision_type,
)
from tests.api.common.tokens import client_with

pytestmark = pytest.mark.django_db


def authorised_on(client_id: str, decision_type, scopes) -> object:
    """A client whose application holds ``scopes`` on ``decision_type`` only."""
    client = client_with(client_id, scopes=["catalogi.lezen"])
    update_application(
        ApiClient.objects.get(client_id=client_id).application,
        authorizations=[
            {
                "component": "brc",
                "scopes": list(scopes),
                "decision_type": besluittype_url(decision_type),
            }
        ],
    )
    return client


@pytest.fixture
def two_types(zgw, world):
    other = make_decision_type(
        world.case.case_type, description="Geweigerd", document_types=[world.document_type]
    )
    mine = create(zgw, "besluiten", besluit_body(world, identificatie="MIJN"))
    theirs = create(
        zgw,
        "besluiten",
        besluit_body(world, identificatie="ANDER", besluittype=besluittype_url(other)),
    )
    return mine, theirs, other


def test_lists_show_only_the_authorised_besluittypen(world, two_types):
    mine, theirs, _other = two_types
    client = authorised_on("lezer", world.decision_type, ["besluiten.lezen"])

    listed = client.get(f"{BASE}besluiten").json()

    assert [b["identificatie"] for b in listed["results"]] == ["MIJN"]
    assert listed["count"] == 1
    assert client.get(mine["url"]).status_code == 200
    refused = client.get(theirs["url"])
    assert refused.status_code == 403
    assert "besluiten.lezen" in refused.json()["detail"]


def test_besluitinformatieobjecten_follow_the_besluittype(zgw, world, two_types):
    mine, theirs, _other = two_types
    body = {"besluit": theirs["url"], "informatieobject": world.informatieobject}
    create(zgw, "besluitinformatieobjecten", {**body, "besluit": mine["url"]})
    hidden = create(zgw, "besluitinformatieobjecten", body)
    client = authorised_on("lezer", world.decision_type, ["besluiten.lezen"])

    assert [b["besluit"] for b in client.get(f"{BASE}besluitinformatieobjecten").json()] == [
        mine["url"]
    ]
    assert client.get(hidden["url"]).status_code == 403


def test_writes_need_the_scope_on_the_besluittype(world, two_types):
    mine, theirs, other = two_types
    client = authorised_on(
        "schrijver",
        world.decision_type,
        ["besluiten.lezen", "besluiten.aanmaken", "besluiten.bijwerken", "besluiten.verwijderen"],
    )

    assert client.post(f"{BASE}besluiten", besluit_body(world), format="json").status_code == 201
    foreign = besluit_body(world, besluittype=besluittype_url(other))
    assert client.post(f"{BASE}besluiten", foreign, format="json").status_code == 403
    assert client.patch(mine["url"], {"toelichting": "x"}, format="json").status_code == 200
    assert client.patch(theirs["url"], {"toelichting": "x"}, format="json").status_code == 403
    assert client.delete(theirs["url"]).status_code == 403
    assert client.delete(mine["url"]).status_code == 204


def test_each_operation_needs_its_scope(world, two_types):
    mine, _theirs, _other = two_types
    reader = authorised_on("alleen-lezen", world.decision_type, ["besluiten.lezen"])

    for response, scope in [
        (reader.post(f"{BASE}besluiten", besluit_body(world), format="json"), "besluiten.aanmaken"),
        (reader.put(mine["url"], mine, format="json"), "besluiten.bijwerken"),
        (reader.patch(mine["url"], {}, format="json"), "besluiten.bijwerken"),
        (reader.delete(mine["url"]), "besluiten.verwijderen"),
        (reader.get(f"{mine['url']}/audittrail"), "audittrails.lezen"),
    ]:
        assert response.status_code == 403, scope
        assert scope in response.json()["detail"]


def test_without_token_401(world):
    from rest_framework.test import APIClient

    response = APIClient().get(f"{BASE}besluiten")

    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_a_client_of_another_api_gets_403(world):
    client = client_with("zaken-only", scopes=["zaken.lezen"])

    assert client.get(f"{BASE}besluiten").status_code == 403


def test_all_authorisations_see_everything(world, two_types):
    client = client_with("alles", all_scopes=True)

    assert client.get(f"{BASE}besluiten").json()["count"] == 2
