"""Zaken: create, read, change, destroy, with the rules on a case's own fields (zrc-001 ..
zrc-015, zrc-023), ETag and HEAD, and the coordinate system headers."""

from datetime import date

import pytest

from loket.cases.models import AuditEntry, Case, Decision, Role
from loket.cases.services import record_result, set_status
from loket.catalog.models import DecisionType
from tests.api.zaken.builders import (
    BASE,
    CRS,
    PRODUCT,
    RSIN,
    channel,
    create,
    end_status,
    first_status,
    published_case_type,
    type_url,
    url,
    zaak_body,
)
from tests.catalog.factories import make_case_type

pytestmark = pytest.mark.django_db


def invalid(response) -> dict[str, str]:
    """``{name: code}`` of a 400's invalidParams."""
    assert response.status_code == 400, response.json()
    return {p["name"]: p["code"] for p in response.json()["invalidParams"]}


def test_create_read_and_list_a_zaak(zgw, case_type):
    zaak = create(
        zgw,
        "zaken",
        zaak_body(
            case_type,
            productenOfDiensten=[PRODUCT],
            communicatiekanaal=channel(),
            zaakgeometrie={"type": "Point", "coordinates": [5.12, 52.09]},
            kenmerken=[{"kenmerk": "AB-1", "bron": "Formulieren"}],
            betalingsindicatie="geheel",
            laatsteBetaaldatum="2026-03-02T10:00:00+01:00",
        ),
    )

    assert zaak["url"] == url(f"zaken/{zaak['uuid']}")
    assert zaak["identificatie"].startswith("ZAAK-2026-")  # zrc-002: generated, unique
    assert zaak["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"  # zrc-009: from the type
    assert zaak["uiterlijkeEinddatumAfdoening"] == "2026-04-27"  # registered + P8W
    assert zaak["opschorting"] == {"indicatie": False, "reden": ""}
    assert zaak["verlenging"] is None
    assert zaak["betalingsindicatieWeergave"].startswith("De met de zaak gemoeide kosten")
    assert zaak["kenmerken"] == [{"kenmerk": "AB-1", "bron": "Formulieren"}]
    assert zaak["zaakgeometrie"] == {"type": "Point", "coordinates": [5.12, 52.09]}
    read = zgw.get(zaak["url"], **CRS)
    assert read.status_code == 200 and read.json() == zaak
    assert read["Content-Crs"] == "EPSG:4326" and read["API-version"] == "1.5.1"
    listed = zgw.get(f"{BASE}zaken", **CRS).json()
    assert listed["count"] == 1 and listed["results"] == [zaak]


def test_a_created_case_answers_as_it_reads_with_every_group_set(zgw, case_type):
    """The answer to a create is rendered from the case as written, not read again."""
    main = create(zgw, "zaken", zaak_body(case_type))
    zaak = create(
        zgw,
        "zaken",
        zaak_body(
            case_type,
            hoofdzaak=main["url"],
            relevanteAndereZaken=[{"url": main["url"], "aardRelatie": "vervolg"}],
            opschorting={"indicatie": True, "reden": "Wacht op de aanvrager"},
            verlenging={"reden": "Drukte", "duur": "P4W"},
            betalingsindicatie="gedeeltelijk",
            laatsteBetaaldatum="2026-03-02T10:00:00+02:00",
            zaakgeometrie={"type": "Point", "coordinates": [5.12, 52.09]},
        ),
    )

    assert zaak["opschorting"]["indicatie"] and zaak["verlenging"]["duur"] == "P4W"
    assert zgw.get(zaak["url"], **CRS).json() == zaak
    trail = zgw.get(f"{zaak['url']}/audittrail").json()
    assert trail[0]["wijzigingen"] == {"oud": None, "nieuw": zaak}


def test_the_response_of_a_create_has_its_location(zgw, case_type):
    response = zgw.post(f"{BASE}zaken", zaak_body(case_type), format="json", **CRS)

    assert response.status_code == 201
    assert response["Location"] == response.json()["url"]


def test_a_given_identification_is_unique_per_source_organisation(zgw, case_type):  # zrc-002
    create(zgw, "zaken", zaak_body(case_type, identificatie="EXTERN-1"))
    response = zgw.post(
        f"{BASE}zaken", zaak_body(case_type, identificatie="EXTERN-1"), format="json", **CRS
    )

    assert invalid(response) == {"identificatie": "identificatie-niet-uniek"}
    other_source = zaak_body(case_type, identificatie="EXTERN-1", bronorganisatie="001000007")
    assert zgw.post(f"{BASE}zaken", other_source, format="json", **CRS).status_code == 201


def test_the_zaaktype_must_be_a_published_case_type_of_loket(zgw, case_type):  # zrc-001
    draft = make_case_type(identification="CONCEPT")
    cases = [
        (type_url("zaaktypen", draft), "zaaktype-concept"),
        (f"{url('zaken')}/{case_type.uuid}", "bad-url"),  # another kind of resource
        ("http://testserver/catalogi/api/v1/zaaktypen/6f1ea2b2-0000-4000-8000-000000000000",
         "does_not_exist"),
        (f"https://catalogi.elders.nl/api/v1/zaaktypen/{case_type.uuid}", "bad-url"),
        ("geen url", "bad-url"),
    ]  # fmt: skip
    for zaaktype, code in cases:
        response = zgw.post(f"{BASE}zaken", zaak_body(case_type, zaaktype=zaaktype), **kw())
        assert invalid(response) == {"zaaktype": code}, zaaktype


def kw() -> dict:
    return {"format": "json", **CRS}


def test_a_case_type_outside_its_validity_is_refused(zgw):
    case_type = published_case_type(identification="OUD", valid_until=date(2026, 2, 1))

    response = zgw.post(f"{BASE}zaken", zaak_body(case_type), **kw())

    assert invalid(response) == {"zaaktype": "zaaktype-niet-geldig"}


def test_rsin_and_required_fields(zgw, case_type):
    response = zgw.post(f"{BASE}zaken", zaak_body(case_type, bronorganisatie="123456789"), **kw())
    assert invalid(response) == {"bronorganisatie": "invalid"}

    body = zaak_body(case_type)
    del body["startdatum"], body["verantwoordelijkeOrganisatie"]
    assert invalid(zgw.post(f"{BASE}zaken", body, **kw())) == {
        "startdatum": "required",
        "verantwoordelijkeOrganisatie": "required",
    }


@pytest.mark.parametrize("rsin", ["1234", "12345678\U000f5545", "١٢٣٤٥٦٧٨٩", "0" * 10, 0])
def test_an_rsin_that_is_no_nine_digits_is_a_400_not_a_500(zgw, case_type, rsin):
    # Found by schemathesis: the elfproef ran before the pattern and failed on short values.
    body = zaak_body(case_type, bronorganisatie=rsin, verantwoordelijkeOrganisatie=rsin)
    assert invalid(zgw.post(f"{BASE}zaken", body, **kw())) == {
        "bronorganisatie": "invalid",
        "verantwoordelijkeOrganisatie": "invalid",
    }


def test_communicatiekanaal_must_be_a_channel(zgw, case_type, elsewhere):  # zrc-010
    remote = f"{elsewhere}/referentielijsten/api/v1/communicatiekanalen/k1"
    assert create(zgw, "zaken", zaak_body(case_type, communicatiekanaal=remote))

    for wrong in [
        f"{elsewhere}/other/api/v1/things/t1",
        f"{elsewhere}/referentielijsten/api/v1/communicatiekanalen/missing",
        channel().replace("communicatiekanalen", "procestypen"),
    ]:
        response = zgw.post(f"{BASE}zaken", zaak_body(case_type, communicatiekanaal=wrong), **kw())
        assert invalid(response) == {"communicatiekanaal": "bad-url"}, wrong


def test_relevant_other_cases_must_exist(zgw, case_type, elsewhere):  # zrc-011
    local = create(zgw, "zaken", zaak_body(case_type))
    related = [
        {"url": local["url"], "aardRelatie": "vervolg"},
        {"url": f"{elsewhere}/zaken/api/v1/zaken/z1", "aardRelatie": "bijdrage"},
    ]
    zaak = create(zgw, "zaken", zaak_body(case_type, relevanteAndereZaken=related))
    assert zaak["relevanteAndereZaken"] == related

    wrong = [
        *related,
        {"url": f"{elsewhere}/zaken/api/v1/zaken/missing", "aardRelatie": "vervolg"},
        {"url": f"{elsewhere}/other/api/v1/things/t1", "aardRelatie": "vervolg"},
    ]
    response = zgw.post(f"{BASE}zaken", zaak_body(case_type, relevanteAndereZaken=wrong), **kw())
    assert invalid(response) == {
        "relevanteAndereZaken.2": "bad-url",
        "relevanteAndereZaken.3": "bad-url",
    }


def test_main_case_rules(zgw, case_type):  # zrc-013
    main = create(zgw, "zaken", zaak_body(case_type))
    sub = create(zgw, "zaken", zaak_body(case_type, hoofdzaak=main["url"]))
    assert zgw.get(main["url"], **CRS).json()["deelzaken"] == [sub["url"]]

    response = zgw.post(f"{BASE}zaken", zaak_body(case_type, hoofdzaak=sub["url"]), **kw())
    assert invalid(response) == {"hoofdzaak": "deelzaak-als-hoofdzaak"}
    response = zgw.patch(main["url"], {"hoofdzaak": main["url"]}, **kw())
    assert invalid(response) == {"hoofdzaak": "self-forbidden"}
    elsewhere_url = main["url"].replace("testserver", "zaken.elders.nl")
    response = zgw.post(f"{BASE}zaken", zaak_body(case_type, hoofdzaak=elsewhere_url), **kw())
    assert invalid(response) == {"hoofdzaak": "bad-url"}


def test_payment_rules(zgw, case_type):  # zrc-014
    response = zgw.post(
        f"{BASE}zaken",
        zaak_body(case_type, betalingsindicatie="nvt", laatsteBetaaldatum="2026-03-02T10:00:00Z"),
        **kw(),
    )
    assert invalid(response) == {"laatsteBetaaldatum": "betaling-nvt"}

    zaak = create(
        zgw,
        "zaken",
        zaak_body(case_type, betalingsindicatie="geheel", laatsteBetaaldatum="2026-03-02T10:00Z"),
    )
    changed = zgw.patch(zaak["url"], {"betalingsindicatie": "nvt"}, **kw()).json()
    assert changed["laatsteBetaaldatum"] is None


def test_products_must_be_those_of_the_case_type(zgw, case_type):  # zrc-015
    body = zaak_body(case_type, productenOfDiensten=["https://producten.example.nl/anders"])

    assert invalid(zgw.post(f"{BASE}zaken", body, **kw())) == {
        "productenOfDiensten": "invalid-products-services"
    }


def test_selectielijstklasse_must_be_a_selection_list_result(zgw, case_type, settings):
    own = settings.LOKET_REFERENTIELIJSTEN_API
    good = f"{own}resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f"
    assert create(zgw, "zaken", zaak_body(case_type, selectielijstklasse=good))

    wrong = f"{own}procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d"
    response = zgw.post(f"{BASE}zaken", zaak_body(case_type, selectielijstklasse=wrong), **kw())
    assert invalid(response) == {"selectielijstklasse": "bad-url"}


def test_update_and_partial_update(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))

    body = zaak_body(case_type, omschrijving="Gewijzigd", toelichting="Nader bekeken")
    put = zgw.put(zaak["url"], body, **kw())
    assert put.status_code == 200, put.json()
    assert put.json()["omschrijving"] == "Gewijzigd"
    assert put.json()["identificatie"] == zaak["identificatie"]  # kept when not given

    patched = zgw.patch(zaak["url"], {"vertrouwelijkheidaanduiding": "geheim"}, **kw())
    assert patched.json()["vertrouwelijkheidaanduiding"] == "geheim"

    other = published_case_type(identification="ANDER")
    response = zgw.patch(zaak["url"], {"zaaktype": type_url("zaaktypen", other)}, **kw())
    assert invalid(response) == {"zaaktype": "wijzigen-niet-toegelaten"}


