"""The case screen at /werk/zaak/<uuid>/ and the payouts page, through the test client:
what a case worker sees, what they may do, and how a refusal keeps what they typed.

Interface texts are asserted in English (Accept-Language: en).
"""

import pytest
from django.urls import reverse

from loket.cases.models import Payout
from loket.identity.roles import Role
from loket.identity.services import create_staff_account
from loket.notify.demo import load_demo_status_mails
from tests.forms.conftest import Filler, demo_forms, resident  # noqa: F401 - fixtures
from tests.workqueue.helpers import PASSWORD, apply_for_budget, case_worker, department

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


@pytest.fixture
def case(resident, client):  # noqa: F811 - the fixture imported above
    load_demo_status_mails()
    return apply_for_budget(Filler(client), resident)


@pytest.fixture
def staff(case, client):
    """A logged-in case worker of the case's department."""
    user = case_worker("wim", case.department)
    client.logout()
    client.force_login(user)
    return client


def screen(case) -> str:
    return reverse("workqueue:case", args=[case.uuid])


def act(client, case, action: str, data: dict, **files):
    url = reverse("workqueue:case_action", args=[case.uuid, action])
    payload = {f"{action}-{name}": value for name, value in data.items()}
    payload.update({f"{action}-{name}": upload for name, upload in files.items()})
    return client.post(url, payload, headers=EN, follow=True)


def test_the_screen_shows_what_was_submitted_the_documents_and_the_history(staff, case):
    html = staff.get(screen(case), headers=EN).content.decode()

    assert f'<h1 class="utrecht-heading-1">{case.identification}:' in html
    for submitted in ("Bankje in het plantsoen", "Bankje", "NL91 ABNA 0417 1643 00", "J. Jansen"):
        assert submitted in html, submitted
    assert "Status: Ontvangen" in html  # the history
    assert "Mail to the applicant:" in html
    for action in ("compleet", "informatie", "status", "besluit", "document", "sluiten"):
        assert f'id="action-{action}"' in html, action


def test_the_queue_links_to_the_screen(staff, case):
    html = staff.get(reverse("workqueue:queue", args=["wijken"]), headers=EN).content.decode()
    assert f'href="{screen(case)}"' in html


def test_others_do_not_see_the_case(case, client):
    client.force_login(case_worker("otto", department("burgerzaken", "Burgerzaken")))
    assert client.get(screen(case)).status_code == 404
    kcc = create_staff_account(username="kim", password=PASSWORD, role=Role.KCC)
    client.force_login(kcc)
    assert client.get(screen(case)).status_code == 403
    client.logout()
    assert client.get(screen(case)).status_code == 302  # to the staff login


def test_an_action_goes_through_the_service_and_comes_back_with_a_message(staff, case):
    response = act(staff, case, "informatie", {"question": "Stuur een foto van de plek."})

    assert response.redirect_chain[-1][0] == screen(case)
    html = response.content.decode()
    assert "The applicant has been asked." in html
    assert "Waiting for the applicant. Asked: Stuur een foto van de plek." in html
    case.refresh_from_db()
    assert case.is_suspended


def test_a_refusal_is_shown_next_to_the_field_and_keeps_what_was_typed(staff, case):
    response = act(staff, case, "besluit", {"text": "", "amount": "250,00"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Error:" in html.split("</title>")[0]
    assert 'id="besluit-text-error">This field is required.' in html
    assert 'value="250,00"' in html
    assert not case.decisions.exists()


def test_a_service_refusal_names_the_field(staff, case):
    act(staff, case, "informatie", {"question": "Een foto graag."})

    response = act(staff, case, "sluiten", {"result_type": case.case_type.result_types.first().pk})

    assert response.status_code == 400
    assert "The case is waiting for the applicant. Stop waiting first." in response.content.decode()


def test_a_decision_with_an_amount_ends_in_a_payment_file(staff, case):
    decision_type = case.case_type.decision_types.get()
    decided = case.case_type.status_types.get(description="Besluit genomen")
    response = act(
        staff,
        case,
        "besluit",
        {
            "decision_type": decision_type.pk,
            "text": "U krijgt een bijdrage.",
            "amount": "500,00",
            "status_type": decided.pk,
        },
    )
    html = response.content.decode()
    assert "has been recorded with its letter" in html
    assert "Payout of € 500.00 to NL91ABNA0417164300: waiting for the next payment file" in html
    letter = case.document_links.get(title__startswith="Besluit")
    download = staff.get(reverse("workqueue:case_document", args=[case.uuid, letter.uuid]))
    assert download["Content-Type"] == "application/pdf"

    payouts_url = reverse("workqueue:payouts", args=["wijken"])
    assert "€ 500.00 in total" in staff.get(payouts_url, headers=EN).content.decode()
    html = staff.post(payouts_url, headers=EN, follow=True).content.decode()

    batch = Payout.objects.get().batch
    assert f"Payment file {batch.message_id} is ready: 1 payout, € 500.00." in html
    xml = staff.get(reverse("workqueue:payout_file", args=["wijken", batch.message_id]))
    assert xml["Content-Disposition"] == f'attachment; filename="{batch.message_id}.xml"'
    assert b'<InstdAmt Ccy="EUR">500.00</InstdAmt>' in xml.content
    html = staff.post(payouts_url, headers=EN, follow=True).content.decode()
    assert "There are no payouts waiting to be exported." in html


def test_a_document_is_checked_on_its_bytes(staff, case):
    from tests.forms.conftest import EXE, named_file

    photo = case.case_type.document_types.get(description="Foto van het resultaat")
    response = act(
        staff,
        case,
        "document",
        {"document_type": photo.pk, "title": "Foto"},
        file=named_file("foto.pdf", EXE),
    )
    assert response.status_code == 400
    assert not case.document_links.filter(title="Foto").exists()
