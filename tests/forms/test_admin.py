"""The functioneel beheerder edits, versions and publishes forms in the admin; a draft keeps
the version it was started on; and what a form costs."""

import copy
import html
import json
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from loket.cases.models import Case
from loket.catalog.models import Product
from loket.forms.models import Draft, FormDefinition, Submission
from loket.forms.services import fee_of, new_version, publish_definition, save_definition
from tests.forms.conftest import Filler

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheer(demo_forms, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="beheer", email="beheer@example.nl", password="x" * 16
    )
    client = Client(headers={"accept-language": "nl"})
    client.force_login(user)
    return client


def current(slug: str) -> FormDefinition:
    return FormDefinition.objects.current_for(Product.objects.get(slug=slug))


def change_url(definition: FormDefinition) -> str:
    return reverse("admin:forms_formdefinition_change", args=[definition.pk])


CHANGELIST = "admin:forms_formdefinition_changelist"


def change_form(definition: FormDefinition, schema: dict) -> dict:
    return {
        "product": definition.product_id,
        "version": definition.version,
        "login": definition.login,
        "schema": json.dumps(schema),
        "_save": "Opslaan",
    }


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def test_a_concept_saves_a_valid_schema(beheer):
    concept = new_version(current("melding-openbare-ruimte"))
    assert 'name="schema"' in beheer.get(change_url(concept)).content.decode()
    schema = copy.deepcopy(concept.schema)
    schema["steps"][0]["title"]["nl"] = "Wat wilt u melden?"

    response = beheer.post(change_url(concept), change_form(concept, schema))

    assert response.status_code == 302
    concept.refresh_from_db()
    assert concept.schema == schema
    assert not concept.published


def test_a_concept_refuses_an_invalid_schema_and_says_why(beheer):
    concept = new_version(current("melding-openbare-ruimte"))
    before = copy.deepcopy(concept.schema)
    schema = copy.deepcopy(concept.schema)
    schema["steps"][0]["fields"][1]["type"] = "keuze"
    schema["case"]["email_field"] = "mail"

    response = beheer.post(change_url(concept), change_form(concept, schema))

    assert response.status_code == 200
    page = page_text(response)
    assert "Veld categorie heeft een onbekend type 'keuze'." in page
    assert "De zaakinstellingen verwijzen naar een veld mail dat niet bestaat." in page
    concept.refresh_from_db()
    assert concept.schema == before


def test_a_concept_refuses_a_schema_without_steps(beheer):
    concept = new_version(current("melding-openbare-ruimte"))
    response = beheer.post(change_url(concept), change_form(concept, {"steps": []}))
    assert response.status_code == 200
    assert "Het formulier heeft geen stappen." in page_text(response)


def test_a_published_definition_is_read_only(beheer):
    published = current("melding-openbare-ruimte")
    before = copy.deepcopy(published.schema)

    page = beheer.get(change_url(published)).content.decode()

    assert 'name="schema"' not in page and 'name="login"' not in page
    assert "Losliggende stoeptegel" in html.unescape(page)  # the schema is shown, as text

    changed = copy.deepcopy(before)
    changed["steps"][0]["title"]["nl"] = "Veranderd"
    beheer.post(change_url(published), change_form(published, changed) | {"login": "citizen"})

    published.refresh_from_db()
    assert published.schema == before
    assert published.published and published.version == 1 and published.login == "none"


def test_the_new_version_action_makes_a_concept_with_the_same_schema(beheer):
    published = current("uittreksel-brp")

    response = beheer.post(
        reverse(CHANGELIST),
        {"action": "make_new_version", "_selected_action": [published.pk]},
        follow=True,
    )

    assert "Nieuwe conceptversies gemaakt." in page_text(response)
    versions = FormDefinition.objects.filter(product=published.product).order_by("version")
    assert [(v.version, v.published) for v in versions] == [(1, True), (2, False)]
    concept = versions.last()
    assert concept.schema == published.schema and concept.login == published.login
    assert current("uittreksel-brp") == published  # the concept is not in use yet


