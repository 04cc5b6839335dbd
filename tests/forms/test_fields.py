"""The form engine's parts as plain functions: each field type's check, how an answer is shown,
the logic of conditions and computed values, checking one step, and the check of a file."""

from datetime import date

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import override

from loket.brp.models import Address
from loket.brp.register import load_demo_register
from loket.forms.fields import FillContext, clean, display
from loket.forms.logic import compute, holds, is_required, is_shown
from loket.forms.steps import check_step, first_incomplete_step
from loket.forms.uploads import checked_content_type
from tests.forms.conftest import EXE, JPEG, PDF

CTX = FillContext(today=date(2026, 11, 28))


def refusal(field: dict, raw) -> str:
    """The one sentence a field's check gives for what was typed."""
    with pytest.raises(ValidationError) as caught:
        clean(field, raw, CTX)
    assert len(caught.value.messages) == 1
    return caught.value.messages[0]


# --- clean(): text and numbers ---------------------------------------------------------------


def test_text_keeps_what_was_typed_up_to_its_max_length():
    field = {"type": "text", "max_length": 5}
    assert clean(field, "abcde", CTX) == "abcde"
    assert refusal(field, "abcdef") == "Gebruik hoogstens 5 tekens."


def test_text_and_textarea_have_their_own_default_max_length():
    assert clean({"type": "text"}, "x" * 200, CTX) == "x" * 200
    assert refusal({"type": "text"}, "x" * 201) == "Gebruik hoogstens 200 tekens."
    assert clean({"type": "textarea"}, "x" * 4000, CTX) == "x" * 4000
    assert refusal({"type": "textarea"}, "x" * 4001) == "Gebruik hoogstens 4000 tekens."


def test_number_is_a_whole_number_within_min_and_max():
    field = {"type": "number", "min": 1, "max": 999}
    assert clean(field, "40", CTX) == 40
    assert clean(field, "1", CTX) == 1 and clean(field, "999", CTX) == 999
    assert refusal(field, "0") == "De laagste mogelijke waarde is 1."
    assert refusal(field, "1000") == "De hoogste mogelijke waarde is 999."
    assert refusal(field, "abc") == "Vul een heel getal in, zoals 3."
    with override("en"):
        assert refusal(field, "abc") == "Fill in a whole number, like 3."


def test_number_reads_a_dutch_thousands_separator():
    assert clean({"type": "number"}, "1.500", CTX) == 1500


def test_number_refuses_a_decimal_instead_of_multiplying_it():
    assert refusal({"type": "number"}, "1.5") == "Vul een heel getal in, zoals 3."


# --- clean(): amounts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("12,50", "12.50"),
        ("€ 1.250,00", "1250.00"),
        ("1250.5", "1250.50"),
        ("125", "125.00"),
        ("EUR 7,5", "7.50"),
    ],
)
def test_amount_is_read_as_people_type_euros(typed, kept):
    assert clean({"type": "amount"}, typed, CTX) == kept


def test_amount_with_more_than_two_decimals_or_no_number_is_refused():
    two_decimals = (
        "Vul een bedrag in euro's in met hoogstens twee cijfers achter de komma, zoals 125,50."
    )
    assert refusal({"type": "amount"}, "12,505") == two_decimals
    assert refusal({"type": "amount"}, "twaalf") == "Vul een bedrag in euro's in, zoals 125,50."
    with override("en"):
        assert refusal({"type": "amount"}, "12,505") == (
            "Fill in an amount in euros with at most two decimals, like 125,50."
        )


def test_amount_min_and_max_are_said_in_euros():
    field = {"type": "amount", "min": 10, "max": 1250}
    assert clean(field, "10", CTX) == "10.00" and clean(field, "1250", CTX) == "1250.00"
    assert refusal(field, "9,99") == "De laagste mogelijke waarde is € 10,00."
    assert refusal(field, "1.250,01") == "De hoogste mogelijke waarde is € 1.250,00."
    with override("en"):
        assert refusal(field, "1250.01") == "The highest possible value is € 1,250.00."


# --- clean(): dates --------------------------------------------------------------------------


def test_date_is_read_dutch_or_iso_and_kept_as_iso():
    assert clean({"type": "date"}, "31-12-2026", CTX) == "2026-12-31"
    assert clean({"type": "date"}, "2026-12-31", CTX) == "2026-12-31"
    assert clean({"type": "date"}, "1-2-2027", CTX) == "2027-02-01"


