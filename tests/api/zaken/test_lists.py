"""The lists: the standard's filters, ordering, pages of 100, ``expand``, and the search
``POST /zaken/_zoek`` with its geometry."""

import uuid

import pytest

from loket.cases.models import Case
from tests.api.zaken.builders import (
    BASE,
    CRS,
    create,
    first_status,
    published_case_type,
    type_url,
    zaak_body,
)
from tests.api.zaken.test_parts import role_body, status_body
from tests.api.zaken.test_zaken import invalid

pytestmark = pytest.mark.django_db
SQUARE = {  # around the centre of Utrecht
    "type": "Polygon",
    "coordinates": [[[5.0, 52.0], [5.2, 52.0], [5.2, 52.2], [5.0, 52.2], [5.0, 52.0]]],
}


def identifications(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [item["identificatie"] for item in response.json()["results"]]


@pytest.fixture
def three(zgw, case_type):
    """Three cases with different dates, one of another type with a person as initiator."""
    permit = published_case_type(identification="VERGUNNING")
    a = create(zgw, "zaken", zaak_body(case_type, identificatie="A", startdatum="2026-03-01"))
    b = create(
        zgw,
        "zaken",
        zaak_body(
            case_type,
            identificatie="B",
            startdatum="2026-03-05",
            bronorganisatie="001000007",
            zaakgeometrie={"type": "Point", "coordinates": [5.1, 52.1]},
        ),
    )
    c = create(
        zgw,
        "zaken",
        zaak_body(
            permit,
            identificatie="C",
            startdatum="2026-03-09",
            vertrouwelijkheidaanduiding="geheim",
            zaakgeometrie={"type": "Point", "coordinates": [4.9, 52.4]},
        ),
    )
    create(zgw, "rollen", role_body(c, permit))
    return {"A": a, "B": b, "C": c, "permit": permit}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"identificatie": "B"}, ["B"]),
        ({"bronorganisatie": "001000007"}, ["B"]),
        ({"bronorganisatie__in": "001000007,002220647"}, ["A", "B", "C"]),
        ({"startdatum__gte": "2026-03-05"}, ["B", "C"]),
        ({"startdatum__lt": "2026-03-05"}, ["A"]),
        ({"startdatum": "2026-03-09"}, ["C"]),
        ({"einddatum__isnull": "true"}, ["A", "B", "C"]),
        ({"archiefnominatie": "vernietigen"}, []),
        ({"archiefactiedatum__isnull": "true"}, ["A", "B", "C"]),
        ({"archiefstatus__in": "nog_te_archiveren"}, ["A", "B", "C"]),
        ({"maximaleVertrouwelijkheidaanduiding": "zaakvertrouwelijk"}, ["A", "B"]),
        ({"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999993653"}, ["C"]),
        ({"rol__omschrijvingGeneriek": "initiator"}, ["C"]),
        ({"rol__betrokkeneType": "medewerker"}, []),
        ({"ordering": "-startdatum"}, ["C", "B", "A"]),
        ({"ordering": "identificatie"}, ["A", "B", "C"]),
    ],
)
def test_zaken_filters(zgw, three, query, expected):
    response = zgw.get(f"{BASE}zaken", {"ordering": "identificatie", **query}, **CRS)

    assert identifications(response) == expected


def test_filter_by_zaaktype(zgw, three, case_type):
    response = zgw.get(f"{BASE}zaken", {"zaaktype": type_url("zaaktypen", three["permit"])}, **CRS)

    assert identifications(response) == ["C"]
    assert invalid(zgw.get(f"{BASE}zaken", {"zaaktype": "geen-url"}, **CRS)) == {
        "zaaktype": "invalid"
    }


def test_unknown_parameters_and_bad_values_are_refused(zgw, three):
    assert invalid(zgw.get(f"{BASE}zaken", {"bsn": "1"}, **CRS)) == {
        "nonFieldErrors": "unknown-parameters"
    }
    assert invalid(zgw.get(f"{BASE}zaken", {"startdatum": "gisteren"}, **CRS)) == {
        "startdatum": "invalid"
    }


def test_pages_of_100(zgw, case_type):
    case = Case.objects.get(uuid=create(zgw, "zaken", zaak_body(case_type))["uuid"])
    for n in range(100):
        case.pk, case.uuid, case.identification = None, uuid.uuid4(), f"KOPIE-{n}"
        case.save()

    first = zgw.get(f"{BASE}zaken", **CRS).json()
    assert first["count"] == 101 and len(first["results"]) == 100
    assert first["next"] == "http://testserver/zaken/api/v1/zaken?page=2"
    assert first["previous"] is None
    second = zgw.get(first["next"], **CRS).json()
    assert len(second["results"]) == 1 and second["previous"]
    assert zgw.get(f"{BASE}zaken?page=1", **CRS).json() == first
    assert zgw.get(f"{BASE}zaken?page=3", **CRS).status_code == 404


