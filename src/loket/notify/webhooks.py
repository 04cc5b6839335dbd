"""Sending one notification to one subscriber's callback URL, as the Notificaties API does.

Delivery is at least once: a receiver can recognise a repeated message by the
``Idempotency-Key`` header, the event's stable uuid. A delivery that the subscriber keeps
refusing is retried with backoff by the worker and ends as a dead letter, visible in the admin
and sent again from there.
"""

import time

import jwt
import requests
from django.conf import settings
from django.utils import timezone
from django_tasks import TaskContext, task

from loket.background.retry import RetryPolicy
from loket.notify.models import Delivery

TIMEOUT_SECONDS = 10


class DeliveryRefused(Exception):
    """The receiver did not answer 2xx."""


def authorization(delivery: Delivery) -> str:
    if delivery.subscription is not None:
        return delivery.subscription.auth
    # The external Notificaties API: a ZGW JWT of Loket's own client.
    client_id = settings.LOKET_NOTIFICATIONS_CLIENT_ID
    claims = {
        "iss": client_id,
        "client_id": client_id,
        "iat": int(time.time()),
        "user_id": "loket",
        "user_representation": "Loket",
    }
    return "Bearer " + jwt.encode(claims, settings.LOKET_NOTIFICATIONS_SECRET, algorithm="HS256")


@task(takes_context=True)
def deliver_notification(context: TaskContext, delivery_id: int) -> None:
    delivery = (
        Delivery.objects.select_related("event", "subscription").filter(pk=delivery_id).first()
    )
    if delivery is None or delivery.status != Delivery.Status.PENDING:
        return  # delivered already, or its subscription was ended meanwhile
    delivery.attempts += 1
    try:
        response = requests.post(
            delivery.target_url,
            json=delivery.event.message(),
            headers={
                "Authorization": authorization(delivery),
                "Idempotency-Key": str(delivery.event.uuid),
            },
            timeout=TIMEOUT_SECONDS,
        )
        delivery.last_status_code = response.status_code
        if not 200 <= response.status_code < 300:
            raise DeliveryRefused(f"HTTP {response.status_code}: {response.text[:200]}")
    except (requests.RequestException, DeliveryRefused) as error:
        delivery.last_error = f"{type(error).__name__}: {error}"
        if RetryPolicy.from_settings().gives_up_after(context.attempt):
            delivery.status = Delivery.Status.DEAD
        delivery.save(update_fields=["attempts", "last_status_code", "last_error", "status"])
        raise  # the worker retries with backoff
    delivery.status = Delivery.Status.DELIVERED
    delivery.delivered_at = timezone.now()
    delivery.last_error = ""
    delivery.save()
