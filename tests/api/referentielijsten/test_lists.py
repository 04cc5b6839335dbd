"""resultaattypeomschrijvingen (a plain array) and communicatiekanalen (paginated)."""

import uuid

from tests.api.referentielijsten.records import API, TOEGEKEND


def test_resultaattypeomschrijvingen_are_a_plain_array(client, base):
    response = client.get(f"{API}resultaattypeomschrijvingen")

    assert response.status_code == 200
    omschrijvingen = response.json()
    assert [o["omschrijving"] for o in omschrijvingen] == ["Toegekend", "Afgewezen", "Ingetrokken"]
    assert omschrijvingen[0] == {
        "url": f"{base}resultaattypeomschrijvingen/{TOEGEKEND}",
        "omschrijving": "Toegekend",
        "definitie": "Dit is testdata",
        "opmerking": "Dit is testdata",
    }


def test_one_resultaattypeomschrijving_by_uuid(client, base):
    response = client.get(f"{API}resultaattypeomschrijvingen/{TOEGEKEND}")

    assert response.status_code == 200
    assert response.json()["url"] == f"{base}resultaattypeomschrijvingen/{TOEGEKEND}"


def test_an_unknown_resultaattypeomschrijving_is_a_404(client):
    response = client.get(f"{API}resultaattypeomschrijvingen/{uuid.uuid4()}")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_communicatiekanalen_are_the_usual_dutch_channels_on_one_page(client):
    response = client.get(f"{API}communicatiekanalen")

    assert response.status_code == 200
    page = response.json()
    assert (page["count"], page["next"], page["previous"]) == (7, None, None)
    assert [k["naam"] for k in page["results"]] == [
        "E-mail",
        "Telefoon",
        "Balie",
        "Post",
        "Website",
        "Social media",
        "Chat",
    ]
    assert all(set(k) == {"url", "naam", "omschrijving"} for k in page["results"])


def test_communicatiekanaal_ids_are_stable_uuid5s(client, base):
    kanalen = client.get(f"{API}communicatiekanalen").json()["results"]

    for kanaal in kanalen:
        name = f"urn:loket:communicatiekanaal:{kanaal['naam'].lower()}"
        expected = uuid.uuid5(uuid.NAMESPACE_URL, name)
        assert kanaal["url"] == f"{base}communicatiekanalen/{expected}"
        assert client.get(f"{API}communicatiekanalen/{expected}").json() == kanaal


def test_an_unknown_communicatiekanaal_is_a_404(client):
    response = client.get(f"{API}communicatiekanalen/{uuid.uuid4()}")

    assert response.status_code == 404
    assert response.json()["detail"].startswith("Er is geen communicatiekanaal met uuid")
