"""The resources around a zaak: every operation, with the rules that tie them to the case's
type (zrc-016 .. zrc-020) and to Loket's own objects."""

from datetime import date

import pytest

from loket.cases.models import Case, CaseDocument, Decision
from loket.catalog.models import DecisionType, Property, RoleType
from tests.api.zaken.builders import (
    BASE,
    CRS,
    RSIN,
    allowed_document_type,
    create,
    document,
    document_url,
    first_status,
    other_document_type,
    published_case_type,
    type_url,
    url,
    zaak_body,
)
from tests.api.zaken.test_zaken import invalid, kw

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(zgw, case_type):
    return create(zgw, "zaken", zaak_body(case_type))


def status_body(zaak, status_type, **changes):
    return {
        "zaak": zaak["url"],
        "statustype": type_url("statustypen", status_type),
        "datumStatusGezet": "2026-03-03T10:00:00+01:00",
        **changes,
    }


def role_body(zaak, case_type, **changes):
    return {
        "zaak": zaak["url"],
        "betrokkeneType": "natuurlijk_persoon",
        "roltype": type_url("roltypen", case_type.role_types.get()),
        "roltoelichting": "Aanvrager",
        "betrokkeneIdentificatie": {"inpBsn": "999993653", "geslachtsnaam": "Jansen"},
        **changes,
    }


def test_statussen(zgw, zaak, case_type):
    status = create(zgw, "statussen", status_body(zaak, first_status(case_type)))

    assert status["url"] == url(f"statussen/{status['uuid']}")
    assert status["indicatieLaatstGezetteStatus"] is True
    assert status["zaakinformatieobjecten"] == []
    assert zgw.get(status["url"]).json() == status
    assert zgw.head(status["url"]).status_code == 200
    assert zgw.get(zaak["url"], **CRS).json()["status"] == status["url"]
    listed = zgw.get(f"{BASE}statussen", {"zaak": zaak["url"]}).json()
    assert listed["count"] == 1 and listed["results"] == [status]


def test_a_status_type_of_another_case_type_is_refused(zgw, zaak):  # zrc-016
    other = published_case_type(identification="ANDER")

    response = zgw.post(f"{BASE}statussen", status_body(zaak, first_status(other)), **kw())

    assert invalid(response) == {"statustype": "zaaktype-mismatch"}


def test_the_status_set_last_is_the_zaaks_status(zgw, zaak, case_type):
    first = create(zgw, "statussen", status_body(zaak, first_status(case_type)))
    earlier = create(
        zgw,
        "statussen",
        status_body(zaak, first_status(case_type), datumStatusGezet="2026-03-02T09:00:00Z"),
    )

    assert zgw.get(zaak["url"], **CRS).json()["status"] == first["url"]
    last = zgw.get(f"{BASE}statussen", {"indicatieLaatstGezetteStatus": "true"}).json()
    assert [s["url"] for s in last["results"]] == [first["url"]]
    assert zgw.get(earlier["url"]).json()["indicatieLaatstGezetteStatus"] is False


def test_status_set_by_a_role(zgw, zaak, case_type):
    role = create(zgw, "rollen", role_body(zaak, case_type))
    status = create(
        zgw, "statussen", status_body(zaak, first_status(case_type), gezetdoor=role["url"])
    )

    assert status["gezetdoor"] == role["url"]
    assert zgw.get(role["url"]).json()["statussen"] == [status["url"]]


def test_resultaten(zgw, zaak, case_type):
    result_type = type_url("resultaattypen", case_type.result_types.get())
    result = create(zgw, "resultaten", {"zaak": zaak["url"], "resultaattype": result_type})

    assert result["toelichting"] == ""
    assert zgw.get(zaak["url"], **CRS).json()["resultaat"] == result["url"]
    second = zgw.post(f"{BASE}resultaten", {"zaak": zaak["url"], "resultaattype": result_type})
    assert invalid(second) == {"zaak": "unique"}
    patched = zgw.patch(result["url"], {"toelichting": "Verstrekt aan de balie"}, format="json")
    assert patched.json()["toelichting"] == "Verstrekt aan de balie"
    put = zgw.put(result["url"], {"zaak": zaak["url"], "resultaattype": result_type}, **kw())
    assert put.status_code == 200
    assert zgw.get(f"{BASE}resultaten", {"resultaattype": result_type}).json()["count"] == 1
    assert zgw.delete(result["url"]).status_code == 204
    assert zgw.get(zaak["url"], **CRS).json()["resultaat"] is None