def test_changing_the_identification_keeps_it_unique(zgw, case_type):  # zrc-002
    create(zgw, "zaken", zaak_body(case_type, identificatie="BEZET"))
    zaak = create(zgw, "zaken", zaak_body(case_type))

    response = zgw.patch(zaak["url"], {"identificatie": "BEZET"}, **kw())

    assert invalid(response) == {"identificatie": "identificatie-niet-uniek"}


def test_suspension_and_extension_move_the_deadlines(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type, registratiedatum="2026-03-02"))
    assert zaak["uiterlijkeEinddatumAfdoening"] == "2026-04-27"

    extended = zgw.patch(zaak["url"], {"verlenging": {"reden": "Advies", "duur": "P2W"}}, **kw())
    assert extended.json()["verlenging"] == {"reden": "Advies", "duur": "P2W"}
    assert extended.json()["uiterlijkeEinddatumAfdoening"] == "2026-05-11"

    again = zgw.patch(zaak["url"], {"verlenging": {"reden": "Nog eens", "duur": "P1W"}}, **kw())
    assert invalid(again) == {"verlenging": "al-verlengd"}
    reason = zgw.patch(
        zaak["url"], {"verlenging": {"reden": "Extern advies", "duur": "P2W"}}, **kw()
    )
    assert reason.json()["verlenging"]["reden"] == "Extern advies"

    suspended = zgw.patch(
        zaak["url"], {"opschorting": {"indicatie": True, "reden": "Wacht"}}, **kw()
    )
    assert suspended.json()["opschorting"] == {"indicatie": True, "reden": "Wacht"}
    assert Case.objects.get(uuid=zaak["uuid"]).clock_events.filter(kind="suspended").exists()
    resumed = zgw.patch(zaak["url"], {"opschorting": {"indicatie": False, "reden": ""}}, **kw())
    assert resumed.json()["opschorting"]["indicatie"] is False
    unchanged = zgw.patch(zaak["url"], {"opschorting": None, "verlenging": None}, **kw())
    assert unchanged.status_code == 200


