"""The delivery log in words: where a mail is, as the KCC tells a citizen on the phone.

"Sent at 10:42 on 28-11-2026, delivered to the mail server" means the municipality's mail
server accepted the mail; whether it reached the citizen's inbox is beyond what Loket knows.
"""

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ERROR_LENGTH = 200


def moment(value) -> dict:
    local = timezone.localtime(value)
    return {"time": local.strftime("%H:%M"), "date": local.strftime("%d-%m-%Y")}


def short_error(mail) -> str:
    return Truncator(mail.last_error.strip() or _("unknown error")).chars(ERROR_LENGTH)


def delivery_summary(mail) -> str:
    """One sentence on the mail's delivery, in the active language."""
    from loket.notify.models import Mail

    if mail.status == Mail.Status.SENT:
        return _("Sent at %(time)s on %(date)s, delivered to the mail server") % moment(
            mail.sent_at or mail.queued_at
        )
    if mail.status == Mail.Status.FAILED:
        return ngettext(
            "Failed after %(count)d attempt: %(error)s",
            "Failed after %(count)d attempts: %(error)s",
            mail.attempts,
        ) % {"count": mail.attempts, "error": short_error(mail)}
    if not mail.attempts:
        return _("Queued since %(time)s on %(date)s") % moment(mail.queued_at)
    return ngettext(
        "Queued since %(time)s on %(date)s (%(count)d attempt failed: %(error)s)",
        "Queued since %(time)s on %(date)s (%(count)d attempts failed: %(error)s)",
        mail.attempts,
    ) % {**moment(mail.queued_at), "count": mail.attempts, "error": short_error(mail)}
