"""Mail to the citizen per status, from the templates the functioneel beheerder edits: the
right template in the case's language, queued with the status change, delivered over SMTP by
the worker, and visible with the case as its delivery log."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from loket.cases.models import Case
from loket.cases.services import open_case, set_status
from loket.cases.tracking import case_for_track_token
from loket.catalog.demo import load_demo_catalogue
from loket.catalog.models import CaseType, StatusType
from loket.notify.citizen_mail import candidate_templates
from loket.notify.demo import load_demo_status_mails
from loket.notify.models import Mail, StatusMailTemplate
from loket.notify.templates_mail import syntax_problem
from tests.conftest import run_loket
from tests.forms.conftest import JPEG, Filler, demo_forms, named_file  # noqa: F401 (fixture)

AMS = ZoneInfo("Europe/Amsterdam")
PARKING = "PARKEERVERGUNNING"

TEXT = (
    "{{ municipality }}: {{ status }} ({{ case_number }})\n"
    "{{ explanation }}\n"
    "{% if note %}Note: {{ note }}\n{% endif %}"
    "{{ track_url }}"
)
HTML = (
    "<h1>{{ status }}</h1><p>{{ case_number }}</p>"
    "{% if note %}<p>Note: {{ note }}</p>{% endif %}"
    '<p><a href="{{ track_url }}">Volg uw zaak</a></p>'
)


@pytest.fixture
def catalogue(db):
    load_demo_catalogue()


def template(case_type=PARKING, status="Gecontroleerd", language="nl", subject="", **fields):
    return StatusMailTemplate.objects.create(
        case_type_identification=case_type,
        status_description=status,
        language=language,
        subject=subject or f"{case_type or 'default'} {status or 'any'} {{{{ case_number }}}}",
        text_body=fields.pop("text_body", TEXT),
        html_body=fields.pop("html_body", HTML),
        **fields,
    )


def step(identification: str, description: str) -> StatusType:
    return StatusType.objects.get(
        case_type=CaseType.objects.current().get(identification=identification),
        description=description,
    )


def registered_case(contact_email="jan.jansen@example.org", identification=PARKING) -> Case:
    """A case with its first status set, as every channel registers one."""
    case_type = CaseType.objects.current().get(identification=identification)
    case = open_case(case_type, actor="test", contact_email=contact_email)
    set_status(case, case_type.status_types.order_by("order").first(), actor="test")
    return case


def tracks(body: str, case: Case) -> bool:
    """Whether the body has the case's track & trace link (the token carries a timestamp)."""
    tokens = re.findall(r"http://127\.0\.0\.1:8000/volgen/([^/\s\"]+)/", body)
    return bool(tokens) and all(case_for_track_token(token) == case for token in tokens)


def checked(case, **note):
    return set_status(case, step(PARKING, "Gecontroleerd"), actor="test", **note)


# --- Which mail, in which words -----------------------------------------------------------


def test_a_status_queues_one_mail_from_its_template_with_number_link_and_status(catalogue):
    template(subject="Specifiek: {{ status }} ({{ case_number }})")
    template(case_type="", status="", subject="Default {{ case_number }}")
    case = registered_case()
    assert not Mail.objects.exists(), "the first status is confirmed by whoever registered it"

    checked(case)

    mail = Mail.objects.get()
    assert mail.to == "jan.jansen@example.org" and mail.case == case and mail.language == "nl"
    assert mail.subject == f"Specifiek: Gegevens gecontroleerd ({case.identification})"
    for body in (mail.text_body, mail.html_body):
        assert case.identification in body
        assert tracks(body, case)
        assert "Gegevens gecontroleerd" in body
    assert "Uw gegevens zijn gecontroleerd." in mail.text_body  # the citizen's explanation
    assert '<a href="http://127.0.0.1:8000/volgen/' in mail.html_body
    assert '<html lang="nl"' in mail.html_body and "Gemeente Voorbeeld" in mail.html_body
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_mail").count() == 1


def test_the_default_template_serves_when_the_case_type_has_none(catalogue):
    template(case_type="BEZWAAR-WOZ", status="Ontvankelijk", subject="Other case type")
    template(case_type="", status="", subject="Nieuws over zaak {{ case_number }}")
    case = registered_case()

    checked(case)

    mail = Mail.objects.get()
    assert mail.subject == f"Nieuws over zaak {case.identification}"
    assert "Gegevens gecontroleerd" in mail.text_body


def test_the_most_specific_active_template_wins_and_dutch_stands_in_for_english(catalogue):
    default = template(case_type="", status="")
    for_every_status = template(status="")
    for_every_case_type = template(case_type="")
    specific = template()
    inactive_english = template(language="en", active=False)
    english_default = template(case_type="", status="", language="en")

    found = candidate_templates(PARKING, "Gecontroleerd", "en")

    assert inactive_english not in found
    assert found == [english_default, specific, for_every_status, for_every_case_type, default]


