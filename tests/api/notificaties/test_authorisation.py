"""Scopes per operation as notificaties-1.0.0.yaml's ``security``: a client with only the
other scope is refused with 403, one without a token with 401, both as ZGW error bodies."""

import pytest
from rest_framework.test import APIClient

from loket.notify.models import Subscription
from tests.api.common.tokens import client_with
from tests.api.notificaties.conftest import (
    BASE,
    CONSUME,
    PUBLISH,
    abonnement_body,
    create,
    message_body,
)

pytestmark = pytest.mark.django_db

KANAAL_BODY = {"naam": "nieuw-kanaal"}

# operation -> the scopes of which it needs one
OPERATIONS = {
    "kanaal_list": {CONSUME, PUBLISH},
    "kanaal_read": {CONSUME, PUBLISH},
    "kanaal_create": {PUBLISH},
    "abonnement_list": {CONSUME, PUBLISH},
    "abonnement_read": {CONSUME, PUBLISH},
    "abonnement_create": {CONSUME},
    "abonnement_update": {CONSUME},
    "abonnement_partial_update": {CONSUME},
    "abonnement_delete": {CONSUME},
    "notificaties_create": {PUBLISH},
}


@pytest.fixture
def existing(consumer, zaken, receiver):
    subscription = create(consumer, "abonnement", abonnement_body(receiver))
    return {
        "kanaal": f"{BASE}kanaal/{zaken.uuid}",
        "abonnement": subscription["url"],
        "body": abonnement_body(receiver),
    }


def call(client, operation: str, existing: dict):
    resource, action = operation.split("_", 1)
    detail = existing.get(resource)
    body = {
        "kanaal": KANAAL_BODY,
        "abonnement": existing["body"],
        "notificaties": message_body(),
    }[resource]
    if action == "list":
        return client.get(f"{BASE}{resource}")
    if action == "read":
        return client.get(detail)
    if action == "create":
        return client.post(f"{BASE}{resource}", body, format="json")
    if action == "update":
        return client.put(detail, body, format="json")
    if action == "partial_update":
        return client.patch(detail, {"kanalen": []}, format="json")
    return client.delete(detail)


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("scope", [CONSUME, PUBLISH])
def test_each_operation_needs_its_scope(existing, operation, scope):
    client = client_with(f"client-{scope}", scopes=[scope])

    response = call(client, operation, existing)

    if scope in OPERATIONS[operation]:
        assert response.status_code in (200, 201, 204), (operation, response.content)
    else:
        assert response.status_code == 403, (operation, response.content)
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["code"] == "permission_denied"


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_without_a_token_every_operation_is_refused(existing, operation):
    response = call(APIClient(), operation, existing)

    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_a_client_with_other_scopes_only_is_refused(existing, operation):
    client = client_with("zaken-lezer", scopes=["zaken.lezen"])

    assert call(client, operation, existing).status_code == 403


def test_all_scopes_open_every_operation(existing):
    client = client_with("alles", all_scopes=True)

    for operation in OPERATIONS:  # in the order above: the delete comes last
        assert call(client, operation, existing).status_code in (200, 201, 204), operation
    assert client.get(existing["abonnement"]).status_code == 404
    assert Subscription.objects.count() == 1  # the one abonnement_create made
