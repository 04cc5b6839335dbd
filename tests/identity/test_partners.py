"""Partner organisations on the ZGW APIs: a hospital may file births and a funeral undertaker
deaths, each only what its authorisations name, and every call of a partner is logged.

The clients send real ZGW JWTs (tests/api/common/tokens.py); the authorisations hold per case
type, as the functioneel beheerder sets them in the admin or through the Autorisaties API.
"""

import pytest
from django.urls import reverse

from loket.identity.models import ApiCall, Application
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from tests.api.zaken.builders import (
    BASE,
    CRS,
    client_with_grants,
    published_case_type,
    zaak_body,
)
from tests.conftest import run_loket

pytestmark = pytest.mark.django_db
FILE = {"zaken.aanmaken", "zaken.lezen"}


@pytest.fixture
def births_and_deaths(db):
    return {
        "birth": published_case_type(identification="GEBOORTEAANGIFTE"),
        "death": published_case_type(identification="OVERLIJDENSAANGIFTE"),
    }


def partner(client_id: str, case_type):
    client = client_with_grants(client_id, (FILE, case_type, "zaakvertrouwelijk"))
    Application.objects.filter(clients__client_id=client_id).update(partner=True)
    return client


def file(client, case_type):
    return client.post(f"{BASE}zaken", zaak_body(case_type), format="json", **CRS)


def test_each_partner_files_only_its_own_kind_of_case(births_and_deaths):
    hospital = partner("ziekenhuis", births_and_deaths["birth"])
    undertaker = partner("uitvaart", births_and_deaths["death"])

    assert file(hospital, births_and_deaths["birth"]).status_code == 201
    refused = file(hospital, births_and_deaths["death"])
    assert refused.status_code == 403
    assert refused.json()["code"] == "permission_denied"
    assert file(undertaker, births_and_deaths["death"]).status_code == 201
    assert file(undertaker, births_and_deaths["birth"]).status_code == 403
    # A partner reads only the cases of its own kind.
    listed = hospital.get(f"{BASE}zaken", **CRS).json()
    assert listed["count"] == 1


def test_every_call_of_a_partner_is_logged_and_no_other(births_and_deaths):
    hospital = partner("ziekenhuis", births_and_deaths["birth"])
    other = client_with_grants("zaaksysteem", (FILE, None, "zeer_geheim"))

    file(hospital, births_and_deaths["birth"])
    file(hospital, births_and_deaths["death"])
    hospital.get(f"{BASE}zaken?identificatie=X", **CRS)
    file(other, births_and_deaths["birth"])

    calls = list(ApiCall.objects.order_by("at", "pk"))
    assert [(c.client_id, c.method, c.path, c.status) for c in calls] == [
        ("ziekenhuis", "POST", "/zaken/api/v1/zaken", 201),
        ("ziekenhuis", "POST", "/zaken/api/v1/zaken", 403),
        ("ziekenhuis", "GET", "/zaken/api/v1/zaken?identificatie=X", 200),
    ]


def test_the_beheerder_reads_the_log_in_the_admin(births_and_deaths, client):
    hospital = partner("ziekenhuis", births_and_deaths["birth"])
    file(hospital, births_and_deaths["birth"])
    beheerder = create_staff_account(
        username="fenna", password="a long password", role=Role.FUNCTIONAL_ADMIN
    )
    client.force_login(beheerder)

    page = client.get(reverse("admin:identity_apicall_changelist"))

    assert page.status_code == 200
    assert "ziekenhuis" in page.content.decode()
    assert client.get(reverse("admin:identity_apicall_add")).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_command_adds_a_partner(process_env):
    added = run_loket(
        "apiclient",
        "add",
        "--client-id",
        "ziekenhuis",
        "--secret",
        "s" * 32,
        "--scope",
        "zaken.aanmaken",
        "--partner",
        env=process_env,
    )
    assert added.returncode == 0, added.stderr
    assert Application.objects.get(clients__client_id="ziekenhuis").partner
    listed = run_loket("apiclient", "list", env=process_env)
    assert "ziekenhuis\tactive\tzaken.aanmaken\tziekenhuis\tpartner" in listed.stdout
