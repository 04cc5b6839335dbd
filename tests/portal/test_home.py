"""The home page: the municipality's name, in Dutch first and English on request."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_page_names_the_municipality_in_dutch(client):
    response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "Welkom bij Gemeente Voorbeeld" in html
    assert "Naar de inhoud" in html


def test_language_switch_works_without_javascript(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)

    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Welcome to Gemeente Voorbeeld" in html
    assert 'value="nl" lang="nl"' in html, "the way back to Dutch is on the page"


def test_municipality_name_comes_from_configuration(client, settings):
    settings.LOKET_MUNICIPALITY_NAME = "Gemeente Oost"

    assert "Welkom bij Gemeente Oost" in client.get("/").content.decode()


def test_admin_pages_have_the_language_switch_and_the_municipality(client, admin_user):
    client.force_login(admin_user)

    html = client.get("/beheer/").content.decode()

    assert 'action="/i18n/setlang/"' in html
    assert "Gemeente Voorbeeld" in html
