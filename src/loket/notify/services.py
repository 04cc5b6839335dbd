"""Queueing mail. The mail and its delivery task are written in one transaction: rolled back,
neither exists; committed, the mail is delivered even if no worker runs at that moment.
"""

from django.db import transaction

from loket.cases.models import Case
from loket.notify.models import Mail
from loket.notify.tasks import deliver_mail


def queue_mail(
    *,
    to: str,
    subject: str,
    text_body: str,
    html_body: str = "",
    case: Case | None = None,
    language: str = "nl",
) -> Mail:
    """Store a mail and enqueue its delivery, inside the caller's transaction if there is one."""
    with transaction.atomic():
        mail = Mail.objects.create(
            to=to,
            subject=subject,
            text_body=text_body,
            html_body=html_body,
            case=case,
            language=language,
        )
        deliver_mail.enqueue(mail.pk)
    return mail


def resend_mail(mail: Mail) -> bool:
    """Queue a failed mail for delivery once more; False when it had not failed."""
    with transaction.atomic():
        # The conditional update keeps a double click from queueing it twice.
        requeued = Mail.objects.filter(pk=mail.pk, status=Mail.Status.FAILED).update(
            status=Mail.Status.QUEUED
        )
        if not requeued:
            return False
        deliver_mail.enqueue(mail.pk)
    mail.status = Mail.Status.QUEUED
    return True