def test_expand_a_zaak(zgw, three, case_type):
    zaak = three["A"]
    status = create(zgw, "statussen", status_body(zaak, first_status(case_type)))
    role = create(zgw, "rollen", role_body(zaak, case_type))
    sub = create(zgw, "zaken", zaak_body(case_type, hoofdzaak=zaak["url"]))

    shown = zgw.get(
        zaak["url"],
        {"expand": "zaaktype, status.statustype, rollen.roltype, deelzaken.hoofdzaak, resultaat"},
        **CRS,
    ).json()

    expanded = shown["_expand"]
    assert expanded["zaaktype"]["identificatie"] == "UITTREKSEL-BRP"
    assert expanded["status"]["url"] == status["url"]
    assert expanded["status"]["_expand"]["statustype"]["omschrijving"] == "Ontvangen"
    assert [r["url"] for r in expanded["rollen"]] == [role["url"]]
    assert expanded["rollen"][0]["_expand"]["roltype"]["omschrijving"] == "Aanvrager"
    assert [d["url"] for d in expanded["deelzaken"]] == [sub["url"]]
    assert expanded["deelzaken"][0]["_expand"]["hoofdzaak"]["url"] == zaak["url"]
    assert expanded["resultaat"] == {}
    listed = zgw.get(f"{BASE}zaken", {"identificatie": "A", "expand": "status"}, **CRS).json()
    assert listed["results"][0]["_expand"]["status"]["url"] == status["url"]
    assert "_expand" not in zgw.get(zaak["url"], **CRS).json()


def test_expand_paths_that_are_no_link_answer_404(zgw, three):  # zrc-025, zrc-027
    for path in ["onzin", "zaaktype.catalogus", "zaakinformatieobjecten.informatieobject"]:
        response = zgw.get(three["A"]["url"], {"expand": path}, **CRS)
        assert response.status_code == 404, path
        assert response.json()["code"] == "invalid-expand"


def test_search_with_a_body(zgw, three):
    response = zgw.post(
        f"{BASE}zaken/_zoek",
        {
            "uuid__in": [three["A"]["uuid"], three["C"]["uuid"]],
            "startdatum__gte": "2026-03-02",
            "ordering": "identificatie",
        },
        **CRS,
    )

    assert identifications(response) == ["C"]
    assert response["Content-Crs"] == "EPSG:4326"
    types = [type_url("zaaktypen", three["permit"])]
    assert identifications(zgw.post(f"{BASE}zaken/_zoek", {"zaaktype__in": types}, **CRS)) == ["C"]


def test_search_within_an_area(zgw, three):
    response = zgw.post(f"{BASE}zaken/_zoek", {"zaakgeometrie": {"within": SQUARE}}, **CRS)

    assert identifications(response) == ["B"]
    point = {"zaakgeometrie": {"within": {"type": "Point", "coordinates": [5, 52]}}}
    assert invalid(zgw.post(f"{BASE}zaken/_zoek", point, **CRS)) == {
        "zaakgeometrie.within": "invalid"
    }


def test_a_geometry_whose_type_is_no_text_is_refused_not_a_crash(zgw, three):
    # Found by the conformance run (bench/conformance.py): {"type": {}} gave a 500.
    area = {"zaakgeometrie": {"within": {"type": {}, "coordinates": []}}}

    response = zgw.post(f"{BASE}zaken/_zoek", area, **CRS)

    assert response.status_code == 400
    assert invalid(response) == {"zaakgeometrie.within": "invalid-geometry"}


def test_search_needs_the_coordinate_system_headers(zgw, three):
    assert zgw.post(f"{BASE}zaken/_zoek", {}, HTTP_ACCEPT_CRS="EPSG:4326").status_code == 412


@pytest.mark.parametrize(
    ("resource", "query"),
    [
        ("statussen", {"statustype": "x"}),
        ("rollen", {"betrokkeneType": "iets"}),
        ("resultaten", {"zaak": "x"}),
    ],
)
def test_bad_filter_values_on_the_parts(zgw, resource, query):
    assert zgw.get(f"{BASE}{resource}", query).status_code == 400
