"""Request bodies, clients and types for the Documenten API tests."""

import base64
from datetime import date

from loket.catalog.models import DocumentType
from loket.catalog.services import publish_type
from loket.identity.models import ApiAuthorization, ApiClient
from tests.api.common.tokens import client_with
from tests.catalog.factories import make_catalogue

BASE = "/documenten/api/v1/"
DOCUMENTS = f"{BASE}enkelvoudiginformatieobjecten"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 32
EVERY_SCOPE = [
    "documenten.lezen",
    "documenten.aanmaken",
    "documenten.bijwerken",
    "documenten.verwijderen",
    "documenten.lock",
    "documenten.geforceerd-unlock",
    "audittrails.lezen",
]


def url(path: str) -> str:
    return f"http://testserver{BASE}{path}"


def b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


def type_url(document_type) -> str:
    return f"http://testserver/catalogi/api/v1/informatieobjecttypen/{document_type.uuid}"


def published_document_type(description: str, *, confidentiality="openbaar", catalogue=None):
    document_type = DocumentType.objects.create(
        catalogue=catalogue or make_catalogue(),
        valid_from=date(2026, 1, 1),
        description=description,
        confidentiality=confidentiality,
        category="bijlage",
    )
    return publish_type(document_type)


def client_granted(client_id: str, grants, *, scopes=()):
    """A client with Documenten authorisations: (scopes, document type or None, max level)."""
    client = client_with(client_id, scopes=scopes)
    application = ApiClient.objects.get(client_id=client_id).application
    ApiAuthorization.objects.bulk_create(
        ApiAuthorization(
            application=application,
            component="drc",
            scopes=list(grant_scopes),
            document_type=type_url(document_type) if document_type else "",
            max_confidentiality=level,
        )
        for grant_scopes, document_type, level in grants
    )
    return client


def document_body(document_type, content: bytes | None = PDF, **changes) -> dict:
    body = {
        "bronorganisatie": "001000007",
        "creatiedatum": "2026-03-01",
        "titel": "Aanvraag",
        "auteur": "Inwoner",
        "taal": "nld",
        "bestandsnaam": "aanvraag.pdf",
        "formaat": "application/pdf",
        "informatieobjecttype": type_url(document_type),
        "inhoud": b64(content) if content is not None else None,
        **changes,
    }
    return {key: value for key, value in body.items() if value is not ...}


def create_document(client, document_type, content: bytes | None = PDF, **changes) -> dict:
    response = client.post(
        DOCUMENTS, document_body(document_type, content, **changes), format="json"
    )
    assert response.status_code == 201, response.json()
    return response.json()


def invalid(response, name: str) -> dict:
    """The ``invalidParams`` entry of a 400 for field ``name``."""
    assert response.status_code == 400, response.content
    params = {param["name"]: param for param in response.json()["invalidParams"]}
    assert name in params, params
    return params[name]
