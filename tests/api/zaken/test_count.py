"""The ``count`` of the list of zaken: without filters it is summed from the cases per case type
and confidentiality that database triggers keep (``loket.cases.counts``), and it must equal a
real count of what the client may read, whatever its authorisations and however the cases
were written (the API, the ORM, ``update()``, a rolled-back transaction)."""

import time
import uuid
from datetime import date
from functools import partial

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from loket.api.zaken import queries
from loket.api.zaken.views.zaken import ZaakViewSet
from loket.cases import services
from loket.cases.counts import rebuild
from loket.cases.models import Case, CaseCount
from tests.api.common.tokens import client_with
from tests.api.zaken.builders import (
    BASE,
    CRS,
    client_with_grants,
    create,
    published_case_type,
    type_url,
    zaak_body,
)
from tests.concurrency import at_once, needs_postgres

pytestmark = pytest.mark.django_db
READ = frozenset({"zaken.lezen"})
LEVELS = ["openbaar", "intern", "zaakvertrouwelijk", "geheim"]


@pytest.fixture
def permit(db):
    return published_case_type(identification="VERGUNNING")


@pytest.fixture
def parking(db):
    return published_case_type(identification="PARKEREN")


@pytest.fixture
def cases(zgw, case_type, permit):
    """Cases of two types at several levels, written through the API."""
    return [
        create(zgw, "zaken", zaak_body(kind, vertrouwelijkheidaanduiding=level))
        for kind in (case_type, permit)
        for level in LEVELS
    ]


def kept() -> dict:
    """The counts as the triggers kept them, without the rows that went back to zero."""
    return {
        (row.case_type_id, row.confidentiality): row.cases
        for row in CaseCount.objects.exclude(cases=0)
    }


def counted() -> dict:
    """The cases per case type and confidentiality, counted from scratch."""
    rows = Case.objects.order_by().values("case_type_id", "confidentiality").annotate(n=Count("pk"))
    return {(row["case_type_id"], row["confidentiality"]): row["n"] for row in rows}


