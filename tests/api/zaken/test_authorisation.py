"""zrc-006: a client sees and changes only cases of the types its authorisations name, up to
their confidentiality level; each operation needs its scope (zaken-1.5.1-autorisaties.md)."""

import uuid

import pytest

from tests.api.common.tokens import client_with
from tests.api.zaken.builders import (
    BASE,
    CRS,
    client_with_grants,
    create,
    first_status,
    published_case_type,
    type_url,
    zaak_body,
)
from tests.api.zaken.test_parts import role_body, status_body

pytestmark = pytest.mark.django_db
READ = "zaken.lezen"


@pytest.fixture
def permit(db):
    return published_case_type(identification="VERGUNNING")


@pytest.fixture
def cases(zgw, case_type, permit):
    """An open and a secret extract case, and a permit case."""
    return {
        "open": create(zgw, "zaken", zaak_body(case_type, vertrouwelijkheidaanduiding="openbaar")),
        "secret": create(zgw, "zaken", zaak_body(case_type, vertrouwelijkheidaanduiding="geheim")),
        "permit": create(zgw, "zaken", zaak_body(permit)),
    }


def urls(page) -> set[str]:
    return {item["url"] for item in page["results"]}


def test_lists_show_only_the_authorised_types_and_levels(case_type, cases):
    reader = client_with_grants("lezer", ({READ}, case_type, "zaakvertrouwelijk"))

    page = reader.get(f"{BASE}zaken", **CRS).json()

    assert urls(page) == {cases["open"]["url"]} and page["count"] == 1


def test_a_grant_without_a_type_covers_every_type(case_type, cases):
    reader = client_with("alles-lezen", scopes=[READ])

    assert reader.get(f"{BASE}zaken", **CRS).json()["count"] == 3


def test_a_single_case_outside_the_authorisations_is_forbidden(case_type, cases):
    reader = client_with_grants("lezer", ({READ}, case_type, "zaakvertrouwelijk"))

    assert reader.get(cases["open"]["url"], **CRS).status_code == 200
    assert reader.get(cases["secret"]["url"], **CRS).status_code == 403
    assert reader.get(cases["permit"]["url"], **CRS).status_code == 403
    assert reader.get(f"{BASE}zaken/{uuid.uuid4()}", **CRS).status_code == 404


def test_parts_follow_the_authorisation_of_their_case(zgw, case_type, permit, cases):
    own = create(zgw, "statussen", status_body(cases["open"], first_status(case_type)))
    other = create(zgw, "statussen", status_body(cases["permit"], first_status(permit)))
    reader = client_with_grants("lezer", ({READ}, case_type, ""))

    assert urls(reader.get(f"{BASE}statussen").json()) == {own["url"]}
    assert reader.get(other["url"]).status_code == 403
    nested = f"{cases['permit']['url']}/zaakeigenschappen"
    assert reader.get(nested).status_code == 403


def test_each_operation_needs_its_scope(case_type, cases):
    reader = client_with_grants("lezer", ({READ}, case_type, ""))
    body = zaak_body(case_type)

    assert reader.post(f"{BASE}zaken", body, **CRS).status_code == 403
    assert reader.patch(cases["open"]["url"], {"omschrijving": "x"}, **CRS).status_code == 403
    assert reader.delete(cases["open"]["url"], **CRS).status_code == 403
    assert reader.post(f"{BASE}rollen", role_body(cases["open"], case_type)).status_code == 403
    forbidden = reader.post(f"{BASE}statussen", status_body(cases["open"], first_status(case_type)))
    assert forbidden.status_code == 403
    assert forbidden.json()["code"] == "permission_denied"
    assert reader.get(f"{cases['open']['url']}/audittrail").status_code == 403


def test_a_write_on_a_type_the_client_may_only_read_is_forbidden(case_type, permit, cases):
    client = client_with_grants(
        "schrijver",
        ({READ, "zaken.aanmaken", "zaken.bijwerken", "zaken.verwijderen"}, case_type, ""),
        ({READ}, permit, ""),
    )

    assert client.post(f"{BASE}zaken", zaak_body(case_type), **CRS).status_code == 201
    assert client.post(f"{BASE}zaken", zaak_body(permit), **CRS).status_code == 403
    assert client.patch(cases["permit"]["url"], {"omschrijving": "x"}, **CRS).status_code == 403
    assert client.patch(cases["open"]["url"], {"omschrijving": "x"}, **CRS).status_code == 200
    assert client.delete(cases["permit"]["url"], **CRS).status_code == 403
    assert client.delete(cases["open"]["url"], **CRS).status_code == 204


def test_creating_a_case_above_the_clients_level_is_forbidden(case_type):
    creator = client_with_grants("maker", ({READ, "zaken.aanmaken"}, case_type, "intern"))

    too_high = zaak_body(case_type, vertrouwelijkheidaanduiding="geheim")
    assert creator.post(f"{BASE}zaken", too_high, **CRS).status_code == 403
    # Without a level of its own the case takes its type's: zaakvertrouwelijk, above intern.
    assert creator.post(f"{BASE}zaken", zaak_body(case_type), **CRS).status_code == 403
    fitting = zaak_body(case_type, vertrouwelijkheidaanduiding="intern")
    assert creator.post(f"{BASE}zaken", fitting, **CRS).status_code == 201


def test_without_a_token_nothing(case_type, cases):
    from rest_framework.test import APIClient

    response = APIClient().get(f"{BASE}zaken", **CRS)

    assert response.status_code == 401 and response["WWW-Authenticate"]


def test_expanded_cases_are_only_the_authorised_ones(zgw, case_type, permit):
    main = create(zgw, "zaken", zaak_body(permit))
    sub = create(zgw, "zaken", zaak_body(case_type, hoofdzaak=main["url"]))
    reader = client_with_grants("lezer", ({READ}, case_type, ""))

    shown = reader.get(sub["url"], {"expand": "hoofdzaak,zaaktype"}, **CRS).json()

    assert shown["_expand"]["hoofdzaak"] == {}
    assert shown["_expand"]["zaaktype"]["url"] == type_url("zaaktypen", case_type)
