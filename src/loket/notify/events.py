"""Domain events and their fan-out to subscribers, in the transaction of the change.

``record_event`` stores the event, a delivery per matching subscription (or one to the
external Notificaties API when ``LOKET_NOTIFICATIONS_API`` is set) and a task per delivery,
all in the caller's transaction: a change that is rolled back told no one, a change that is
committed reaches every subscriber, whatever crashes afterwards.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from loket.notify.models import Delivery, Event, SubscriptionChannel
from loket.notify.webhooks import deliver_notification
from loket.precompiled import Precompiled


def record_event(
    *,
    kind: str,
    channel: str,
    main_object: str,
    resource: str,
    resource_url: str,
    action: str,
    features: dict,
    case=None,
    created_at=None,
) -> Event:
    """Store an event and queue its delivery to everyone who subscribed to it.

    ``created_at`` is now, unless the event comes from another system with its own time.
    Inside a caller's transaction this takes no savepoint: a failure here ends it whole."""
    with transaction.atomic(savepoint=False):
        event = Event.objects.create(
            kind=kind,
            channel=channel,
            main_object=main_object,
            resource=resource,
            resource_url=resource_url,
            action=action,
            features={key: str(value) for key, value in features.items() if value is not None},
            created_at=created_at or timezone.now(),
            case=case,
        )
        for delivery in fan_out(event):
            deliver_notification.enqueue(delivery.pk)
    return event


def fan_out(event: Event) -> list[Delivery]:
    if settings.LOKET_NOTIFICATIONS_API:
        target = settings.LOKET_NOTIFICATIONS_API.rstrip("/") + "/notificaties"
        return [Delivery.objects.create(event=event, target_url=target)]
    return Delivery.objects.bulk_create(
        Delivery(event=event, subscription_id=subscription, target_url=callback_url)
        for subscription, callback_url, filters in SUBSCRIBED.rows(event.channel)
        if matches(filters, event.features)
    )


# The subscriptions to a channel, looked up for every event.
SUBSCRIBED = Precompiled(
    lambda channel: SubscriptionChannel.objects.filter(channel__name=channel).values_list(
        "subscription_id", "subscription__callback_url", "filters"
    )
)


def matches(filters: dict, features: dict) -> bool:
    # Every filter must hold; "*" accepts any value, as Open Notificaties does.
    return all(
        wanted == "*" or str(features.get(key)) == str(wanted) for key, wanted in filters.items()
    )


def resend_delivery(delivery: Delivery) -> bool:
    """Try a dead letter again (the admin's action); False when it was not dead."""
    with transaction.atomic():
        revived = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.DEAD).update(
            status=Delivery.Status.PENDING
        )
        if revived:
            deliver_notification.enqueue(delivery.pk)
    return bool(revived)