def test_a_date_that_does_not_exist_is_refused():
    assert refusal({"type": "date"}, "31-02-2026") == (
        "Vul een datum in die bestaat, zoals 31-12-2026."
    )
    assert refusal({"type": "date"}, "gisteren") == (
        "Vul een datum in die bestaat, zoals 31-12-2026."
    )
    with override("en"):
        assert refusal({"type": "date"}, "31-02-2026") == (
            "Fill in a date that exists, like 31-12-2026."
        )


def test_date_min_today_and_max_today_plus_days():
    field = {"type": "date", "min": "today", "max": "today+14"}
    assert clean(field, "28-11-2026", CTX) == "2026-11-28"
    assert clean(field, "12-12-2026", CTX) == "2026-12-12"
    assert refusal(field, "27-11-2026") == "De datum kan op zijn vroegst 28 november 2026 zijn."
    assert refusal(field, "13-12-2026") == "De datum kan op zijn laatst 12 december 2026 zijn."
    with override("en"):
        assert refusal(field, "13-12-2026") == "The date can be 12 December 2026 at the latest."


def test_date_min_today_minus_days_and_iso_limits():
    assert clean({"type": "date", "min": "today-28"}, "31-10-2026", CTX) == "2026-10-31"
    assert refusal({"type": "date", "min": "today-28"}, "30-10-2026") == (
        "De datum kan op zijn vroegst 31 oktober 2026 zijn."
    )
    assert refusal({"type": "date", "max": "2026-12-31"}, "01-01-2027") == (
        "De datum kan op zijn laatst 31 december 2026 zijn."
    )


# --- clean(): choices and identifiers --------------------------------------------------------

CHOICE = {
    "type": "choice",
    "choices": [
        {"value": "ja", "label": {"nl": "Ja, graag", "en": "Yes, please"}},
        {"value": "nee", "label": {"nl": "Nee"}},
    ],
}


def test_choice_takes_only_one_of_its_values():
    assert clean(CHOICE, "ja", CTX) == "ja"
    assert refusal(CHOICE, "misschien") == "Kies een van de mogelijkheden."
    assert refusal(CHOICE, "Ja, graag") == "Kies een van de mogelijkheden."


def test_bsn_must_pass_the_elfproef():
    assert clean({"type": "bsn"}, "999993653", CTX) == "999993653"
    elfproef = "Dit is geen geldig burgerservicenummer (BSN). Een BSN heeft 9 cijfers."
    assert refusal({"type": "bsn"}, "123456789") == elfproef
    assert refusal({"type": "bsn"}, "99999365a") == elfproef
    assert refusal({"type": "bsn"}, "abcdefghi") == elfproef
    with override("en"):
        assert refusal({"type": "bsn"}, "123456789") == (
            "This is not a valid citizen service number (BSN). A BSN has 9 digits."
        )


def test_kvk_number_has_eight_digits():
    assert clean({"type": "kvk"}, "12345678", CTX) == "12345678"
    assert clean({"type": "kvk"}, "1234 5678", CTX) == "12345678"
    assert refusal({"type": "kvk"}, "1234567") == "Een KvK-nummer heeft 8 cijfers."
    assert refusal({"type": "kvk"}, "123456789") == "Een KvK-nummer heeft 8 cijfers."
    assert refusal({"type": "kvk"}, "00000000") == "Een KvK-nummer heeft 8 cijfers."


def test_iban_is_compacted_and_its_checksum_checked():
    assert clean({"type": "iban"}, "NL91 ABNA 0417 1643 00", CTX) == "NL91ABNA0417164300"
    assert clean({"type": "iban"}, "nl91abna0417164300", CTX) == "NL91ABNA0417164300"
    assert refusal({"type": "iban"}, "NL91 ABNA 0417 1643 01") == (
        "Dit is geen geldig IBAN. Controleer het nummer, zoals NL91 ABNA 0417 1643 00."
    )


def test_email_address():
    assert clean({"type": "email"}, "inwoner@example.nl", CTX) == "inwoner@example.nl"
    assert refusal({"type": "email"}, "inwoner@") == (
        "Vul een e-mailadres in, zoals naam@voorbeeld.nl."
    )
    with override("en"):
        assert refusal({"type": "email"}, "geen adres") == (
            "Fill in an e-mail address, like name@example.nl."
        )


