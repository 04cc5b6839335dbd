"""Every subscriber learns of every change, at least once: deliveries to a real HTTP receiver
process, by real worker processes, through refusals, a receiver that never recovers and a
worker killed in the middle of its work."""

import os
import signal
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.test import Client

from loket.cases.services import open_case
from loket.notify.models import Channel, Delivery, Event, Subscription, SubscriptionChannel
from tests.cases.factories import published_case_type
from tests.conftest import REPO, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def subscribe(url: str, **filters) -> Subscription:
    subscription = Subscription.objects.create(callback_url=url, auth="Token geheim")
    SubscriptionChannel.objects.create(
        subscription=subscription,
        # Transactional tests empty the tables, the migration's channels included.
        channel=Channel.objects.get_or_create(name="zaken")[0],
        filters=filters,
    )
    return subscription


def start_worker(env: dict, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "loket", "worker", "--interval", "0.1", *options],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        worker.wait(timeout=30)


def delivered(count: int):
    return lambda: Delivery.objects.filter(status=Delivery.Status.DELIVERED).count() >= count


def test_a_case_change_reaches_a_receiver_that_refuses_three_times(process_env, webhook_receiver):
    webhook_receiver.start("--fail-first", "3")
    subscribe(webhook_receiver.url)
    case = open_case(published_case_type(), actor="test")
    event = Event.objects.get(case=case)
    worker = start_worker({**process_env, "LOKET_TEST_TASK_ATTEMPTS": "5"})
    try:
        wait_until(delivered(1), timeout=60, what="the delivery")
    finally:
        stop(worker)

    received = webhook_receiver.requests()
    assert [r["status"] for r in received] == [500, 500, 500, 204]
    assert {r["idempotency_key"] for r in received} == {str(event.uuid)}
    assert all(r["authorization"] == "Token geheim" for r in received)
    message = received[-1]["body"]
    assert message["kanaal"] == "zaken" and message["actie"] == "create"
    assert message["resource"] == "zaak" and message["hoofdObject"].endswith(str(case.uuid))
    assert message["kenmerken"]["bronorganisatie"] == case.source_organisation
    assert Delivery.objects.get().attempts == 4


def test_a_receiver_that_never_recovers_ends_in_the_dead_letters(process_env, webhook_receiver):
    webhook_receiver.start("--always-fail")
    subscribe(webhook_receiver.url)
    open_case(published_case_type(), actor="test")
    worker = start_worker(process_env)
    try:
        wait_until(
            lambda: Delivery.objects.filter(status=Delivery.Status.DEAD).exists(),
            timeout=60,
            what="the dead letter",
        )
    finally:
        stop(worker)

    delivery = Delivery.objects.get()
    assert delivery.attempts == 3 and delivery.last_status_code == 500
    assert "HTTP 500" in delivery.last_error
    assert len(webhook_receiver.requests()) == 3

    # The dead letter is in the admin; once the receiver works, it is sent again from there.
    admin = Client()
    admin.force_login(User.objects.create_superuser("beheer", password="x"))
    listing = admin.get("/beheer/notify/delivery/?status__exact=dead").content.decode()
    assert webhook_receiver.url in listing
    webhook_receiver.stop()
    webhook_receiver.start()
    admin.post(
        "/beheer/notify/delivery/",
        {"action": "send_again", "_selected_action": [delivery.pk]},
    )
    worker = start_worker(process_env)
    try:
        wait_until(delivered(1), timeout=60, what="the delivery sent again")
    finally:
        stop(worker)
    assert [r["status"] for r in webhook_receiver.requests()] == [500, 500, 500, 204]


def test_a_filter_keeps_other_cases_away(webhook_receiver):
    wanted = published_case_type()
    subscribe("http://127.0.0.1:9/never", vertrouwelijkheidaanduiding="geheim")
    open_case(wanted, actor="test")
    assert Event.objects.count() == 1 and not Delivery.objects.exists()


def test_a_worker_killed_mid_batch_loses_no_notification(process_env, webhook_receiver):
    webhook_receiver.start("--delay", "0.2")
    subscribe(webhook_receiver.url)
    case_type = published_case_type()
    cases = [open_case(case_type, actor="test") for _ in range(15)]
    first = start_worker(process_env)
    try:
        wait_until(delivered(3), timeout=60, what="the first deliveries")
    finally:
        stop(first, signal.SIGKILL)  # in the middle of the batch, a task RUNNING
    assert Delivery.objects.filter(status=Delivery.Status.PENDING).exists()

    second = start_worker(process_env, "--lease-seconds", "1")
    try:
        wait_until(delivered(15), timeout=90, what="every delivery")
    finally:
        stop(second)

    keys = {r["idempotency_key"] for r in webhook_receiver.requests() if r["status"] == 204}
    assert keys == {str(e.uuid) for e in Event.objects.filter(case__in=cases)}


def test_with_an_external_notificaties_api_every_event_goes_there_signed(
    process_env, webhook_receiver, settings
):
    import jwt

    webhook_receiver.start()
    external = webhook_receiver.url.rsplit("/", 1)[0] + "/api/v1/"
    secret = "a-secret-shared-with-the-external-nrc-0123456789"
    settings.LOKET_NOTIFICATIONS_API = external
    subscribe("http://127.0.0.1:9/never")  # local subscribers are the external API's business
    case = open_case(published_case_type(), actor="test")
    env = {
        **process_env,
        "LOKET_NOTIFICATIONS_API": external,
        "LOKET_NOTIFICATIONS_SECRET": secret,
    }
    worker = start_worker(env)
    try:
        wait_until(delivered(1), timeout=60, what="the delivery to the external API")
    finally:
        stop(worker)

    assert Delivery.objects.get().target_url == external + "notificaties"
    [received] = webhook_receiver.requests()
    assert received["body"]["hoofdObject"].endswith(str(case.uuid))
    token = received["authorization"].removeprefix("Bearer ")
    assert jwt.decode(token, secret, algorithms=["HS256"])["client_id"] == "loket"
