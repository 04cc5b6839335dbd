"""The ``expand`` parameter: linked resources shown in ``_expand``, fetched once per page.

A document can show its informatieobjecttype; gebruiksrechten and verzendingen their
informatieobject, and that one's informatieobjecttype. Whatever the page size, each kind of
linked resource costs the same few queries.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from loket.api.catalogi.queries import CurrentVersions
from loket.api.catalogi.serializers import DocumentTypeSerializer
from loket.api.documenten.queries import document_types, documents
from loket.api.documenten.serializers.documents import DocumentSerializer

OF_DOCUMENT = frozenset({"informatieobjecttype"})
OF_RELATION = frozenset({"informatieobject", "informatieobject.informatieobjecttype"})


def asked(value: str, possible: frozenset[str]) -> set[str]:
    """The paths asked for in ``expand`` (comma separated); an unknown one is refused."""
    paths = {path.strip() for path in (value or "").split(",") if path.strip()}
    unknown = sorted(paths - possible)
    if unknown:
        raise serializers.ValidationError(
            {
                "expand": _("Cannot expand %(unknown)s; possible: %(possible)s.")
                % {"unknown": ", ".join(unknown), "possible": ", ".join(sorted(possible))}
            },
            code="invalid",
        )
    return paths


def add(item: dict, name: str, value) -> None:
    item.setdefault("_expand", {})[name] = value


def expand_types(request, items: list[dict], versions: list) -> None:
    """Each shown document version's informatieobjecttype, as the Catalogi API shows it."""
    day = timezone.localdate()
    context = {"request": request, "day": day, "current_versions": CurrentVersions(day)}
    shown = {
        document_type.pk: DocumentTypeSerializer(document_type, context=context).data
        for document_type in document_types(version.document_type_id for version in versions)
    }
    for item, version in zip(items, versions, strict=True):
        add(item, "informatieobjecttype", shown[version.document_type_id])


def expand_documents(request, items: list[dict], relations: list, paths: set[str]) -> None:
    """Each relation's document (its latest version), and with it its type when asked."""
    found = documents().filter(pk__in={relation.document_id for relation in relations})
    latest = {document.pk: document.latest[0] for document in found}
    versions = [latest[relation.document_id] for relation in relations]
    shown = DocumentSerializer(versions, many=True, context={"request": request}).data
    if "informatieobject.informatieobjecttype" in paths:
        expand_types(request, shown, versions)
    for item, document in zip(items, shown, strict=True):
        add(item, "informatieobject", document)
