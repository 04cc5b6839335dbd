from loket.cases.models.audit import AuditEntry
from loket.cases.models.cases import (
    ArchiveStatus,
    Case,
    CaseContact,
    CaseNumberCounter,
    CaseObject,
    ClockEvent,
    PaymentIndication,
    PropertyValue,
    Result,
    Role,
    StatusChange,
)
from loket.cases.models.decisions import Decision, DecisionDocument
from loket.cases.models.documents import CaseDocument, Document, DocumentVersion, UsageRight

__all__ = [
    "ArchiveStatus",
    "AuditEntry",
    "Case",
    "CaseContact",
    "CaseDocument",
    "CaseNumberCounter",
    "CaseObject",
    "ClockEvent",
    "Decision",
    "DecisionDocument",
    "Document",
    "DocumentVersion",
    "PaymentIndication",
    "PropertyValue",
    "Result",
    "Role",
    "StatusChange",
    "UsageRight",
]
