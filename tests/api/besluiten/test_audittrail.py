"""Every write through the API leaves an audit entry; ``besluiten/{uuid}/audittrail`` lists them."""

import pytest

from tests.api.besluiten.builders import BASE, besluit_body, create
from tests.api.common.tokens import client_with

pytestmark = pytest.mark.django_db


def test_audit_trail_of_a_besluit(zgw, world):
    besluit = create(zgw, "besluiten", besluit_body(world))
    zgw.patch(
        besluit["url"], {"toelichting": "Aangevuld"}, format="json", HTTP_X_AUDIT_TOELICHTING="Typo"
    )
    zgw.put(besluit["url"], {**besluit, "toelichting": "Opnieuw"}, format="json")
    bio = create(
        zgw,
        "besluitinformatieobjecten",
        {"besluit": besluit["url"], "informatieobject": world.informatieobject},
    )
    zgw.delete(bio["url"])

    response = zgw.get(f"{besluit['url']}/audittrail")

    assert response.status_code == 200
    trail = response.json()
    assert [(e["actie"], e["resource"]) for e in trail] == [
        ("create", "besluit"),
        ("partial_update", "besluit"),
        ("update", "besluit"),
        ("create", "besluitinformatieobject"),
        ("destroy", "besluitinformatieobject"),
    ]
    created, patched, _put, linked, unlinked = trail
    assert created["bron"] == "brc"
    assert created["applicatieId"] == "besluiten-beheer"
    assert created["hoofdObject"] == besluit["url"]
    assert created["resourceUrl"] == besluit["url"]
    assert created["resourceWeergave"] == besluit["identificatie"]
    assert created["resultaat"] == 201
    assert created["wijzigingen"] == {"oud": None, "nieuw": besluit}
    assert created["actieWeergave"] == "Object aangemaakt"
    assert patched["toelichting"] == "Typo"
    assert patched["wijzigingen"]["oud"]["toelichting"] == ""
    assert patched["wijzigingen"]["nieuw"]["toelichting"] == "Aangevuld"
    assert linked["hoofdObject"] == besluit["url"] and linked["resourceUrl"] == bio["url"]
    assert unlinked["wijzigingen"] == {"oud": bio, "nieuw": None}
    assert unlinked["resultaat"] == 204

    one = zgw.get(f"{besluit['url']}/audittrail/{created['uuid']}")
    assert one.status_code == 200 and one.json() == created and one["ETag"]
    other = "00000000-0000-4000-8000-000000000000"
    assert zgw.get(f"{besluit['url']}/audittrail/{other}").status_code == 404
    assert zgw.get(f"{BASE}besluiten/{other}/audittrail").status_code == 404


def test_a_refused_write_leaves_no_entry(zgw, world):
    besluit = create(zgw, "besluiten", besluit_body(world))

    refused = zgw.patch(besluit["url"], {"identificatie": "ANDERS"}, format="json")

    assert refused.status_code == 400
    assert len(zgw.get(f"{besluit['url']}/audittrail").json()) == 1


def test_audit_trail_needs_audittrails_lezen(zgw, world):
    besluit = create(zgw, "besluiten", besluit_body(world))
    reader = client_with("lezer", scopes=["besluiten.lezen"])

    assert reader.get(f"{besluit['url']}/audittrail").status_code == 403
