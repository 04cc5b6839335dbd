"""The Klantinteracties API's resources as a contact-centre system (KISS) uses them: a party
by BSN, a phone contact with the party involved and a case as its subject, a hand-over to a
department, and the task answered."""

import pytest
from rest_framework.test import APIClient

from loket.contacts.models import Channel, Contact, InternalTask, Outcome, Party
from loket.contacts.services import actor_of
from loket.notify.models import Mail
from tests.api.klantinteracties.conftest import (
    BASE,
    create,
    klantcontact_body,
    partij_body,
)
from tests.catalog.factories import make_department

pytestmark = pytest.mark.django_db


def invalid(response) -> list[tuple[str, str]]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return [(p["name"], p["code"]) for p in response.json()["invalidParams"]]


def test_a_party_is_a_person_by_bsn(kic):
    partij = create(kic, "partijen", partij_body())

    party = Party.objects.get(uuid=partij["uuid"])
    assert (party.kind, party.bsn, party.surname) == (Party.Kind.PERSON, "999993653", "Vries")
    assert partij["nummer"] == f"{party.pk:010d}"
    assert partij["partijIdentificatie"] == {
        "contactnaam": {
            "voorletters": "",
            "voornaam": "Anna",
            "voorvoegselAchternaam": "de",
            "achternaam": "Vries",
        },
        "volledigeNaam": "Anna de Vries",
    }
    [identificator] = partij["partijIdentificatoren"]
    assert identificator["partijIdentificator"]["objectId"] == "999993653"
    assert identificator["identificeerdePartij"]["url"] == partij["url"]

    found = kic.get(f"{BASE}partijen", {"partijIdentificator__objectId": "999993653"}).json()
    assert [p["uuid"] for p in found["results"]] == [partij["uuid"]]


def test_a_party_with_a_bad_bsn_or_twice_the_same_is_refused(kic):
    bad = kic.post(f"{BASE}partijen", partij_body(bsn="123456789"), format="json")
    assert invalid(bad) == [("partijIdentificatoren", "invalid")]

    create(kic, "partijen", partij_body())
    again = kic.post(f"{BASE}partijen", partij_body(), format="json")
    assert invalid(again) == [("partijIdentificatoren", "unique")]


def test_a_phone_contact_with_party_subject_and_e_mail(kic):
    partij = create(kic, "partijen", partij_body())
    contact = create(kic, "klantcontacten", klantcontact_body())
    betrokkene = create(
        kic,
        "betrokkenen",
        {
            "wasPartij": {"uuid": partij["uuid"]},
            "hadKlantcontact": {"uuid": contact["uuid"]},
            "rol": "klant",
            "initiator": True,
            "contactnaam": {"voornaam": "Anna", "achternaam": "Vries"},
        },
    )
    adres = create(
        kic,
        "digitaleadressen",
        {
            "verstrektDoorBetrokkene": {"uuid": betrokkene["uuid"]},
            "adres": "anna@example.com",
            "soortDigitaalAdres": "email",
        },
    )
    onderwerp = create(
        kic,
        "onderwerpobjecten",
        {
            "klantcontact": {"uuid": contact["uuid"]},
            "onderwerpobjectidentificator": {
                "objectId": "ZAAK-2026-0000001",
                "codeObjecttype": "zaak",
                "codeRegister": "zaken",
                "codeSoortObjectId": "identificatie",
            },
        },
    )

    read = kic.get(contact["url"]).json()
    assert read["kanaal"] == "telefoon" and read["onderwerp"] == "Paspoort aanvragen"
    assert read["hadBetrokkenen"] == [{"uuid": betrokkene["uuid"], "url": betrokkene["url"]}]
    assert read["gingOverOnderwerpobjecten"] == [
        {"uuid": onderwerp["uuid"], "url": onderwerp["url"]}
    ]
    assert read["omvatteBijlagen"] == [] and read["leiddeTotInterneTaken"] == []
    assert kic.get(betrokkene["url"]).json()["digitaleAdressen"] == [
        {"uuid": adres["uuid"], "url": adres["url"]}
    ]
    assert Contact.objects.get().channel == Channel.PHONE

    by_bsn = kic.get(
        f"{BASE}klantcontacten",
        {"hadBetrokkene__wasPartij__partijIdentificator__objectId": "999993653"},
    ).json()
    assert [c["uuid"] for c in by_bsn["results"]] == [contact["uuid"]]
    by_case = kic.get(
        f"{BASE}klantcontacten",
        {"onderwerpobject__onderwerpobjectidentificatorObjectId": "ZAAK-2026-0000001"},
    ).json()
    assert by_case["count"] == 1