def test_no_mail_without_address_template_or_wish_to_inform(catalogue):
    case_without_address = registered_case(contact_email="")
    case_without_template = registered_case()
    checked(case_without_address)
    checked(case_without_template)
    assert not Mail.objects.exists(), "no template yet"

    template()
    checked(case_without_address)
    assert not Mail.objects.exists(), "no address"

    template(status="Besluit genomen")
    StatusType.objects.filter(pk=step(PARKING, "Besluit genomen").pk).update(inform_citizen=False)
    case = registered_case()
    set_status(case, step(PARKING, "Besluit genomen"), actor="test")
    assert not Mail.objects.exists(), "the status type does not tell the citizen"


def test_the_note_is_in_the_mail_only_when_the_citizen_may_read_it(catalogue):
    template(status="")
    case = registered_case()

    checked(case, note="Internal: call the lease company.")
    set_status(
        case,
        step(PARKING, "Besluit genomen"),
        actor="test",
        note="We need <your> lease contract & a copy.",
        note_visible_to_citizen=True,
    )

    hidden, shown = Mail.objects.order_by("pk")
    assert "Note:" not in hidden.text_body and "lease company" not in hidden.html_body
    assert "Note: We need <your> lease contract & a copy." in shown.text_body, "text: as typed"
    assert "Note: We need &lt;your&gt; lease contract &amp; a copy." in shown.html_body


def test_a_template_that_fails_while_filling_in_gives_way_to_the_next(catalogue):
    template(text_body='{% include "notify/status_mail.html" %}')  # reads no files
    template(case_type="", status="", subject="Default")
    case = registered_case()

    checked(case)

    assert case.status_changes.count() == 2, "the status change itself goes on"
    assert Mail.objects.get().subject == "Default"


# --- A case from a form -------------------------------------------------------------------


def report_in_english() -> Case:
    filler = Filler(Client(headers={"accept-language": "en"}))
    filler.open(reverse("forms:start", args=["melding-openbare-ruimte"]))
    filler.post({"categorie": "stoeptegel", "omschrijving": "Loose tile in front of no. 12."})
    filler.post({"locatie-lat": "52.085", "locatie-lon": "5.11"}, foto=named_file("t.jpg", JPEG))
    filler.post({"op_de_hoogte": "ja", "email": "reporter@example.org"})
    filler.confirm()
    return Case.objects.get()


def test_a_form_case_gets_no_second_mail_for_its_first_status_and_later_mail_in_its_language(
    demo_forms,  # noqa: F811
):
    load_demo_status_mails()

    case = report_in_english()

    confirmation = Mail.objects.get()
    assert case.submission.language == "en" and case.status_changes.count() == 1
    assert confirmation.subject.startswith("We have received your request")

    set_status(case, step("MELDING-OPENBARE-RUIMTE", "Ingepland"), actor="test")

    mail = Mail.objects.exclude(pk=confirmation.pk).get()
    assert mail.language == "en" and mail.to == "reporter@example.org"
    assert mail.subject == f"News about your case {case.identification}: Scheduled"
    for body in (mail.text_body, mail.html_body):
        assert case.identification in body and tracks(body, case) and "Scheduled" in body
    assert '<html lang="en"' in mail.html_body


# --- The admin ------------------------------------------------------------------------------


def template_form(**changes) -> dict:
    return {
        "case_type_identification": PARKING,
        "status_description": "Gecontroleerd",
        "language": "nl",
        "active": "on",
        "subject": "Uw zaak {{ case_number }}",
        "text_body": TEXT,
        "html_body": HTML,
        **changes,
    }