def test_a_result_type_of_another_case_type_is_refused(zgw, zaak):  # zrc-020
    other = published_case_type(identification="ANDER")
    body = {
        "zaak": zaak["url"],
        "resultaattype": type_url("resultaattypen", other.result_types.get()),
    }

    assert invalid(zgw.post(f"{BASE}resultaten", body, **kw())) == {
        "resultaattype": "zaaktype-mismatch"
    }


def test_rollen(zgw, zaak, case_type):
    role = create(zgw, "rollen", role_body(zaak, case_type))

    assert role["omschrijving"] == "Aanvrager" and role["omschrijvingGeneriek"] == "initiator"
    assert role["betrokkeneIdentificatie"] == {"inpBsn": "999993653", "geslachtsnaam": "Jansen"}
    assert zgw.get(role["url"]).json() == role
    # The initiator named by BSN becomes the case's: it shows in the person's Mijn omgeving.
    assert Case.objects.get(uuid=zaak["uuid"]).initiator_bsn == "999993653"
    assert zgw.get(zaak["url"], **CRS).json()["rollen"] == [role["url"]]

    found = zgw.get(
        f"{BASE}rollen", {"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999993653"}
    ).json()
    assert found["count"] == 1
    assert zgw.get(f"{BASE}rollen", {"omschrijvingGeneriek": "behandelaar"}).json()["count"] == 0

    assert zgw.delete(role["url"]).status_code == 204
    assert Case.objects.get(uuid=zaak["uuid"]).initiator_bsn == ""


def test_a_role_needs_its_subject_and_a_role_type_of_the_case_type(zgw, zaak, case_type):
    body = role_body(zaak, case_type, betrokkeneIdentificatie=None)
    assert invalid(zgw.post(f"{BASE}rollen", body, **kw())) == {"betrokkene": "invalid-betrokkene"}

    other = RoleType.objects.create(
        case_type=published_case_type(identification="ANDER"), description="X", generic="adviseur"
    )
    body = role_body(zaak, case_type, roltype=type_url("roltypen", other))
    assert invalid(zgw.post(f"{BASE}rollen", body, **kw())) == {"roltype": "zaaktype-mismatch"}

    body = role_body(zaak, case_type, betrokkeneIdentificatie={"inpBsn": "1234567890"})
    assert invalid(zgw.post(f"{BASE}rollen", body, **kw())) == {
        "betrokkeneIdentificatie.inpBsn": "max_length"
    }


def test_zaakobjecten(zgw, zaak, case_type):
    body = {
        "zaak": zaak["url"],
        "objectType": "adres",
        "zaakobjecttype": type_url("zaakobjecttypen", case_type.object_types.get()),
        "relatieomschrijving": "Woonadres",
        "objectIdentificatie": {
            "identificatie": "0344200000123456",
            "wplWoonplaatsNaam": "Utrecht",
            "gorOpenbareRuimteNaam": "Domplein",
            "huisnummer": 1,
            "onbekend": "weg",
        },
    }
    created = create(zgw, "zaakobjecten", body)

    assert "onbekend" not in created["objectIdentificatie"]
    assert zgw.get(created["url"]).json() == created
    assert zgw.get(f"{BASE}zaakobjecten", {"objectType": "adres"}).json()["count"] == 1
    patched = zgw.patch(created["url"], {"relatieomschrijving": "Bouwadres"}, format="json")
    assert patched.json()["relatieomschrijving"] == "Bouwadres"
    put = zgw.put(created["url"], {**body, "relatieomschrijving": "Adres"}, format="json")
    assert put.status_code == 200, put.json()
    assert zgw.delete(created["url"]).status_code == 204

    missing = {**body, "objectIdentificatie": {"identificatie": "1"}}
    assert invalid(zgw.post(f"{BASE}zaakobjecten", missing, format="json")) == {
        "objectIdentificatie.gorOpenbareRuimteNaam": "required",
        "objectIdentificatie.huisnummer": "required",
        "objectIdentificatie.wplWoonplaatsNaam": "required",
    }
    nothing = {"zaak": zaak["url"], "objectType": "pand"}
    assert invalid(zgw.post(f"{BASE}zaakobjecten", nothing, format="json")) == {
        "object": "required"
    }


