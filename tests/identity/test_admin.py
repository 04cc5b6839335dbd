"""The functioneel beheerder manages API applications, their client ids and authorisations."""

import pytest
from django.urls import reverse

from loket.identity.models import Application
from loket.identity.roles import Role
from loket.identity.services import create_staff_account

pytestmark = pytest.mark.django_db
ZAAKTYPE = (
    "https://loket.voorbeeld.nl/catalogi/api/v1/zaaktypen/8f4a6a9b-2c6e-4b7c-9d61-3d3b8e5c2a10"
)


@pytest.fixture
def beheerder(client):
    user = create_staff_account(
        username="fenna", password="x" * 12, role=Role.FUNCTIONAL_ADMIN, full_name="Fenna B"
    )
    client.force_login(user)
    return client


def form(**changes) -> dict:
    data = {
        "label": "Zaaksysteem",
        "clients-TOTAL_FORMS": "1",
        "clients-INITIAL_FORMS": "0",
        "clients-0-client_id": "zaaksysteem",
        "clients-0-secret": "een-geheim-van-minstens-32-tekens-lang",
        "authorizations-TOTAL_FORMS": "2",
        "authorizations-INITIAL_FORMS": "0",
        "authorizations-0-component": "zrc",
        "authorizations-0-scopes": "zaken.lezen, zaken.aanmaken",
        "authorizations-0-case_type": ZAAKTYPE,
        "authorizations-0-max_confidentiality": "zaakvertrouwelijk",
        "authorizations-1-component": "ztc",
        "authorizations-1-scopes": "catalogi.lezen",
    }
    return {**data, **changes}


def test_add_an_application_with_a_client_and_authorisations(beheerder):
    response = beheerder.post(reverse("admin:identity_application_add"), form())

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    application = Application.objects.get()
    assert application.clients.get().secret == "een-geheim-van-minstens-32-tekens-lang"
    rows = {(a.component, tuple(a.scopes), a.type_url) for a in application.authorizations.all()}
    assert rows == {
        ("zrc", ("zaken.aanmaken", "zaken.lezen"), ZAAKTYPE),
        ("ztc", ("catalogi.lezen",), ""),
    }
    listing = beheerder.get(reverse("admin:identity_application_changelist")).content.decode()
    assert "zaaksysteem" in listing


def test_all_authorisations_and_a_list_exclude_each_other(beheerder):
    response = beheerder.post(reverse("admin:identity_application_add"), form(all_scopes="on"))

    assert response.status_code == 200
    assert "of een lijst met autorisaties, niet allebei" in response.content.decode()
    assert not Application.objects.exists()


def test_change_page_shows_scopes_as_text(beheerder):
    beheerder.post(reverse("admin:identity_application_add"), form())
    application = Application.objects.get()

    html = beheerder.get(
        reverse("admin:identity_application_change", args=[application.pk])
    ).content.decode()

    assert 'value="zaken.aanmaken, zaken.lezen"' in html
