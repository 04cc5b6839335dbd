"""A published case type with all its parts, clients with grants, and Zaken API bodies."""

from datetime import date

from django.conf import settings

from loket.cases.documents import create_document
from loket.catalog.models import CaseObjectType, CaseTypeDocumentType, DocumentType, Property
from loket.catalog.services import publish_case_type, publish_type
from loket.identity.models import ApiAuthorization, ApiClient
from tests.api.common.tokens import client_with
from tests.catalog.factories import make_case_type, make_catalogue

BASE = "/zaken/api/v1/"
HOST = "http://testserver"
CRS = {"HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}
RSIN = "002220647"
PRODUCT = "https://producten.example.nl/uittreksel-brp"
CHANNEL_UUID = "0e169c09-3bf3-5920-b437-ad4f86b9fae6"  # E-mail, in Loket's own list


def channel() -> str:
    return f"{settings.LOKET_REFERENTIELIJSTEN_API}communicatiekanalen/{CHANNEL_UUID}"


def url(path: str) -> str:
    return f"{HOST}{BASE}{path}"


def type_url(kind: str, obj) -> str:
    return f"{HOST}/catalogi/api/v1/{kind}/{obj.uuid}"


def published_case_type(identification="UITTREKSEL-BRP", **fields):
    """A published case type with two statuses, a result type that destroys after a year, a
    role type, a property, an object type and one allowed document type."""
    catalogue = make_catalogue()
    case_type = make_case_type(
        catalogue,
        identification=identification,
        product_urls=[PRODUCT],
        suspension_allowed=True,
        extension_allowed=True,
        extension_term="P4W",
        **fields,
    )
    Property.objects.create(
        case_type=case_type, name="ontvangen", definition="Ontvangen op", format="datum", length=10
    )
    CaseObjectType.objects.create(
        case_type=case_type,
        object_type="https://objecttypen.example.nl/api/v2/objecttypes/1",
        relation_description="Adres",
    )
    document_type = allowed_document_type(catalogue)
    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction="inkomend"
    )
    return publish_case_type(case_type)


def allowed_document_type(catalogue):
    document_type, created = DocumentType.objects.get_or_create(
        catalogue=catalogue,
        description="Aanvraag",
        defaults={
            "valid_from": date(2026, 1, 1),
            "confidentiality": "openbaar",
            "category": "Aanvraag",
        },
    )
    return publish_type(document_type) if created else document_type


def other_document_type(catalogue):
    document_type = DocumentType.objects.create(
        catalogue=catalogue,
        description="Paspoortfoto",
        valid_from=date(2026, 1, 1),
        confidentiality="openbaar",
        category="Foto",
    )
    return publish_type(document_type)


def document(document_type, **fields):
    return create_document(
        document_type=document_type,
        title="Aanvraagformulier",
        author="Inwoner",
        source_organisation=RSIN,
        content=b"%PDF-1.4 test",
        **fields,
    )


def document_url(doc) -> str:
    return f"{HOST}/documenten/api/v1/enkelvoudiginformatieobjecten/{doc.uuid}"


def zaak_body(case_type, **changes) -> dict:
    return {
        "bronorganisatie": RSIN,
        "verantwoordelijkeOrganisatie": RSIN,
        "zaaktype": type_url("zaaktypen", case_type),
        "startdatum": "2026-03-02",
        "registratiedatum": "2026-03-02",
        "omschrijving": "Uittreksel voor de notaris",
        **changes,
    }


def create(client, resource: str, body: dict) -> dict:
    response = client.post(f"{BASE}{resource}", body, format="json", **CRS)
    assert response.status_code == 201, response.json()
    return response.json()


def client_with_grants(client_id: str, *grants, scopes=()):
    """A client with authorisations on the Zaken API: each grant is (scopes, case type or
    None for every type, most confidential level or "")."""
    client = client_with(client_id, scopes=scopes)
    client.default_format = "json"
    api_client = ApiClient.objects.get(client_id=client_id)
    ApiAuthorization.objects.bulk_create(
        ApiAuthorization(
            application=api_client.application,
            component="zrc",
            scopes=sorted(grant_scopes),
            case_type=type_url("zaaktypen", case_type) if case_type else "",
            max_confidentiality=level,
        )
        for grant_scopes, case_type, level in grants
    )
    return client


def first_status(case_type):
    return case_type.status_types.order_by("order").first()


def end_status(case_type):
    return case_type.status_types.order_by("-order").first()