def test_the_admin_refuses_a_template_with_a_syntax_error(catalogue, admin_client):
    response = admin_client.post(
        reverse("admin:notify_statusmailtemplate_add"),
        template_form(text_body="{% if note %}{{ note }}"),
        headers={"accept-language": "en"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "This template cannot be read: Unclosed tag on line 1: &#x27;if&#x27;" in html
    assert not StatusMailTemplate.objects.exists()


def test_the_admin_refuses_a_status_the_case_type_does_not_have(catalogue, admin_client):
    response = admin_client.post(
        reverse("admin:notify_statusmailtemplate_add"),
        template_form(status_description="Gecontroleerd!"),
        headers={"accept-language": "en"},
    )

    assert "Case type PARKEERVERGUNNING has no status “Gecontroleerd!”" in response.content.decode()
    assert not StatusMailTemplate.objects.exists()


def test_the_admin_saves_a_template_and_previews_it_with_the_newest_case(catalogue, admin_client):
    registered_case()
    newest = registered_case()

    response = admin_client.post(
        reverse("admin:notify_statusmailtemplate_add"),
        template_form(),
        headers={"accept-language": "en"},
    )
    assert response.status_code == 302, response.content.decode()
    saved = StatusMailTemplate.objects.get()

    page = admin_client.get(
        reverse("admin:notify_statusmailtemplate_change", args=[saved.pk]),
        headers={"accept-language": "en"},
    ).content.decode()

    assert f"Filled in with case {newest.identification}, the newest of this case type" in page
    assert f"Uw zaak {newest.identification}" in page
    assert "<iframe sandbox srcdoc=" in page
    assert "&lt;h1&gt;Gegevens gecontroleerd&lt;/h1&gt;" in page, "the HTML, inside srcdoc"


def test_the_case_shows_its_mails_with_their_delivery_in_the_admin(catalogue, admin_client):
    template()
    case = registered_case()
    checked(case)

    page = admin_client.get(
        reverse("admin:cases_case_change", args=[case.pk]), headers={"accept-language": "en"}
    ).content.decode()

    assert "delivery log" in page
    assert Mail.objects.get().subject in page
    assert "Queued since" in page


# --- The delivery log in words ----------------------------------------------------------------


def test_delivery_summary_says_where_the_mail_is():
    queued_at = datetime(2026, 11, 28, 10, 40, tzinfo=AMS)
    sent_at = datetime(2026, 11, 28, 10, 42, tzinfo=AMS)
    error = "ConnectionRefusedError: [Errno 111] Connection refused"

    def mail(**fields):
        return Mail(queued_at=queued_at, **fields)

    with translation.override("en"):
        assert (
            mail(status=Mail.Status.SENT, sent_at=sent_at).delivery_summary
            == "Sent at 10:42 on 28-11-2026, delivered to the mail server"
        )
        assert mail(status=Mail.Status.QUEUED).delivery_summary == (
            "Queued since 10:40 on 28-11-2026"
        )
        assert mail(status=Mail.Status.QUEUED, attempts=1, last_error=error).delivery_summary == (
            f"Queued since 10:40 on 28-11-2026 (1 attempt failed: {error})"
        )
        assert mail(status=Mail.Status.QUEUED, attempts=2, last_error=error).delivery_summary == (
            f"Queued since 10:40 on 28-11-2026 (2 attempts failed: {error})"
        )
        assert mail(status=Mail.Status.FAILED, attempts=6, last_error=error).delivery_summary == (
            f"Failed after 6 attempts: {error}"
        )
        long_error = mail(status=Mail.Status.FAILED, attempts=6, last_error="x" * 500)
        assert len(long_error.delivery_summary) < 240


# --- The demo templates ---------------------------------------------------------------------


def test_the_demo_templates_load_once_compile_and_name_real_statuses(catalogue):
    load_demo_status_mails()
    load_demo_status_mails()

    templates = StatusMailTemplate.objects.all()
    assert templates.count() == 28
    assert {t.language for t in templates} == {"nl", "en"}
    assert templates.filter(case_type_identification="", status_description="").count() == 2
    for t in templates:
        assert not any(map(syntax_problem, (t.subject, t.text_body, t.html_body))), t
        if t.case_type_identification:
            assert step(t.case_type_identification, t.status_description)


# --- Over SMTP, by the worker -----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_status_mail_goes_out_over_smtp_by_the_worker(process_env, smtp_server):
    load_demo_catalogue()
    load_demo_status_mails()
    case = registered_case()
    checked(case, note="Alles klopt.", note_visible_to_citizen=True)
    mail = Mail.objects.get()

    worker = run_loket(
        "worker",
        "--batch",
        env={
            **process_env,
            "LOKET_EMAIL_HOST": smtp_server.host,
            "LOKET_EMAIL_PORT": str(smtp_server.port),
        },
    )

    assert worker.returncode == 0, worker.stderr
    [message] = smtp_server.messages()
    assert message["To"] == "jan.jansen@example.org"
    assert message["Message-ID"] == mail.message_id
    assert case.identification in message["Subject"]
    plain, html = message.get_payload()
    assert plain.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    text = plain.get_payload(decode=True).decode()
    assert "Gegevens gecontroleerd" in text and "Alles klopt." in text
    assert tracks(text, case)
    assert tracks(html.get_payload(decode=True).decode(), case)
    mail.refresh_from_db()
    assert mail.status == Mail.Status.SENT
    with translation.override("en"):
        assert mail.delivery_summary.startswith("Sent at ")


def test_the_template_and_case_lists_open_in_the_admin(catalogue, admin_client):
    load_demo_status_mails()
    case = registered_case()

    templates = admin_client.get(
        reverse("admin:notify_statusmailtemplate_changelist"), headers={"accept-language": "en"}
    ).content.decode()
    cases = admin_client.get(
        reverse("admin:cases_case_changelist"), headers={"accept-language": "en"}
    ).content.decode()

    assert "every case type" in templates and "Uw melding is afgehandeld" in templates
    assert case.identification in cases
    assert "Add case" not in cases, "cases change through the services only"
