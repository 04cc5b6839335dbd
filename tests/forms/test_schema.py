"""Checking a form definition's schema before it is saved: every demo form passes, and every
mistake is one sentence for the functioneel beheerder."""

import contextlib
import copy
import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from loket.forms.demo import DEMO_FORMS
from loket.forms.fields import FillContext, clean
from loket.forms.schema import schema_problems
from loket.forms.steps import first_incomplete_step

DEMO = json.loads(DEMO_FORMS.read_text(encoding="utf-8"))["forms"]


@pytest.mark.parametrize("spec", DEMO, ids=[spec["product"] for spec in DEMO])
def test_every_demo_form_has_no_problems(spec):
    assert schema_problems(spec["schema"]) == []


def valid_schema() -> dict:
    """A small form using groups, a computed total, conditions and every case setting."""
    return copy.deepcopy(
        {
            "steps": [
                {
                    "key": "melding",
                    "title": {"nl": "Uw melding", "en": "Your report"},
                    "fields": [
                        {
                            "key": "categorie",
                            "type": "choice",
                            "label": {"nl": "Categorie"},
                            "required": True,
                            "choices": [
                                {"value": "afval", "label": {"nl": "Afval"}},
                                {"value": "anders", "label": {"nl": "Anders"}},
                            ],
                        },
                        {
                            "key": "toelichting",
                            "type": "text",
                            "label": {"nl": "Toelichting"},
                            "show_if": {"field": "categorie", "equals": "anders"},
                            "required_if": {"all": [{"field": "categorie", "equals": "anders"}]},
                        },
                        {"key": "uitleg", "type": "paragraph", "text": {"nl": "Let op."}},
                        {"key": "locatie", "type": "location", "label": {"nl": "Plek"}},
                    ],
                },
                {
                    "key": "kosten",
                    "title": {"nl": "Kosten"},
                    "fields": [
                        {
                            "key": "posten",
                            "type": "group",
                            "label": {"nl": "Posten"},
                            "fields": [
                                {"key": "post", "type": "text", "label": {"nl": "Post"}},
                                {"key": "bedrag", "type": "amount", "label": {"nl": "Bedrag"}},
                            ],
                        },
                        {
                            "key": "totaal",
                            "type": "computed",
                            "label": {"nl": "Totaal"},
                            "compute": {"sum": "posten.bedrag", "max": 750},
                        },
                        {"key": "bsn_betrokkene", "type": "bsn", "label": {"nl": "BSN"}},
                        {"key": "email", "type": "email", "label": {"nl": "E-mail"}},
                    ],
                },
            ],
            "case": {
                "description": {"nl": "Melding {categorie}"},
                "initiator": {"bsn_field": "bsn_betrokkene"},
                "email_field": "email",
                "route_by": {"field": "categorie", "departments": {"afval": "openbare-ruimte"}},
                "properties": {"bedrag": "totaal"},
                "location_field": "locatie",
                "fee": {"by": "categorie", "amounts": {"afval": "0.00", "anders": "10.00"}},
            },
        }
    )


def first_step_fields(schema: dict) -> list[dict]:
    return schema["steps"][0]["fields"]


def test_the_small_valid_schema_has_no_problems():
    assert schema_problems(valid_schema()) == []


@pytest.mark.parametrize("schema", [{}, {"steps": []}, {"case": {}}, [], None])
def test_a_form_without_steps(schema):
    assert schema_problems(schema) == ["Het formulier heeft geen stappen."]
    with override("en"):
        assert schema_problems(schema) == ["The form has no steps."]


def test_a_duplicate_step_key():
    schema = valid_schema()
    schema["steps"][1]["key"] = "melding"
    assert schema_problems(schema) == [
        "De sleutel 'melding' van een stap is niet uniek of niet in kleine letters."
    ]


def test_an_uppercase_step_key():
    schema = valid_schema()
    schema["steps"][0]["key"] = "Melding"
    assert schema_problems(schema) == [
        "De sleutel 'Melding' van een stap is niet uniek of niet in kleine letters."
    ]