def test_phone_keeps_the_digits_and_a_leading_plus():
    assert clean({"type": "phone"}, "06-12345678", CTX) == "0612345678"
    assert clean({"type": "phone"}, "+31 6 12345678", CTX) == "+31612345678"
    assert clean({"type": "phone"}, "(030) 123 45 67", CTX) == "0301234567"
    sentence = "Vul een telefoonnummer van 10 cijfers in, zoals 0612345678."
    assert refusal({"type": "phone"}, "12") == sentence
    assert refusal({"type": "phone"}, "06-1234567a") == sentence


# --- clean(): address and location -----------------------------------------------------------


@pytest.mark.django_db
def test_address_is_looked_up_in_the_register_and_filled_in():
    load_demo_register()
    field = {"type": "address"}
    plain = Address.objects.filter(house_letter="", house_number_addition="").first()
    typed_postcode = f"{plain.postcode[:4]} {plain.postcode[4:].lower()}"

    value = clean(field, {"postcode": typed_postcode, "house_number": str(plain.house_number)}, CTX)

    assert value == {
        "postcode": plain.postcode,
        "house_number": plain.house_number,
        "house_letter": "",
        "house_number_addition": "",
        "street": plain.street,
        "town": plain.town,
    }
    assert value["street"] and value["town"]

    lettered = Address.objects.exclude(house_letter="").first()
    value = clean(
        field,
        {
            "postcode": lettered.postcode,
            "house_number": str(lettered.house_number),
            "addition": lettered.house_letter.lower(),
        },
        CTX,
    )
    assert value["house_letter"] == lettered.house_letter
    assert value["street"] == lettered.street


@pytest.mark.django_db
def test_an_address_that_is_no_postcode_or_not_in_the_register_is_refused():
    load_demo_register()
    field = {"type": "address"}
    assert refusal(field, {"postcode": "abc", "house_number": "1"}) == (
        "Een postcode heeft vier cijfers en twee letters, zoals 1234 AB."
    )
    assert refusal(field, {"postcode": "9999 ZZ", "house_number": "1"}) == (
        "We kunnen dit adres niet vinden in de gemeente. Controleer de postcode en het huisnummer."
    )
    address = Address.objects.first()
    assert refusal(field, {"postcode": address.postcode, "house_number": "99999"}) == (
        "We kunnen dit adres niet vinden in de gemeente. Controleer de postcode en het huisnummer."
    )
    assert refusal(field, {"postcode": address.postcode, "house_number": ""}) == (
        "Vul de postcode en het huisnummer in."
    )


def test_location_must_lie_in_the_map_area():
    south, west, north, east = settings.LOKET_MAP_AREA
    lat, lon = (south + north) / 2, (west + east) / 2
    field = {"type": "location"}

    assert clean(field, {"lat": str(lat), "lon": str(lon)}, CTX) == {
        "lat": round(lat, 6),
        "lon": round(lon, 6),
    }
    assert clean(field, {"lat": "52,085", "lon": "5,11"}, CTX) == {"lat": 52.085, "lon": 5.11}
    assert refusal(field, {"lat": str(south - 0.5), "lon": str(lon)}) == (
        "Deze plek ligt buiten de gemeente. Kies een plek op de kaart."
    )
    assert refusal(field, {"lat": str(lat), "lon": str(east + 0.01)}) == (
        "Deze plek ligt buiten de gemeente. Kies een plek op de kaart."
    )
    assert refusal(field, {"lat": str(lat), "lon": ""}) == (
        "Klik op de plek op de kaart, of vul beide coördinaten in."
    )


# --- display() -------------------------------------------------------------------------------


def test_display_a_choice_by_its_label():
    assert display(CHOICE, "ja") == "Ja, graag"
    assert display(CHOICE, "ja", "en") == "Yes, please"
    assert display(CHOICE, "nee", "en") == "Nee"  # English falls back to Dutch
    assert display(CHOICE, "weg") == "weg"  # a value no longer offered shows as it was kept
    assert display(CHOICE, None) == ""


def test_display_a_checkbox_as_yes_or_no():
    assert display({"type": "checkbox"}, True) == "Ja"
    assert display({"type": "checkbox"}, False) == "Nee"
    assert display({"type": "checkbox"}, None) == "Nee"
    with override("en"):
        assert display({"type": "checkbox"}, True) == "Yes"
        assert display({"type": "checkbox"}, False) == "No"


def test_display_an_amount_in_euros():
    assert display({"type": "amount"}, "1250.50") == "€ 1.250,50"
    assert display({"type": "computed"}, "750.00") == "€ 750,00"
    with override("en"):
        assert display({"type": "amount"}, "1250.50") == "€ 1,250.50"


