"""Request bodies, URLs and catalogue objects for the Besluiten API tests."""

from dataclasses import dataclass
from datetime import date

from loket.cases.documents import create_document
from loket.cases.models import Case, Document
from loket.catalog.models import DecisionType, DocumentType
from loket.catalog.services import publish_type
from tests.catalog.factories import make_catalogue

BASE = "/besluiten/api/v1/"
HOST = "http://testserver"
RSIN = "001000007"
ALL_SCOPES = [
    "besluiten.lezen",
    "besluiten.aanmaken",
    "besluiten.bijwerken",
    "besluiten.verwijderen",
    "audittrails.lezen",
]


def besluittype_url(decision_type: DecisionType) -> str:
    return f"{HOST}/catalogi/api/v1/besluittypen/{decision_type.uuid}"


def zaak_url(case: Case) -> str:
    return f"{HOST}/zaken/api/v1/zaken/{case.uuid}"


def informatieobject_url(document: Document) -> str:
    return f"{HOST}/documenten/api/v1/enkelvoudiginformatieobjecten/{document.uuid}"


def make_decision_type(
    case_type=None, *, description="Vergunning verleend", document_types=(), publish=True
) -> DecisionType:
    decision_type = DecisionType.objects.create(
        catalogue=make_catalogue(), valid_from=date(2026, 1, 1), description=description
    )
    if case_type is not None:
        decision_type.case_types.add(case_type)
    decision_type.document_types.set(document_types)
    return publish_type(decision_type) if publish else decision_type


def make_document_type(description="Besluitbrief") -> DocumentType:
    document_type = DocumentType.objects.create(
        catalogue=make_catalogue(),
        valid_from=date(2026, 1, 1),
        description=description,
        confidentiality="openbaar",
        category="besluit",
    )
    return publish_type(document_type)


def make_document(document_type: DocumentType) -> Document:
    return create_document(
        document_type=document_type,
        title="Besluit op uw aanvraag",
        author="Gemeente Voorbeeld",
        source_organisation=RSIN,
        content=b"%PDF-1.7\n%%EOF\n",
        file_name="besluit.pdf",
    )


@dataclass
class World:
    case: Case
    decision_type: DecisionType
    document_type: DocumentType
    document: Document

    @property
    def besluittype(self) -> str:
        return besluittype_url(self.decision_type)

    @property
    def zaak(self) -> str:
        return zaak_url(self.case)

    @property
    def informatieobject(self) -> str:
        return informatieobject_url(self.document)


def besluit_body(world: World, **changes) -> dict:
    return {
        "verantwoordelijkeOrganisatie": RSIN,
        "besluittype": world.besluittype,
        "zaak": world.zaak,
        "datum": "2026-03-01",
        "ingangsdatum": "2026-03-02",
        **changes,
    }


def create(client, resource: str, body: dict) -> dict:
    response = client.post(f"{BASE}{resource}", body, format="json")
    assert response.status_code == 201, response.json().get("invalidParams", response.json())
    return response.json()