def test_extension_beyond_the_case_types_term_is_refused(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))

    response = zgw.patch(zaak["url"], {"verlenging": {"reden": "Lang", "duur": "P8W"}}, **kw())

    assert invalid(response) == {"verlenging.duur": "verlenging-te-lang"}


def test_etag_head_and_if_none_match(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))
    read = zgw.get(zaak["url"], **CRS)
    etag = read["ETag"]

    head = zgw.head(zaak["url"], **CRS)
    assert head.status_code == 200 and head["ETag"] == etag and head.content == b""
    cached = zgw.get(zaak["url"], HTTP_IF_NONE_MATCH=etag, **CRS)
    assert cached.status_code == 304 and cached.content == b""
    assert zgw.get(zaak["url"], HTTP_IF_NONE_MATCH='"other"', **CRS).status_code == 200

    zgw.patch(zaak["url"], {"omschrijving": "Anders"}, **kw())
    assert zgw.get(zaak["url"], HTTP_IF_NONE_MATCH=etag, **CRS).status_code == 200


def test_coordinate_system_headers(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))

    for method, target in [("get", f"{BASE}zaken"), ("get", zaak["url"]), ("head", zaak["url"])]:
        response = getattr(zgw, method)(target)
        assert response.status_code == 412, (method, target)
    missing = zgw.get(zaak["url"])
    assert missing.json()["code"] == "precondition_failed"
    assert zgw.get(zaak["url"], HTTP_ACCEPT_CRS="EPSG:28992").status_code == 406
    no_content_crs = zgw.post(
        f"{BASE}zaken", zaak_body(case_type), format="json", HTTP_ACCEPT_CRS="EPSG:4326"
    )
    assert no_content_crs.status_code == 412
    assert zgw.delete(zaak["url"]).status_code == 412
    # Other resources carry no geometry and need no header.
    assert zgw.get(f"{BASE}statussen").status_code == 200