def test_a_step_without_a_dutch_title():
    schema = valid_schema()
    schema["steps"][1]["title"] = {"en": "Costs"}
    assert schema_problems(schema) == ["Stap kosten heeft geen Nederlandse titel."]


def test_an_uppercase_field_key():
    schema = valid_schema()
    first_step_fields(schema)[3]["key"] = "Locatie"
    problems = schema_problems(schema)
    assert "De sleutel 'Locatie' van een veld is niet uniek of niet in kleine letters." in problems
    # The case still names "locatie", which now does not exist.
    assert "De zaakinstellingen verwijzen naar een veld locatie dat niet bestaat." in problems
    with override("en"):
        assert "Field key 'Locatie' is not a unique lowercase key." in schema_problems(schema)


def test_a_duplicate_field_key_across_steps():
    schema = valid_schema()
    schema["steps"][1]["fields"][3]["key"] = "categorie"
    schema["case"]["email_field"] = "categorie"
    assert schema_problems(schema) == [
        "De sleutel 'categorie' van een veld is niet uniek of niet in kleine letters."
    ]


def test_a_field_key_in_a_group_may_repeat_a_key_outside_it():
    schema = valid_schema()
    schema["steps"][1]["fields"][0]["fields"][0]["key"] = "email"
    assert schema_problems(schema) == []


def test_an_unknown_field_type():
    schema = valid_schema()
    first_step_fields(schema)[1]["type"] = "textfield"
    assert schema_problems(schema) == ["Veld toelichting heeft een onbekend type 'textfield'."]
    with override("en"):
        assert schema_problems(schema) == ["Field toelichting has an unknown type 'textfield'."]


def test_a_group_inside_a_group():
    schema = valid_schema()
    group = schema["steps"][1]["fields"][0]
    group["fields"].append(
        {
            "key": "binnen",
            "type": "group",
            "label": {"nl": "Binnen"},
            "fields": [{"key": "x", "type": "text", "label": {"nl": "X"}}],
        }
    )
    assert schema_problems(schema) == [
        "Veld binnen van het type group kan geen deel zijn van een groep."
    ]


@pytest.mark.parametrize("kind", ["file", "address", "location", "computed"])
def test_other_types_that_do_not_belong_in_a_group(kind):
    schema = valid_schema()
    schema["steps"][1]["fields"][0]["fields"].append(
        {"key": "bijlage", "type": kind, "label": {"nl": "Bijlage"}}
    )
    assert schema_problems(schema) == [
        f"Veld bijlage van het type {kind} kan geen deel zijn van een groep."
    ]


def test_a_field_without_a_dutch_label():
    schema = valid_schema()
    first_step_fields(schema)[1]["label"] = {"en": "Explanation"}
    assert schema_problems(schema) == ["Veld toelichting heeft geen Nederlands label."]


@pytest.mark.parametrize("choices", [None, []])
def test_a_choice_without_choices(choices):
    schema = valid_schema()
    first_step_fields(schema)[0]["choices"] = choices
    assert schema_problems(schema) == ["Keuzeveld categorie heeft geen keuzes."]


def test_show_if_referring_to_a_missing_field():
    schema = valid_schema()
    first_step_fields(schema)[1]["show_if"] = {"field": "soort", "equals": "anders"}
    assert schema_problems(schema) == [
        "Veld toelichting verwijst naar een veld soort dat niet bestaat."
    ]
    with override("en"):
        assert schema_problems(schema) == [
            "Field toelichting refers to a field soort that does not exist."
        ]


def test_required_if_nested_in_any_referring_to_a_missing_field():
    schema = valid_schema()
    first_step_fields(schema)[1]["required_if"] = {
        "all": [{"any": [{"field": "categorie", "filled": True}, {"field": "reden", "in": []}]}]
    }
    assert schema_problems(schema) == [
        "Veld toelichting verwijst naar een veld reden dat niet bestaat."
    ]


@pytest.mark.parametrize("path", ["posten.prijs", "begroting.bedrag", "email.bedrag", "posten"])
def test_computed_summing_a_missing_path(path):
    schema = valid_schema()
    schema["steps"][1]["fields"][1]["compute"]["sum"] = path
    assert schema_problems(schema) == [
        f"Berekend veld totaal telt '{path}' op, maar dat is geen veld van een groep."
    ]


