"""Properties of the form checks, for anything a person may type (hypothesis): every field
either takes the text or refuses it with one plain sentence, never an exception; valid values
(BSNs that pass the elfproef, IBANs with their check digits, dates, numbers, amounts ...) are
taken; and a whole page POSTed with arbitrary values never gives a server error and, when it
is refused, shows again what was typed."""

import re
import string
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from loket.forms.fields import FillContext, as_typed, clean, display
from loket.forms.models import Draft
from loket.forms.uploads import checked_content_type

# Quick and repeatable: the same examples on every run, no time limit per example (the
# machine is shared), and database fixtures that are function-scoped on purpose.
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,  # no .hypothesis folder in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CTX = FillContext(today=date(2026, 11, 28))

# One field of each kind, as the form definitions (forms.json) have them.
FIELDS = {
    "text": {"type": "text", "max_length": 50},
    "textarea": {"type": "textarea"},
    "number": {"type": "number", "min": 1, "max": 999},
    "amount": {"type": "amount", "min": 0, "max": 5000},
    "date": {"type": "date", "min": "today-28", "max": "today+365"},
    "choice": {"type": "choice", "choices": [{"value": "ja"}, {"value": "nee"}]},
    "checkbox": {"type": "checkbox"},
    "bsn": {"type": "bsn"},
    "kvk": {"type": "kvk"},
    "iban": {"type": "iban"},
    "email": {"type": "email"},
    "phone": {"type": "phone"},
    "location": {"type": "location"},
}

# What people type, and what they paste by mistake: any Unicode (NUL and control characters
# included), and text built from the characters the checks care about.
typed_text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=string.digits + " -./,€EURNLnl+()@_:", max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    # Numbers as people and machines write them: 1.250,50, -3, 12e3, 1E+40, 0,000001.
    st.from_regex(r"-?\d{1,40}([.,]\d{0,8})?([eE][+-]?\d{1,10})?", fullmatch=True),
)


def assert_clean_or_one_sentence(field: dict, raw) -> None:
    try:
        value = clean(field, raw, CTX)
    except ValidationError as refusal:
        assert len(refusal.messages) == 1
        sentence = refusal.messages[0]
        assert sentence.strip() and sentence.rstrip().endswith(".")
        return
    # What a field takes, the summary, the mails and the page can show again.
    assert isinstance(display(field, value, "nl"), str)
    assert as_typed(field, value) is not None


@PROPERTY
@given(kind=st.sampled_from(sorted(FIELDS)), raw=typed_text)
def test_any_text_in_any_field_is_taken_or_refused_with_one_sentence(kind, raw):
    field = FIELDS[kind]
    if kind == "location":
        assert_clean_or_one_sentence(field, {"lat": raw, "lon": raw[::-1]})
    else:
        assert_clean_or_one_sentence(field, raw.strip())


@pytest.mark.django_db
@PROPERTY
@given(postcode=typed_text, number=typed_text, addition=typed_text)
def test_any_address_is_found_or_refused_with_one_sentence(postcode, number, addition):
    field = {"type": "address"}
    raw = {"postcode": postcode.strip(), "house_number": number.strip(), "addition": addition}
    assert_clean_or_one_sentence(field, raw)


# --- valid values are taken ------------------------------------------------------------------


@st.composite
def bsns(draw) -> str:
    """Nine digits that pass the elfproef: 9·d1 + 8·d2 + … + 2·d8 - d9 is a multiple of 11."""
    digits = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    total = sum(weight * digit for weight, digit in zip(range(9, 1, -1), digits, strict=True))
    last = total % 11
    assume(last < 10 and (digits[0] or digits[1]))  # a check digit; not 00…
    return "".join(map(str, digits)) + str(last)


