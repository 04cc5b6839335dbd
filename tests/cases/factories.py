from datetime import date

from loket.cases.documents import attach_to_case, create_document
from loket.catalog.models import CaseTypeDocumentType, DocumentType
from loket.catalog.services import publish_case_type, publish_type
from tests.catalog.factories import make_case_type


def published_case_type(**fields):
    return publish_case_type(make_case_type(**fields))


def allow_documents(case_type) -> DocumentType:
    """A published document type that cases of ``case_type`` may hold."""
    document_type = publish_type(
        DocumentType.objects.create(
            catalogue=case_type.catalogue,
            valid_from=date(2026, 1, 1),
            description=f"Bijlage {case_type.identification}",
            confidentiality="zaakvertrouwelijk",
            category="bijlage",
        )
    )
    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction="inkomend"
    )
    return document_type


def add_document(case, document_type, content: bytes, *, title: str = "Bijlage"):
    document = create_document(
        document_type=document_type,
        title=title,
        author="Inwoner",
        source_organisation=case.source_organisation or "001000007",
        content=content,
        file_name=f"{title.lower()}.pdf",
    )
    attach_to_case(case, document)
    return document