def test_display_a_date_in_words():
    assert display({"type": "date"}, "2026-12-31") == "31 december 2026"
    with override("en"):
        assert display({"type": "date"}, "2026-12-31") == "31 December 2026"


def test_display_follows_the_language_it_is_given():
    assert display({"type": "date"}, "2026-12-31", "en") == "31 December 2026"


def test_display_an_iban_in_groups_of_four():
    assert display({"type": "iban"}, "NL91ABNA0417164300") == "NL91 ABNA 0417 1643 00"


def test_display_an_address_on_one_line():
    address = {
        "postcode": "1234AB",
        "house_number": 12,
        "house_letter": "A",
        "house_number_addition": "2",
        "street": "Dorpsstraat",
        "town": "Voorbeeld",
    }
    assert display({"type": "address"}, address) == "Dorpsstraat 12A-2, 1234AB Voorbeeld"
    plain = address | {"house_letter": "", "house_number_addition": ""}
    assert display({"type": "address"}, plain) == "Dorpsstraat 12, 1234AB Voorbeeld"


# --- logic -----------------------------------------------------------------------------------


def test_holds_equals_in_and_filled():
    answers = {"reden": "anders", "leeg": "", "lijst": []}
    assert holds(None, answers) and holds({}, answers)
    assert holds({"field": "reden", "equals": "anders"}, answers)
    assert not holds({"field": "reden", "equals": "werk"}, answers)
    assert holds({"field": "reden", "in": ["werk", "anders"]}, answers)
    assert not holds({"field": "reden", "in": ["werk"]}, answers)
    assert holds({"field": "reden", "filled": True}, answers)
    assert not holds({"field": "leeg", "filled": True}, answers)
    assert holds({"field": "leeg", "filled": False}, answers)
    assert holds({"field": "lijst", "filled": False}, answers)
    assert holds({"field": "ontbreekt", "filled": False}, answers)
    assert not holds({"field": "ontbreekt", "equals": "anders"}, answers)


def test_holds_all_and_any():
    answers = {"soort": "bewoner", "auto": "lease"}
    both = {"all": [{"field": "soort", "equals": "bewoner"}, {"field": "auto", "equals": "lease"}]}
    either = {"any": [{"field": "soort", "equals": "bezoeker"}, {"field": "auto", "in": ["lease"]}]}
    assert holds(both, answers) and holds(either, answers)
    assert not holds(both, answers | {"auto": "eigen"})
    assert not holds(either, answers | {"auto": "eigen"})
    nested = {"all": [either, {"any": [{"field": "soort", "filled": True}]}]}
    assert holds(nested, answers)


def test_is_shown_and_is_required():
    field = {
        "key": "email",
        "type": "email",
        "show_if": {"field": "op_de_hoogte", "equals": "ja"},
        "required_if": {"field": "op_de_hoogte", "equals": "ja"},
    }
    assert is_shown(field, {"op_de_hoogte": "ja"}) and is_required(field, {"op_de_hoogte": "ja"})
    assert not is_shown(field, {"op_de_hoogte": "nee"})
    assert not is_required(field, {"op_de_hoogte": "nee"})
    assert is_shown({"key": "x", "type": "text"}, {})
    assert not is_required({"key": "x", "type": "text"}, {})
    assert is_required({"key": "x", "type": "text", "required": True}, {})


def test_compute_sums_a_groups_rows_skipping_empty_ones_and_caps():
    field = {"type": "computed", "compute": {"sum": "begroting.bedrag", "max": 750}}
    rows = [{"bedrag": "500.00"}, {"bedrag": None}, {"bedrag": ""}, {"bedrag": "400.50"}]
    assert compute(field, {"begroting": rows}) == "750.00"
    assert compute(field, {"begroting": rows[:3]}) == "500.00"
    uncapped = {"type": "computed", "compute": {"sum": "begroting.bedrag"}}
    assert compute(uncapped, {"begroting": rows}) == "900.50"
    assert compute(field, {}) == "0.00"
    assert compute(field, {"begroting": None}) == "0.00"


# --- steps -----------------------------------------------------------------------------------

CONTACT_STEP = {
    "key": "contact",
    "fields": [
        {
            "key": "op_de_hoogte",
            "type": "choice",
            "required": True,
            "choices": [{"value": "ja", "label": "Ja"}, {"value": "nee", "label": "Nee"}],
        },
        {
            "key": "email",
            "type": "email",
            "show_if": {"field": "op_de_hoogte", "equals": "ja"},
            "required_if": {"field": "op_de_hoogte", "equals": "ja"},
        },
    ],
}

