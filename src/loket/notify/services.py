"""Queueing mail, and the channels, subscriptions and received notifications of the
Notificaties API.

The mail and its delivery task are written in one transaction: rolled back, neither exists;
committed, the mail is delivered even if no worker runs at that moment.
"""

from dataclasses import dataclass

import requests
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.models import Case
from loket.notify.events import record_event
from loket.notify.models import (
    Channel,
    Event,
    Mail,
    MailAttachment,
    Subscription,
    SubscriptionChannel,
)
from loket.notify.tasks import deliver_mail


@dataclass(frozen=True)
class Attachment:
    """A file to send with a mail: its name, its bytes and its MIME type."""

    filename: str
    content: bytes
    content_type: str


def queue_mail(
    *,
    to: str,
    subject: str,
    text_body: str,
    html_body: str = "",
    case: Case | None = None,
    language: str = "nl",
    attachments: tuple[Attachment, ...] | list[Attachment] = (),
) -> Mail:
    """Store a mail with its attachments and enqueue its delivery, inside the caller's
    transaction if there is one."""
    with transaction.atomic():
        mail = Mail.objects.create(
            to=to,
            subject=subject,
            text_body=text_body,
            html_body=html_body,
            case=case,
            language=language,
        )
        MailAttachment.objects.bulk_create(
            MailAttachment(
                mail=mail,
                filename=attachment.filename,
                content=attachment.content,
                content_type=attachment.content_type,
            )
            for attachment in attachments
        )
        deliver_mail.enqueue(mail.pk)
    return mail


def forget_mails_of(cases) -> int:
    """Delete the mails about ``cases`` (they quote the case and the person): part of
    destroying them under the archive rules. The count."""
    deleted, _per_model = Mail.objects.filter(case__in=cases).delete()
    return deleted


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


# --- Channels and subscriptions (the Notificaties API's kanalen and abonnementen) ----------

CALLBACK_CHECK_TIMEOUT_SECONDS = 5


def create_channel(*, name: str, documentation_link: str = "", filters=()) -> Channel:
    """Register a channel; its name is unique, as the standard requires."""
    if Channel.objects.filter(name=name).exists():
        raise channel_name_taken()
    try:
        with transaction.atomic():
            return Channel.objects.create(
                name=name, documentation_link=documentation_link, filters=list(filters)
            )
    except IntegrityError:  # registered by another request at the same moment
        raise channel_name_taken() from None


def channel_name_taken() -> ValidationError:
    return ValidationError(
        {"name": ValidationError(_("A channel with this name exists already."), code="unique")}
    )


def create_subscription(
    *, callback_url: str, auth: str, channels, client_id: str = ""
) -> Subscription:
    """Subscribe a callback URL to channels, each ``{"channel": Channel, "filters": {...}}``.

    The callback must accept a test notification first (see :func:`check_callback`); the
    check runs before the transaction, so no lock is held while the receiver answers.
    """
    check_channels(channels)
    check_callback(callback_url, auth)
    with transaction.atomic():
        subscription = Subscription.objects.create(
            callback_url=callback_url, auth=auth, client_id=client_id
        )
        set_channels(subscription, channels)
    return subscription


def update_subscription(
    subscription: Subscription, *, callback_url=None, auth=None, channels=None
) -> Subscription:
    """Change what is given; ``channels``, when given, replace the whole list.

    A new callback URL or Authorization value is checked again, as at subscription time.
    """
    if channels is not None:
        check_channels(channels)
    new_url = subscription.callback_url if callback_url is None else callback_url
    new_auth = subscription.auth if auth is None else auth
    if (new_url, new_auth) != (subscription.callback_url, subscription.auth):
        check_callback(new_url, new_auth)
    with transaction.atomic():
        subscription.callback_url = new_url
        subscription.auth = new_auth
        subscription.save(update_fields=["callback_url", "auth"])
        if channels is not None:
            subscription.channels.all().delete()
            set_channels(subscription, channels)
    return subscription


def delete_subscription(subscription: Subscription) -> None:
    """End a subscription; its pending deliveries go with it."""
    subscription.delete()


def set_channels(subscription: Subscription, channels) -> None:
    SubscriptionChannel.objects.bulk_create(
        SubscriptionChannel(
            subscription=subscription, channel=item["channel"], filters=item.get("filters") or {}
        )
        for item in channels
    )


def check_channels(channels) -> None:
    """Each channel once, filtered only on the features it names (when it names any)."""
    seen = set()
    for item in channels:
        channel = item["channel"]
        if channel.pk in seen:
            raise ValidationError(
                {
                    "channels": ValidationError(
                        _("The channel %(name)s is given more than once.") % {"name": channel.name},
                        code="duplicate-kanaal",
                    )
                }
            )
        seen.add(channel.pk)
        unknown = sorted(set(item.get("filters") or {}) - set(channel.filters))
        if channel.filters and unknown:
            raise ValidationError(
                {
                    "channels": ValidationError(
                        _(
                            "The channel %(name)s has no feature %(unknown)s to filter on; "
                            "it has: %(known)s."
                        )
                        % {
                            "name": channel.name,
                            "unknown": ", ".join(unknown),
                            "known": ", ".join(channel.filters),
                        },
                        code="inconsistent-abonnement-filters",
                    )
                }
            )


def check_callback(url: str, auth: str) -> None:
    """The callback must accept notifications: it is sent a test notification (on channel
    ``test``, as Open Notificaties sends one) with the subscription's Authorization header
    and must answer 2xx; a redirect, an error or no answer within a few seconds refuses the
    subscription."""
    test_message = {
        "kanaal": "test",
        "hoofdObject": "http://some.hoofdobject.nl/",
        "resource": "some_resource",
        "resourceUrl": "http://some.resource.nl/",
        "actie": "create",
        "aanmaakdatum": timezone.now().isoformat(),
        "kenmerken": {},
    }
    try:
        response = requests.post(
            url,
            json=test_message,
            headers={"Authorization": auth},
            timeout=CALLBACK_CHECK_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
    except requests.RequestException as error:
        reason = type(error).__name__
    else:
        if 200 <= response.status_code < 300:
            return
        reason = f"HTTP {response.status_code}"
    raise ValidationError(
        {
            "callback_url": ValidationError(
                _("The callback URL does not accept notifications (%(reason)s).")
                % {"reason": reason},
                code="invalid-callback-url",
            )
        }
    )


# --- Notifications received from other systems (POST /notificaties) -----------------------


def receive_notification(
    *,
    channel: str,
    main_object: str,
    resource: str,
    resource_url: str,
    action: str,
    created_at,
    features=None,
) -> Event:
    """A notification published by another system: recorded as an event and delivered to the
    subscribers of its channel by the same durable machinery as Loket's own events."""
    if not Channel.objects.filter(name=channel).exists():
        raise ValidationError(
            {
                "channel": ValidationError(
                    _("No channel with this name exists."), code="message_kanaal"
                )
            }
        )
    with transaction.atomic():
        event = record_event(
            kind="received",
            channel=channel,
            main_object=main_object,
            resource=resource,
            resource_url=resource_url,
            action=action,
            features=features or {},
            # Routed unchanged: the subscribers see the publisher's aanmaakdatum.
            created_at=created_at,
        )
    return event