@st.composite
def dutch_ibans(draw) -> str:
    """NL, the check digits of ISO 13616 (mod 97), a bank code and ten digits."""
    bank = draw(st.sampled_from(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ"]))
    account = draw(st.text(alphabet=string.digits, min_size=10, max_size=10))
    numeric = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    check = 98 - int(numeric) % 97
    return f"NL{check:02d}{bank}{account}"


@pytest.mark.parametrize("raw", ["1E+30", "9" * 40, "1e999999999", "Infinity", "sNaN"])
def test_an_amount_too_large_for_cents_is_refused_with_a_sentence(raw):
    # Found by the property above: Decimal's quantize raised InvalidOperation, a 500.
    with pytest.raises(ValidationError) as refusal:
        clean(FIELDS["amount"], raw, CTX)
    assert refusal.value.messages[0].startswith("Vul een bedrag in euro")


@PROPERTY
@given(bsn=bsns())
def test_every_bsn_that_passes_the_elfproef_is_taken(bsn):
    assert clean(FIELDS["bsn"], bsn, CTX) == bsn
    # One digit changed (not the same, not 0↔9 apart by 11) breaks the elfproef.
    changed = bsn[:4] + str((int(bsn[4]) + 1) % 10) + bsn[5:]
    with pytest.raises(ValidationError):
        clean(FIELDS["bsn"], changed, CTX)


@PROPERTY
@given(iban=dutch_ibans(), spaced=st.booleans())
def test_every_iban_with_right_check_digits_is_taken(iban, spaced):
    raw = " ".join(re.findall(".{1,4}", iban)) if spaced else iban
    assert clean(FIELDS["iban"], raw, CTX) == iban
    assert display(FIELDS["iban"], iban).replace(" ", "") == iban


@PROPERTY
@given(day=st.dates(min_value=date(2026, 10, 31), max_value=date(2027, 11, 28)))
def test_every_date_within_its_limits_is_taken_as_people_write_it(day):
    expected = day.isoformat()
    for written in (day.strftime("%d-%m-%Y"), f"{day.day}/{day.month}/{day.year}", expected):
        assert clean(FIELDS["date"], written, CTX) == expected
    assert clean(FIELDS["date"], as_typed(FIELDS["date"], expected), CTX) == expected


@PROPERTY
@given(number=st.integers(1, 999))
def test_every_whole_number_within_its_limits_is_taken(number):
    assert clean(FIELDS["number"], str(number), CTX) == number
    assert clean(FIELDS["number"], f" {number} ", CTX) == number


@PROPERTY
@given(cents=st.integers(0, 500_000))
def test_every_amount_in_euros_is_taken_as_people_write_it(cents):
    amount = Decimal(cents) / 100
    dutch = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    for written in (dutch, f"€ {dutch}", f"{amount:.2f}"):
        assert clean(FIELDS["amount"], written, CTX) == f"{amount:.2f}"
    assert clean(FIELDS["amount"], as_typed(FIELDS["amount"], f"{amount:.2f}"), CTX) == (
        f"{amount:.2f}"
    )


@PROPERTY
@given(
    local=st.from_regex(r"[a-z0-9]([a-z0-9._+-]{0,20}[a-z0-9])?", fullmatch=True),
    domain=st.from_regex(r"[a-z0-9]([a-z0-9-]{0,15}[a-z0-9])?", fullmatch=True),
    tld=st.sampled_from(["nl", "com", "org", "frl", "amsterdam"]),
)
def test_every_ordinary_email_address_is_taken(local, domain, tld):
    assume(".." not in local)
    address = f"{local}@{domain}.{tld}"
    assert clean(FIELDS["email"], address, CTX) == address


@PROPERTY
@given(digits=st.text(alphabet=string.digits, min_size=9, max_size=9))
def test_every_dutch_phone_number_and_kvk_number_is_taken(digits):
    assert clean(FIELDS["phone"], "0" + digits, CTX) == "0" + digits
    assert clean(FIELDS["phone"], f"+31 {digits[:1]} {digits[1:]}", CTX) == "+31" + digits
    assume(digits[1:] != "00000000")
    assert clean(FIELDS["kvk"], digits[1:], CTX) == digits[1:]


@PROPERTY
@given(name=st.text(max_size=40), content=st.binary(max_size=200))
def test_any_file_is_taken_or_refused_with_one_sentence(name, content):
    field = {"type": "file", "accept": ["pdf", "jpg", "png", "txt"], "max_size_mb": 1}
    try:
        checked_content_type(field, name, content)
    except ValidationError as refusal:
        assert len(refusal.messages) == 1 and refusal.messages[0].endswith(".")


# --- a whole page through the test client ----------------------------------------------------

page_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=80
)


def start_report(filler):
    return filler.open(reverse("forms:start", args=["melding-openbare-ruimte"]))


@pytest.mark.django_db
@PROPERTY
@given(category=page_text, description=page_text)
def test_a_page_posted_with_any_values_is_never_a_server_error_and_keeps_them(
    filler, category, description
):
    start_report(filler)
    response = filler.post({"categorie": category, "omschrijving": description}).response

    assert response.status_code < 500
    if response.status_code == 400:  # refused: the page again, with what was typed
        html = response.content.decode()
        assert 'id="error-summary"' in html
        kept = description.replace("\x00", "").strip()  # no one types a NUL
        assert escape(kept) in html


@pytest.mark.django_db
def test_a_nul_character_in_a_field_is_dropped_not_a_server_error(filler):
    # Found by the property above on PostgreSQL, which keeps no NUL in the draft's JSON: 500.
    start_report(filler)
    response = filler.post({"categorie": "niet-bestaand", "omschrijving": "Losse\x00 tegel"})

    assert response.response.status_code == 400
    assert "Losse tegel" in filler.html
    assert Draft.objects.get().answers["omschrijving"] == "Losse tegel"


@pytest.mark.django_db
@PROPERTY
@given(lat=page_text, lon=page_text, where=page_text, x=page_text)
def test_the_place_page_posted_with_any_values_is_never_a_server_error(filler, lat, lon, where, x):
    start_report(filler)
    filler.post({"categorie": "stoeptegel", "omschrijving": "Losse tegel."})
    assert "locatie" in filler.html
    response = filler.post(
        {
            "locatie-lat": lat,
            "locatie-lon": lon,
            "locatie_omschrijving": where,
            "locatie-map.x": x,
            "locatie-map.y": x,
        },
        action="map",
    ).response

    assert response.status_code < 500
