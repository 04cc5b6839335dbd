"""A published case type with a decision type and a document type, a case and a document."""

from datetime import date

import pytest

from loket.cases.services import open_case
from loket.catalog.models import CaseTypeDocumentType
from tests.api.besluiten.builders import (
    ALL_SCOPES,
    World,
    make_decision_type,
    make_document,
    make_document_type,
)
from tests.api.common.tokens import client_with
from tests.cases.factories import published_case_type


@pytest.fixture
def world(db) -> World:
    case_type = published_case_type()
    document_type = make_document_type()
    CaseTypeDocumentType.objects.create(
        case_type=case_type, document_type=document_type, order=1, direction="uitgaand"
    )
    decision_type = make_decision_type(case_type, document_types=[document_type])
    case = open_case(case_type, actor="test", registered_on=date(2026, 2, 2))
    return World(case, decision_type, document_type, make_document(document_type))


@pytest.fixture
def zgw(db):
    """A client with every Besluiten scope on every besluittype."""
    return client_with("besluiten-beheer", scopes=ALL_SCOPES)
