"""ZGW JWT authentication (HS256, client_id, iat, exp, leeway) and scopes per operation."""

import time

import pytest
from rest_framework.test import APIClient

from loket.identity.demo import DEMO_API_CLIENT_ID, DEMO_API_SECRET
from loket.identity.services import register_api_client
from tests.api.common.tokens import bearer, client_with, make_token

pytestmark = pytest.mark.django_db

LIST = "/catalogi/api/v1/catalogussen"
SECRET = "a-shared-secret-that-is-long-enough-for-hs256"


@pytest.fixture
def registered():
    return register_api_client(client_id="zaaksysteem", secret=SECRET, scopes=["catalogi.lezen"])


def get(token: str):
    return APIClient().get(LIST, **bearer(token))


def assert_problem(response, status: int, code: str | None = None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert {"type", "code", "title", "status", "detail", "instance"} <= body.keys()
    assert body["status"] == status
    if code:
        assert body["code"] == code
    return body


def test_valid_token_is_accepted(registered):
    response = get(make_token("zaaksysteem", SECRET))

    assert response.status_code == 200
    assert response["API-version"] == "1.3.1"


def test_client_named_in_iss_only_is_accepted(registered):
    token = make_token("zaaksysteem", SECRET, client_id=None)

    assert get(token).status_code == 200


def test_wrong_secret_is_refused(registered):
    assert_problem(get(make_token("zaaksysteem", "another-secret-that-is-long-enough")), 401)


def test_unknown_client_is_refused(registered):
    assert_problem(get(make_token("onbekend", SECRET)), 401)


def test_revoked_client_is_refused(registered):
    from django.utils import timezone

    registered.revoked_at = timezone.now()
    registered.save()

    assert_problem(get(make_token("zaaksysteem", SECRET)), 401)


def test_expired_token_is_refused(registered, settings):
    settings.LOKET_JWT_LEEWAY = 0
    token = make_token("zaaksysteem", SECRET, iat=time.time() - 120, exp=int(time.time()) - 60)

    body = assert_problem(get(token), 401)
    assert "Het token is verlopen" in body["detail"]


def test_expired_token_within_leeway_is_accepted(registered, settings):
    settings.LOKET_JWT_LEEWAY = 300
    token = make_token("zaaksysteem", SECRET, iat=time.time() - 120, exp=int(time.time()) - 60)

    assert get(token).status_code == 200


def test_token_without_iat_is_refused(registered):
    body = assert_problem(get(make_token("zaaksysteem", SECRET, iat=False)), 401)
    assert "iat" in body["detail"]


def test_clock_skew_within_leeway_is_accepted(registered, settings):
    settings.LOKET_JWT_LEEWAY = 300

    assert get(make_token("zaaksysteem", SECRET, iat=time.time() + 200)).status_code == 200


def test_clock_skew_beyond_leeway_is_refused(registered, settings):
    settings.LOKET_JWT_LEEWAY = 300

    assert_problem(get(make_token("zaaksysteem", SECRET, iat=time.time() + 400)), 401)


def test_demo_client_is_refused_outside_demo_mode(settings):
    register_api_client(client_id=DEMO_API_CLIENT_ID, secret=DEMO_API_SECRET, all_scopes=True)
    token = make_token(DEMO_API_CLIENT_ID, DEMO_API_SECRET)

    settings.LOKET_DEMO_LOGIN = True
    assert get(token).status_code == 200
    settings.LOKET_DEMO_LOGIN = False
    assert_problem(get(token), 401)


def test_missing_or_malformed_credentials_are_refused(registered):
    assert_problem(APIClient().get(LIST), 401, "not_authenticated")
    assert_problem(get("not-a-jwt"), 401)
    response = APIClient().get(LIST, HTTP_AUTHORIZATION="Bearer")
    assert_problem(response, 401)


def test_constant_queries_whatever_the_number_of_scopes_and_authorisations(
    django_assert_num_queries,
):
    from loket.identity.models import ApiAuthorization, ApiClient

    scopes = ["catalogi.lezen", *(f"zaken.scope-{n}" for n in range(200))]
    client = client_with("veel-scopes", scopes=scopes)
    registered = ApiClient.objects.get(client_id="veel-scopes")
    ApiAuthorization.objects.bulk_create(
        ApiAuthorization(
            application=registered.application,
            component="zrc",
            scopes=["zaken.lezen"],
            case_type=f"http://testserver/catalogi/api/v1/zaaktypen/{n:08d}-0000-0000-0000-000000000000",
            max_confidentiality="openbaar",
        )
        for n in range(170)
    )

    # The client with its authorisations, and the count (an empty list fetches no page).
    with django_assert_num_queries(2):
        assert client.get(LIST).status_code == 200


def test_read_only_client_cannot_write():
    client = client_with("lezer", scopes=["catalogi.lezen"])

    response = client.post(LIST, {"domein": "X", "rsin": "001000007"}, format="json")

    body = assert_problem(response, 403, "permission_denied")
    assert "catalogi.schrijven" in body["detail"]


def test_client_without_catalogi_scopes_cannot_read():
    client = client_with("andere-api", scopes=["notificaties.publiceren"])

    assert_problem(client.get(LIST), 403, "permission_denied")


def test_zaken_and_documenten_read_scopes_read_the_catalogue():
    """ztc-014: the Zaken and Documenten APIs read the catalogue with their own read scope."""
    for scope in ("zaken.lezen", "documenten.lezen"):
        assert client_with(f"met-{scope}", scopes=[scope]).get(LIST).status_code == 200


def test_all_scopes_client_may_do_everything():
    client = client_with("alles", all_scopes=True)
    body = {"domein": "ALL", "rsin": "001000007", "contactpersoonBeheerNaam": "Beheer"}

    assert client.post(LIST, body, format="json").status_code == 201


def test_leeway_comes_from_the_environment():
    from loket.conf.environment import read_environment

    assert read_environment({"LOKET_MODE": "demo"}).jwt_leeway == 300
    assert read_environment({"LOKET_MODE": "demo", "LOKET_JWT_LEEWAY": "60"}).jwt_leeway == 60
