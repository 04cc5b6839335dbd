"""A list costs a constant number of queries, whatever the page size and whatever the number
of authorisations the client holds (DESIGN.md: ~1,400 queries for 170 case types elsewhere)."""

import uuid
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.cases import services
from loket.cases.documents import attach_to_case
from tests.api.zaken.builders import (
    BASE,
    CRS,
    allowed_document_type,
    client_with_grants,
    document,
    first_status,
    published_case_type,
    type_url,
    zaak_body,
)

pytestmark = pytest.mark.django_db
READ = frozenset({"zaken.lezen", "audittrails.lezen"})
WRITE = frozenset({"zaken.lezen", "zaken.aanmaken", "zaken.statussen.toevoegen"})
AT = datetime(2026, 3, 3, 10, tzinfo=UTC)


def rich_cases(case_type, count: int) -> list:
    """Cases with every part: roles, statuses, result, values, objects, documents, links."""
    cases = []
    for n in range(count):
        case = services.open_case(case_type, actor="test", identification=f"Q-{uuid.uuid4()}")
        role = services.add_role(
            case,
            case_type.role_types.get(),
            subject_kind="natuurlijk_persoon",
            subject_identification={"inpBsn": "999993653"},
        )
        status = services.set_status(case, first_status(case_type), actor="t", set_by_role=role)
        services.record_result(case, case_type.result_types.get())
        services.add_property_value(case, case_type.properties.get(), value="2026-03-01")
        services.add_case_object(case, object_type="pand", object_url="https://bag.example.nl/1")
        services.add_contact(case, at=AT, channel="balie")
        services.add_contact_moment(case, f"https://cm.example.nl/contactmomenten/{n}")
        services.add_request(case, f"https://vz.example.nl/verzoeken/{n}")
        link = attach_to_case(case, document(allowed_document_type(case_type.catalogue)))
        services.describe_case_document(link, status=status)
        services.open_case(case_type, actor="test", main_case=case)  # a sub case
        cases.append(case)
    return cases


def many_grants(case_type, count: int = 170) -> list:
    """Authorisations on ``count`` case types, one of them the cases' own."""
    others = [
        (READ, type("T", (), {"uuid": uuid.uuid4()})(), "zaakvertrouwelijk")
        for _ in range(count - 1)
    ]
    return [(READ, case_type, "zaakvertrouwelijk"), *others]


def queries_of(client, path: str, params=None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, params or {}, **CRS)
    assert response.status_code == 200, response.json()
    return len(context.captured_queries)


LISTS = [
    ("zaken", {}),
    ("zaken", {"expand": "zaaktype,status.statustype,rollen.roltype,eigenschappen,resultaat"}),
    ("zaken", {"expand": "deelzaken.hoofdzaak,zaakinformatieobjecten.status,zaakobjecten"}),
    ("statussen", {}),
    ("resultaten", {}),
    ("rollen", {}),
    ("zaakobjecten", {}),
    ("zaakinformatieobjecten", {}),
    ("klantcontacten", {}),
    ("zaakcontactmomenten", {}),
    ("zaakverzoeken", {}),
]


@pytest.mark.parametrize(("resource", "params"), LISTS)
def test_list_queries_do_not_grow_with_the_page_or_the_grants(resource, params):
    case_type = published_case_type()
    one_grant = client_with_grants("een", (READ, case_type, "zaakvertrouwelijk"))
    grants_170 = client_with_grants("veel", *many_grants(case_type))
    rich_cases(case_type, 1)
    small = queries_of(one_grant, f"{BASE}{resource}", params)

    rich_cases(case_type, 19)
    large = queries_of(one_grant, f"{BASE}{resource}", params)
    with_170 = queries_of(grants_170, f"{BASE}{resource}", params)

    assert small == large == with_170


def test_a_page_of_zaken_is_a_handful_of_queries():
    case_type = published_case_type()
    client = client_with_grants("veel", *many_grants(case_type))
    rich_cases(case_type, 20)

    # authentication, count, and the page with its status, result and links as subqueries
    assert queries_of(client, f"{BASE}zaken") == 3


@pytest.mark.parametrize("nested", ["zaakeigenschappen", "audittrail", "besluiten"])
def test_nested_lists_do_not_grow(nested):
    case_type = published_case_type()
    client = client_with_grants("veel", *many_grants(case_type))
    case = rich_cases(case_type, 1)[0]
    small = queries_of(client, f"{BASE}zaken/{case.uuid}/{nested}")
    for _ in range(10):
        services.add_property_value(case, case_type.properties.get(), value="x")

    assert queries_of(client, f"{BASE}zaken/{case.uuid}/{nested}") == small


def test_a_zaak_costs_two_queries_to_read():
    case_type = published_case_type()
    client = client_with_grants("veel", *many_grants(case_type))
    case = rich_cases(case_type, 1)[0]

    # the client with its authorisations; the case with its links, status and result
    assert queries_of(client, f"{BASE}zaken/{case.uuid}") == 2


def writes_of(client, resource: str, body: dict) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.post(f"{BASE}{resource}", body, format="json", **CRS)
    assert response.status_code == 201, response.json()
    return len(context.captured_queries)


def test_creating_a_zaak_or_setting_its_status_reads_no_more_than_it_needs():
    case_type = published_case_type()
    client = client_with_grants("schrijver", (WRITE, case_type, "zaakvertrouwelijk"))

    first = writes_of(client, "zaken", zaak_body(case_type))  # also creates the year's counter

    # The client, the zaaktype, the number, the case, its clock event, its event and the
    # subscriptions to it, the audit entry, and the savepoint of the request's transaction (a
    # test runs in a transaction of its own). The created case is answered as it was written,
    # without reading it again.
    assert writes_of(client, "zaken", zaak_body(case_type)) == 10 < first
    zaak = client.get(f"{BASE}zaken", **CRS).json()["results"][0]
    status = {
        "zaak": zaak["url"],
        "statustype": type_url("statustypen", first_status(case_type)),
        "datumStatusGezet": AT.isoformat(),
    }
    assert writes_of(client, "statussen", status) <= 15
