"""Every operation of the Besluiten API with the standard's fields, status codes and ETag."""

import pytest

from loket.cases.models import Decision, DecisionDocument
from tests.api.besluiten.builders import BASE, RSIN, besluit_body, create

pytestmark = pytest.mark.django_db


def test_create_and_read_a_besluit(zgw, world):
    response = zgw.post(
        f"{BASE}besluiten", besluit_body(world, toelichting="Verleend"), format="json"
    )

    assert response.status_code == 201, response.json()
    created = response.json()
    assert response["Location"] == created["url"]
    assert response["API-version"] == "1.0.2"
    assert created["url"].startswith("http://testserver/besluiten/api/v1/besluiten/")
    assert created == {
        "url": created["url"],
        "identificatie": created["identificatie"],
        "verantwoordelijkeOrganisatie": RSIN,
        "besluittype": world.besluittype,
        "zaak": world.zaak,
        "datum": "2026-03-01",
        "toelichting": "Verleend",
        "bestuursorgaan": "",
        "ingangsdatum": "2026-03-02",
        "vervaldatum": None,
        "vervalreden": "",
        "vervalredenWeergave": "",
        "publicatiedatum": None,
        "verzenddatum": None,
        "uiterlijkeReactiedatum": None,
    }
    assert created["identificatie"].startswith("BESLUIT-")
    read = zgw.get(created["url"])
    assert read.status_code == 200 and read.json() == created
    assert Decision.objects.get().case == world.case


def test_besluit_without_zaak(zgw, world):
    created = create(zgw, "besluiten", besluit_body(world, zaak=""))

    assert created["zaak"] == ""
    assert create(zgw, "besluiten", besluit_body(world, zaak=None))["zaak"] == ""


def test_etag_and_head(zgw, world):
    url = create(zgw, "besluiten", besluit_body(world))["url"]
    response = zgw.get(url)
    etag = response["ETag"]

    assert zgw.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    head = zgw.head(url)
    assert head.status_code == 200 and head["ETag"] == etag and not head.content
    zgw.patch(url, {"toelichting": "Gewijzigd"}, format="json")
    assert zgw.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_put_and_patch(zgw, world):
    created = create(zgw, "besluiten", besluit_body(world))

    body = {
        **created,
        "bestuursorgaan": "College van B&W",
        "vervaldatum": "2027-03-01",
        "vervalreden": "tijdelijk",
        "publicatiedatum": "2026-03-03",
        "verzenddatum": "2026-03-04",
        "uiterlijkeReactiedatum": "2026-04-15",
    }
    put = zgw.put(created["url"], body, format="json")
    assert put.status_code == 200, put.json()
    assert put.json()["vervalredenWeergave"] == "Besluit met tijdelijke werking"
    assert put.json()["uiterlijkeReactiedatum"] == "2026-04-15"

    patch = zgw.patch(created["url"], {"vervalreden": "ingetrokken_overheid"}, format="json")
    assert patch.status_code == 200
    assert patch.json()["vervalredenWeergave"] == "Besluit ingetrokken door overheid"
    assert patch.json()["bestuursorgaan"] == "College van B&W"


def test_delete_besluit_with_its_documents(zgw, world):
    besluit = create(zgw, "besluiten", besluit_body(world))
    create(
        zgw,
        "besluitinformatieobjecten",
        {"besluit": besluit["url"], "informatieobject": world.informatieobject},
    )

    assert zgw.delete(besluit["url"]).status_code == 204

    assert zgw.get(besluit["url"]).status_code == 404
    assert not DecisionDocument.objects.exists()
    assert world.document.__class__.objects.filter(pk=world.document.pk).exists()


def test_besluitinformatieobject_create_read_list_delete(zgw, world):
    besluit = create(zgw, "besluiten", besluit_body(world))
    body = {"besluit": besluit["url"], "informatieobject": world.informatieobject}

    response = zgw.post(f"{BASE}besluitinformatieobjecten", body, format="json")

    assert response.status_code == 201, response.json()
    bio = response.json()
    assert set(bio) == {"url", "besluit", "informatieobject"}
    assert bio["besluit"] == besluit["url"]
    assert bio["informatieobject"] == world.informatieobject
    assert response["Location"] == bio["url"]
    read = zgw.get(bio["url"])
    assert read.json() == bio and read["ETag"]
    listed = zgw.get(f"{BASE}besluitinformatieobjecten")
    assert listed.json() == [bio], "a plain array, as the standard's"
    assert zgw.delete(bio["url"]).status_code == 204
    assert zgw.get(bio["url"]).status_code == 404
    assert zgw.get(f"{BASE}besluitinformatieobjecten").json() == []


def test_unknown_besluit_is_404(zgw, world):
    missing = f"{BASE}besluiten/00000000-0000-4000-8000-000000000000"

    assert zgw.get(missing).status_code == 404
    assert zgw.patch(missing, {}, format="json").status_code == 404
    assert zgw.delete(missing).status_code == 404


def test_options_is_not_an_operation(zgw):
    assert zgw.options(f"{BASE}besluiten").status_code == 405