BUDGET_STEP = {
    "key": "begroting",
    "fields": [
        {
            "key": "begroting",
            "type": "group",
            "required": True,
            "fields": [
                {"key": "post", "type": "text", "required": True},
                {"key": "bedrag", "type": "amount", "required": True, "min": 0},
            ],
        },
        {"key": "totaal", "type": "computed", "compute": {"sum": "begroting.bedrag", "max": 750}},
    ],
}


def test_a_hidden_fields_answer_is_dropped():
    before = {"op_de_hoogte": "ja", "email": "oud@example.nl"}
    outcome = check_step(
        CONTACT_STEP, {"op_de_hoogte": "nee", "email": "nieuw@example.nl"}, before, CTX
    )
    assert outcome.valid
    assert outcome.answers == {"op_de_hoogte": "nee"}
    assert before["email"] == "oud@example.nl"  # the answers passed in are not changed


def test_required_if_asks_a_field_only_when_its_condition_holds():
    outcome = check_step(CONTACT_STEP, {"op_de_hoogte": "ja", "email": ""}, {}, CTX)
    assert outcome.errors == {"email": "Vul dit veld in."}

    outcome = check_step(CONTACT_STEP, {"op_de_hoogte": "ja", "email": "a@example.nl"}, {}, CTX)
    assert outcome.valid and outcome.answers["email"] == "a@example.nl"

    outcome = check_step(CONTACT_STEP, {"op_de_hoogte": "", "email": ""}, {}, CTX)
    assert outcome.errors == {"op_de_hoogte": "Kies een van de mogelijkheden."}


def test_an_invalid_answer_keeps_what_was_typed():
    outcome = check_step(CONTACT_STEP, {"op_de_hoogte": "ja", "email": "a@"}, {}, CTX)
    assert outcome.errors == {"email": "Vul een e-mailadres in, zoals naam@voorbeeld.nl."}
    assert outcome.typed == {"email": "a@"}


def test_a_group_row_with_an_invalid_sub_field_keeps_the_rows_and_names_the_input():
    rows = [{"post": "Tent", "bedrag": "500"}, {"post": "Muziek", "bedrag": "veel"}]
    outcome = check_step(BUDGET_STEP, {"begroting": rows}, {}, CTX)

    assert outcome.errors == {"begroting-1-bedrag": "Vul een bedrag in euro's in, zoals 125,50."}
    assert outcome.typed == {"begroting": rows}
    assert "begroting" not in outcome.answers


def test_a_group_ignores_empty_rows_and_computes_the_total():
    rows = [
        {"post": "", "bedrag": ""},
        {"post": "Tent", "bedrag": "500"},
        {"post": "", "bedrag": ""},
        {"post": "Muziek", "bedrag": "400,50"},
    ]
    outcome = check_step(BUDGET_STEP, {"begroting": rows}, {}, CTX)

    assert outcome.valid
    assert outcome.answers["begroting"] == [
        {"post": "Tent", "bedrag": "500.00"},
        {"post": "Muziek", "bedrag": "400.50"},
    ]
    assert outcome.answers["totaal"] == "750.00"


def test_a_group_row_missing_a_required_sub_field():
    outcome = check_step(BUDGET_STEP, {"begroting": [{"post": "Tent", "bedrag": ""}]}, {}, CTX)
    assert outcome.errors == {"begroting-0-bedrag": "Vul dit veld in."}


def test_a_group_asks_for_its_min_items():
    witnesses = {
        "key": "getuigen",
        "fields": [
            {
                "key": "getuigen",
                "type": "group",
                "required": True,
                "min_items": 2,
                "max_items": 3,
                "fields": [{"key": "naam", "type": "text", "required": True}],
            }
        ],
    }
    one = [{"naam": "Piet"}, {"naam": ""}]
    outcome = check_step(witnesses, {"getuigen": one}, {}, CTX)
    assert outcome.errors == {"getuigen": "Vul minstens 2 regel(s) in."}
    assert outcome.typed == {"getuigen": [{"naam": "Piet"}]}

    four = [{"naam": name} for name in ("A", "B", "C", "D")]
    outcome = check_step(witnesses, {"getuigen": four}, {}, CTX)
    assert outcome.errors == {"getuigen": "Vul hoogstens 3 regels in."}

    outcome = check_step(witnesses, {"getuigen": four[:2]}, {}, CTX)
    assert outcome.valid and outcome.answers["getuigen"] == [{"naam": "A"}, {"naam": "B"}]


