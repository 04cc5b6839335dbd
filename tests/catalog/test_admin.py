"""The functioneel beheerder manages case types in the admin without a developer."""

import pytest
from django.urls import reverse

from loket.catalog.models import CaseType
from loket.catalog.services import publish_case_type
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from tests.catalog.factories import make_case_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(client):
    user = create_staff_account(
        username="fenna", password="x" * 12, role=Role.FUNCTIONAL_ADMIN, full_name="Fenna B"
    )
    client.force_login(user)
    return client


def test_publishing_an_incomplete_case_type_says_why(beheerder):
    case_type = make_case_type(complete=False)

    response = beheerder.post(
        reverse("admin:catalog_casetype_changelist"),
        {"action": "publish", "_selected_action": [case_type.pk]},
        follow=True,
    )

    html = response.content.decode()
    assert "is niet gepubliceerd" in html
    assert "minstens twee statustypen" in html
    case_type.refresh_from_db()
    assert case_type.concept


def test_publish_from_the_change_form(beheerder):
    case_type = make_case_type()
    url = reverse("admin:catalog_casetype_change", args=[case_type.pk])

    html = beheerder.get(url).content.decode()
    assert 'name="_publish"' in html

    response = beheerder.post(url, {"_publish": "1", **change_form_data(beheerder, url)})

    assert response.status_code == 302
    case_type.refresh_from_db()
    assert case_type.is_published


def test_published_case_type_is_read_only(beheerder):
    case_type = publish_case_type(make_case_type())
    url = reverse("admin:catalog_casetype_change", args=[case_type.pk])

    html = beheerder.get(url).content.decode()

    assert 'name="description"' not in html, "no editable fields"
    assert 'name="_publish"' not in html
    assert beheerder.post(url, {"description": "Anders"}).status_code == 403
    case_type.refresh_from_db()
    assert case_type.description == "Uittreksel BRP verstrekken"


def test_new_version_action_makes_a_draft(beheerder):
    case_type = publish_case_type(make_case_type())

    beheerder.post(
        reverse("admin:catalog_casetype_changelist"),
        {"action": "make_new_version", "_selected_action": [case_type.pk]},
    )

    versions = CaseType.objects.filter(identification=case_type.identification)
    assert versions.count() == 2
    assert versions.filter(concept=True).get().status_types.count() == 2


def test_timeline_preview_shows_the_citizens_steps_in_order(beheerder):
    case_type = make_case_type()

    html = beheerder.get(
        reverse("admin:catalog_casetype_timeline", args=[case_type.pk])
    ).content.decode()

    assert html.index("Ontvangen") < html.index("Afgehandeld")
    assert "Uw aanvraag is ontvangen." in html


def change_form_data(client, url) -> dict:
    """The values the change form would post back unchanged, inlines included."""
    from html.parser import HTMLParser

    class Inputs(HTMLParser):
        def __init__(self):
            super().__init__()
            self.data, self.select = {}, None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            name = attrs.get("name")
            if tag == "input" and name and attrs.get("type") not in ("submit", "checkbox"):
                self.data[name] = attrs.get("value", "")
            elif tag == "input" and name and "checked" in attrs:
                self.data[name] = "on"
            elif tag == "textarea" and name:
                self.select = name
                self.data[name] = ""
            elif tag == "select" and name:
                self.select = name
            elif tag == "option" and self.select and "selected" in attrs:
                self.data[self.select] = attrs.get("value", "")

        def handle_data(self, data):
            if self.select and self.select in self.data and self.data[self.select] == "":
                self.data[self.select] = data

        def handle_endtag(self, tag):
            if tag in ("select", "textarea"):
                self.select = None

    parser = Inputs()
    parser.feed(client.get(url).content.decode())
    return parser.data