def test_channels_are_the_standard_names_of_loket_channels(kic):
    webcare = create(kic, "klantcontacten", klantcontact_body(kanaal="Sociale media"))
    assert webcare["kanaal"] == "sociale media"
    assert Contact.objects.get().channel == Channel.SOCIAL_MEDIA

    unknown = kic.post(f"{BASE}klantcontacten", klantcontact_body(kanaal="postduif"), format="json")
    assert invalid(unknown) == [("kanaal", "invalid_choice")]


def test_hand_over_to_a_department_and_close_the_task(kic):
    contact = create(kic, "klantcontacten", klantcontact_body())
    department = actor_of(make_department("burgerzaken"))
    actor = kic.get(f"{BASE}actoren", {"soortActor": "organisatorische_eenheid"}).json()
    assert actor["results"][0]["uuid"] == str(department.uuid)

    taak = create(
        kic,
        "internetaken",
        {
            "aanleidinggevendKlantcontact": {"uuid": contact["uuid"]},
            "gevraagdeHandeling": "Terugbellen over de kosten",
            "toegewezenAanActoren": [{"uuid": str(department.uuid)}],
            "status": "te_verwerken",
        },
    )
    assert taak["toegewezenAanActor"]["uuid"] == str(department.uuid)
    assert taak["afgehandeldOp"] is None
    assert Contact.objects.get().outcome == Outcome.HANDED_OVER
    assert kic.get(contact["url"]).json()["leiddeTotInterneTaken"][0]["uuid"] == taak["uuid"]

    done = kic.patch(taak["url"], {"status": "verwerkt"}, format="json")
    assert done.status_code == 200, done.json()
    assert done.json()["status"] == "verwerkt" and done.json()["afgehandeldOp"]
    assert InternalTask.objects.get().status == InternalTask.Status.DONE
    assert not Mail.objects.exists()  # nobody asked for a reply


def test_a_task_needs_an_actor(kic):
    contact = create(kic, "klantcontacten", klantcontact_body())
    response = kic.post(
        f"{BASE}internetaken",
        {
            "aanleidinggevendKlantcontact": {"uuid": contact["uuid"]},
            "gevraagdeHandeling": "Terugbellen",
            "status": "te_verwerken",
        },
        format="json",
    )
    assert invalid(response) == [("toegewezenAanActoren", "required")]


def test_maak_klantcontact_makes_the_three_in_one_go(kic):
    partij = create(kic, "partijen", partij_body())
    made = create(
        kic,
        "maak-klantcontact",
        {
            "klantcontact": klantcontact_body(kanaal="balie"),
            "betrokkene": {
                "wasPartij": {"uuid": partij["uuid"]},
                "rol": "klant",
                "initiator": True,
            },
            "onderwerpobject": {
                "onderwerpobjectidentificator": {
                    "objectId": "ZAAK-2026-0000002",
                    "codeObjecttype": "zaak",
                    "codeRegister": "zaken",
                    "codeSoortObjectId": "identificatie",
                }
            },
        },
    )
    assert made["klantcontact"]["kanaal"] == "balie"
    assert made["betrokkene"]["hadKlantcontact"]["uuid"] == made["klantcontact"]["uuid"]
    assert made["onderwerpobject"]["klantcontact"]["uuid"] == made["klantcontact"]["uuid"]


def test_maak_klantcontact_writes_nothing_when_a_part_is_refused(kic):
    response = kic.post(
        f"{BASE}maak-klantcontact",
        {
            "klantcontact": klantcontact_body(),
            "betrokkene": {"wasPartij": {"uuid": "0d3f6b5e-4a55-4b43-9d6c-2b1a0e5d9c11"}},
        },
        format="json",
    )
    assert response.status_code == 400
    assert not Contact.objects.exists()


