"""Request bodies of the Catalogi API, and a complete case type built through the API."""

from django.conf import settings

BASE = "/catalogi/api/v1/"


def reference(resource: str, uuid: str) -> str:
    return f"{settings.LOKET_REFERENTIELIJSTEN_API}{resource}/{uuid}"


# From the Selectielijst 2020 that Loket's Referentielijsten API serves.
PROCESTYPE = reference("procestypen", "e1b73b12-b2f6-4c4e-8929-94f84dd2a57d")
OTHER_PROCESTYPE = reference("procestypen", "96eae691-077f-4fd6-ad66-950b9b714880")
# Of PROCESTYPE: waardering vernietigen, procestermijn nihil, bewaartermijn P10Y.
RESULT_DESTROY = reference("resultaten", "6711baff-798b-4c7f-9133-8ad02c8b7c6f")
RESULT_OF_OTHER_PROCESS = reference("resultaten", "cd632fee-1f5a-4a4b-bc18-bcd5846c883a")
GRANTED = reference("resultaattypeomschrijvingen", "fb65d251-1518-4185-865f-b8bdcfad07b1")


def url(path: str) -> str:
    return f"http://testserver{BASE}{path}"


def create(client, resource: str, body: dict) -> dict:
    response = client.post(f"{BASE}{resource}", body, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def catalogue_body(**changes) -> dict:
    return {
        "domein": "VRBLD",
        "rsin": "001000007",
        "contactpersoonBeheerNaam": "Functioneel beheer",
        "naam": "Zaaktypecatalogus",
        **changes,
    }


def case_type_body(catalogue: str, **changes) -> dict:
    return {
        "identificatie": "UITTREKSEL-BRP",
        "omschrijving": "Uittreksel BRP verstrekken",
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "doel": "Een uittreksel verstrekken",
        "aanleiding": "Aanvraag van de inwoner",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "Aanvragen",
        "onderwerp": "Uittreksel",
        "handelingBehandelaar": "Verstrekken",
        "doorlooptijd": "P8W",
        "opschortingEnAanhoudingMogelijk": False,
        "verlengingMogelijk": False,
        "trefwoorden": ["brp", "uittreksel"],
        "publicatieIndicatie": False,
        "productenOfDiensten": ["https://producten.example.nl/uittreksel-brp"],
        "selectielijstProcestype": PROCESTYPE,
        "referentieproces": {"naam": "Verstrekken"},
        "verantwoordelijke": "Burgerzaken",
        "catalogus": catalogue,
        "besluittypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2026-01-01",
        "versiedatum": "2026-01-01",
        **changes,
    }


def status_type_body(case_type: str, number: int, **changes) -> dict:
    return {
        "omschrijving": f"Stap {number}",
        "zaaktype": case_type,
        "volgnummer": number,
        "statustekst": f"Uw aanvraag is bij stap {number}.",
        **changes,
    }


def result_type_body(case_type: str, **changes) -> dict:
    return {
        "zaaktype": case_type,
        "omschrijving": "Verstrekt",
        "resultaattypeomschrijving": GRANTED,
        "selectielijstklasse": RESULT_DESTROY,
        "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
        **changes,
    }


def role_type_body(case_type: str, **changes) -> dict:
    return {
        "zaaktype": case_type,
        "omschrijving": "Aanvrager",
        "omschrijvingGeneriek": "initiator",
        **changes,
    }


def document_type_body(catalogue: str, **changes) -> dict:
    return {
        "catalogus": catalogue,
        "omschrijving": "Aanvraagformulier",
        "vertrouwelijkheidaanduiding": "openbaar",
        "beginGeldigheid": "2026-01-01",
        "informatieobjectcategorie": "Aanvraag",
        **changes,
    }


def decision_type_body(catalogue: str, **changes) -> dict:
    return {
        "catalogus": catalogue,
        "omschrijving": "Besluit op aanvraag",
        "publicatieIndicatie": False,
        "informatieobjecttypen": [],
        "beginGeldigheid": "2026-01-01",
        **changes,
    }


def complete_case_type(client, catalogue: str | None = None, **changes) -> dict:
    """A draft case type with everything publishing needs; its URLs by Dutch name."""
    catalogue = catalogue or create(client, "catalogussen", catalogue_body())["url"]
    case_type = create(client, "zaaktypen", case_type_body(catalogue, **changes))["url"]
    return {
        "catalogus": catalogue,
        "zaaktype": case_type,
        "statustypen": [
            create(client, "statustypen", status_type_body(case_type, n))["url"] for n in (1, 2)
        ],
        "resultaattype": create(client, "resultaattypen", result_type_body(case_type))["url"],
        "roltype": create(client, "roltypen", role_type_body(case_type))["url"],
    }
