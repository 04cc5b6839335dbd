"""Outgoing mail is durable: queued with the change that caused it, delivered by the worker to
a real SMTP server, retried while that server is down, and sent once however often it runs."""

import time

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from loket.notify.models import Mail, MailAttachment
from loket.notify.services import Attachment, queue_mail
from loket.notify.tasks import deliver_mail
from tests.conftest import run_loket

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worker_env(process_env, smtp_server):
    """Environment for a worker process that sends its mail to the test's SMTP server."""
    return {
        **process_env,
        "LOKET_EMAIL_HOST": smtp_server.host,
        "LOKET_EMAIL_PORT": str(smtp_server.port),
    }


def queue_permit_mail(**fields) -> Mail:
    return queue_mail(
        to="jan.jansen@example.org",
        subject="Your parking permit",
        text_body="Your parking permit has been granted.",
        **fields,
    )


def run_worker(env: dict) -> None:
    """Run the tasks that are due now in a ``loket worker --batch`` process."""
    worker = run_loket("worker", "--batch", env=env)
    assert worker.returncode == 0, worker.stderr


def wait_for_waiting_task_to_be_due() -> None:
    """Sleep out the backoff delay of the one task waiting for a retry."""
    waiting = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    time.sleep(max(0, (waiting.run_after - timezone.now()).total_seconds()))


def test_mail_queued_in_a_rolled_back_transaction_leaves_no_mail_and_no_task():
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        queue_permit_mail()
        raise Abort

    assert not Mail.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_committed_mail_is_delivered_by_the_worker(smtp_server, worker_env):
    mail = queue_permit_mail(html_body="<p>Your parking permit has been <b>granted</b>.</p>")
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY

    run_worker(worker_env)

    [message] = smtp_server.messages()
    assert message["Message-ID"] == mail.message_id == f"<{mail.uuid}@loket>"
    assert message["To"] == "jan.jansen@example.org"
    assert message["Subject"] == "Your parking permit"
    plain, html = message.get_payload()
    assert plain.get_content_type() == "text/plain"
    assert "has been granted" in plain.get_payload()
    assert html.get_content_type() == "text/html"
    assert "<b>granted</b>" in html.get_payload()
    mail.refresh_from_db()
    assert mail.status == Mail.Status.SENT
    assert mail.sent_at is not None
    assert mail.attempts == 0


def test_attachments_are_stored_with_the_mail_and_sent_as_mime_parts(smtp_server, worker_env):
    calendar = "BEGIN:VCALENDAR\r\nSUMMARY:Afspraak met één ë\r\nEND:VCALENDAR\r\n".encode()
    pdf = b"%PDF-1.7\n\x00\xff binary"
    mail = queue_permit_mail(
        attachments=[
            Attachment("afspraak.ics", calendar, "text/calendar"),
            Attachment("vergunning.pdf", pdf, "application/pdf"),
        ]
    )
    assert [a.filename for a in mail.attachments.all()] == ["afspraak.ics", "vergunning.pdf"]

    run_worker(worker_env)

    [message] = smtp_server.messages()
    body, ics_part, pdf_part = message.get_payload()
    assert "has been granted" in body.get_payload()
    assert ics_part.get_content_type() == "text/calendar"
    assert ics_part.get_filename() == "afspraak.ics"
    # A text part's lines end as the receiver's mail store writes them; its text is the same.
    assert ics_part.get_payload(decode=True).splitlines() == calendar.splitlines()
    assert pdf_part.get_content_type() == "application/pdf"
    assert pdf_part.get_filename() == "vergunning.pdf"
    assert pdf_part.get_payload(decode=True) == pdf


def test_attachments_are_rolled_back_with_the_mail():
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        queue_permit_mail(attachments=[Attachment("a.txt", b"a", "text/plain")])
        raise Abort

    assert not MailAttachment.objects.exists()


def test_delivery_is_retried_until_the_mail_server_is_back(smtp_server, worker_env):
    smtp_server.stop()
    mail = queue_permit_mail()

    run_worker(worker_env)
    wait_for_waiting_task_to_be_due()
    run_worker(worker_env)

    mail.refresh_from_db()
    assert mail.status == Mail.Status.QUEUED, "two of the three attempts are used"
    assert mail.attempts == 2
    assert "ConnectionRefusedError" in mail.last_error

    smtp_server.start()
    wait_for_waiting_task_to_be_due()
    run_worker(worker_env)

    [message] = smtp_server.messages()
    assert message["Message-ID"] == mail.message_id
    mail.refresh_from_db()
    assert mail.status == Mail.Status.SENT
    task_row = DBTaskResult.objects.get()
    assert task_row.status == TaskResultStatus.SUCCESSFUL
    assert len(task_row.worker_ids) == 3


def test_mail_fails_after_the_last_attempt_and_the_admin_sends_it_again(
    smtp_server, worker_env, admin_client
):
    smtp_server.stop()
    mail = queue_permit_mail()
    run_worker(worker_env)
    for _ in range(2):  # tests.settings allows three attempts
        wait_for_waiting_task_to_be_due()
        run_worker(worker_env)

    mail.refresh_from_db()
    assert mail.status == Mail.Status.FAILED
    assert mail.attempts == 3
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED

    response = admin_client.post(
        reverse("admin:notify_mail_changelist"),
        {"action": "send_again", "_selected_action": [mail.pk]},
        headers={"accept-language": "en"},
        follow=True,
    )

    assert "1 failed mail is queued again." in response.content.decode()
    mail.refresh_from_db()
    assert mail.status == Mail.Status.QUEUED

    smtp_server.start()
    run_worker(worker_env)

    [message] = smtp_server.messages()
    assert message["Message-ID"] == mail.message_id
    mail.refresh_from_db()
    assert mail.status == Mail.Status.SENT
    assert mail.attempts == 3, "the failed attempts stay in the log"


def test_delivering_a_mail_twice_sends_it_once(smtp_server, worker_env):
    mail = queue_permit_mail()
    run_worker(worker_env)
    # The worker delivers at least once: after a crash the same delivery may run again.
    deliver_mail.enqueue(mail.pk)
    run_worker(worker_env)

    assert len(smtp_server.messages()) == 1
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {
        TaskResultStatus.SUCCESSFUL
    }


def test_outbox_is_listed_in_the_admin(admin_client):
    queue_permit_mail()

    response = admin_client.get(
        reverse("admin:notify_mail_changelist"), headers={"accept-language": "en"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Your parking permit" in html
    assert "jan.jansen@example.org" in html
    assert "Send again" in html
    assert "Add mail" not in html, "the outbox is filled by services only"
