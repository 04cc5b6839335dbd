"""The public product pages: A to Z index, search and product page."""

import pytest
from django.urls import reverse

from loket.catalog.models import ProductCost
from tests.catalog.factories import make_product

pytestmark = pytest.mark.django_db


def test_index_groups_published_products_by_letter(client):
    make_product("afval", "Afvalcontainer aanvragen")
    make_product("rijbewijs", "Rijbewijs aanvragen")
    make_product("concept", "Rommelmarkt", published=False)

    html = client.get(reverse("portal:product-index")).content.decode()

    assert 'id="letter-A"' in html and 'id="letter-R"' in html
    assert "Afvalcontainer aanvragen" in html and "Rijbewijs aanvragen" in html
    assert "Rommelmarkt" not in html


def test_search_page_lists_hits_and_keeps_the_query(client):
    make_product("reisdocument", "Reisdocument aanvragen", synonyms=["paspoort"])

    html = client.get(reverse("portal:product-search"), {"q": "paspoot"}).content.decode()

    assert "1 resultaat voor “paspoot”" in html
    assert 'value="paspoot"' in html
    assert "Reisdocument aanvragen" in html


def test_search_without_hits_says_what_to_do(client):
    html = client.get(reverse("portal:product-search"), {"q": "xyzzy"}).content.decode()

    assert "0 resultaten" in html
    assert "Probeer een ander woord" in html


def test_product_page_shows_route_costs_and_conditions(client):
    product = make_product(
        "paspoort",
        "Paspoort aanvragen",
        apply_routes=["appointment"],
        conditions_nl="U hebt de Nederlandse nationaliteit.",
        legal_basis=[{"title": "Paspoortwet", "url": "https://wetten.overheid.nl/BWBR0005212"}],
    )
    ProductCost.objects.create(product=product, label_nl="Paspoort volwassene", amount="84.00")

    html = client.get(reverse("portal:product-detail", args=["paspoort"])).content.decode()

    assert '<h1 class="utrecht-heading-1">Paspoort aanvragen</h1>' in html
    assert "Afspraak maken" in html
    assert "U hebt de Nederlandse nationaliteit." in html
    assert "€ 84,00" in html
    assert "Paspoortwet" in html


def test_unpublished_product_page_is_not_found(client):
    make_product("concept", "Concept", published=False)

    assert client.get(reverse("portal:product-detail", args=["concept"])).status_code == 404


def test_product_page_in_english_falls_back_to_dutch_where_untranslated(client):
    make_product("hond", "Hondenbelasting", name_en="Dog tax")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    html = client.get(reverse("portal:product-detail", args=["hond"])).content.decode()

    assert "Dog tax" in html
    assert "Samenvatting van Hondenbelasting." in html


def test_a_product_with_an_online_form_has_the_direct_regelen_button(client):
    from loket.forms.services import save_definition

    online = make_product("melding", "Melding openbare ruimte")
    counter = make_product("rijbewijs", "Rijbewijs aanvragen")
    concept = make_product("concept-form", "Nog niet online")
    schema = {
        "steps": [
            {
                "key": "melding",
                "title": {"nl": "Melding"},
                "fields": [{"key": "wat", "type": "text", "label": {"nl": "Wat"}}],
            }
        ]
    }
    save_definition(online, login="none", schema=schema)
    save_definition(concept, login="none", schema=schema, publish=False)

    page = client.get(reverse("portal:product-detail", args=[online.slug])).content.decode()
    assert "Direct regelen" in page
    assert f'href="{reverse("forms:start", args=[online.slug])}"' in page
    for other in (counter, concept):
        page = client.get(reverse("portal:product-detail", args=[other.slug])).content.decode()
        assert "Direct regelen" not in page
