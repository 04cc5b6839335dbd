"""The cases service behind the answer form: ``answer_request`` stores the initiator's text and
files as documents of the case and resumes the legal clock, all in one transaction."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from loket.cases.models import CaseDocument, ClockEvent, Document
from loket.cases.services import CaseError, EvidenceFile, answer_request
from loket.notify.models import Event
from tests.portal.conftest import JPEG, PDF, make_case

pytestmark = pytest.mark.django_db

ACTOR = "Lisa van den Berg (Mijn omgeving)"


def test_text_and_files_become_incoming_documents_and_the_clock_runs_again(persons):
    case = make_case(bsn=persons[0].bsn, suspended="Stuur uw huurcontract.")
    suspended_at = case.clock_events.get(kind=ClockEvent.Kind.SUSPENDED).at
    legal_end = case.legal_end
    answered_at = timezone.make_aware(
        datetime.combine(timezone.localtime(suspended_at).date() + timedelta(days=7), time(12))
    )
    events_before = Event.objects.count()

    links = answer_request(
        case,
        text="  Hierbij mijn huurcontract.  ",
        files=[EvidenceFile("huurcontract.pdf", PDF), EvidenceFile("foto.jpg", JPEG)],
        actor=ACTOR,
        at=answered_at,
    )

    case.refresh_from_db()
    assert not case.is_suspended
    assert case.legal_end > legal_end, "the deadline moves by the days the case waited"
    resumed = case.clock_events.get(kind=ClockEvent.Kind.RESUMED)
    assert resumed.actor == ACTOR and resumed.at == answered_at
    assert [link.case for link in links] == [case] * 3
    text, pdf, photo = (link.document.versions.get() for link in links)
    assert text.file.read() == b"Hierbij mijn huurcontract."
    assert (text.file_name, text.content_type) == ("antwoord.txt", "text/plain")
    assert (pdf.file_name, pdf.content_type) == ("huurcontract.pdf", "application/pdf")
    assert photo.content_type == "image/jpeg"
    incoming = case.case_type.document_type_links.filter(direction="inkomend").order_by("order")
    for version in (text, pdf, photo):
        assert version.document_type == incoming.first().document_type
        assert version.author == ACTOR
        assert version.received_on == timezone.localdate()
        assert version.usage_rights_indicated is False
        assert "Stuur uw huurcontract." in version.description
    kinds = list(Event.objects.order_by("pk").values_list("kind", flat=True)[events_before:])
    assert kinds == ["document_added"] * 3 + ["case_resumed"]


def test_refused_without_an_answer_when_not_suspended_and_when_closed(persons):
    bsn = persons[0].bsn
    waiting = make_case(bsn=bsn, suspended="Stuur uw huurcontract.")
    running = make_case(bsn=bsn)
    closed = make_case(bsn=bsn, closed=True)

    with pytest.raises(CaseError) as refusal:
        answer_request(waiting, text="   ", files=[], actor=ACTOR)
    assert refusal.value.code == "required"
    with pytest.raises(CaseError) as refusal:
        answer_request(running, text="Hier is het.", actor=ACTOR)
    assert refusal.value.code == "niet-opgeschort"
    with pytest.raises(CaseError) as refusal:
        answer_request(closed, text="Hier is het.", actor=ACTOR)
    assert refusal.value.code == "zaak-afgesloten"
    assert not Document.objects.exists()


def test_all_or_nothing_when_resuming_fails(persons, monkeypatch):
    case = make_case(bsn=persons[0].bsn, suspended="Stuur uw huurcontract.")
    events_before = Event.objects.count()

    def broken_resume(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("loket.cases.services.citizen.resume", broken_resume)
    with pytest.raises(RuntimeError):
        answer_request(case, text="Hier is het.", files=[EvidenceFile("c.pdf", PDF)], actor=ACTOR)

    case.refresh_from_db()
    assert case.is_suspended
    assert not CaseDocument.objects.exists() and not Document.objects.exists()
    assert Event.objects.count() == events_before


def test_a_case_type_without_an_incoming_document_type_takes_its_first_one(persons):
    case = make_case(bsn=persons[0].bsn, identification="OVERLIJDENSAANGIFTE", suspended="x")
    # The death notification's first type is incoming; make it look outgoing-only.
    case.case_type.document_type_links.update(direction="uitgaand")

    link = answer_request(case, text="Antwoord", actor=ACTOR)[0]

    first = case.case_type.document_type_links.order_by("order").first()
    assert link.document.document_type == first.document_type
