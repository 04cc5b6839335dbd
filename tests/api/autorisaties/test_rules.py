"""ac-001 unique client ids, ac-002 all or a list, ac-003 the type fields per component."""

import pytest

from tests.api.autorisaties.conftest import BASE, ZAAKTYPE, applicatie_body, create

pytestmark = pytest.mark.django_db


def invalid(response) -> list[tuple[str, str]]:
    assert response.status_code == 400, response.content
    return [(p["name"], p["code"]) for p in response.json()["invalidParams"]]


def test_ac_001_a_client_id_belongs_to_one_application(beheer):
    create(beheer, applicatie_body())

    response = beheer.post(
        f"{BASE}applicaties", applicatie_body(clientIds=["nieuw", "zaaksysteem-ztc"]), format="json"
    )

    assert invalid(response) == [("clientIds", "clientId-exists")]
    assert "zaaksysteem-ztc" in response.json()["invalidParams"][0]["reason"]


def test_ac_001_an_application_keeps_its_own_client_ids_on_update(beheer):
    created = create(beheer, applicatie_body())
    other = create(beheer, applicatie_body(clientIds=["ander"], label="Ander"))

    assert beheer.put(created["url"], applicatie_body(), format="json").status_code == 200
    taken = beheer.patch(other["url"], {"clientIds": ["zaaksysteem-zrc"]}, format="json")
    assert invalid(taken) == [("clientIds", "clientId-exists")]


def test_ac_002_both_all_and_a_list_is_refused(beheer):
    response = beheer.post(
        f"{BASE}applicaties", applicatie_body(heeftAlleAutorisaties=True), format="json"
    )

    assert invalid(response) == [("nonFieldErrors", "ambiguous-authorizations-specified")]


def test_ac_002_neither_all_nor_a_list_is_refused(beheer):
    body = {"clientIds": ["leeg"], "label": "Leeg"}

    assert invalid(beheer.post(f"{BASE}applicaties", body, format="json")) == [
        ("nonFieldErrors", "missing-authorizations")
    ]
    empty = {**body, "autorisaties": [], "heeftAlleAutorisaties": False}
    assert invalid(beheer.post(f"{BASE}applicaties", empty, format="json")) == [
        ("nonFieldErrors", "missing-authorizations")
    ]


def test_ac_002_switching_to_all_needs_the_list_emptied(beheer):
    created = create(beheer, applicatie_body())

    response = beheer.patch(created["url"], {"heeftAlleAutorisaties": True}, format="json")

    assert invalid(response) == [("nonFieldErrors", "ambiguous-authorizations-specified")]


@pytest.mark.parametrize(
    ("autorisatie", "missing"),
    [
        (
            {"component": "zrc", "scopes": ["zaken.lezen"]},
            {"autorisaties.0.zaaktype", "autorisaties.0.maxVertrouwelijkheidaanduiding"},
        ),
        (
            {"component": "zrc", "scopes": ["zaken.lezen"], "zaaktype": ZAAKTYPE},
            {"autorisaties.0.maxVertrouwelijkheidaanduiding"},
        ),
        (
            {
                "component": "drc",
                "scopes": ["documenten.lezen"],
                "maxVertrouwelijkheidaanduiding": "openbaar",
            },
            {"autorisaties.0.informatieobjecttype"},
        ),
        ({"component": "brc", "scopes": ["besluiten.lezen"]}, {"autorisaties.0.besluittype"}),
    ],
)
def test_ac_003_type_fields_are_required_per_component(beheer, autorisatie, missing):
    response = beheer.post(
        f"{BASE}applicaties", applicatie_body(autorisaties=[autorisatie]), format="json"
    )

    assert set(invalid(response)) == {(name, "required") for name in missing}


def test_ac_003_applies_only_to_scopes_of_the_main_resource(beheer):
    """An audittrails scope on the Zaken API needs no zaaktype; catalogi scopes need nothing."""
    body = applicatie_body(
        autorisaties=[
            {"component": "zrc", "scopes": ["audittrails.lezen"]},
            {"component": "ztc", "scopes": ["catalogi.lezen"]},
        ]
    )

    assert beheer.post(f"{BASE}applicaties", body, format="json").status_code == 201


def test_field_formats_are_checked(beheer):
    body = applicatie_body(
        label="",
        autorisaties=[
            {
                "component": "xyz",
                "scopes": ["zaken.lezen"],
            },
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "zaaktype": "geen-url",
                "maxVertrouwelijkheidaanduiding": "heel_geheim",
            },
        ],
    )

    assert set(invalid(beheer.post(f"{BASE}applicaties", body, format="json"))) == {
        ("label", "blank"),
        ("autorisaties.0.component", "invalid_choice"),
        ("autorisaties.1.zaaktype", "invalid"),
        ("autorisaties.1.maxVertrouwelijkheidaanduiding", "invalid_choice"),
    }