@pytest.mark.parametrize("setting", ["email_field", "location_field"])
def test_a_case_setting_referring_to_a_missing_field(setting):
    schema = valid_schema()
    schema["case"][setting] = "bestaat_niet"
    assert schema_problems(schema) == [
        "De zaakinstellingen verwijzen naar een veld bestaat_niet dat niet bestaat."
    ]


def test_route_by_referring_to_a_missing_field():
    schema = valid_schema()
    schema["case"]["route_by"]["field"] = "soort"
    assert schema_problems(schema) == [
        "De zaakinstellingen verwijzen naar een veld soort dat niet bestaat."
    ]


def test_a_property_referring_to_a_missing_field():
    schema = valid_schema()
    schema["case"]["properties"]["bedrag"] = "som"
    assert schema_problems(schema) == [
        "De zaakinstellingen verwijzen naar een veld som dat niet bestaat."
    ]


def test_initiator_bsn_field_referring_to_a_missing_field():
    schema = valid_schema()
    schema["case"]["initiator"] = {"bsn_field": "moeder_bsn"}
    assert schema_problems(schema) == [
        "De zaakinstellingen verwijzen naar een veld moeder_bsn dat niet bestaat."
    ]
    with override("en"):
        assert schema_problems(schema) == [
            "The case settings refer to a field moeder_bsn that does not exist."
        ]


def test_fee_by_a_missing_field():
    schema = valid_schema()
    schema["case"]["fee"]["by"] = "soort_ceremonie"
    assert schema_problems(schema) == ["De kosten hangen af van een veld dat niet bestaat."]
    del schema["case"]["fee"]["by"]
    assert schema_problems(schema) == ["De kosten hangen af van een veld dat niet bestaat."]


@pytest.mark.parametrize("initiator", ["login", "none"])
def test_login_and_none_are_valid_initiators(initiator):
    schema = valid_schema()
    schema["case"]["initiator"] = initiator
    assert schema_problems(schema) == []


@pytest.mark.parametrize("initiator", ["digid", "", "Login", ["login"]])
def test_an_invalid_initiator_value(initiator):
    schema = valid_schema()
    schema["case"]["initiator"] = initiator
    assert schema_problems(schema) == [
        "De initiator van de zaak moet login, none of een BSN-veld zijn."
    ]
    with override("en"):
        assert schema_problems(schema) == [
            "The case's initiator must be login, none or a BSN field."
        ]


def test_an_initiator_dict_without_bsn_field_is_a_problem():
    schema = valid_schema()
    schema["case"]["initiator"] = {"field": "bsn_betrokkene"}
    assert schema_problems(schema) == [
        "De initiator van de zaak moet login, none of een BSN-veld zijn."
    ]


def test_every_problem_is_reported_at_once():
    schema = valid_schema()
    schema["steps"][1]["key"] = "melding"
    first_step_fields(schema)[0]["choices"] = []
    schema["case"]["email_field"] = "mail"
    schema["case"]["initiator"] = "iedereen"
    assert schema_problems(schema) == [
        "Keuzeveld categorie heeft geen keuzes.",
        "De sleutel 'melding' van een stap is niet uniek of niet in kleine letters.",
        "De initiator van de zaak moet login, none of een BSN-veld zijn.",
        "De zaakinstellingen verwijzen naar een veld mail dat niet bestaat.",
    ]


def test_a_step_without_fields_is_a_problem_or_works():
    schema = {"steps": [{"key": "leeg", "title": {"nl": "Leeg"}}]}
    assert schema_problems(schema) != [] or first_incomplete_step(schema, {}, ["leeg"]) is None


def test_a_date_limit_that_is_no_date_is_a_problem_or_works():
    schema = valid_schema()
    first_step_fields(schema).append(
        {"key": "datum", "type": "date", "label": {"nl": "Datum"}, "min": "tomorrow"}
    )
    if schema_problems(schema) == []:
        ctx = FillContext(today=date(2026, 11, 28))
        with contextlib.suppress(ValidationError):  # a sentence for the person is fine
            clean(first_step_fields(schema)[-1], "01-12-2026", ctx)
