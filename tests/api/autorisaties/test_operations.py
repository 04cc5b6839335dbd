"""Every operation of the Autorisaties API: list (clientIds), create, read, consumer, PUT,
PATCH, DELETE, with the standard's field names, pages and ETag."""

import pytest

from loket.identity.models import ApiClient, Application
from tests.api.autorisaties.conftest import BASE, BESLUITTYPE, ZAAKTYPE, applicatie_body, create
from tests.api.common.tokens import client_with

pytestmark = pytest.mark.django_db


def test_create_and_read_an_application(beheer):
    created = create(beheer, applicatie_body())

    assert created["url"].startswith("http://testserver/autorisaties/api/v1/applicaties/")
    assert created["clientIds"] == ["zaaksysteem-zrc", "zaaksysteem-ztc"]
    assert created["label"] == "Zaaksysteem"
    assert created["heeftAlleAutorisaties"] is False
    assert created["autorisaties"] == [
        {
            "component": "zrc",
            "componentWeergave": "Zaken API",
            "scopes": ["zaken.lezen", "zaken.aanmaken"],
            "zaaktype": ZAAKTYPE,
            "maxVertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        },
        {"component": "ztc", "componentWeergave": "Catalogi API", "scopes": ["catalogi.lezen"]},
    ]
    response = beheer.get(created["url"])
    assert response.status_code == 200
    assert response.json() == created
    assert response["API-version"] == "1.0.0"
    assert response["ETag"]
    # The client ids exist, without a secret until the functioneel beheerder sets one.
    assert set(ApiClient.objects.filter(secret="").values_list("client_id", flat=True)) == {
        "zaaksysteem-zrc",
        "zaaksysteem-ztc",
    }


def test_etag_gives_304(beheer):
    url = create(beheer, applicatie_body())["url"]
    etag = beheer.get(url)["ETag"]

    assert beheer.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert beheer.head(url)["ETag"] == etag


def test_brc_authorisation_shows_besluittype_only(beheer):
    body = applicatie_body(
        autorisaties=[
            {
                "component": "brc",
                "scopes": ["besluiten.lezen"],
                "besluittype": BESLUITTYPE,
                "zaaktype": ZAAKTYPE,
            }
        ]
    )

    created = create(beheer, body)

    assert created["autorisaties"] == [
        {
            "component": "brc",
            "componentWeergave": "Besluiten API",
            "scopes": ["besluiten.lezen"],
            "besluittype": BESLUITTYPE,
        }
    ]


def test_all_authorisations(beheer):
    created = create(
        beheer, {"clientIds": ["vertrouwd"], "label": "Vertrouwd", "heeftAlleAutorisaties": True}
    )

    assert created["heeftAlleAutorisaties"] is True
    assert created["autorisaties"] == []


def test_list_is_paged_and_filters_on_client_ids(beheer):
    create(beheer, applicatie_body())
    create(beheer, applicatie_body(clientIds=["ander"], label="Ander"))

    everything = beheer.get(f"{BASE}applicaties").json()
    # The two made here and the one of the client making the calls.
    assert everything["count"] == 3 and everything["next"] is None
    assert {"count", "next", "previous", "results"} == set(everything)

    found = beheer.get(f"{BASE}applicaties", {"clientIds": "ander,zaaksysteem-zrc"}).json()
    assert sorted(a["label"] for a in found["results"]) == ["Ander", "Zaaksysteem"]
    one = beheer.get(f"{BASE}applicaties", {"clientIds": "zaaksysteem-ztc"}).json()
    assert [a["label"] for a in one["results"]] == ["Zaaksysteem"]


def test_list_pages_of_100(beheer):
    for n in range(101):
        client_with(f"app-{n:03d}", scopes=["catalogi.lezen"])

    first = beheer.get(f"{BASE}applicaties").json()
    second = beheer.get(f"{BASE}applicaties", {"page": 2}).json()

    assert first["count"] == 102 and len(first["results"]) == 100
    assert first["next"] == "http://testserver/autorisaties/api/v1/applicaties?page=2"
    assert len(second["results"]) == 2


def test_consumer_finds_the_application_of_a_client_id(beheer):
    created = create(beheer, applicatie_body())

    response = beheer.get(f"{BASE}applicaties/consumer", {"clientId": "zaaksysteem-ztc"})

    assert response.status_code == 200
    assert response.json() == created
    assert beheer.get(f"{BASE}applicaties/consumer", {"clientId": "niemand"}).status_code == 404
    missing = beheer.get(f"{BASE}applicaties/consumer")
    assert missing.status_code == 400
    assert missing.json()["invalidParams"][0]["name"] == "clientId"


def test_put_replaces_label_client_ids_and_authorisations(beheer):
    created = create(beheer, applicatie_body())
    ApiClient.objects.filter(client_id="zaaksysteem-zrc").update(secret="s" * 32)

    body = applicatie_body(
        label="Zaaksysteem 2",
        clientIds=["zaaksysteem-zrc", "zaaksysteem-drc"],
        autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}],
    )
    response = beheer.put(created["url"], body, format="json")

    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["label"] == "Zaaksysteem 2"
    assert data["clientIds"] == ["zaaksysteem-drc", "zaaksysteem-zrc"]
    assert [a["component"] for a in data["autorisaties"]] == ["ztc"]
    # A client id that stays keeps its secret; a dropped one is gone.
    assert ApiClient.objects.get(client_id="zaaksysteem-zrc").secret == "s" * 32
    assert not ApiClient.objects.filter(client_id="zaaksysteem-ztc").exists()


def test_patch_changes_only_what_is_given(beheer):
    created = create(beheer, applicatie_body())

    response = beheer.patch(created["url"], {"label": "Nieuwe naam"}, format="json")

    assert response.status_code == 200
    assert response.json() == {**created, "label": "Nieuwe naam"}

    switched = beheer.patch(
        created["url"], {"heeftAlleAutorisaties": True, "autorisaties": []}, format="json"
    )
    assert switched.status_code == 200, switched.json()
    assert switched.json()["heeftAlleAutorisaties"] is True
    assert switched.json()["autorisaties"] == []


def test_delete_removes_application_clients_and_authorisations(beheer):
    created = create(beheer, applicatie_body())

    assert beheer.delete(created["url"]).status_code == 204

    assert beheer.get(created["url"]).status_code == 404
    assert not Application.objects.filter(label="Zaaksysteem").exists()
    assert not ApiClient.objects.filter(client_id__startswith="zaaksysteem").exists()


def test_reading_needs_autorisaties_lezen_and_writing_bijwerken(lezer):
    assert lezer.get(f"{BASE}applicaties").status_code == 200
    response = lezer.post(f"{BASE}applicaties", applicatie_body(), format="json")
    assert response.status_code == 403
    assert "autorisaties.bijwerken" in response.json()["detail"]
    other = client_with("zaken-client", scopes=["zaken.lezen"])
    assert other.get(f"{BASE}applicaties").status_code == 403


def test_unknown_query_parameter_is_refused(beheer):
    response = beheer.get(f"{BASE}applicaties", {"clientId": "x"})

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "unknown-parameters"


def test_list_costs_constant_queries(beheer, django_assert_num_queries):
    for n in range(30):
        create(beheer, applicatie_body(clientIds=[f"app-{n}"], label=f"App {n}"))

    # client with its authorisations; count, page, clients, authorisations.
    with django_assert_num_queries(5):
        assert beheer.get(f"{BASE}applicaties").status_code == 200
