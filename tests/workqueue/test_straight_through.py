"""Straight-through processing of the uittreksel BRP: from the paid form to a closed case with
the PDF in Mijn omgeving, a verification code the public page confirms and one mail, with a
real worker process and no human step."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from loket.brp.register import load_demo_register
from loket.cases.models import Case
from loket.catalog.demo import load_demo_catalogue
from loket.forms.demo import load_demo_forms
from loket.identity.demo_login import demo_persons
from loket.notify.demo import load_demo_status_mails
from loket.notify.models import Mail
from loket.workqueue.models import VerifiedDocument
from loket.workqueue.straight_through import normalise_code, process
from tests.conftest import run_loket
from tests.forms.conftest import Filler

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def resident(transactional_db):
    load_demo_catalogue()
    load_demo_register()
    load_demo_forms()
    load_demo_status_mails()
    return demo_persons().filter(birth_date__year__lt=1990).order_by("bsn").first()


def submit_extract_form(resident, kind="standaard", per_post="nee") -> Filler:
    filler = Filler(Client(headers={"accept-language": "nl"}))
    filler.client.post(reverse("identity:demo-digid"), {"bsn": resident.bsn, "next": "/"})
    filler.open(reverse("forms:start", args=["uittreksel-brp"]))
    filler.post({})
    filler.post({"soort_uittreksel": kind, "doel": "werk", "per_post": per_post})
    filler.post({"email": "inwoner@example.nl"})
    filler.confirm()
    filler.response = filler.client.post(filler.url, {"outcome": "paid"}, follow=True)
    return filler


def run_worker(process_env):
    worker = run_loket("worker", "--batch", env=process_env)
    assert worker.returncode == 0, worker.stderr


def verify(client, code, file=None):
    data = {"code": code}
    if file is not None:
        data["file"] = file
    return client.post(reverse("portal:verify"), data).content.decode()


def named(name, content):
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def test_a_paid_extract_is_made_verified_mailed_and_closed_by_the_worker(resident, process_env):
    filler = submit_extract_form(resident, kind="met_adreshistorie")
    case = Case.objects.get()
    assert DBTaskResult.objects.filter(task_path__endswith="process_straight_through").count() == 1
    assert not case.is_closed

    run_worker(process_env)

    case.refresh_from_db()
    assert case.is_closed
    assert case.result.result_type.description == "Verstrekt"
    assert [s.status_type.description for s in case.status_changes.order_by("set_at", "pk")] == [
        "Ontvangen",
        "Uittreksel gemaakt",
        "Afgehandeld",
    ]
    link = case.document_links.get()
    assert link.visible_to_citizen
    document = link.document
    download = filler.client.get(reverse("portal:mijn-document", args=[case.uuid, link.uuid]))
    assert download.status_code == 200
    pdf = b"".join(download.streaming_content)
    assert pdf.startswith(b"%PDF")
    assert resident.surname.encode("latin-1") in pdf
    assert resident.given_names.encode("latin-1") in pdf
    assert b"Uittreksel met adreshistorie" in pdf

    verified = VerifiedDocument.objects.get()
    assert verified.document == document
    assert verified.code.encode() in pdf
    anonymous = Client(headers={"accept-language": "nl"})
    page = anonymous.get(reverse("portal:verify"), {"code": verified.code.lower()}).content.decode()
    assert "Deze code is geldig" in page or "This code is valid" in page
    assert verified.sha256 in page
    assert resident.surname not in page and resident.bsn not in page
    assert 'id="file-result"' not in page
    page = verify(anonymous, verified.code, named("uittreksel.pdf", pdf))
    assert 'id="file-result"' in page and verified.sha256 in page
    assert_file_matches(page, True)
    page = verify(anonymous, verified.code, named("ander.pdf", b"%PDF-1.4 something else"))
    assert_file_matches(page, False)
    page = verify(anonymous, "ABCD-EFGH-JKLM-NPQR")
    assert verified.sha256 not in page and 'role="alert"' in page

    mails = Mail.objects.filter(case=case).order_by("pk")
    confirmation, extract_mail = mails  # exactly one mail besides the receipt
    assert "ontvangen" in confirmation.subject
    assert "uittreksel" in extract_mail.subject.lower()
    assert "/volgen/" in extract_mail.text_body
    assert extract_mail.to == "inwoner@example.nl"


def assert_file_matches(page: str, matches: bool):
    same = "The file is the same" in page or "Het bestand is hetzelfde" in page
    assert same is matches, page


def test_running_the_task_twice_makes_one_document(resident):
    submit_extract_form(resident)
    case = Case.objects.get()
    process(case.pk)
    process(case.pk)
    case.refresh_from_db()
    assert case.is_closed
    assert case.document_links.count() == 1
    assert VerifiedDocument.objects.count() == 1
    assert Mail.objects.filter(case=case).count() == 2


def test_asked_by_post_the_case_waits_at_extract_made(resident):
    submit_extract_form(resident, kind="internationaal", per_post="ja")
    case = Case.objects.get()
    process(case.pk)
    case.refresh_from_db()
    assert not case.is_closed
    assert case.current_status.description == "Uittreksel gemaakt"
    assert case.document_links.count() == 1
    assert Mail.objects.filter(case=case).count() == 2  # the receipt and "Uittreksel gemaakt"


def test_codes_are_read_as_people_type_them():
    assert normalise_code("abcd efgh jkmn pqrs") == "ABCD-EFGH-JKMN-PQRS"
    assert normalise_code("ABCD-EFGH-JKMN-PQR") == ""
    assert normalise_code("ABCD-EFGH-JKMN-PQR0") == ""
