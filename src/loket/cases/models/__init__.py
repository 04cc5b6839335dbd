from loket.cases.models.audit import AuditEntry
from loket.cases.models.cases import (
    ArchiveStatus,
    Case,
    CaseContact,
    CaseCount,
    CaseNote,
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
from loket.cases.models.payouts import Payout, PayoutBatch
from loket.cases.models.retention import DestructionList, DestructionListItem

__all__ = [
    "ArchiveStatus",
    "AuditEntry",
    "Case",
    "CaseContact",
    "CaseContactMoment",
    "CaseCount",
    "CaseDocument",
    "CaseNote",
    "CaseNumberCounter",
    "CaseObject",
    "CaseRequest",
    "ClockEvent",
    "Decision",
    "DecisionDocument",
    "DestructionList",
    "DestructionListItem",
    "Dispatch",
    "Document",
    "DocumentVersion",
    "FilePart",
    "PaymentIndication",
    "Payout",
    "PayoutBatch",
    "PropertyValue",
    "Result",
    "Role",
    "StatusChange",
    "UsageRight",
]
