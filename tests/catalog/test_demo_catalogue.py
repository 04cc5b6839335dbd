"""The demo catalogue of Gemeente Voorbeeld: real UPL products and twelve complete case types."""

import pytest

from loket.catalog.demo import load_demo_catalogue
from loket.catalog.models import CaseType, Product
from loket.catalog.references import check_result_fits_process, resultaat
from loket.catalog.search import search_products

pytestmark = pytest.mark.django_db

COMPLETE = {
    "UITTREKSEL-BRP",
    "VERHUIZING",
    "GEBOORTEAANGIFTE",
    "OVERLIJDENSAANGIFTE",
    "HUWELIJK-PARTNERSCHAP",
    "PASPOORT",
    "LEEFBAARHEIDSBUDGET",
    "MELDING-OPENBARE-RUIMTE",
    "PARKEERVERGUNNING",
    "EVENEMENTENVERGUNNING",
    "BEZWAAR-WOZ",
    "KWIJTSCHELDING",
}


@pytest.fixture
def demo_catalogue():
    load_demo_catalogue()


def test_at_least_80_published_products_with_upl_names(demo_catalogue):
    products = Product.objects.published()

    assert products.count() >= 80
    for product in products:
        assert product.upl_name and product.upl_uri.startswith(
            "http://standaarden.overheid.nl/owms/terms/"
        )
        assert product.name_nl and product.name_en and product.description_nl


def test_twelve_complete_published_case_types(demo_catalogue):
    case_types = CaseType.objects.current()

    assert set(case_types.values_list("identification", flat=True)) == COMPLETE
    for case_type in case_types:
        assert case_type.status_types.count() >= 3
        assert case_type.lead_time.startswith("P")
        assert case_type.result_types.exists() and case_type.role_types.exists()
        assert case_type.products.count() == 1
        for result_type in case_type.result_types.all():
            check_result_fits_process(
                result_type.selection_list_class, case_type.selectielijst_procestype
            )
            assert resultaat(result_type.selection_list_class)["waardering"] in {
                "blijvend_bewaren",
                "vernietigen",
            }


def test_loading_twice_adds_nothing(demo_catalogue):
    count = Product.objects.count()

    load_demo_catalogue()

    assert Product.objects.count() == count


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("paspoort", "paspoort"),
        ("reisdocument", "paspoort"),
        ("paspoot", "paspoort"),
        ("uittreksel", "uittreksel-brp"),
        ("verhuizen", "verhuizing-doorgeven"),
        ("kapotte lantaarnpaal", "melding-openbare-ruimte"),
        ("buurtbudget", "leefbaarheidsbudget"),
    ],
)
def test_search_finds_demo_products(demo_catalogue, query, slug):
    assert slug in [p.slug for p in search_products(query)[:3]]
