"""resultaten: VNG's selectielijst results, paginated by 100 and filtered on procestype."""

from urllib.parse import urlencode

import pytest

from loket.api.referentielijsten import views
from tests.api.referentielijsten.records import (
    API,
    GENERIC_RESULT_1_1,
    PROCESTYPE_1,
    SPECIFIC_RESULT_1_1_1,
)


def test_the_first_page_holds_100_of_346_results(client, base):
    response = client.get(f"{API}resultaten")

    assert response.status_code == 200
    page = response.json()
    assert page["count"] == 346
    assert page["next"] == f"{base}resultaten?page=2"
    assert page["previous"] is None
    assert len(page["results"]) == 100


def test_page_2_links_to_its_neighbours(client, base):
    page = client.get(f"{API}resultaten", {"page": 2}).json()

    assert page["count"] == 346
    assert page["next"] == f"{base}resultaten?page=3"
    assert page["previous"] == f"{base}resultaten"
    assert len(page["results"]) == 100


def test_the_last_page_has_the_rest_and_no_next(client, base):
    page = client.get(f"{API}resultaten", {"page": 4}).json()

    assert page["next"] is None
    assert page["previous"] == f"{base}resultaten?page=3"
    assert len(page["results"]) == 46


def test_the_pages_together_hold_every_result_once(client):
    urls = [
        result["url"]
        for number in range(1, 5)
        for result in client.get(f"{API}resultaten", {"page": number}).json()["results"]
    ]

    assert len(urls) == len(set(urls)) == 346


@pytest.mark.parametrize("page", ["5", "0", "last-but-one"])
def test_a_page_that_does_not_exist_is_a_404(client, page):
    response = client.get(f"{API}resultaten", {"page": page})

    assert response.status_code == 404
    assert response.json()["detail"] == "Ongeldige pagina."


def test_results_come_in_tree_order_generic_before_its_specific_ones(client):
    results = client.get(f"{API}resultaten").json()["results"]

    assert [r["volledigNummer"] for r in results[:4]] == ["1.1", "1.1.1", "1.1.2", "1.1.3"]


def test_proces_type_filters_on_the_procestype_url(client, base):
    procestype_url = f"{base}procestypen/{PROCESTYPE_1}"

    page = client.get(f"{API}resultaten", {"proces_type": procestype_url}).json()

    assert page["count"] == len(page["results"]) > 0
    assert {r["procesType"] for r in page["results"]} == {procestype_url}
    assert all(r["volledigNummer"].startswith("1.") for r in page["results"])


def test_the_page_links_keep_the_filter(client, base, monkeypatch):
    # No procestype has more than 100 results; smaller pages show the links.
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    procestype_url = f"{base}procestypen/{PROCESTYPE_1}"

    page = client.get(f"{API}resultaten", {"proces_type": procestype_url, "page": 2}).json()

    filter_query = urlencode({"proces_type": procestype_url})
    assert page["next"] == f"{base}resultaten?{filter_query}&page=3"
    assert page["previous"] == f"{base}resultaten?{filter_query}"


def test_a_procestype_url_of_no_procestype_matches_nothing(client):
    url = (
        "https://selectielijst.openzaak.nl/api/v1/procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d"
    )

    page = client.get(f"{API}resultaten", {"proces_type": url}).json()

    assert page == {"count": 0, "next": None, "previous": None, "results": []}


def test_a_base_url_on_a_host_without_a_dot_filters_too(client, settings):
    settings.LOKET_REFERENTIELIJSTEN_API = "http://loket:8000/referentielijsten/api/v1/"
    procestype_url = f"{settings.LOKET_REFERENTIELIJSTEN_API}procestypen/{PROCESTYPE_1}"

    response = client.get(f"{API}resultaten", {"proces_type": procestype_url})

    assert response.status_code == 200
    assert response.json()["count"] > 0


def test_a_proces_type_that_is_no_url_is_a_validation_error(client):
    response = client.get(f"{API}resultaten", {"proces_type": "procestype 1"})

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "proces_type"


def test_a_generic_result_in_the_api_shape(client, base):
    result = client.get(f"{API}resultaten/{GENERIC_RESULT_1_1}").json()

    assert result["url"] == f"{base}resultaten/{GENERIC_RESULT_1_1}"
    assert result["procesType"] == f"{base}procestypen/{PROCESTYPE_1}"
    assert result["nummer"] == 1
    assert result["volledigNummer"] == "1.1"
    assert (result["generiek"], result["specifiek"]) == (True, False)
    assert result["naam"] == "Ingericht"
    assert result["herkomst"] == "Risicoanalyse"
    assert result["waardering"] == "vernietigen"
    assert result["procestermijn"] == "nihil"
    assert result["procestermijnWeergave"] == "Nihil"
    assert result["bewaartermijn"] == "P10Y"
    assert result["bedrijfsvoeringEnPersoneel"] is True
    assert result["alleTaakgebieden"] is False
    assert result["procestermijnOpmerking"] == ""


def test_a_specific_result_numbers_under_its_generic_one(client):
    result = client.get(f"{API}resultaten/{SPECIFIC_RESULT_1_1_1}").json()

    assert result["volledigNummer"] == "1.1.1"
    assert (result["generiek"], result["specifiek"]) == (False, True)
    assert result["waardering"] == "blijvend_bewaren"
    assert result["procestermijn"] == ""
    assert result["procestermijnWeergave"] == ""
    assert result["bewaartermijn"] is None


def test_an_unknown_result_is_a_404(client):
    response = client.get(f"{API}resultaten/00000000-0000-0000-0000-000000000000")

    assert response.status_code == 404
    assert response.json()["detail"].startswith("Er is geen resultaat met uuid")
