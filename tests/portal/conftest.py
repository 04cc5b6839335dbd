"""Cases of the demo catalogue for persons of the built-in register, and logged-in clients,
for the tests of Mijn omgeving and track & trace."""

import time
from dataclasses import asdict
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from loket.brp.register import load_demo_register
from loket.cases.documents import attach_to_case, create_document
from loket.cases.models import Case
from loket.cases.services import (
    end_status_of,
    open_case,
    record_result,
    set_status,
    suspend,
)
from loket.catalog.demo import load_demo_catalogue
from loket.catalog.models import CaseType
from loket.identity.citizens import LAST_ACTIVITY_KEY, VISITOR_KEY, Visitor
from loket.identity.demo_login import DEMO_BUSINESSES, demo_persons

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c"
    "1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b"
    "080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5"
    "100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c115"
    "52d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a6364"
    "65666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7"
    "b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda000801"
    "0100003f00fbd3ffd9"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
STAFF = "behandelaar"


@pytest.fixture
def demo_data(db):
    load_demo_catalogue()
    load_demo_register()


@pytest.fixture
def persons(demo_data):
    """Two living residents of Voorbeeld: A and B."""
    first, second = demo_persons().filter(birth_date__year__lt=1990).order_by("bsn")[:2]
    return first, second


@pytest.fixture
def business():
    return DEMO_BUSINESSES[0]


def person_visitor(person) -> Visitor:
    return Visitor(bsn=person.bsn, name=person.full_name, assurance="substantieel", method="demo")


def business_visitor(business) -> Visitor:
    return Visitor(kvk=business.kvk, name=business.name, assurance="substantieel", method="demo")


def logged_in(visitor: Visitor | None, language: str = "en") -> Client:
    """A browser without JavaScript, logged in as ``visitor`` (None: not logged in).

    English by default: those texts are the code's own, so the tests do not change when the
    Dutch translations are added or improved."""
    client = Client(headers={"accept-language": language})
    if visitor is not None:
        session = client.session
        session[VISITOR_KEY] = asdict(visitor)
        session[LAST_ACTIVITY_KEY] = time.time()
        session.save()
    return client


def case_type(identification: str = "VERHUIZING") -> CaseType:
    return CaseType.objects.current().get(identification=identification)


def make_case(
    *,
    bsn: str = "",
    kvk: str = "",
    identification: str = "VERHUIZING",
    steps: int = 1,
    closed: bool = False,
    suspended: str = "",
    days_ago: int = 3,
    description: str = "",
) -> Case:
    """A case of a demo case type, ``steps`` steps on, or closed with a result; suspended
    with ``suspended`` as the reason."""
    kind = case_type(identification)
    registered_on = timezone.localdate() - timedelta(days=days_ago)
    case = open_case(
        kind,
        actor=STAFF,
        initiator_bsn=bsn,
        initiator_kvk=kvk,
        registered_on=registered_on,
        description=description,
    )
    status_types = list(kind.status_types.order_by("order"))
    moment = timezone.now() - timedelta(days=days_ago)
    for number, status_type in enumerate(status_types[:steps]):
        set_status(
            case,
            status_type,
            actor=STAFF,
            at=moment + timedelta(hours=number),
            note="Ontvangen via het formulier." if number == 0 else "",
            note_visible_to_citizen=number == 0,
        )
    if closed:
        record_result(case, kind.result_types.order_by("pk").first())
        set_status(
            case, end_status_of(kind), actor=STAFF, note="Klaar.", note_visible_to_citizen=True
        )
    if suspended:
        suspend(case, reason=suspended, actor=STAFF)
    case.refresh_from_db()
    return case


def add_document(
    case: Case,
    *,
    visible: bool = True,
    title: str = "Besluit",
    content: bytes = PDF,
    file_name: str = "besluit.pdf",
    direction: str = "uitgaand",
):
    """A document of one of the case type's document types, linked to the case."""
    link = (
        case.case_type.document_type_links.filter(direction=direction).order_by("order").first()
        or case.case_type.document_type_links.order_by("order").first()
    )
    document = create_document(
        document_type=link.document_type,
        title=title,
        author=STAFF,
        source_organisation=case.source_organisation,
        content=content,
        file_name=file_name,
        usage_rights_indicated=False,
    )
    return attach_to_case(case, document, visible_to_citizen=visible, may_change_closed=True)
