"""Lists show each document's latest version, with the standard's filters, pages and ETags."""

import pytest

from loket.api.common.pagination import ZgwPagination
from tests.api.documenten.builders import DOCUMENTS, create_document, invalid

pytestmark = pytest.mark.django_db


def test_list_shows_the_latest_version_of_each_document(drc, document_type):
    first = create_document(drc, document_type, titel="Eerste")
    create_document(drc, document_type, titel="Tweede")
    lock = drc.post(f"{first['url']}/lock").json()["lock"]
    drc.patch(first["url"], {"titel": "Eerste, herzien", "lock": lock}, format="json")

    page = drc.get(DOCUMENTS).json()

    assert page["count"] == 2 and page["next"] is None and page["previous"] is None
    assert [(d["titel"], d["versie"]) for d in page["results"]] == [
        ("Eerste, herzien", 2),
        ("Tweede", 1),
    ]


def test_filters(drc, document_type):
    create_document(drc, document_type, identificatie="A-1", trefwoorden=["paspoort", "aanvraag"])
    create_document(drc, document_type, identificatie="A-2", trefwoorden=["paspoort"])
    create_document(drc, document_type, identificatie="A-1", bronorganisatie="002220647")

    def identifications(**params):
        return sorted(d["identificatie"] for d in drc.get(DOCUMENTS, params).json()["results"])

    assert identifications(identificatie="A-1") == ["A-1", "A-1"]
    assert identifications(bronorganisatie="002220647") == ["A-1"]
    assert identifications(trefwoorden="paspoort") == ["A-1", "A-2"]
    assert identifications(trefwoorden="paspoort,aanvraag") == ["A-1"]


def test_pages_of_the_standard(drc, document_type, monkeypatch):
    monkeypatch.setattr(ZgwPagination, "page_size", 2)
    for n in range(3):
        create_document(drc, document_type, titel=f"Document {n}")

    first = drc.get(DOCUMENTS).json()
    second = drc.get(first["next"]).json()

    assert first["count"] == 3 and len(first["results"]) == 2
    assert first["next"].endswith("?page=2") and first["previous"] is None
    assert [d["titel"] for d in second["results"]] == ["Document 2"]
    assert second["previous"] is not None and second["next"] is None
    assert drc.get(DOCUMENTS, {"page": 9}).status_code == 404


def test_search_by_uuid(drc, document_type):
    wanted = create_document(drc, document_type, identificatie="Z-1")
    create_document(drc, document_type)
    uuid = wanted["url"].rsplit("/", 1)[-1]

    found = drc.post(f"{DOCUMENTS}/_zoek", {"uuid__in": [uuid]}, format="json")

    assert found.status_code == 200
    assert [d["url"] for d in found.json()["results"]] == [wanted["url"]]
    none = drc.post(
        f"{DOCUMENTS}/_zoek", {"uuid__in": [uuid], "identificatie": "ANDERS"}, format="json"
    )
    assert none.json()["count"] == 0
    assert invalid(drc.post(f"{DOCUMENTS}/_zoek", {}, format="json"), "uuid__in")


def test_expand_the_document_type(drc, document_type):
    created = create_document(drc, document_type)

    listed = drc.get(DOCUMENTS, {"expand": "informatieobjecttype"}).json()["results"][0]
    read = drc.get(created["url"], {"expand": "informatieobjecttype"}).json()

    expanded = listed["_expand"]["informatieobjecttype"]
    assert expanded["url"] == created["informatieobjecttype"]
    assert expanded["omschrijving"] == "Bijlage" and expanded["concept"] is False
    assert read["_expand"] == listed["_expand"]
    assert "_expand" not in drc.get(created["url"]).json()
    assert invalid(drc.get(DOCUMENTS, {"expand": "zaak"}), "expand")["code"] == "invalid"


def usage_right_of(client, document: dict) -> str:
    body = {
        "informatieobject": document["url"],
        "startdatum": "2026-03-01T00:00:00Z",
        "omschrijvingVoorwaarden": "Intern",
    }
    return client.post("/documenten/api/v1/gebruiksrechten", body, format="json").json()["url"]


@pytest.mark.parametrize("resource", ["enkelvoudiginformatieobject", "gebruiksrechten"])
def test_etag_head_and_if_none_match(drc, document_type, resource):
    document = create_document(drc, document_type)
    url = (
        document["url"]
        if resource == "enkelvoudiginformatieobject"
        else usage_right_of(drc, document)
    )

    etag = drc.get(url)["ETag"]

    assert etag.startswith('"') and len(etag) > 10
    cached = drc.get(url, HTTP_IF_NONE_MATCH=etag)
    assert cached.status_code == 304 and cached.content == b"" and cached["ETag"] == etag
    assert drc.get(url, HTTP_IF_NONE_MATCH=f'"other", {etag}').status_code == 304
    head = drc.head(url)
    assert head.status_code == 200 and head["ETag"] == etag and head.content == b""
    assert drc.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
