"""Delivering a queued mail through Django's mail backend (SMTP in production)."""

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import TaskContext, task

from loket.background.retry import RetryPolicy
from loket.notify.models import Mail


def email_message(mail: Mail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text_body,
        to=[mail.to],
        headers={"Message-ID": mail.message_id},
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    for attachment in mail.attachments.all():
        message.attach(attachment.filename, bytes(attachment.content), attachment.content_type)
    return message


@task(takes_context=True)
def deliver_mail(context: TaskContext, mail_id: int) -> None:
    """Send one mail. The worker delivers at least once, so a sent mail is left alone."""
    mail = Mail.objects.get(pk=mail_id)
    if mail.status == Mail.Status.SENT:
        return
    try:
        email_message(mail).send()
    except OSError as error:  # smtplib.SMTPException is an OSError too
        mail.attempts += 1
        mail.last_error = f"{type(error).__name__}: {error}"
        # The worker counts attempts the same way (one per claim of the task) and gives up
        # after the last one; then the mail has failed until someone sends it again.
        if RetryPolicy.from_settings().gives_up_after(context.attempt):
            mail.status = Mail.Status.FAILED
        mail.save(update_fields=["attempts", "last_error", "status"])
        raise  # the worker retries with backoff
    mail.status = Mail.Status.SENT
    mail.sent_at = timezone.now()
    mail.save(update_fields=["status", "sent_at"])
