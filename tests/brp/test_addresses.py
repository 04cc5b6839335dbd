"""The postcode fill-in: what a person types, found in Voorbeeld's address register."""

import pytest
from django.core.exceptions import ValidationError

from loket.brp.addresses import address_for, normalise_postcode, split_addition
from loket.brp.fictional import load_address_register


@pytest.fixture
def addresses(db):
    load_address_register()


@pytest.mark.parametrize("typed", ["1234AB", "1234 ab", " 1234 Ab ", "1234ab"])
def test_a_postcode_is_written_without_space_in_capitals(typed):
    assert normalise_postcode(typed) == "1234AB"


@pytest.mark.parametrize("typed", ["0123AB", "1234 A", "12345", "1234  AB", "AB1234", ""])
def test_what_is_no_postcode_is_refused_with_an_example(typed):
    with pytest.raises(ValidationError, match="zoals 1234 AB"):
        normalise_postcode(typed)


@pytest.mark.parametrize(
    ("typed", "letter", "addition"),
    [
        ("", "", ""),
        ("a", "A", ""),
        ("A-2", "A", "2"),
        ("b 3", "B", "3"),
        ("-2", "", "2"),
        ("2", "", "2"),
        ("bis", "", "BIS"),
        ("II", "", "II"),
    ],
)
def test_what_follows_the_number_is_a_letter_an_addition_or_both(typed, letter, addition):
    assert split_addition(typed) == (letter, addition)


def test_a_plain_address(addresses):
    address = address_for("1234 ab", 1)

    assert (address.street, address.full_number, address.postcode) == ("Dorpsstraat", "1", "1234AB")
    assert (address.town, address.municipality_code, address.municipality_name) == (
        "Voorbeeld",
        "9999",
        "Voorbeeld",
    )
    assert len(address.identification) == len(address.addressable_object) == 16


def test_an_address_with_a_house_letter_or_an_addition(addresses):
    assert address_for("1234AP", "7", "a").full_number == "7A"
    assert address_for("1235 BA", 12, "-3").full_number == "12-3"
    assert address_for("1234AP", 7).full_number == "7"


def test_an_address_that_is_not_there_is_none(addresses):
    assert address_for("1234AB", 500) is None
    assert address_for("9999ZZ", 1) is None
    assert address_for("1234AB", 1, "Q") is None


@pytest.mark.parametrize("number", [0, -1, 100_000, "twaalf", None])
def test_a_house_number_must_be_a_whole_number_from_1(addresses, number):
    with pytest.raises(ValidationError, match="heel getal van 1 tot en met 99999"):
        address_for("1234AB", number)