def list_count(client) -> int:
    """The count of the unfiltered list, checked to come from the kept counts."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"{BASE}zaken", **CRS)
    assert response.status_code == 200, response.json()
    sql = " ".join(query["sql"] for query in context.captured_queries)
    assert "cases_casecount" in sql and "COUNT(" not in sql.upper()
    return response.json()["count"]


def counted_count(client, **filters) -> int:
    """The count of a list with a filter that leaves every case in: a real COUNT."""
    response = client.get(f"{BASE}zaken", {"ordering": "identificatie", **filters}, **CRS)
    assert response.status_code == 200, response.json()
    return response.json()["count"]


def readable(*grants) -> int:
    """The cases that grants of (case type or None, maximum level) cover, counted here."""
    found = set()
    for case in Case.objects.select_related("case_type"):
        for case_type, level in grants:
            same_type = case_type is None or case_type.pk == case.case_type_id
            if same_type and LEVELS.index(case.confidentiality) <= LEVELS.index(level):
                found.add(case.pk)
    return len(found)


def copy(case: Case, **changes) -> Case:
    case.pk, case.uuid, case.identification = None, uuid.uuid4(), f"KOPIE-{uuid.uuid4().hex[:20]}"
    for name, value in changes.items():
        setattr(case, name, value)
    return case


def test_the_count_is_every_case_for_a_client_with_all_authorisations(zgw, case_type, cases):
    assert list_count(zgw) == Case.objects.count() == counted_count(zgw) == 8
    assert kept() == counted()


def test_the_count_follows_the_grants(zgw, case_type, permit, parking, cases):
    create(zgw, "zaken", zaak_body(parking, vertrouwelijkheidaanduiding="openbaar"))
    clients = {
        "een-type": [(case_type, "zaakvertrouwelijk")],
        "twee-typen": [(case_type, "openbaar"), (permit, "geheim")],
        "overlap": [(case_type, "openbaar"), (case_type, "intern"), (permit, "intern")],
        "elk-type": [(None, "intern")],
        "geen-zaak": [(published_case_type(identification="LEEG"), "geheim")],
    }
    for name, grants in clients.items():
        client = client_with_grants(name, *((READ, kind, level) for kind, level in grants))

        assert list_count(client) == counted_count(client) == readable(*grants), name

    assert list_count(client_with("alles-lezen", scopes=["zaken.lezen"])) == 9
    # A grant of another scope opens nothing to read.
    writer = client_with_grants(
        "schrijver", (READ, case_type, "openbaar"), ({"zaken.aanmaken"}, permit, "geheim")
    )
    assert list_count(writer) == counted_count(writer) == 1


def test_creates_deletes_and_changes_through_the_api_are_counted(zgw, case_type, permit, cases):
    reader = client_with_grants("lezer", (READ, case_type, "intern"))
    assert list_count(reader) == 2

    create(zgw, "zaken", zaak_body(case_type, vertrouwelijkheidaanduiding="openbaar"))
    assert list_count(reader) == 3 and list_count(zgw) == 9

    secret = next(c for c in cases if c["vertrouwelijkheidaanduiding"] == "geheim")
    response = zgw.patch(secret["url"], {"vertrouwelijkheidaanduiding": "intern"}, **CRS)
    assert response.status_code == 200, response.json()
    assert list_count(reader) == 4

    assert zgw.delete(secret["url"], **CRS).status_code == 204
    assert list_count(reader) == 3 and list_count(zgw) == 8
    assert kept() == counted()


def test_writes_through_the_orm_are_counted(zgw, case_type, permit, parking, cases):
    reader = client_with_grants("lezer", (READ, case_type, "intern"), (READ, parking, "geheim"))
    grants = [(case_type, "intern"), (parking, "geheim")]

    services.open_case(case_type, actor="test", confidentiality="openbaar")
    template = Case.objects.filter(case_type=permit).first()
    Case.objects.bulk_create(
        [copy(Case.objects.get(pk=template.pk), case_type=parking) for _ in range(3)]
    )
    assert list_count(reader) == readable(*grants) == 3 + 3

    one = Case.objects.filter(case_type=permit, confidentiality="openbaar").get()
    one.case_type = case_type
    one.save()  # a change of type
    Case.objects.filter(case_type=permit, confidentiality="geheim").update(
        case_type=parking, confidentiality="intern"
    )
    Case.objects.filter(case_type=case_type, confidentiality="zaakvertrouwelijk").update(
        confidentiality="intern"
    )
    Case.objects.filter(case_type=case_type).update(description="changes nothing counted")
    assert list_count(reader) == readable(*grants) == counted_count(reader)

    Case.objects.filter(case_type=parking).delete()
    Case.objects.filter(case_type=case_type, confidentiality="openbaar").first().delete()
    assert list_count(reader) == readable(*grants) == counted_count(reader)
    assert list_count(zgw) == Case.objects.count()
    assert kept() == counted()


def test_a_rolled_back_write_is_not_counted(zgw, case_type, cases):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.open_case(case_type, actor="test")
        Case.objects.all().delete()
        raise RuntimeError

    assert list_count(zgw) == 8 and kept() == counted()


def test_a_filtered_list_counts_its_cases(zgw, case_type, permit, cases):
    reader = client_with_grants("lezer", (READ, case_type, "zaakvertrouwelijk"))
    by_type = {"zaaktype": type_url("zaaktypen", permit)}
    by_level = {"maximaleVertrouwelijkheidaanduiding": "intern"}

    assert zgw.get(f"{BASE}zaken", by_type, **CRS).json()["count"] == 4
    assert zgw.get(f"{BASE}zaken", by_level, **CRS).json()["count"] == 4
    assert reader.get(f"{BASE}zaken", by_type, **CRS).json()["count"] == 0
    assert reader.get(f"{BASE}zaken", by_level, **CRS).json()["count"] == 2
    search = {"zaaktype": type_url("zaaktypen", case_type)}
    response = zgw.post(f"{BASE}zaken/_zoek", search, format="json", **CRS)
    assert response.status_code == 200 and response.json()["count"] == 4


def test_pages_carry_the_count_and_end_where_it_says(zgw, case_type):
    template = services.open_case(case_type, actor="test")
    Case.objects.bulk_create([copy(Case.objects.get(pk=template.pk)) for _ in range(150)])

    first = zgw.get(f"{BASE}zaken", **CRS).json()
    second = zgw.get(f"{BASE}zaken", {"page": 2}, **CRS).json()

    assert first["count"] == second["count"] == 151
    assert len(first["results"]) == 100 and len(second["results"]) == 51
    assert second["next"] is None
    assert zgw.get(f"{BASE}zaken", {"page": 3}, **CRS).status_code == 404


def test_rebuild_counts_what_the_triggers_kept(zgw, case_type, cases):
    before = kept()
    CaseCount.objects.all().delete()

    rebuild()
    assert kept() == before == counted()

    CaseCount.objects.update(cases=0)
    call_command("rebuild_case_counts", stdout=None)
    assert kept() == before
    services.open_case(case_type, actor="test", registered_on=date(2026, 3, 1))  # triggers again
    assert list_count(zgw) == 9


def test_a_list_its_queryset_restricts_is_counted(zgw, cases, monkeypatch):
    """Should the list's queryset itself ever leave cases out, the count is counted."""
    only_open = queries.cases().filter(confidentiality="openbaar")
    monkeypatch.setattr(ZaakViewSet, "get_queryset", lambda self: only_open.all())

    response = zgw.get(f"{BASE}zaken", **CRS)

    assert response.json()["count"] == len(response.json()["results"]) == 2


@pytest.mark.django_db(transaction=True)
def test_writers_at_the_same_time_are_all_counted():
    """Transactions that count into the same row at once (PostgreSQL: one waits at the row
    for the other's commit) lose nothing: new cases, and changes of the level."""
    needs_postgres()
    case_type = published_case_type()
    template = services.open_case(case_type, actor="test", confidentiality="openbaar")
    writers = 4

    def write(n):
        for _case in range(10):
            with transaction.atomic():
                case = copy(Case.objects.get(pk=template.pk))
                case.save()
                if n % 2:
                    Case.objects.filter(pk=case.pk).update(confidentiality="geheim")
                time.sleep(0.005)  # hold the row while the others queue

    assert at_once([partial(write, n) for n in range(writers)]) == [{"result": None}] * writers
    assert (
        kept()
        == counted()
        == {
            (case_type.pk, "openbaar"): 21,
            (case_type.pk, "geheim"): 20,
        }
    )