def test_a_zaakobject_cannot_move_to_another_zaak(zgw, zaak, case_type):
    created = create(
        zgw,
        "zaakobjecten",
        {"zaak": zaak["url"], "objectType": "pand", "object": "https://bag.example.nl/pand/1"},
    )
    other = create(zgw, "zaken", zaak_body(case_type))

    response = zgw.patch(created["url"], {"zaak": other["url"]}, format="json")

    assert invalid(response) == {"zaak": "wijzigen-niet-toegelaten"}


def test_zaakinformatieobjecten(zgw, zaak, case_type):
    doc = document(allowed_document_type(case_type.catalogue))
    status = create(zgw, "statussen", status_body(zaak, first_status(case_type)))
    link = create(
        zgw,
        "zaakinformatieobjecten",
        {"zaak": zaak["url"], "informatieobject": document_url(doc), "status": status["url"]},
    )

    assert link["aardRelatieWeergave"] == "Hoort bij, omgekeerd: kent"  # zrc-004
    assert link["titel"] == "Aanvraagformulier" and link["registratiedatum"]
    assert zgw.get(status["url"]).json()["zaakinformatieobjecten"] == [link["url"]]
    listed = zgw.get(f"{BASE}zaakinformatieobjecten", {"zaak": zaak["url"]}).json()
    assert listed == [link]  # a plain list, as the standard has it
    patched = zgw.patch(
        link["url"],
        {"titel": "Formulier", "vernietigingsdatum": "2030-01-01T00:00:00Z"},
        format="json",
    )
    assert patched.json()["titel"] == "Formulier"

    again = zgw.post(
        f"{BASE}zaakinformatieobjecten",
        {"zaak": zaak["url"], "informatieobject": document_url(doc)},
        format="json",
    )
    assert invalid(again) == {"informatieobject": "unique"}
    other = create(zgw, "zaken", zaak_body(case_type))
    moved = zgw.patch(link["url"], {"zaak": other["url"]}, format="json")
    assert invalid(moved) == {"zaak": "wijzigen-niet-toegelaten"}  # zrc-004
    assert zgw.delete(link["url"]).status_code == 204
    assert not CaseDocument.objects.exists()


def test_a_document_of_a_type_the_case_type_does_not_allow_is_refused(zgw, zaak, case_type):
    doc = document(other_document_type(case_type.catalogue))  # zrc-017

    response = zgw.post(
        f"{BASE}zaakinformatieobjecten",
        {"zaak": zaak["url"], "informatieobject": document_url(doc)},
        format="json",
    )

    assert invalid(response) == {
        "informatieobject": "missing-zaaktype-informatieobjecttype-relation"
    }


def test_the_informatieobject_must_be_a_document_of_loket(zgw, zaak):  # zrc-003
    for wrong, code in [
        ("https://documenten.elders.nl/api/v1/enkelvoudiginformatieobjecten/"
         "6f1ea2b2-0000-4000-8000-000000000000", "bad-url"),
        ("http://testserver/documenten/api/v1/enkelvoudiginformatieobjecten/"
         "6f1ea2b2-0000-4000-8000-000000000000", "does_not_exist"),
    ]:  # fmt: skip
        response = zgw.post(
            f"{BASE}zaakinformatieobjecten",
            {"zaak": zaak["url"], "informatieobject": wrong},
            format="json",
        )
        assert invalid(response) == {"informatieobject": code}


def test_zaakeigenschappen(zgw, zaak, case_type):
    prop = case_type.properties.get()
    base = f"{zaak['url']}/zaakeigenschappen"
    body = {
        "zaak": zaak["url"],
        "eigenschap": type_url("eigenschappen", prop),
        "waarde": "2026-03-01",
    }
    value = create(zgw, f"zaken/{zaak['uuid']}/zaakeigenschappen", body)

    assert value["url"] == f"{base}/{value['uuid']}" and value["naam"] == "ontvangen"
    assert zgw.get(base).json() == [value]
    assert zgw.get(value["url"]).json() == value and zgw.head(value["url"]).status_code == 200
    assert zgw.get(zaak["url"], **CRS).json()["eigenschappen"] == [value["url"]]
    assert zgw.patch(value["url"], {"waarde": "2026-03-04"}, format="json").json()["waarde"] == (
        "2026-03-04"
    )
    assert zgw.put(value["url"], body, format="json").status_code == 200
    assert zgw.delete(value["url"]).status_code == 204

    other = Property.objects.create(
        case_type=published_case_type(identification="ANDER"),
        name="x",
        definition="x",
        format="tekst",
        length=5,
    )
    wrong = {**body, "eigenschap": type_url("eigenschappen", other)}
    assert invalid(zgw.post(base, wrong, format="json")) == {"eigenschap": "zaaktype-mismatch"}
    other_zaak = create(zgw, "zaken", zaak_body(case_type))
    assert invalid(zgw.post(base, {**body, "zaak": other_zaak["url"]}, format="json")) == {
        "zaak": "invalid"
    }


