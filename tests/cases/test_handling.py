"""The back office's changes of a case (loket.cases.services.handling) on a real application
for a leefbaarheidsbudget: who may make them, the clock, the mails, the letter, the payout,
the audit trail.

Texts are asserted in Dutch: the mails go out in the case's language (the form's, Dutch).
"""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from loket.cases import services
from loket.cases.models import AuditEntry, CaseNote, ClockEvent, Payout
from loket.cases.selectors import citizen_documents, citizen_messages
from loket.cases.services import CaseError
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.notify.demo import load_demo_status_mails
from loket.notify.models import Mail
from tests.forms.conftest import Filler, demo_forms, resident  # noqa: F401 - fixtures
from tests.workqueue.helpers import BUDGET_IBAN, PASSWORD, apply_for_budget, case_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(resident, client):  # noqa: F811 - the fixture imported above
    load_demo_status_mails()
    return apply_for_budget(Filler(client), resident)


@pytest.fixture
def worker(case):
    return case_worker("wim", case.department)


def step(case, description):
    return case.case_type.status_types.get(description=description)


def decision_type(case):
    return case.case_type.decision_types.get()


def mails_to_applicant(case):
    return list(Mail.objects.filter(case=case).order_by("queued_at", "pk"))


def audited(case) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            main_object_uuid=case.uuid, application_id="loket-werkvoorraad"
        ).values_list("resource", flat=True)
    )


