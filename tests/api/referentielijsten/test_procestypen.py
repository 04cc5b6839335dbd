"""procestypen: a plain array of VNG's selectielijst process types, filtered on year."""

from tests.api.referentielijsten.records import API, PROCESTYPE_1


def test_the_list_is_a_plain_array_of_all_procestypen_by_number(client, base):
    response = client.get(f"{API}procestypen")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["API-version"] == "0.6.0"
    procestypen = response.json()
    assert len(procestypen) == 58
    assert [p["nummer"] for p in procestypen] == sorted(p["nummer"] for p in procestypen)
    assert procestypen[0] == {
        "url": f"{base}procestypen/{PROCESTYPE_1}",
        "nummer": 1,
        "jaar": 2017,
        "naam": "Instellen en inrichten organisatie",
        "omschrijving": "Instellen en inrichten organisatie",
        "toelichting": procestypen[0]["toelichting"],
        "procesobject": "De vastgestelde organisatie inrichting",
    }
    assert procestypen[0]["toelichting"].startswith("Dit procestype betreft het instellen")


def test_jaar_filters_on_the_year_of_the_selectielijst(client):
    for year in (2017, 2020):
        procestypen = client.get(f"{API}procestypen", {"jaar": year}).json()

        assert len(procestypen) == 29
        assert {p["jaar"] for p in procestypen} == {year}
    assert client.get(f"{API}procestypen", {"jaar": 1999}).json() == []


def test_a_jaar_that_is_no_number_is_a_validation_error(client):
    response = client.get(f"{API}procestypen", {"jaar": "twintig"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "invalid"
    assert body["status"] == 400
    assert body["invalidParams"] == [
        {"name": "jaar", "code": "invalid", "reason": "Voer een geheel getal in."}
    ]


def test_one_procestype_by_uuid(client, base):
    response = client.get(f"{API}procestypen/{PROCESTYPE_1}")

    assert response.status_code == 200
    assert response.json()["url"] == f"{base}procestypen/{PROCESTYPE_1}"
    assert response.json()["nummer"] == 1


def test_an_unknown_procestype_is_a_404_with_problem_details(client):
    uuid = "00000000-0000-0000-0000-000000000000"
    response = client.get(f"{API}procestypen/{uuid}")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "https://www.rfc-editor.org/rfc/rfc9110#status.404",
        "code": "not_found",
        "title": "Niet gevonden.",
        "status": 404,
        "detail": f"Er is geen procestype met uuid {uuid}.",
        "instance": f"{API}procestypen/{uuid}",
    }


def test_a_malformed_uuid_is_a_404_too(client):
    response = client.get(f"{API}procestypen/not-a-uuid")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_api_is_read_only(client):
    assert client.post(f"{API}procestypen", {}).status_code == 405
    assert client.delete(f"{API}procestypen/{PROCESTYPE_1}").status_code == 405