def test_klantcontacten(zgw, zaak):
    contact = create(
        zgw,
        "klantcontacten",
        {"zaak": zaak["url"], "datumtijd": "2026-03-02T09:00:00Z", "kanaal": "telefoon"},
    )

    assert len(contact["identificatie"]) == 14
    assert zgw.get(contact["url"]).json() == contact
    assert zgw.get(f"{BASE}klantcontacten", {"zaak": zaak["url"]}).json()["count"] == 1


def test_zaakcontactmomenten_and_zaakverzoeken(zgw, zaak, elsewhere):
    moment = f"{elsewhere}/contactmomenten/api/v1/contactmomenten/c1"
    request = f"{elsewhere}/verzoeken/api/v1/verzoeken/v1"

    linked = create(zgw, "zaakcontactmomenten", {"zaak": zaak["url"], "contactmoment": moment})
    assert zgw.get(linked["url"]).json() == linked
    assert zgw.get(f"{BASE}zaakcontactmomenten", {"contactmoment": moment}).json() == [linked]
    assert zgw.delete(linked["url"]).status_code == 204

    linked = create(zgw, "zaakverzoeken", {"zaak": zaak["url"], "verzoek": request})
    assert zgw.get(f"{BASE}zaakverzoeken", {"zaak": zaak["url"]}).json() == [linked]
    again = zgw.post(f"{BASE}zaakverzoeken", {"zaak": zaak["url"], "verzoek": request})
    assert invalid(again) == {"verzoek": "unique"}
    assert zgw.delete(linked["url"]).status_code == 204

    for resource, field, wrong in [
        ("zaakcontactmomenten", "contactmoment", f"{elsewhere}/other/api/v1/things/t1"),
        ("zaakverzoeken", "verzoek", f"{elsewhere}/verzoeken/api/v1/verzoeken/missing"),
    ]:
        response = zgw.post(f"{BASE}{resource}", {"zaak": zaak["url"], field: wrong})
        assert invalid(response) == {field: "bad-url"}


def test_zaakbesluiten_mirror_the_decisions_own_case(zgw, zaak, case_type):
    decision_type = DecisionType.objects.create(
        catalogue=case_type.catalogue, valid_from=date(2026, 1, 1), description="Besluit"
    )
    decision = Decision.objects.create(
        identification="B-1",
        responsible_organisation=RSIN,
        decision_type=decision_type,
        case=Case.objects.get(uuid=zaak["uuid"]),
        date=date(2026, 3, 5),
        start_date=date(2026, 3, 5),
    )
    loose = Decision.objects.create(
        identification="B-2",
        responsible_organisation=RSIN,
        decision_type=decision_type,
        date=date(2026, 3, 5),
        start_date=date(2026, 3, 5),
    )
    base = f"{zaak['url']}/besluiten"
    besluit = f"http://testserver/besluiten/api/v1/besluiten/{decision.uuid}"

    listed = zgw.get(base).json()
    assert listed == [
        {"url": f"{base}/{decision.uuid}", "uuid": str(decision.uuid), "besluit": besluit}
    ]
    assert zgw.get(f"{base}/{decision.uuid}").json() == listed[0]
    created = zgw.post(base, {"besluit": besluit}, format="json")
    assert created.status_code == 201 and created.json() == listed[0]

    other = zgw.post(base, {"besluit": besluit.replace(str(decision.uuid), str(loose.uuid))})
    assert invalid(other) == {"besluit": "inconsistent-relation"}
    refused = zgw.delete(f"{base}/{decision.uuid}")
    assert invalid(refused) == {"nonFieldErrors": "inconsistent-relation"}