def test_a_required_group_without_rows_asks_for_one():
    outcome = check_step(BUDGET_STEP, {"begroting": []}, {}, CTX)
    assert outcome.errors == {"begroting": "Vul minstens 1 regel(s) in."}


SCHEMA_WITH_LATER_CONDITION = {
    "steps": [
        {
            "key": "gegevens",
            "fields": [
                {"key": "naam", "type": "text", "required": True},
                {
                    "key": "telefoon",
                    "type": "phone",
                    "required_if": {"field": "contact", "equals": "bellen"},
                },
            ],
        },
        {
            "key": "voorkeur",
            "fields": [
                {
                    "key": "contact",
                    "type": "choice",
                    "required": True,
                    "choices": [{"value": "bellen"}, {"value": "mail"}],
                }
            ],
        },
    ]
}


def test_first_incomplete_step_finds_a_field_that_became_required_later():
    schema = SCHEMA_WITH_LATER_CONDITION
    done = ["gegevens", "voorkeur"]
    answers = {"naam": "Jan", "telefoon": None, "contact": "mail"}

    assert first_incomplete_step(schema, answers, done) is None
    assert first_incomplete_step(schema, answers | {"contact": "bellen"}, done) == "gegevens"
    filled = answers | {"contact": "bellen", "telefoon": "0612345678"}
    assert first_incomplete_step(schema, filled, done) is None


def test_first_incomplete_step_is_the_first_not_done():
    schema = SCHEMA_WITH_LATER_CONDITION
    assert first_incomplete_step(schema, {}, []) == "gegevens"
    assert first_incomplete_step(schema, {"naam": "Jan"}, ["gegevens"]) == "voorkeur"
    assert first_incomplete_step(schema, {"naam": "Jan"}, ["voorkeur"]) == "gegevens"


# --- uploads ---------------------------------------------------------------------------------

PDF_ONLY = {"key": "bewijs", "type": "file", "accept": ["pdf"], "max_size_mb": 1}


def upload_refusal(field: dict, name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        checked_content_type(field, name, content)
    return caught.value.messages[0]


def test_an_extension_that_is_not_accepted_is_refused():
    assert upload_refusal(PDF_ONLY, "foto.jpg", JPEG) == (
        "Dit soort bestand is niet toegestaan. Toegestaan: PDF."
    )
    assert upload_refusal({"type": "file"}, "programma.exe", EXE) == (
        "Dit soort bestand is niet toegestaan. Toegestaan: PDF, JPG, PNG."
    )
    assert upload_refusal(PDF_ONLY, "zonder-extensie", PDF) == (
        "Dit soort bestand is niet toegestaan. Toegestaan: PDF."
    )
    with override("en"):
        assert upload_refusal(PDF_ONLY, "foto.jpg", JPEG) == (
            "This kind of file is not allowed. Allowed: PDF."
        )


def test_a_file_larger_than_max_size_mb_is_refused():
    too_large = PDF + b"0" * (1024 * 1024)
    assert upload_refusal(PDF_ONLY, "scan.pdf", too_large) == "Het bestand is groter dan 1 MB."
    just_fits = PDF + b"0" * (1024 * 1024 - len(PDF))
    assert checked_content_type(PDF_ONLY, "scan.pdf", just_fits) == "application/pdf"


def test_an_empty_file_is_refused():
    assert upload_refusal(PDF_ONLY, "scan.pdf", b"") == "Het bestand is leeg."


def test_an_executable_named_pdf_is_refused():
    assert upload_refusal(PDF_ONLY, "contract.pdf", EXE) == (
        "Het bestand is niet echt een PDF-bestand. Kies een ander bestand."
    )
    assert upload_refusal({"type": "file"}, "foto.png", JPEG) == (
        "Het bestand is niet echt een PNG-bestand. Kies een ander bestand."
    )


def test_a_real_pdf_and_jpeg_are_accepted():
    assert checked_content_type(PDF_ONLY, "scan.PDF", PDF) == "application/pdf"
    assert checked_content_type({"type": "file"}, "foto.jpg", JPEG) == "image/jpeg"
    assert checked_content_type({"accept": ["JPEG"]}, "foto.jpeg", JPEG) == "image/jpeg"
