"""Serializers of the Catalogi API: they only translate the standard's Dutch fields to the
English model fields (``source``) and back; the rules are in ``loket.catalog.services``."""

from loket.api.catalogi.serializers.parts import (
    CaseObjectTypeSerializer,
    CaseTypeDocumentTypeSerializer,
    PropertySerializer,
    ResultTypeSerializer,
    RoleTypeSerializer,
    StatusTypeSerializer,
)
from loket.api.catalogi.serializers.types import (
    CaseTypeSerializer,
    CatalogueSerializer,
    DecisionTypeSerializer,
    DocumentTypeSerializer,
)

__all__ = [
    "CaseObjectTypeSerializer",
    "CaseTypeDocumentTypeSerializer",
    "CaseTypeSerializer",
    "CatalogueSerializer",
    "DecisionTypeSerializer",
    "DocumentTypeSerializer",
    "PropertySerializer",
    "ResultTypeSerializer",
    "RoleTypeSerializer",
    "StatusTypeSerializer",
]
