"""Kanalen: list (filter ``naam``, a plain array), create (unique naam), read."""

import pytest

from loket.notify.models import Channel
from tests.api.notificaties.conftest import BASE, ZAKEN_FILTERS, create

pytestmark = pytest.mark.django_db

KANAAL = {
    "naam": "zaakbehandeling",
    "documentatieLink": "https://zaaksysteem.example.nl/docs/kanalen",
    "filters": ["zaaktype", "bronorganisatie"],
}


def test_create_and_read_a_kanaal(publisher):
    response = publisher.post(f"{BASE}kanaal", KANAAL, format="json")

    assert response.status_code == 201
    created = response.json()
    assert created["url"].startswith("http://testserver/notificaties/api/v1/kanaal/")
    assert response["Location"] == created["url"]
    assert response["API-version"] == "1.0.0"
    assert {key: value for key, value in created.items() if key != "url"} == KANAAL
    channel = Channel.objects.get(name="zaakbehandeling")
    assert channel.filters == ["zaaktype", "bronorganisatie"]
    assert str(channel.uuid) in created["url"]

    read = publisher.get(created["url"])
    assert read.status_code == 200
    assert read.json() == created
    assert read["ETag"]
    assert publisher.get(created["url"], HTTP_IF_NONE_MATCH=read["ETag"]).status_code == 304


def test_only_naam_is_required(publisher):
    created = create(publisher, "kanaal", {"naam": "alleen-een-naam"})

    assert "documentatieLink" not in created  # "" would be no URI, as the spec asks
    assert created["filters"] == []


def test_a_naam_is_unique(publisher, zaken):
    response = publisher.post(f"{BASE}kanaal", {"naam": "zaken"}, format="json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert [(p["name"], p["code"]) for p in body["invalidParams"]] == [("naam", "unique")]
    assert Channel.objects.filter(name="zaken").count() == 1


@pytest.mark.parametrize(
    ("body", "name", "code"),
    [
        ({}, "naam", "required"),
        ({"naam": ""}, "naam", "blank"),
        ({"naam": "x" * 51}, "naam", "max_length"),
        ({"naam": "a", "documentatieLink": "geen-url"}, "documentatieLink", "invalid"),
        ({"naam": "a", "filters": "zaaktype"}, "filters", "not_a_list"),
    ],
)
def test_invalid_kanalen_are_refused(publisher, body, name, code):
    response = publisher.post(f"{BASE}kanaal", body, format="json")

    assert response.status_code == 400
    assert (name, code) in [(p["name"], p["code"]) for p in response.json()["invalidParams"]]


def test_list_is_an_array_filtered_on_naam(publisher, consumer, zaken):
    create(publisher, "kanaal", KANAAL)

    listed = consumer.get(f"{BASE}kanaal")
    assert listed.status_code == 200
    names = [kanaal["naam"] for kanaal in listed.json()]
    assert {"zaken", "zaakbehandeling"} <= set(names)
    assert names == sorted(names)

    only = consumer.get(f"{BASE}kanaal", {"naam": "zaken"}).json()
    assert only == [
        {
            "url": f"http://testserver{BASE}kanaal/{zaken.uuid}",
            "naam": "zaken",
            "filters": ZAKEN_FILTERS,
        }
        | ({"documentatieLink": zaken.documentation_link} if zaken.documentation_link else {})
    ]
    assert consumer.get(f"{BASE}kanaal", {"naam": "bestaat-niet"}).json() == []


def test_unknown_query_parameters_and_unknown_uuids(publisher):
    unknown = publisher.get(f"{BASE}kanaal", {"name": "zaken"})
    assert unknown.status_code == 400
    assert unknown.json()["invalidParams"][0]["code"] == "unknown-parameters"

    missing = publisher.get(f"{BASE}kanaal/0d6f1b4e-9d7c-4f5a-8b3e-2c1d0e9f8a7b")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
