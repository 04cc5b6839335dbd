"""Every error of a ZGW API is a Fout / ValidatieFout body (application/problem+json)."""

import pytest
from rest_framework.test import APIClient

from loket.api.common.errors import invalid_params
from tests.api.common.test_auth import assert_problem
from tests.api.common.tokens import client_with

pytestmark = pytest.mark.django_db

BASE = "/catalogi/api/v1/"


@pytest.fixture
def client():
    return client_with("beheer", all_scopes=True)


def test_validation_error_names_the_fields_in_camel_case(client):
    response = client.post(f"{BASE}catalogussen", {"domein": "TOOLONG"}, format="json")

    body = assert_problem(response, 400, "invalid")
    names = {p["name"]: p["code"] for p in body["invalidParams"]}
    assert names == {
        "domein": "max_length",
        "rsin": "required",
        "contactpersoonBeheerNaam": "required",
    }
    assert all(p["reason"] for p in body["invalidParams"])


def test_not_found(client):
    assert_problem(client.get(f"{BASE}zaaktypen/00000000-0000-0000-0000-000000000001"), 404)


def test_method_not_allowed(client):
    response = client.delete(f"{BASE}catalogussen")

    assert_problem(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


def test_not_acceptable(client):
    assert_problem(client.get(f"{BASE}catalogussen", HTTP_ACCEPT="text/csv"), 406)


def test_unsupported_media_type(client):
    response = client.post(f"{BASE}catalogussen", "domein=X", content_type="text/plain")

    assert_problem(response, 415, "unsupported_media_type")


def test_server_error_is_a_fout_too(client, monkeypatch):
    from loket.api.catalogi import views

    def crash(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.CatalogueViewSet, "get_queryset", crash)

    body = assert_problem(client.get(f"{BASE}catalogussen"), 500)
    assert "boom" not in body["detail"]


def test_unauthenticated_error_carries_www_authenticate():
    response = APIClient().get(f"{BASE}catalogussen")

    assert response["WWW-Authenticate"].startswith("Bearer")


def test_nested_errors_get_dotted_names():
    details = {
        "referentieproces": {"naam": [{"message": "Verplicht.", "code": "required"}]},
        "gerelateerdeZaaktypen": [{}, {"aardRelatie": [{"message": "Fout.", "code": "invalid"}]}],
        "non_field_errors": [{"message": "Bestaat al.", "code": "unique"}],
    }

    assert invalid_params(details) == [
        {"name": "referentieproces.naam", "code": "required", "reason": "Verplicht."},
        {"name": "gerelateerdeZaaktypen.1.aardRelatie", "code": "invalid", "reason": "Fout."},
        {"name": "nonFieldErrors", "code": "unique", "reason": "Bestaat al."},
    ]


def test_options_is_no_operation(client):
    response = client.options(f"{BASE}catalogussen")

    assert_problem(response, 405)
    assert "OPTIONS" not in response["Allow"]


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        ("Conflict", 409, "conflict"),
        ("PreconditionFailed", 412, "precondition_failed"),
    ],
)
def test_conflict_and_precondition_failed_are_fouten(rf, error, status, code):
    from loket.api.common import errors

    response = errors.zgw_exception_handler(
        getattr(errors, error)(), {"request": rf.get("/catalogi/api/v1/zaaktypen")}
    )

    assert response.status_code == status
    assert response.data["code"] == code and response.data["status"] == status
    assert response.content_type == "application/problem+json"


def test_a_body_over_the_upload_limit_is_a_413_not_a_crash(settings):
    from tests.api.common.tokens import client_with

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = client_with("groot", all_scopes=True)

    response = client.post("/catalogi/api/v1/catalogussen", {"naam": "x" * 5000}, format="json")

    assert response.status_code == 413
    assert response.json()["code"] == "request-too-large"


def test_a_body_that_is_no_json_gets_a_validatiefout_with_invalid_params():
    from tests.api.common.tokens import client_with

    client = client_with("parser", all_scopes=True)

    response = client.generic(
        "POST", "/catalogi/api/v1/roltypen", b"(\x80", content_type="application/json"
    )

    body = response.json()
    assert response.status_code == 400
    assert body["code"] == "parse_error"
    assert body["invalidParams"] == [
        {"name": "nonFieldErrors", "code": "parse_error", "reason": body["detail"]}
    ]
