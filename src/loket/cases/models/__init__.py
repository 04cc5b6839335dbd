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
from loket.cases.models.documents import (
    CaseDocument,
    Dispatch,
    Document,
    DocumentVersion,
    FilePart,
    UsageRight,
)
from loket.cases.models.links import CaseContactMoment, CaseRequest

__all__ = [
    "ArchiveStatus",
    "AuditEntry",
    "Case",
    "CaseContact",
    "CaseContactMoment",
    "CaseDocument",
    "CaseNumberCounter",
    "CaseObject",
    "CaseRequest",
    "ClockEvent",
    "Decision",
    "DecisionDocument",
    "Dispatch",
    "Document",
    "DocumentVersion",
    "FilePart",
    "PaymentIndication",
    "PropertyValue",
    "Result",
    "Role",
    "StatusChange",
    "UsageRight",
]
