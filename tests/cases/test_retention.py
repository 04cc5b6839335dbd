"""Destruction lists (vernietigingslijst): the candidates, four eyes, and a destruction that
removes the case with its documents' files and keeps the record."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from loket.cases.models import (
    Case,
    Decision,
    DecisionDocument,
    DestructionList,
    Document,
    StatusChange,
)
from loket.cases.retention import (
    approve_destruction,
    destroy_listed_cases,
    destruction_candidates,
    propose_destruction,
)
from loket.cases.services import CaseError, close_with_result, open_case
from loket.catalog.models import DecisionType
from loket.notify.models import Event
from tests.cases.factories import add_document, allow_documents, published_case_type

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PAST = date(2020, 1, 1)


@pytest.fixture(autouse=True)
def documents_dir(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


def staff(username: str, *permissions: str):
    user = get_user_model().objects.create_user(username, password="geheim-genoeg-123")
    user.user_permissions.set(Permission.objects.filter(codename__in=permissions))
    return get_user_model().objects.get(pk=user.pk)  # without the permission cache


@pytest.fixture
def maker():
    return staff("archivaris", "add_destructionlist")


@pytest.fixture
def approver():
    return staff("teamleider", "approve_destructionlist", "destroy_destructionlist")


@pytest.fixture
def case_type():
    return published_case_type()


@pytest.fixture
def document_type(case_type):
    return allow_documents(case_type)


def closed_case(case_type, document_type=None, *, archive_date=PAST, action="vernietigen"):
    case = open_case(case_type, actor="test", initiator_bsn="999993653")
    if document_type is not None:
        add_document(case, document_type, PDF + b"bijlage", title="Bijlage")
        add_document(case, document_type, PDF + b"bewijs", title="Bewijs")
    close_with_result(case, case_type.result_types.get(), actor="test")
    Case.objects.filter(pk=case.pk).update(archive_date=archive_date, archive_action=action)
    return Case.objects.get(pk=case.pk)


def test_candidates_are_closed_cases_to_destroy_whose_archive_date_has_come(case_type):
    due = closed_case(case_type)
    due_today = closed_case(case_type, archive_date=timezone.localdate())
    closed_case(case_type, action="blijvend_bewaren")
    closed_case(case_type, archive_date=timezone.localdate() + timedelta(days=1))
    still_open = open_case(case_type, actor="test")
    Case.objects.filter(pk=still_open.pk).update(archive_action="vernietigen", archive_date=PAST)

    assert list(destruction_candidates()) == [due, due_today]


def test_a_main_case_waits_for_its_sub_cases_and_a_listed_case_is_no_candidate(case_type, maker):
    main = closed_case(case_type)
    sub = closed_case(case_type, archive_date=timezone.localdate() + timedelta(days=30))
    Case.objects.filter(pk=sub.pk).update(main_case=main)
    assert list(destruction_candidates()) == []

    Case.objects.filter(pk=sub.pk).update(archive_date=PAST)
    assert set(destruction_candidates()) == {main, sub}
    propose_destruction([main], name="2020", by=maker)
    assert list(destruction_candidates()) == [sub]


def test_only_candidates_go_on_a_list_and_only_with_the_permission(case_type, maker, approver):
    not_due = closed_case(case_type, archive_date=timezone.localdate() + timedelta(days=1))
    with pytest.raises(CaseError) as refusal:
        propose_destruction([not_due], name="x", by=maker)
    assert refusal.value.code == "not-due"

    with pytest.raises(PermissionDenied):
        propose_destruction([closed_case(case_type)], name="x", by=approver)
    assert not DestructionList.objects.exists()


def test_four_eyes_the_maker_cannot_approve_and_nobody_without_the_permission(
    case_type, maker, approver
):
    maker.user_permissions.add(Permission.objects.get(codename="approve_destructionlist"))
    maker = get_user_model().objects.get(pk=maker.pk)
    destruction_list = propose_destruction([closed_case(case_type)], name="2020", by=maker)

    with pytest.raises(CaseError) as refusal:
        approve_destruction(destruction_list, by=maker)
    assert refusal.value.code == "four-eyes"
    with pytest.raises(PermissionDenied):
        approve_destruction(destruction_list, by=staff("kcc"))
    with pytest.raises(CaseError) as refusal:
        destroy_listed_cases(destruction_list, by=approver)
    assert refusal.value.code == "not-approved"

    approved = approve_destruction(destruction_list, by=approver)
    assert approved.state == "approved"
    assert approved.approved_by_name == "teamleider"
    with pytest.raises(PermissionDenied):
        destroy_listed_cases(approved, by=maker)  # no permission to destroy


def test_destruction_removes_the_case_and_its_files_and_keeps_the_record(
    case_type, document_type, maker, approver, django_capture_on_commit_callbacks
):
    case = closed_case(case_type, document_type)
    kept = closed_case(case_type, document_type, action="blijvend_bewaren")
    shared = Document.objects.filter(case_links__case=kept).first()
    add_document_link = case.document_links.model.objects.create
    add_document_link(case=case, document=shared)  # also in a case that is kept
    documents = list(Document.objects.filter(case_links__case=case).exclude(pk=shared.pk))
    files = [d.versions.get().file.name for d in documents]
    assert all(default_storage.exists(name) for name in files)
    identification, url_uuid = case.identification, str(case.uuid)

    destruction_list = propose_destruction([case], name="Vernietiging 2020", by=maker)
    approve_destruction(destruction_list, by=approver)
    with django_capture_on_commit_callbacks(execute=True):
        done = destroy_listed_cases(destruction_list, by=approver)

    assert not Case.objects.filter(pk=case.pk).exists()
    assert not StatusChange.objects.filter(case_id=case.pk).exists()
    assert not Document.objects.filter(pk__in=[d.pk for d in documents]).exists()
    assert not any(default_storage.exists(name) for name in files)
    assert Document.objects.filter(pk=shared.pk).exists()  # still part of the kept case
    assert Case.objects.filter(pk=kept.pk).exists()

    assert done.state == "destroyed"
    assert done.destroyed_by_name == "teamleider"
    assert done.destroyed_at is not None
    item = done.items.get()
    assert item.case is None
    assert item.destroyed_at is not None
    assert (item.case_identification, item.archive_date, item.result) == (
        identification,
        PAST,
        "Verstrekt",
    )
    assert "999993653" not in repr(vars(item))  # no personal data in the record
    event = Event.objects.get(kind="case_destroyed")
    assert event.main_object.endswith(url_uuid)
    assert event.action == "destroy"


def test_a_case_that_is_no_longer_due_is_kept_and_says_why(case_type, maker, approver):
    case = closed_case(case_type)
    destruction_list = approve_destruction(
        propose_destruction([case], name="2020", by=maker), by=approver
    )
    Case.objects.filter(pk=case.pk).update(archive_action="blijvend_bewaren")

    done = destroy_listed_cases(destruction_list, by=approver)

    assert Case.objects.filter(pk=case.pk).exists()
    item = done.items.get()
    assert item.destroyed_at is None
    assert item.outcome == "bewaard: hoeft niet meer vernietigd te worden"


def test_admin_pages_make_approve_and_show_a_list(case_type, client):
    maker = staff("archivaris", "add_destructionlist", "view_case", "view_destructionlist")
    approver = staff("teamleider", "approve_destructionlist", "view_destructionlist")
    get_user_model().objects.filter(pk__in=[maker.pk, approver.pk]).update(is_staff=True)
    case = closed_case(case_type)

    client.force_login(maker)
    listed = client.get(reverse("admin:cases_case_changelist"), {"destruction": "due"})
    assert case.identification in listed.content.decode()
    client.post(
        reverse("admin:cases_case_changelist"),
        {"action": "put_on_destruction_list", "_selected_action": [case.pk]},
    )
    destruction_list = DestructionList.objects.get()
    client.post(  # the maker has no approve action
        reverse("admin:cases_destructionlist_changelist"),
        {"action": "approve", "_selected_action": [destruction_list.pk]},
    )
    assert DestructionList.objects.get().state == "draft"

    client.force_login(approver)
    client.post(
        reverse("admin:cases_destructionlist_changelist"),
        {"action": "approve", "_selected_action": [destruction_list.pk]},
    )
    assert DestructionList.objects.get().state == "approved"
    page = client.get(reverse("admin:cases_destructionlist_change", args=[destruction_list.pk]))
    assert page.status_code == 200
    assert case.identification in page.content.decode()


def test_the_command_lists_the_candidates_and_the_lists(case_type, maker):
    due = closed_case(case_type)
    closed_case(case_type, action="blijvend_bewaren")
    out = StringIO()
    call_command("vernietigen", stdout=out)
    assert out.getvalue().splitlines() == [
        f"{due.identification}\tUITTREKSEL-BRP\t2020-01-01",
        "1 case(s) due for destruction and on no list",
    ]

    propose_destruction([due], name="Vernietiging 2020", by=maker)
    out = StringIO()
    call_command("vernietigen", "--lists", stdout=out)
    assert "draft\tVernietiging 2020\tmade by archivaris" in out.getvalue()


def test_the_decisions_and_sub_cases_go_with_the_case(
    case_type, document_type, maker, approver, django_capture_on_commit_callbacks
):
    case = closed_case(case_type, document_type)
    sub = closed_case(case_type, document_type)
    Case.objects.filter(pk=sub.pk).update(main_case=case)
    decision_type = DecisionType.objects.create(
        catalogue=case_type.catalogue, valid_from=date(2026, 1, 1), description="Besluit"
    )
    decision = Decision.objects.create(
        identification="B-1",
        responsible_organisation="001000007",
        decision_type=decision_type,
        case=case,
        date=date(2019, 2, 1),
        start_date=date(2019, 3, 1),
    )
    letter = Document.objects.filter(case_links__case=case).first()
    DecisionDocument.objects.create(decision=decision, document=letter)
    documents = list(Document.objects.filter(case_links__case__in=[case, sub]))
    files = [d.versions.get().file.name for d in documents]

    destruction_list = propose_destruction([case, sub], name="2020", by=maker)
    approve_destruction(destruction_list, by=approver)
    with django_capture_on_commit_callbacks(execute=True):
        done = destroy_listed_cases(destruction_list, by=approver)

    assert not Case.objects.filter(pk__in=[case.pk, sub.pk]).exists()
    assert not Decision.objects.exists()
    assert not Document.objects.filter(pk__in=[d.pk for d in documents]).exists()
    assert not any(default_storage.exists(name) for name in files)
    outcomes = {item.case_identification: item.outcome for item in done.items.all()}
    assert outcomes == {
        case.identification: "vernietigd",
        sub.identification: "vernietigd met de hoofdzaak",
    }
    assert all(item.destroyed_at for item in done.items.all())


def test_the_mails_and_the_form_submission_go_with_the_case(
    case_type, maker, approver, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile

    from loket.catalog.models import Department, Product
    from loket.forms.models import Draft, FormDefinition, Submission, Upload
    from loket.notify.models import Mail
    from loket.notify.services import queue_mail

    case = closed_case(case_type)
    kept = closed_case(case_type, action="blijvend_bewaren")
    for each in (case, kept):
        queue_mail(to="inwoner@example.nl", subject="Uw aanvraag", text_body="…", case=each)
    department, _ = Department.objects.get_or_create(code="burgerzaken", name="Burgerzaken")
    product = Product.objects.create(
        slug="melding", upl_name="m", upl_uri="http://x/m", name="M", department=department
    )
    definition = FormDefinition.objects.create(product=product, version=1, login="none", schema={})
    draft = Draft.objects.create(definition=definition, answers={"naam": "Lisa"})
    upload = Upload(draft=draft, field="foto", name="foto.jpg", content_type="image/jpeg", size=3)
    upload.file.save("foto", ContentFile(b"jpg"), save=True)
    Submission.objects.create(
        draft=draft, definition=definition, answers={"naam": "Lisa"}, status="registered", case=case
    )
    file_name = upload.file.name

    destruction_list = propose_destruction([case], name="Vernietiging", by=maker)
    approve_destruction(destruction_list, by=approver)
    with django_capture_on_commit_callbacks(execute=True):
        destroy_listed_cases(destruction_list, by=approver)

    assert list(Mail.objects.values_list("case", flat=True)) == [kept.pk]
    assert not Submission.objects.exists() and not Draft.objects.exists()
    assert not default_storage.exists(file_name)