def test_the_new_version_action_numbers_after_the_newest_version(beheer):
    first = current("uittreksel-brp")
    new_version(first)

    beheer.post(reverse(CHANGELIST), {"action": "make_new_version", "_selected_action": [first.pk]})

    versions = FormDefinition.objects.filter(product=first.product)
    assert sorted(versions.values_list("version", flat=True)) == [1, 2, 3]


def test_the_publish_action_publishes_a_concept(beheer):
    first = current("leefbaarheidsbudget")
    concept = new_version(first)

    response = beheer.post(
        reverse(CHANGELIST),
        {"action": "publish", "_selected_action": [concept.pk]},
        follow=True,
    )

    assert "Gepubliceerd." in page_text(response)
    concept.refresh_from_db()
    assert concept.published
    assert current("leefbaarheidsbudget") == concept
    first.refresh_from_db()
    assert first.published  # the earlier version stays, for the drafts started on it


def test_the_publish_action_says_why_a_concept_with_problems_is_not_published(beheer):
    product = Product.objects.get(slug="leefbaarheidsbudget")
    concept = save_definition(product, login="citizen", schema={"steps": []}, publish=False)

    response = beheer.post(
        reverse(CHANGELIST),
        {"action": "publish", "_selected_action": [concept.pk]},
        follow=True,
    )

    assert "Het formulier heeft geen stappen." in page_text(response)
    concept.refresh_from_db()
    assert not concept.published


def test_a_draft_keeps_its_version_after_a_new_one_is_published(demo_forms):
    filler = Filler(Client(headers={"accept-language": "nl"}))
    filler.open(reverse("forms:start", args=["melding-openbare-ruimte"]))
    filler.post({"categorie": "afval", "omschrijving": "Zakken naast de container."})
    draft = Draft.objects.get()
    first = draft.definition
    assert first.version == 1

    # Version 2 asks for a name on the contact step, and is published.
    second = new_version(first)
    schema = copy.deepcopy(second.schema)
    contact = next(step for step in schema["steps"] if step["key"] == "contact")
    contact["fields"].append(
        {"key": "naam", "type": "text", "label": {"nl": "Uw naam"}, "required": True}
    )
    second.schema = schema
    second.save()
    publish_definition(second)
    assert current("melding-openbare-ruimte") == second

    filler.post({"locatie-lat": "52.085", "locatie-lon": "5.11"})
    filler.post({"op_de_hoogte": "nee"})
    assert "Controleer uw antwoorden" in filler.html  # version 1 asks no name
    filler.confirm()

    draft.refresh_from_db()
    assert draft.definition == first and draft.submitted_at
    submission = Submission.objects.get()
    assert submission.definition.version == 1
    assert submission.case == Case.objects.get()

    # Someone who starts now gets version 2.
    other = Filler(Client(headers={"accept-language": "nl"}))
    other.open(reverse("forms:start", args=["melding-openbare-ruimte"]))
    assert Draft.objects.exclude(pk=draft.pk).get().definition == second


def test_fee_by_an_answer(demo_forms):
    wedding = current("trouwen-partnerschap")
    assert fee_of(wedding, {"soort_ceremonie": "eenvoudig"}) == Decimal("425.00")
    assert fee_of(wedding, {"soort_ceremonie": "eigen_locatie"}) == Decimal("675.00")
    assert fee_of(wedding, {"soort_ceremonie": "gratis"}) == 0
    assert fee_of(wedding, {}) == 0


def test_fee_is_else_the_products_first_cost(demo_forms):
    assert fee_of(current("uittreksel-brp"), {}) == Decimal("17.95")
    assert fee_of(current("parkeervergunning"), {"soort_vergunning": "x"}) == Decimal("98.00")


def test_a_product_without_costs_is_free(demo_forms):
    assert fee_of(current("leefbaarheidsbudget"), {"totaal": "750.00"}) == 0
