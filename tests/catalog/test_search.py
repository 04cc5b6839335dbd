"""Product search finds what people type: synonyms, both languages, typos."""

import pytest

from loket.catalog.search import search_products
from tests.catalog.factories import make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return {
        "travel": make_product(
            "reisdocument",
            "Reisdocument aanvragen",
            synonyms=["paspoort", "identiteitskaart"],
            name_en="Apply for a travel document",
        ),
        "extract": make_product(
            "uittreksel-brp", "Uittreksel BRP aanvragen", synonyms=["uittreksel GBA"]
        ),
        "moving": make_product("verhuizing", "Verhuizing doorgeven", synonyms=["adreswijziging"]),
        "hidden": make_product("verborgen", "Paspoort verborgen", published=False),
    }


def test_synonym_finds_the_product(catalogue):
    assert search_products("paspoort") == [catalogue["travel"]]


def test_a_typo_is_tolerated(catalogue):
    assert search_products("paspoot") == [catalogue["travel"]]
    assert search_products("uitreksel") == [catalogue["extract"]]


def test_words_in_the_name_and_in_english(catalogue):
    assert search_products("verhuizen")[0] == catalogue["moving"]
    assert search_products("travel document") == [catalogue["travel"]]


def test_every_word_must_match_and_unpublished_products_are_never_found(catalogue):
    assert search_products("paspoort verhuizing") == []
    assert catalogue["hidden"] not in search_products("verborgen")


def test_nothing_for_empty_or_stop_words(catalogue):
    assert search_products("") == []
    assert search_products("de het een") == []