def test_lists_are_pages_with_page_size(kic):
    for n in range(3):
        create(kic, "klantcontacten", klantcontact_body(onderwerp=f"Vraag {n}"))

    page = kic.get(f"{BASE}klantcontacten", {"pageSize": 2}).json()
    assert page["count"] == 3 and len(page["results"]) == 2
    assert "pageSize=2" in page["next"] and "page=2" in page["next"]
    assert invalid(kic.get(f"{BASE}klantcontacten", {"expand": "hadBetrokkenen"})) == [
        ("nonFieldErrors", "unknown-parameters")
    ]


def test_put_needs_every_required_field_and_patch_does_not(kic):
    contact = create(kic, "klantcontacten", klantcontact_body())

    put = kic.put(contact["url"], {"onderwerp": "Rijbewijs"}, format="json")
    assert ("kanaal", "required") in invalid(put)
    patch = kic.patch(contact["url"], {"onderwerp": "Rijbewijs"}, format="json")
    assert patch.status_code == 200 and patch.json()["onderwerp"] == "Rijbewijs"
    assert patch.json()["referentienummer"] == contact["referentienummer"]

    assert kic.delete(contact["url"]).status_code == 204
    assert kic.get(contact["url"]).status_code == 404


def test_token_and_scopes(kic, reader):
    client = APIClient()
    assert client.get(f"{BASE}klantcontacten").status_code == 401
    assert reader.get(f"{BASE}klantcontacten").status_code == 200
    refused = reader.post(f"{BASE}klantcontacten", klantcontact_body(), format="json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "permission_denied"

    client.credentials(HTTP_AUTHORIZATION="Token not-a-key-of-anyone")
    wrong = client.get(f"{BASE}klantcontacten")
    assert wrong.status_code == 401 and wrong["WWW-Authenticate"] == "Token"
    assert wrong.json()["status"] == 401


@pytest.mark.parametrize("given", ["abc", 3, ["x"], {"uuid": ["x"]}, {"uuid": {"a": 1}}])
def test_a_foreign_key_that_is_no_uuid_object_is_a_400_not_a_500(kic, given):
    # Found by schemathesis: the message's braces broke DRF's formatting, a 500.
    response = kic.post(
        f"{BASE}betrokkenen",
        {"hadKlantcontact": given, "rol": "klant", "initiator": True},
        format="json",
    )
    assert response.status_code == 400, response.content
    names = {param["name"] for param in response.json()["invalidParams"]}
    assert "hadKlantcontact" in names


def actor_body(kind: str, identification: dict) -> dict:
    return {
        "naam": "Bram",
        "soortActor": kind,
        "actoridentificator": {
            "objectId": "bram",
            "codeObjecttype": "mdw",
            "codeRegister": "obj",
            "codeSoortObjectId": "idf",
        },
        "actorIdentificatie": identification,
    }


def test_actor_identification_is_checked_per_kind_and_keeps_only_its_fields(kic):
    # Found by schemathesis: any JSON was kept and shown again, matching no kind of the spec.
    made = create(
        kic,
        "actoren",
        actor_body(
            "medewerker",
            {"functie": "KCC", "telefoonnummer": "0612345678", "omschrijving": "x", "y": [1]},
        ),
    )
    assert made["actorIdentificatie"] == {"functie": "KCC", "telefoonnummer": "0612345678"}

    for kind, identification in [
        ("medewerker", {"emailadres": "geen-adres"}),
        ("medewerker", {"telefoonnummer": "12"}),
        ("geautomatiseerde_actor", {"functie": "x" * 41}),
        ("organisatorische_eenheid", {"omschrijving": ["a"]}),
    ]:
        response = kic.post(f"{BASE}actoren", actor_body(kind, identification), format="json")
        assert response.status_code == 400, (kind, identification)
        names = {param["name"] for param in response.json()["invalidParams"]}
        assert any(name.startswith("actorIdentificatie") for name in names), names

    changed = kic.patch(made["url"], {"actorIdentificatie": {"functie": "Balie"}}, format="json")
    assert changed.status_code == 200 and changed.json()["actorIdentificatie"] == {
        "functie": "Balie"
    }
