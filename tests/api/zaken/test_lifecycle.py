"""Closing (zrc-007) with the archive derivation (zrc-021), reopening (zrc-008) and changing
a closed case, each with the scopes the standard asks for."""

from datetime import date

import pytest

from loket.cases.models import Case, DocumentVersion
from tests.api.zaken.builders import (
    BASE,
    CRS,
    allowed_document_type,
    client_with_grants,
    create,
    document,
    document_url,
    end_status,
    first_status,
    type_url,
    zaak_body,
)
from tests.api.zaken.test_parts import role_body, status_body
from tests.api.zaken.test_zaken import invalid

pytestmark = pytest.mark.django_db
CREATE = "zaken.aanmaken"
ADD_STATUS = "zaken.statussen.toevoegen"
REOPEN = "zaken.heropenen"
UPDATE = "zaken.bijwerken"
FORCED = "zaken.geforceerd-bijwerken"
READ = "zaken.lezen"


def close(client, zaak, case_type, at="2026-03-10T10:00:00+01:00"):
    result_type = type_url("resultaattypen", case_type.result_types.get())
    if not zgw_get(client, zaak)["resultaat"]:
        create(client, "resultaten", {"zaak": zaak["url"], "resultaattype": result_type})
    return client.post(
        f"{BASE}statussen", status_body(zaak, end_status(case_type), datumStatusGezet=at)
    )


def zgw_get(client, zaak) -> dict:
    return client.get(zaak["url"], **CRS).json()


def test_closing_derives_the_end_date_and_the_archive_fields(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))

    response = close(zgw, zaak, case_type)

    assert response.status_code == 201, response.json()
    closed = zgw_get(zgw, zaak)
    assert closed["einddatum"] == "2026-03-10"  # from datumStatusGezet (zrc-007)
    assert closed["archiefnominatie"] == "vernietigen"  # from the result type (zrc-021)
    assert closed["archiefactiedatum"] == "2027-03-10"  # einddatum + P1Y
    assert zgw.get(f"{BASE}zaken", {"einddatum__isnull": "false"}, **CRS).json()["count"] == 1


def test_a_case_closes_only_with_a_result(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))

    response = zgw.post(f"{BASE}statussen", status_body(zaak, end_status(case_type)))

    assert invalid(response) == {"zaak": "resultaat-does-not-exist"}


def test_a_case_closes_only_when_usage_rights_of_its_documents_are_known(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))
    doc = document(allowed_document_type(case_type.catalogue))
    create(
        zgw, "zaakinformatieobjecten", {"zaak": zaak["url"], "informatieobject": document_url(doc)}
    )

    assert invalid(close(zgw, zaak, case_type)) == {
        "nonFieldErrors": "indicatiegebruiksrecht-unset"
    }
    DocumentVersion.objects.filter(document=doc).update(usage_rights_indicated=False)
    assert close(zgw, zaak, case_type).status_code == 201


def test_reopening_needs_zaken_heropenen_and_clears_the_closure(zgw, case_type):
    adder = client_with_grants("statussen", ({READ, ADD_STATUS}, case_type, ""))
    reopener = client_with_grants("heropener", ({READ, REOPEN}, case_type, ""))
    zaak = create(zgw, "zaken", zaak_body(case_type))
    close(zgw, zaak, case_type)
    reopen = status_body(zaak, first_status(case_type), datumStatusGezet="2026-03-11T10:00:00Z")

    refused = adder.post(f"{BASE}statussen", reopen)
    assert refused.status_code == 403 and refused.json()["code"] == "zaak-afgesloten"

    assert reopener.post(f"{BASE}statussen", reopen).status_code == 201
    reopened = zgw_get(zgw, zaak)
    assert reopened["einddatum"] is None  # zrc-008
    assert reopened["archiefactiedatum"] is None and reopened["archiefnominatie"] == ""


def test_zaken_aanmaken_sets_only_the_first_status(case_type, zgw):
    creator = client_with_grants("aanmaker", ({READ, CREATE}, case_type, ""))
    zaak = create(creator, "zaken", zaak_body(case_type))
    first = status_body(zaak, first_status(case_type))

    assert creator.post(f"{BASE}statussen", first).status_code == 201
    second = creator.post(f"{BASE}statussen", first)
    assert second.status_code == 403


def test_a_closed_case_changes_only_with_zaken_geforceerd_bijwerken(zgw, case_type):
    updater = client_with_grants("bijwerker", ({READ, UPDATE}, case_type, ""))
    forcer = client_with_grants("corrector", ({READ, FORCED}, case_type, ""))
    zaak = create(zgw, "zaken", zaak_body(case_type))
    assert updater.patch(zaak["url"], {"omschrijving": "Open"}, **CRS).status_code == 200
    close(zgw, zaak, case_type)

    for client, expected in [(updater, 403), (forcer, 200)]:
        response = client.patch(zaak["url"], {"omschrijving": "Correctie"}, **CRS)
        assert response.status_code == expected
    assert updater.post(f"{BASE}rollen", role_body(zaak, case_type)).status_code == 403
    assert forcer.post(f"{BASE}rollen", role_body(zaak, case_type)).status_code == 201
    result = zgw_get(zgw, zaak)["resultaat"]
    assert updater.patch(result, {"toelichting": "x"}).status_code == 403
    assert forcer.patch(result, {"toelichting": "x"}).status_code == 200


def test_archive_status_after_closing(zgw, case_type):  # zrc-022
    zaak = create(zgw, "zaken", zaak_body(case_type))
    doc = document(
        allowed_document_type(case_type.catalogue),
        usage_rights_indicated=False,
        status="definitief",
    )
    create(
        zgw, "zaakinformatieobjecten", {"zaak": zaak["url"], "informatieobject": document_url(doc)}
    )
    close(zgw, zaak, case_type)

    response = zgw.patch(zaak["url"], {"archiefstatus": "gearchiveerd"}, **CRS)
    assert invalid(response) == {"archiefstatus": "documents-not-archived"}

    DocumentVersion.objects.filter(document=doc).update(status="gearchiveerd")
    archived = zgw.patch(zaak["url"], {"archiefstatus": "gearchiveerd"}, **CRS)
    assert archived.status_code == 200 and archived.json()["archiefstatus"] == "gearchiveerd"
    found = zgw.get(
        f"{BASE}zaken",
        {"archiefstatus": "gearchiveerd", "archiefactiedatum__lt": "2028-01-01"},
        **CRS,
    ).json()
    assert found["count"] == 1


def test_archive_date_from_a_property(zgw, case_type):
    result_type = case_type.result_types.get()
    result_type.archive_date_basis = "eigenschap"
    result_type.archive_date_property = "ontvangen"
    result_type.save()
    zaak = create(zgw, "zaken", zaak_body(case_type))
    create(
        zgw,
        f"zaken/{zaak['uuid']}/zaakeigenschappen",
        {
            "zaak": zaak["url"],
            "eigenschap": type_url("eigenschappen", case_type.properties.get()),
            "waarde": "2026-02-15",
        },
    )

    close(zgw, zaak, case_type)

    assert Case.objects.get(uuid=zaak["uuid"]).archive_date == date(2027, 2, 15)
