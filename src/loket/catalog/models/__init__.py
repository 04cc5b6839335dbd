from loket.catalog.models.case_types import (
    CaseObjectType,
    CaseType,
    CaseTypeDocumentType,
    Catalogue,
    DecisionType,
    DocumentType,
    Property,
    ResultType,
    RoleType,
    StatusType,
)
from loket.catalog.models.products import Department, Product, ProductCost

__all__ = [
    "CaseObjectType",
    "CaseType",
    "CaseTypeDocumentType",
    "Catalogue",
    "DecisionType",
    "Department",
    "DocumentType",
    "Product",
    "ProductCost",
    "Property",
    "ResultType",
    "RoleType",
    "StatusType",
]
