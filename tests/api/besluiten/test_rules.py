"""The rules of besluiten.md, each with the error code a client gets."""

from datetime import date

import pytest
import requests

from loket.api.besluiten import references
from loket.cases.models import Decision
from tests.api.besluiten.builders import (
    BASE,
    RSIN,
    besluit_body,
    besluittype_url,
    create,
    make_decision_type,
    make_document,
    make_document_type,
)
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db


def invalid(response) -> list[tuple[str, str]]:
    assert response.status_code == 400, response.content
    return [(p["name"], p["code"]) for p in response.json()["invalidParams"]]


def post(client, resource: str, body: dict):
    return client.post(f"{BASE}{resource}", body, format="json")


def test_brc_001_besluittype_must_be_published(zgw, world):
    draft = make_decision_type(world.case.case_type, description="Concept", publish=False)

    response = post(zgw, "besluiten", besluit_body(world, besluittype=besluittype_url(draft)))

    assert invalid(response) == [("besluittype", "not-published")]


def test_brc_001_besluittype_must_be_valid_on_the_decision_date(zgw, world):
    response = post(zgw, "besluiten", besluit_body(world, datum="2025-12-31"))

    assert invalid(response) == [("besluittype", "besluittype-niet-geldig")]


def test_brc_001_besluittype_must_be_a_besluittype_of_loket(zgw, world):
    zaaktype = f"http://testserver/catalogi/api/v1/zaaktypen/{world.case.case_type.uuid}"
    unknown = "http://testserver/catalogi/api/v1/besluittypen/00000000-0000-4000-8000-000000000000"

    assert invalid(post(zgw, "besluiten", besluit_body(world, besluittype=zaaktype))) == [
        ("besluittype", "bad-url")
    ]
    assert invalid(post(zgw, "besluiten", besluit_body(world, besluittype=unknown))) == [
        ("besluittype", "does_not_exist")
    ]


def test_brc_001_besluittype_cannot_change(zgw, world):
    created = create(zgw, "besluiten", besluit_body(world))
    other = make_decision_type(world.case.case_type, description="Vergunning geweigerd")

    response = zgw.patch(created["url"], {"besluittype": besluittype_url(other)}, format="json")

    assert invalid(response) == [("besluittype", "wijzigen-niet-toegelaten")]
    # The same value again, as a PUT sends it, is no change.
    assert zgw.put(created["url"], created, format="json").status_code == 200


def test_brc_002_identification_unique_per_organisation(zgw, world):
    create(zgw, "besluiten", besluit_body(world, identificatie="B-1"))

    response = post(zgw, "besluiten", besluit_body(world, identificatie="B-1"))

    assert invalid(response) == [("identificatie", "identificatie-niet-uniek")]
    other_organisation = besluit_body(
        world, identificatie="B-1", verantwoordelijkeOrganisatie="002564440"
    )
    assert post(zgw, "besluiten", other_organisation).status_code == 201


def test_brc_002_identification_is_generated_in_order(zgw, world):
    year = date.today().year
    first = create(zgw, "besluiten", besluit_body(world))["identificatie"]
    create(zgw, "besluiten", besluit_body(world, identificatie=f"BESLUIT-{year}-0000041"))
    after = create(zgw, "besluiten", besluit_body(world))["identificatie"]

    assert first == f"BESLUIT-{year}-0000001"
    assert after == f"BESLUIT-{year}-0000042"


def test_brc_002_identification_and_organisation_cannot_change(zgw, world):
    created = create(zgw, "besluiten", besluit_body(world))

    assert invalid(zgw.patch(created["url"], {"identificatie": "ANDERS"}, format="json")) == [
        ("identificatie", "wijzigen-niet-toegelaten")
    ]
    response = zgw.patch(
        created["url"], {"verantwoordelijkeOrganisatie": "002564440"}, format="json"
    )
    assert invalid(response) == [("verantwoordelijkeOrganisatie", "wijzigen-niet-toegelaten")]


def test_verantwoordelijke_organisatie_is_a_valid_rsin(zgw, world):
    response = post(zgw, "besluiten", besluit_body(world, verantwoordelijkeOrganisatie="123456789"))

    assert invalid(response) == [("verantwoordelijkeOrganisatie", "invalid")]


def test_brc_006_zaak_cannot_change(zgw, world):
    created = create(zgw, "besluiten", besluit_body(world, zaak=""))

    response = zgw.patch(created["url"], {"zaak": world.zaak}, format="json")

    assert invalid(response) == [("zaak", "wijzigen-niet-toegelaten")]


def test_brc_007_besluittype_must_belong_to_the_zaaktype(zgw, world):
    other_case_type = published_case_type(identification="ANDERE-ZAAK")
    foreign = make_decision_type(other_case_type, description="Ander besluit")

    response = post(zgw, "besluiten", besluit_body(world, besluittype=besluittype_url(foreign)))

    assert invalid(response) == [("nonFieldErrors", "zaaktype-mismatch")]
    without_zaak = besluit_body(world, besluittype=besluittype_url(foreign), zaak="")
    assert post(zgw, "besluiten", without_zaak).status_code == 201


