"""Serializers of the Documenten API: they translate the standard's Dutch fields to the English
model fields (``source``) and back; the rules are in ``loket.cases.documents``."""

from loket.api.documenten.serializers.documents import (
    DocumentChangeSerializer,
    DocumentCreateSerializer,
    DocumentSerializer,
    FilePartUploadSerializer,
    LockSerializer,
    SearchSerializer,
    UnlockSerializer,
)
from loket.api.documenten.serializers.relations import (
    DispatchSerializer,
    ObjectLinkSerializer,
    UsageRightSerializer,
)

__all__ = [
    "DispatchSerializer",
    "DocumentChangeSerializer",
    "DocumentCreateSerializer",
    "DocumentSerializer",
    "FilePartUploadSerializer",
    "LockSerializer",
    "ObjectLinkSerializer",
    "SearchSerializer",
    "UnlockSerializer",
    "UsageRightSerializer",
]