def test_geometry_must_be_geojson(zgw, case_type):
    body = zaak_body(case_type, zaakgeometrie={"type": "Circle", "coordinates": [1, 2]})

    assert invalid(zgw.post(f"{BASE}zaken", body, **kw())) == {"zaakgeometrie": "invalid-geometry"}


def test_destroying_a_zaak_destroys_all_that_belongs_to_it(zgw, case_type):  # zrc-023
    zaak = create(zgw, "zaken", zaak_body(case_type))
    sub = create(zgw, "zaken", zaak_body(case_type, hoofdzaak=zaak["url"]))
    create(
        zgw,
        "rollen",
        {
            "zaak": zaak["url"],
            "betrokkeneType": "medewerker",
            "roltype": type_url("roltypen", case_type.role_types.get()),
            "roltoelichting": "Behandelaar",
            "betrokkeneIdentificatie": {"identificatie": "m.jansen"},
        },
    )
    create(
        zgw,
        "statussen",
        {
            "zaak": zaak["url"],
            "statustype": type_url("statustypen", first_status(case_type)),
            "datumStatusGezet": "2026-03-02T10:00:00Z",
        },
    )
    assert AuditEntry.objects.filter(main_object_uuid=zaak["uuid"]).count() == 3

    response = zgw.delete(zaak["url"], **CRS)

    assert response.status_code == 204
    assert not Case.objects.filter(uuid__in=[zaak["uuid"], sub["uuid"]]).exists()
    assert not Role.objects.exists()
    assert not AuditEntry.objects.filter(main_object_uuid__in=[zaak["uuid"], sub["uuid"]]).exists()
    assert zgw.get(zaak["url"], **CRS).status_code == 404


