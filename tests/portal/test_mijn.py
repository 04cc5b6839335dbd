"""Mijn omgeving without JavaScript: the visitor's own cases with their track & trace, what
the municipality waits for, documents, messages, the outcome and the satisfaction question,
and the person's data from the BRP."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from loket.cases.models import Case, ClockEvent
from loket.cases.tracking import track_token
from loket.notify.models import Mail
from loket.notify.services import queue_mail
from loket.portal.models import SatisfactionAnswer
from tests.portal.conftest import (
    EXE,
    JPEG,
    PDF,
    add_document,
    business_visitor,
    logged_in,
    make_case,
    person_visitor,
)

pytestmark = pytest.mark.django_db

MIJN = reverse("portal:mijn")


def case_url(case: Case, name: str = "portal:mijn-case") -> str:
    return reverse(name, args=[case.uuid])


def main_of(response) -> str:
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


# --- the list of cases ------------------------------------------------------------------------


def test_the_overview_lists_only_my_cases_open_first_then_newest_first(persons):
    a, b = persons
    old_open = make_case(bsn=a.bsn, days_ago=20, description="Oude verhuizing")
    new_open = make_case(bsn=a.bsn, days_ago=2, description="Nieuwe verhuizing")
    closed = make_case(bsn=a.bsn, days_ago=1, closed=True, description="Afgeronde verhuizing")
    someone_elses = make_case(bsn=b.bsn, description="Verhuizing van B")
    anonymous_report = make_case(identification="MELDING-OPENBARE-RUIMTE")

    response = logged_in(person_visitor(a)).get(MIJN)

    assert response.status_code == 200
    main = main_of(response)
    order = [main.index(case_url(case)) for case in (new_open, old_open, closed)]
    assert order == sorted(order), "open cases first, newest first; then the closed ones"
    assert case_url(someone_elses) not in main and "Verhuizing van B" not in main
    assert case_url(anonymous_report) not in main
    assert "My cases in progress" in main and "My completed cases" in main
    assert f"Step 1 of 3: {new_open.current_status.citizen_name_en}" in main
    assert f"Completed on {closed.closed_on:%-d %B %Y}." in main
    assert response["Cache-Control"].startswith("max-age=0")
    assert "private" in response["Cache-Control"]


def test_a_business_sees_the_cases_of_its_kvk_number_and_no_anonymous_ones(persons, business):
    a, _b = persons
    own = make_case(kvk=business.kvk, identification="GEBOORTEAANGIFTE")
    other_business = make_case(kvk="99990028", identification="GEBOORTEAANGIFTE")
    persons_case = make_case(bsn=a.bsn)
    anonymous = make_case(identification="MELDING-OPENBARE-RUIMTE")

    main = main_of(logged_in(business_visitor(business)).get(MIJN))

    assert case_url(own) in main
    for case in (other_business, persons_case, anonymous):
        assert case_url(case) not in main


def test_an_empty_overview_says_so(persons):
    main = main_of(logged_in(person_visitor(persons[0])).get(MIJN))
    assert "You have no cases yet." in main


def test_the_overview_is_paged_by_fifty(persons, monkeypatch):
    monkeypatch.setattr("loket.portal.mijn.CASES_PER_PAGE", 2)
    a = persons[0]
    cases = [make_case(bsn=a.bsn, days_ago=days) for days in (1, 2, 3)]
    client = logged_in(person_visitor(a))

    first = main_of(client.get(MIJN))
    second = main_of(client.get(MIJN, {"page": 2}))

    assert case_url(cases[0]) in first and case_url(cases[2]) not in first
    assert case_url(cases[2]) in second and "Page 2 of 2" in second


def test_not_logged_in_goes_to_the_login_page_and_back(persons):
    response = logged_in(None).get(MIJN)
    assert response.status_code == 302
    assert response["Location"] == reverse("identity:login") + "?next=/mijn/"


def test_the_header_links_to_mijn_omgeving_once_logged_in(persons):
    assert 'href="/mijn/"' not in logged_in(None).get("/").content.decode()
    html = logged_in(person_visitor(persons[0])).get("/").content.decode()
    assert 'href="/mijn/"' in html and "My page" in html


def test_the_pages_are_in_dutch_by_default(persons):
    from django.utils import formats, translation

    a = persons[0]
    case = make_case(bsn=a.bsn, closed=True)
    client = logged_in(person_visitor(a), language="nl")
    for url in (MIJN, case_url(case), reverse("portal:mijn-data")):
        response = client.get(url)
        assert response.status_code == 200
        assert '<html lang="nl"' in response.content.decode()
    with translation.override("nl"):
        registered = formats.date_format(case.registered_on, "j F Y")
    assert registered in main_of(client.get(case_url(case)))
    assert "Zaaknummer" in main_of(client.get(case_url(case)))


# --- one case: the track & trace timeline -----------------------------------------------------


def test_the_case_page_shows_done_current_and_coming_steps_with_dates(persons):
    a = persons[0]
    case = make_case(bsn=a.bsn, identification="VERHUIZING", steps=2, days_ago=2)
    changes = list(case.status_changes.order_by("set_at"))

    main = main_of(logged_in(person_visitor(a)).get(case_url(case)))

    steps = re.findall(r'loket-timeline__step--(\w+)"', main)
    assert steps == ["done", "current", "coming"]
    done_at = timezone.localtime(changes[0].set_at)
    assert "Done \N{EN DASH} <time datetime=" in main
    assert f"{done_at:%-d %B %Y, %H:%M}" in main
    current = case.current_status
    assert current.citizen_explanation_en in main
    assert 'aria-current="step"' in main
    assert "Still to come \N{EN DASH} expected by" in main
    assert f"By law we decide by {case.legal_end:%-d %B %Y} at the latest." in main


def test_a_suspended_case_says_what_the_municipality_waits_for_with_the_form(persons):
    a = persons[0]
    case = make_case(bsn=a.bsn, suspended="Stuur een kopie van uw huurcontract.")

    main = main_of(logged_in(person_visitor(a)).get(case_url(case)))

    assert "We are waiting for you" in main
    assert "Stuur een kopie van uw huurcontract." in main
    assert "The time limit is paused while we wait for information from you." in main
    assert f'action="{case_url(case, "portal:mijn-answer")}"' in main
    assert 'enctype="multipart/form-data"' in main
    assert 'name="answer"' in main and 'type="file" name="files"' in main


def test_an_answer_with_text_and_files_becomes_documents_and_resumes_the_clock(persons):
    a = persons[0]
    case = make_case(bsn=a.bsn, suspended="Stuur een kopie van uw huurcontract.")
    client = logged_in(person_visitor(a))

    response = client.post(
        case_url(case, "portal:mijn-answer"),
        {
            "answer": "Hierbij het huurcontract.",
            "files": [upload("huurcontract.pdf", PDF), upload("foto.jpg", JPEG)],
        },
    )

    assert response.status_code == 302 and response["Location"] == case_url(case)
    case.refresh_from_db()
    assert not case.is_suspended
    assert case.clock_events.filter(kind=ClockEvent.Kind.RESUMED).exists()
    links = list(case.document_links.select_related("document").order_by("pk"))
    assert len(links) == 3
    incoming = case.case_type.document_type_links.filter(direction="inkomend").order_by("order")
    assert {link.document.document_type_id for link in links} == {incoming.first().document_type_id}
    versions = [link.document.versions.get() for link in links]
    assert [v.content_type for v in versions] == ["text/plain", "application/pdf", "image/jpeg"]
    assert versions[0].file.read().decode() == "Hierbij het huurcontract."
    with translation.override("nl"):  # stored for the staff, in the municipality's language
        title = gettext("Answer to: %(question)s") % {"question": case.suspension_reason}
    assert versions[0].title == title
    assert all(link.visible_to_citizen for link in links)
    assert all(a.full_name in v.author for v in versions)

    page = main_of(client.get(response["Location"]))
    assert "Thank you. We have received your answer" in page
    assert "We are waiting for you" not in page
    assert "huurcontract.pdf" in page and "foto.jpg" in page


def test_an_answer_with_only_a_file_or_only_text_is_enough(persons):
    a = persons[0]
    only_text = make_case(bsn=a.bsn, suspended="Wat is uw telefoonnummer?")
    only_file = make_case(bsn=a.bsn, suspended="Stuur een pasfoto.")
    client = logged_in(person_visitor(a))

    client.post(case_url(only_text, "portal:mijn-answer"), {"answer": "0612345678"})
    client.post(case_url(only_file, "portal:mijn-answer"), {"files": [upload("p.png", b"")]})
    client.post(case_url(only_file, "portal:mijn-answer"), {"files": [upload("p.jpg", JPEG)]})

    for case in (only_text, only_file):
        case.refresh_from_db()
        assert not case.is_suspended
        assert case.document_links.count() == 1


def test_an_empty_answer_or_a_wrong_file_is_refused_and_nothing_changes(persons):
    a = persons[0]
    case = make_case(bsn=a.bsn, suspended="Stuur een kopie van uw huurcontract.")
    client = logged_in(person_visitor(a))
    url = case_url(case, "portal:mijn-answer")

    empty = client.post(url, {"answer": "   "})
    renamed = client.post(url, {"answer": "Zie bijlage", "files": [upload("c.pdf", EXE)]})
    wrong_kind = client.post(url, {"files": [upload("contract.docx", PDF)]})
    too_many = client.post(url, {"files": [upload(f"{n}.pdf", PDF) for n in range(6)]})

    assert empty.status_code == renamed.status_code == wrong_kind.status_code == 400
    assert too_many.status_code == 400
    assert "Write an answer or add a file." in main_of(empty)
    assert 'href="#answer-text"' in main_of(empty)
    assert "c.pdf: The file is not really a PDF file." in main_of(renamed)
    assert 'href="#answer-files"' in main_of(renamed)
    assert "Zie bijlage" in main_of(renamed), "what was typed is kept"
    assert "contract.docx: This kind of file is not allowed." in main_of(wrong_kind)
    assert "at most 5 files" in main_of(too_many)
    case.refresh_from_db()
    assert case.is_suspended and not case.document_links.exists()


def test_an_answer_after_the_municipality_went_on_says_so(persons):
    from loket.cases.services import resume

    a = persons[0]
    case = make_case(bsn=a.bsn, suspended="Stuur een kopie van uw huurcontract.")
    resume(case, actor="behandelaar")
    client = logged_in(person_visitor(a))

    response = client.post(case_url(case, "portal:mijn-answer"), {"answer": "Hier is het."})

    assert response.status_code == 302
    page = main_of(client.get(response["Location"]))
    assert "The municipality is not waiting for anything from you in this case." in page
    assert not case.document_links.exists()


# --- documents and messages -------------------------------------------------------------------


def test_only_documents_visible_to_the_citizen_are_listed_and_downloaded(persons):
    a = persons[0]
    case = make_case(bsn=a.bsn, steps=2)
    letter = add_document(case, title="Bevestiging adreswijziging", file_name="bevestiging.pdf")
    internal = add_document(case, visible=False, title="Interne notitie", file_name="n.pdf")
    client = logged_in(person_visitor(a))

    main = main_of(client.get(case_url(case)))
    assert "Bevestiging adreswijziging" in main and "(PDF, 69\xa0bytes," in main
    assert "Interne notitie" not in main

    download = client.get(reverse("portal:mijn-document", args=[case.uuid, letter.uuid]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="bevestiging.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF
    assert "no-store" in download["Cache-Control"]

    hidden = client.get(reverse("portal:mijn-document", args=[case.uuid, internal.uuid]))
    assert hidden.status_code == 404


def test_a_file_name_with_a_line_break_downloads_with_a_clean_header(persons):
    a = persons[0]
    case = make_case(bsn=a.bsn)
    letter = add_document(case, file_name="brief\r\nSet-Cookie: x.pdf")

    download = logged_in(person_visitor(a)).get(
        reverse("portal:mijn-document", args=[case.uuid, letter.uuid])
    )

    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="briefSet-Cookie: x.pdf"'
    assert "Set-Cookie" not in {name.title() for name in download.headers}


def test_messages_are_the_visible_notes_and_the_mails_about_the_case(persons):
    from loket.cases.services import set_status

    a = persons[0]
    case = make_case(bsn=a.bsn)
    second = case.case_type.status_types.get(order=2)
    set_status(case, second, actor="b", note="Intern: bellen met verhuurder", at=timezone.now())
    subject = "Wij hebben uw verhuizing ontvangen"
    queue_mail(to="a@example.nl", subject=subject, text_body="…", case=case)
    failed = queue_mail(to="a@example.nl", subject="Mislukte mail", text_body="…", case=case)
    Mail.objects.filter(pk=failed.pk).update(status=Mail.Status.FAILED)
    queue_mail(to="b@example.nl", subject="Over een andere zaak", text_body="…")

    main = main_of(logged_in(person_visitor(a)).get(case_url(case)))

    assert "Ontvangen via het formulier." in main
    assert "Intern: bellen met verhuurder" not in main
    assert f"{subject} \N{EN DASH} being sent" in main
    assert "Mislukte mail" not in main and "Over een andere zaak" not in main


# --- closed: outcome and satisfaction ---------------------------------------------------------


def test_a_closed_case_shows_its_result_and_decision(persons):
    from loket.cases.decisions import create_decision

    a = persons[0]
    case = make_case(bsn=a.bsn, identification="PARKEERVERGUNNING", closed=True)
    decision_type = case.case_type.decision_types.get()
    create_decision(
        decision_type=decision_type,
        case=case,
        date=timezone.localdate(),
        start_date=timezone.localdate(),
        objection_deadline=timezone.localdate() + timedelta(weeks=6),
        responsible_organisation=case.source_organisation,
    )

    main = main_of(logged_in(person_visitor(a)).get(case_url(case)))

    assert f"Result: <strong>{case.result.result_type.description}</strong>" in main
    assert f"Decision: {decision_type.description}" in main
    assert "You can object until" in main


def test_the_satisfaction_question_is_asked_once_after_closure_and_thanked(persons):
    a = persons[0]
    open_case = make_case(bsn=a.bsn)
    closed = make_case(bsn=a.bsn, closed=True)
    client = logged_in(person_visitor(a))

    assert "How satisfied are you?" not in main_of(client.get(case_url(open_case)))
    refused = client.post(case_url(open_case, "portal:mijn-satisfaction"), {"score": "5"})
    assert refused.status_code == 404

    assert "How satisfied are you?" in main_of(client.get(case_url(closed)))
    missing = client.post(case_url(closed, "portal:mijn-satisfaction"), {"score": "9"})
    assert missing.status_code == 400
    assert "Choose a score from 1 to 5." in main_of(missing)
    assert 'href="#satisfaction-score"' in main_of(missing)

    url = case_url(closed, "portal:mijn-satisfaction")
    response = client.post(url, {"score": "4", "comment": "Snel geregeld."})
    assert response.status_code == 302
    assert response["Location"] == case_url(closed) + "#tevredenheid"
    client.post(url, {"score": "1", "comment": "Toch niet."})

    answer = SatisfactionAnswer.objects.get()
    assert (answer.case, answer.score, answer.comment) == (closed, 4, "Snel geregeld.")
    assert answer.case_type == closed.case_type
    assert answer.product == closed.case_type.products.order_by("pk").first()
    assert answer.channel == SatisfactionAnswer.Channel.MY_PAGE
    main = main_of(client.get(case_url(closed)))
    assert "Thank you for your answer." in main and "You gave a 4 out of 5." in main
    assert 'name="score"' not in main


# --- track & trace without login --------------------------------------------------------------


def test_the_track_page_uses_the_same_timeline_and_asks_satisfaction_after_closure(persons):
    a = persons[0]
    running = make_case(bsn=a.bsn, steps=2, suspended="Stuur een pasfoto.")
    closed = make_case(bsn=a.bsn, closed=True)
    client = logged_in(None)

    page = main_of(client.get(reverse("portal:track", args=[track_token(running)])))
    assert re.findall(r'loket-timeline__step--(\w+)"', page) == ["done", "current", "coming"]
    assert "We are waiting for information from you." in page
    assert "Stuur een pasfoto." not in page, "the reason is shown only after logging in"
    assert f'href="{case_url(running)}"' in page
    assert "How satisfied are you?" not in page

    token = track_token(closed)
    page = main_of(client.get(reverse("portal:track", args=[token])))
    assert "How satisfied are you?" in page
    response = client.post(reverse("portal:track-satisfaction", args=[token]), {"score": "5"})
    assert response.status_code == 302
    answer = SatisfactionAnswer.objects.get(case=closed)
    assert answer.channel == SatisfactionAnswer.Channel.TRACK_LINK and answer.score == 5
    assert "You gave a 5 out of 5." in main_of(client.get(response["Location"]))
    # The same answer is the one of Mijn omgeving: asked once per case.
    mijn = main_of(logged_in(person_visitor(a)).get(case_url(closed)))
    assert "You gave a 5 out of 5." in mijn and 'name="score"' not in mijn

    bad_token = token[:-2] + "xx"
    assert client.get(reverse("portal:track", args=[bad_token])).status_code == 404
    assert (
        client.post(reverse("portal:track-satisfaction", args=[bad_token]), {"score": "5"})
    ).status_code == 404


def test_the_track_page_of_an_anonymous_report_offers_no_login(persons):
    report = make_case(suspended="Waar precies?")  # no initiator: anonymous
    page = main_of(logged_in(None).get(reverse("portal:track", args=[track_token(report)])))
    assert "We are waiting for information from you." in page
    assert "/mijn/" not in page


# --- my data ----------------------------------------------------------------------------------


def test_my_data_shows_the_brp_with_its_source_and_no_shared_organisations(persons):
    from loket.brp.sources import get_brp_source

    a = persons[0]
    record = get_brp_source().person(a.bsn)

    main = main_of(logged_in(person_visitor(a)).get(reverse("portal:mijn-data")))

    assert "Basisregistratie Personen" in main
    assert record.full_name in main and record.bsn in main
    assert f"{record.birth_date:%-d %B %Y}" in main
    assert f"{record.address.street} {record.address.full_number}" in main
    assert record.address.postcode in main
    for child in record.children:
        assert child.full_name in main
    if record.partner and not record.partner.end_date:
        assert record.partner.full_name in main
    assert "No organisations yet" in main


def test_my_data_shows_partner_and_children_of_a_family(demo_data):
    from loket.brp.models import Person
    from loket.brp.sources import get_brp_source
    from loket.identity.demo_login import demo_persons

    parent = next(
        p
        for p in demo_persons().filter(birth_date__year__lt=1995)[:200]
        if (r := get_brp_source().person(p.bsn)).children and r.partner and not r.partner.end_date
    )
    record = get_brp_source().person(parent.bsn)
    assert isinstance(parent, Person)

    main = main_of(logged_in(person_visitor(parent)).get(reverse("portal:mijn-data")))

    assert record.partner.full_name in main
    assert all(child.full_name in main for child in record.children)


def test_my_data_of_a_business_names_its_kvk_number(business):
    main = main_of(logged_in(business_visitor(business)).get(reverse("portal:mijn-data")))
    assert business.kvk in main and business.name in main
    assert "No organisations yet" in main


def test_my_data_says_so_when_the_brp_does_not_answer(persons, monkeypatch):
    from loket.brp.errors import BrpUnavailable

    class Down:
        def person(self, bsn):
            raise BrpUnavailable("down")

    monkeypatch.setattr("loket.portal.mijn.get_brp_source", lambda: Down())
    response = logged_in(person_visitor(persons[0])).get(reverse("portal:mijn-data"))
    assert response.status_code == 200
    assert "We cannot show your data right now." in main_of(response)
