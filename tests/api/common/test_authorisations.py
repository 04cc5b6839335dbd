"""Grants limit a client to types and confidentiality levels (the Autorisaties API model)."""

from datetime import date

import pytest

from loket.api.common.auth import ApiUser
from loket.api.common.authorisations import Grant, levels_up_to, may, restrict
from loket.cases.models import Case
from loket.cases.services import open_case
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db
BASE = "http://testserver/catalogi/api/v1/zaaktypen/"


def user(*grants, all_scopes=False) -> ApiUser:
    return ApiUser(client_id="c", all_scopes=all_scopes, grants=tuple(grants))


def test_levels():
    assert levels_up_to("openbaar") == ["openbaar"]
    assert levels_up_to("intern") == ["openbaar", "beperkt_openbaar", "intern"]
    assert len(levels_up_to("")) == 8


def test_may_checks_component_scope_type_and_level():
    grant = Grant("zrc", frozenset({"zaken.lezen"}), BASE + "abc", "zaakvertrouwelijk")
    reader = user(grant)

    assert may(reader, "zrc", "zaken.lezen", BASE + "abc", "intern")
    assert not may(reader, "zrc", "zaken.lezen", BASE + "abc", "geheim")
    assert not may(reader, "zrc", "zaken.lezen", BASE + "other", "intern")
    assert not may(reader, "zrc", "zaken.aanmaken", BASE + "abc", "intern")
    assert not may(reader, "drc", "zaken.lezen", BASE + "abc", "intern")
    assert may(user(all_scopes=True), "zrc", "zaken.verwijderen", BASE + "x", "zeer_geheim")


def test_restrict_filters_lists_by_type_and_level():
    permit = published_case_type(identification="VERGUNNING")
    extract = published_case_type(identification="UITTREKSEL")
    visible = open_case(
        permit, actor="t", confidentiality="openbaar", registered_on=date(2026, 2, 1)
    )
    open_case(permit, actor="t", confidentiality="geheim", registered_on=date(2026, 2, 1))
    open_case(extract, actor="t", confidentiality="openbaar", registered_on=date(2026, 2, 1))
    reader = user(Grant("zrc", frozenset({"zaken.lezen"}), BASE + str(permit.uuid), "intern"))

    cases = restrict(
        Case.objects.all(),
        reader,
        "zrc",
        "zaken.lezen",
        type_uuid_field="case_type__uuid",
        confidentiality_field="confidentiality",
    )

    assert list(cases) == [visible]
    assert (
        restrict(
            Case.objects.all(), user(), "zrc", "zaken.lezen", type_uuid_field="case_type__uuid"
        ).count()
        == 0
    )