ACTIONS = {
    "note": lambda case, by: services.add_note(case, "x", visible_to_citizen=False, by=by),
    "complete": lambda case, by: services.confirm_complete(case, by=by),
    "ask": lambda case, by: services.request_information(case, "Een foto graag.", by=by),
    "step": lambda case, by: services.advance_status(
        case, step(case, "Volledig"), note_visible=False, by=by
    ),
    "decide": lambda case, by: services.decide(case, decision_type(case), text="Ja.", by=by),
    "close": lambda case, by: services.close_case(
        case, case.case_type.result_types.first(), note_visible=False, by=by
    ),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_only_a_case_worker_of_the_department_may_act(case, action):
    other = case_worker("otto")  # a case worker, but of no department
    kcc = create_staff_account(username="kim", password=PASSWORD, role=Role.KCC)
    kcc.departments.set([case.department])  # a member, but a role that does not work cases

    for user in (other, kcc):
        with pytest.raises(PermissionDenied):
            ACTIONS[action](case, user)
    assert audited(case) == []


def test_asking_for_information_stops_the_clock_mails_the_question_and_the_answer_resumes(
    case, worker
):
    services.request_information(case, "Stuur een foto van de plek.", by=worker)

    case.refresh_from_db()
    assert case.is_suspended and case.suspension_reason == "Stuur een foto van de plek."
    suspended = case.clock_events.get(kind=ClockEvent.Kind.SUSPENDED)
    assert suspended.actor == "Bram Behandel"
    mail = mails_to_applicant(case)[-1]
    assert mail.to == "j@example.nl"
    assert mail.subject == f"We hebben iets van u nodig ({case.identification})"
    assert "Stuur een foto van de plek." in mail.text_body
    assert f"/mijn/zaken/{case.uuid}/" in mail.text_body
    assert audited(case) == ["zaak"]
    with pytest.raises(CaseError) as twice:
        services.request_information(case, "Nog iets.", by=worker)
    assert twice.value.code == "al-opgeschort"

    services.answer_request(case, text="Hierbij de foto.", actor="J. Jansen (Mijn omgeving)")

    case.refresh_from_db()
    assert not case.is_suspended
    assert case.clock_events.filter(kind=ClockEvent.Kind.RESUMED).exists()


def test_a_question_is_needed_and_fits_the_suspension_reason(case, worker):
    for question, code in (("  ", "required"), ("x" * 201, "max_length")):
        with pytest.raises(CaseError) as refused:
            services.request_information(case, question, by=worker)
        assert refused.value.code == code and refused.value.field == "question"
    case.refresh_from_db()
    assert not case.is_suspended


def test_stop_waiting_restarts_the_clock(case, worker):
    services.request_information(case, "Bel ons even.", by=worker)
    services.stop_waiting(case, by=worker)
    case.refresh_from_db()
    assert not case.is_suspended


def test_completeness_moves_the_first_step_on_once(case, worker):
    services.confirm_complete(case, by=worker)

    case.refresh_from_db()
    assert case.complete_on is not None
    assert case.current_status.description == "Volledig"
    assert mails_to_applicant(case)[-1].subject.startswith("Nieuws over uw zaak")
    with pytest.raises(CaseError) as again:
        services.confirm_complete(case, by=worker)
    assert again.value.code == "al-compleet"


def test_a_step_is_one_of_the_next_ones_and_never_the_end(case, worker):
    end = case.case_type.status_types.order_by("-order").first()
    first = case.case_type.status_types.order_by("order").first()
    for status_type in (end, first):
        with pytest.raises(CaseError) as refused:
            services.advance_status(case, status_type, note_visible=False, by=worker)
        assert refused.value.field == "statustype"

    change = services.advance_status(
        case, step(case, "Volledig"), note="Alles is binnen.", note_visible=True, by=worker
    )

    assert change.set_by == "Bram Behandel"
    assert citizen_messages(case)[0].text == "Alles is binnen."
    assert "Alles is binnen." in mails_to_applicant(case)[-1].text_body


def test_no_step_while_the_case_waits_for_the_applicant(case, worker):
    services.request_information(case, "Een foto graag.", by=worker)
    with pytest.raises(CaseError) as refused:
        services.advance_status(case, step(case, "Volledig"), note_visible=False, by=worker)
    assert refused.value.code == "opgeschort"


def test_a_granting_decision_makes_the_letter_the_payout_and_the_next_step(case, worker):
    decision = services.decide(
        case,
        decision_type(case),
        text="We geven u een bijdrage voor het bankje.",
        amount=Decimal("500.00"),
        status_type=step(case, "Besluit genomen"),
        by=worker,
    )

    case.refresh_from_db()
    assert case.current_status.description == "Besluit genomen"
    letter = next(d for d in citizen_documents(case) if d.title.startswith("Besluit"))
    assert letter.title == f"Besluit {decision.identification}"
    assert letter.content_type == "application/pdf"
    pdf = letter.version.file.open("rb").read()
    for text in (
        "We geven u een bijdrage voor het bankje.",
        "EUR 500,00",
        BUDGET_IBAN,
        "binnen 6 weken",
        case.identification,
        "Bram Behandel",
    ):
        assert text.encode("latin-1") in pdf, text
    assert decision.document_links.get().document == letter.link.document
    payout = Payout.objects.get()
    assert (payout.case, payout.amount, payout.iban) == (case, Decimal("500.00"), BUDGET_IBAN)
    assert payout.account_holder == "J. Jansen" and payout.is_pending
    # One mail: the step's, which says the letter is in Mijn omgeving.
    assert mails_to_applicant(case)[-1].subject.startswith("Nieuws over uw zaak")
    assert audited(case) == ["status", "besluit"]


def test_a_decision_without_a_step_mails_that_the_letter_is_there(case, worker):
    services.decide(case, decision_type(case), text="Helaas niet.", by=worker)

    mail = mails_to_applicant(case)[-1]
    assert mail.subject == f"Besluit over uw aanvraag ({case.identification})"
    assert not Payout.objects.exists()


def test_a_decision_needs_a_text_and_a_positive_amount(case, worker):
    for text, amount, field in (("", None, "text"), ("Ja.", Decimal("0"), "amount")):
        with pytest.raises(CaseError) as refused:
            services.decide(case, decision_type(case), text=text, amount=amount, by=worker)
        assert refused.value.field == field
    assert not case.decisions.exists()


def test_notes_for_colleagues_stay_internal(case, worker):
    services.add_note(
        case, "Lijkt op de aanvraag van vorig jaar.", visible_to_citizen=False, by=worker
    )
    mails = len(mails_to_applicant(case))
    assert "Zelfde plek als vorig jaar." not in [m.text for m in citizen_messages(case)]
    assert len(mails_to_applicant(case)) == mails

    services.add_note(case, "We bellen u volgende week.", visible_to_citizen=True, by=worker)

    assert citizen_messages(case)[0].text == "We bellen u volgende week."
    assert mails_to_applicant(case)[-1].subject == (
        f"Nieuw bericht over uw aanvraag ({case.identification})"
    )
    assert CaseNote.objects.count() == 2
    with pytest.raises(CaseError):
        services.add_note(case, "   ", visible_to_citizen=False, by=worker)


def test_a_document_of_the_case_type_is_added(case, worker):
    photo = case.case_type.document_types.get(description="Foto van het resultaat")
    jpeg = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")

    link = services.add_case_document(
        case,
        document_type=photo,
        title="Foto bankje",
        file_name="bankje.jpg",
        content=jpeg,
        visible_to_citizen=True,
        by=worker,
    )

    assert link.visible_to_citizen and link.title == "Foto bankje"
    assert "Foto bankje" in [d.title for d in citizen_documents(case)]


def test_closing_records_the_result_and_the_end_and_refuses_while_waiting(case, worker):
    granted = case.case_type.result_types.get(description="Toegekend")
    services.request_information(case, "Stuur de bonnetjes.", by=worker)
    with pytest.raises(CaseError) as waiting:
        services.close_case(case, granted, note_visible=False, by=worker)
    assert waiting.value.code == "opgeschort"
    services.answer_request(case, text="Bon: 750 euro.", actor="J. Jansen")

    services.close_case(case, granted, note="Bedankt!", note_visible=True, by=worker)

    case.refresh_from_db()
    assert case.is_closed and case.result.result_type == granted
    assert case.archive_action == "vernietigen" and case.archive_date is not None
    with pytest.raises(CaseError) as closed:
        services.close_case(case, granted, note_visible=False, by=worker)
    assert closed.value.code == "zaak-afgesloten"