def test_a_zaak_with_a_decision_is_not_destroyed(zgw, case_type):
    zaak = create(zgw, "zaken", zaak_body(case_type))
    decision_type = DecisionType.objects.create(
        catalogue=case_type.catalogue, valid_from=date(2026, 1, 1), description="Besluit"
    )
    Decision.objects.create(
        identification="B-1",
        responsible_organisation=RSIN,
        decision_type=decision_type,
        case=Case.objects.get(uuid=zaak["uuid"]),
        date=date(2026, 3, 5),
        start_date=date(2026, 3, 5),
    )

    response = zgw.delete(zaak["url"], **CRS)

    assert invalid(response) == {"nonFieldErrors": "pending-besluit-relation"}


def test_archive_status_needs_the_archive_fields(zgw, case_type):  # zrc-022
    zaak = create(zgw, "zaken", zaak_body(case_type))
    case = Case.objects.get(uuid=zaak["uuid"])
    record_result(case, case_type.result_types.get())
    set_status(case, end_status(case_type), actor="test")

    archived = zgw.patch(zaak["url"], {"archiefstatus": "gearchiveerd"}, **kw())
    assert archived.status_code == 200, archived.json()  # the closure derived both fields

    reopened = create(zgw, "zaken", zaak_body(case_type))
    response = zgw.patch(
        reopened["url"],
        {"archiefstatus": "gearchiveerd", "archiefnominatie": "vernietigen"},
        **kw(),
    )
    assert invalid(response) == {"archiefactiedatum": "archiefactiedatum-not-set"}
    response = zgw.patch(reopened["url"], {"archiefstatus": "overgedragen"}, **kw())
    assert invalid(response) == {"archiefnominatie": "archiefnominatie-not-set"}


def test_a_zaak_as_read_can_be_put_back(zgw, case_type):
    zaak = create(
        zgw,
        "zaken",
        zaak_body(
            case_type, verlenging={"reden": "Advies", "duur": "P1W"}, communicatiekanaal=channel()
        ),
    )

    response = zgw.put(zaak["url"], zgw.get(zaak["url"], **CRS).json(), **kw())

    assert response.status_code == 200, response.json()
    assert response.json() == zaak
