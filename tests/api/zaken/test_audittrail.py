"""Every write through the Zaken API leaves an audit entry on its case, in the same
transaction; ``/zaken/{uuid}/audittrail`` shows them (audittrails.lezen)."""

import uuid

import pytest

from loket.cases.models import AuditEntry
from tests.api.zaken.builders import BASE, CRS, client_with_grants, create, first_status, zaak_body
from tests.api.zaken.test_parts import role_body, status_body

pytestmark = pytest.mark.django_db


def test_the_audit_trail_of_a_zaak(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))
    zgw.patch(zaak["url"], {"omschrijving": "Gewijzigd"}, HTTP_X_AUDIT_TOELICHTING="Typfout", **CRS)
    role = create(zgw, "rollen", role_body(zaak, case_type))
    zgw.delete(role["url"])

    trail = zgw.get(f"{zaak['url']}/audittrail").json()

    assert [(e["actie"], e["resource"], e["resultaat"]) for e in trail] == [
        ("create", "zaak", 201),
        ("partial_update", "zaak", 200),
        ("create", "rol", 201),
        ("destroy", "rol", 204),
    ]
    assert all(e["hoofdObject"] == zaak["url"] and e["bron"] == "zrc" for e in trail)
    assert trail[0]["wijzigingen"] == {"oud": None, "nieuw": zaak}
    assert trail[1]["wijzigingen"]["oud"]["omschrijving"] == zaak["omschrijving"]
    assert trail[1]["wijzigingen"]["nieuw"]["omschrijving"] == "Gewijzigd"
    assert trail[1]["toelichting"] == "Typfout"
    assert trail[1]["applicatieId"] == "zaken-alles"
    assert trail[3]["resourceUrl"] == role["url"] and trail[3]["wijzigingen"]["nieuw"] is None
    entry = zgw.get(f"{zaak['url']}/audittrail/{trail[2]['uuid']}").json()
    assert entry == trail[2]


def test_a_refused_write_leaves_no_entry(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))

    response = zgw.post(f"{BASE}statussen", status_body(zaak, case_type.status_types.last()))

    assert response.status_code == 400
    assert AuditEntry.objects.filter(resource="status").count() == 0


def test_reading_the_audit_trail_needs_its_scope_for_the_case(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))
    create(zgw, "statussen", status_body(zaak, first_status(case_type)))
    auditor = client_with_grants("auditor", ({"audittrails.lezen"}, case_type, ""))
    reader = client_with_grants("lezer", ({"zaken.lezen"}, case_type, ""))

    assert len(auditor.get(f"{zaak['url']}/audittrail").json()) == 2
    assert reader.get(f"{zaak['url']}/audittrail").status_code == 403
    assert zgw.get(f"{BASE}zaken/{uuid.uuid4()}/audittrail").status_code == 404
