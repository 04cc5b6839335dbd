"""The reads behind the Documenten API's lists, at a constant number of queries per page.

A document is listed as its latest version. The page's documents come in one query (filtered
on the type and level kept on the document, so authorisations cost no extra query) and their
latest versions, with their file parts, in one more each.
"""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from loket.api.catalogi.queries import with_object_dates
from loket.cases.models import Document, DocumentVersion
from loket.catalog.models import CaseTypeDocumentType, DocumentType


def latest_versions() -> QuerySet:
    """Each document's latest version: the one no later version of its document exists for."""
    later = DocumentVersion.objects.filter(
        document=OuterRef("document"), version__gt=OuterRef("version")
    )
    return DocumentVersion.objects.filter(~Exists(later))


def documents() -> QuerySet:
    """Documents with their latest version as ``latest[0]``, ready to show."""
    shown = latest_versions().select_related("document_type").prefetch_related("parts")
    return Document.objects.order_by("pk").prefetch_related(
        Prefetch("versions", queryset=shown, to_attr="latest")
    )


def shown_versions(page) -> list[DocumentVersion]:
    return [document.latest[0] for document in page]


def document_types(pks) -> QuerySet:
    """Informatieobjecttypen as the Catalogi API shows them, for ``expand``."""
    return with_object_dates(
        DocumentType.objects.filter(pk__in=set(pks)).select_related("catalogue"), key="description"
    ).prefetch_related(
        Prefetch("case_type_links", CaseTypeDocumentType.objects.select_related("case_type")),
        "decision_types",
    )
