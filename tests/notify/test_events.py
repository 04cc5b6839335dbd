"""Every change of a case records its event in the change's own transaction, and the KCC
reads a case's mails (the delivery log) in the admin."""

from datetime import date

import pytest
from django.db import transaction
from django.test import Client

from loket.cases.decisions import create_decision
from loket.cases.documents import attach_to_case, create_document, set_usage_indication
from loket.cases.services import open_case, record_result, resume, set_status, suspend
from loket.catalog.demo import load_demo_catalogue
from loket.catalog.models import CaseType
from loket.identity.demo import DEMO_PASSWORD
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.notify.models import Event, Mail
from loket.notify.services import queue_mail
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db


def kinds(case) -> list[str]:
    return list(Event.objects.filter(case=case).order_by("pk").values_list("kind", flat=True))


def test_each_change_of_a_case_records_its_event():
    load_demo_catalogue()
    case_type = CaseType.objects.get(identification="LEEFBAARHEIDSBUDGET")
    case = open_case(case_type, actor="test")
    steps = list(case_type.status_types.order_by("order"))
    set_status(case, steps[0], actor="test")
    suspend(case, reason="Wij wachten op uw loonstrook.", actor="test")
    resume(case, actor="test")
    link_type = case_type.document_type_links.first().document_type
    document = create_document(
        document_type=link_type,
        title="Brief",
        author="test",
        source_organisation="001000007",
        content=b"%PDF-1.4 brief",
        file_name="brief.pdf",
    )
    attach_to_case(case, document)
    set_usage_indication(document, False)
    create_decision(
        decision_type=case_type.decision_types.first(),
        responsible_organisation="001000007",
        date=date.today(),
        start_date=date.today(),
        case=case,
    )
    record_result(case, case_type.result_types.first())
    set_status(case, steps[-1], actor="test")

    assert kinds(case) == [
        "case_created",
        "status_set",
        "case_suspended",
        "case_resumed",
        "document_added",
        "decision_made",
        "result_recorded",
        "case_closed",
    ]
    closing = Event.objects.get(case=case, kind="case_closed")
    assert closing.message()["resource"] == "status" and closing.message()["actie"] == "create"


def test_a_rolled_back_change_records_no_event():
    case_type = published_case_type()

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        open_case(case_type, actor="test")
        raise Abort
    assert not Event.objects.exists()


def test_the_kcc_reads_the_delivery_log_of_a_case():
    case = open_case(published_case_type(), actor="test")
    queue_mail(to="inwoner@example.nl", subject="Uw aanvraag", text_body="Tekst", case=case)
    create_staff_account(username="kcc", password=DEMO_PASSWORD, role=Role.KCC)
    client = Client()
    assert client.login(username="kcc", password=DEMO_PASSWORD)

    page = client.get(f"/beheer/cases/case/{case.pk}/change/")

    assert page.status_code == 200
    html = page.content.decode()
    assert "Uw aanvraag" in html and "In de wachtrij sinds" in html
    assert client.get("/beheer/catalog/casetype/").status_code == 403
    assert Mail.objects.count() == 1