def test_zaak_must_be_a_zaak_of_loket(zgw, world):
    unknown = "http://testserver/zaken/api/v1/zaken/00000000-0000-4000-8000-000000000000"
    wrong_kind = f"http://testserver/zaken/api/v1/statussen/{world.case.uuid}"

    assert invalid(post(zgw, "besluiten", besluit_body(world, zaak=unknown))) == [
        ("zaak", "does_not_exist")
    ]
    assert invalid(post(zgw, "besluiten", besluit_body(world, zaak=wrong_kind))) == [
        ("zaak", "bad-url")
    ]
    assert invalid(post(zgw, "besluiten", besluit_body(world, zaak="geen-url"))) == [
        ("zaak", "invalid")
    ]


def test_zaak_on_loket_base_url_is_own(zgw, world, settings):
    settings.LOKET_BASE_URL = "https://loket.voorbeeld.nl"
    zaak = f"https://loket.voorbeeld.nl/zaken/api/v1/zaken/{world.case.uuid}"

    assert create(zgw, "besluiten", besluit_body(world, zaak=zaak))["zaak"] == world.zaak


class FakeResponse:
    def __init__(self, status: int, data):
        self.status_code, self.data = status, data

    def raise_for_status(self):
        if self.status_code >= 400:
            raise requests.HTTPError(f"{self.status_code} Client Error")

    def json(self):
        return self.data


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (FakeResponse(404, {}), "bad-url"),
        (FakeResponse(200, {"url": "x", "naam": "iets anders"}), "invalid-resource"),
        (
            FakeResponse(
                200, {"url": "x", "identificatie": "Z-1", "bronorganisatie": RSIN, "zaaktype": "x"}
            ),
            "remote-not-supported",
        ),
    ],
)
def test_remote_zaak_is_fetched_and_said_what_it_is(zgw, world, monkeypatch, answer, code):
    asked = {}

    def fake_get(url, timeout, headers):
        asked.update(url=url, timeout=timeout)
        return answer

    monkeypatch.setattr(references.requests, "get", fake_get)
    remote = "https://openzaak.example.nl/zaken/api/v1/zaken/0d3f6b5e-4a55-4b43-9d6c-2b1a0e5d9c11"

    response = post(zgw, "besluiten", besluit_body(world, zaak=remote))

    assert invalid(response) == [("zaak", code)]
    assert asked == {"url": remote, "timeout": 10}


def test_own_urls_are_not_fetched(zgw, world, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an own URL must not be fetched over HTTP")

    monkeypatch.setattr(references.requests, "get", refuse)

    besluit = create(zgw, "besluiten", besluit_body(world))
    create(
        zgw,
        "besluitinformatieobjecten",
        {"besluit": besluit["url"], "informatieobject": world.informatieobject},
    )


def test_brc_003_informatieobject_must_exist(zgw, world):
    besluit = create(zgw, "besluiten", besluit_body(world))
    unknown = (
        "http://testserver/documenten/api/v1/enkelvoudiginformatieobjecten/"
        "00000000-0000-4000-8000-000000000000"
    )

    response = post(
        zgw, "besluitinformatieobjecten", {"besluit": besluit["url"], "informatieobject": unknown}
    )

    assert invalid(response) == [("informatieobject", "does_not_exist")]


def test_brc_008_informatieobjecttype_must_be_allowed_by_the_besluittype(zgw, world):
    besluit = create(zgw, "besluiten", besluit_body(world))
    other = make_document(make_document_type("Bijlage"))
    url = f"http://testserver/documenten/api/v1/enkelvoudiginformatieobjecten/{other.uuid}"

    response = post(
        zgw, "besluitinformatieobjecten", {"besluit": besluit["url"], "informatieobject": url}
    )

    assert invalid(response) == [
        ("nonFieldErrors", "missing-besluittype-informatieobjecttype-relation")
    ]


def test_a_document_is_linked_once(zgw, world):
    besluit = create(zgw, "besluiten", besluit_body(world))
    body = {"besluit": besluit["url"], "informatieobject": world.informatieobject}
    create(zgw, "besluitinformatieobjecten", body)

    assert invalid(post(zgw, "besluitinformatieobjecten", body)) == [("nonFieldErrors", "unique")]


def test_brc_009_delete_removes_documents_links_and_audit_trail(zgw, world):
    from loket.cases.models import AuditEntry

    besluit = create(zgw, "besluiten", besluit_body(world))
    create(
        zgw,
        "besluitinformatieobjecten",
        {"besluit": besluit["url"], "informatieobject": world.informatieobject},
    )
    decision = Decision.objects.get()
    assert AuditEntry.objects.filter(main_object_uuid=decision.uuid).count() == 2

    assert zgw.delete(besluit["url"]).status_code == 204

    assert not Decision.objects.exists()
    assert not AuditEntry.objects.filter(main_object_uuid=decision.uuid).exists()


def test_field_formats_are_checked(zgw, world):
    response = post(
        zgw,
        "besluiten",
        {"verantwoordelijkeOrganisatie": "0010000071", "datum": "gisteren", "vervalreden": "x"},
    )

    assert set(invalid(response)) == {
        ("verantwoordelijkeOrganisatie", "max_length"),
        ("besluittype", "required"),
        ("datum", "invalid"),
        ("ingangsdatum", "required"),
        ("vervalreden", "invalid_choice"),
    }
