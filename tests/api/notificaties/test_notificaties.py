"""POST /notificaties: a published notification becomes an event with a delivery per
subscriber whose filters its kenmerken match, and reaches the subscriber unchanged."""

import pytest
from django_tasks_db.models import DBTaskResult

from loket.background.worker import Worker
from loket.notify.models import Delivery, Event
from tests.api.notificaties.conftest import BASE, ZAAKTYPE, abonnement_body, create, message_body

pytestmark = pytest.mark.django_db


def publish(publisher, **changes):
    return publisher.post(f"{BASE}notificaties", message_body(**changes), format="json")


def subscribe(consumer, receiver, filters: dict, kanaal: str = "zaken") -> str:
    """The uuid of a new subscription."""
    body = abonnement_body(receiver, kanalen=[{"naam": kanaal, "filters": filters}])
    return create(consumer, "abonnement", body)["url"].rsplit("/", 1)[-1]


def test_a_notification_is_recorded_and_answered(publisher, zaken):
    response = publish(publisher)

    assert response.status_code == 200, response.json()
    assert response["API-version"] == "1.0.0"
    sent = message_body()
    assert response.json() == {**sent, "aanmaakdatum": "2026-05-04T10:15:00+00:00"}
    event = Event.objects.get()
    assert event.kind == "received"
    assert event.channel == "zaken"
    assert event.main_object == sent["hoofdObject"]
    assert event.resource == "status"
    assert event.resource_url == sent["resourceUrl"]
    assert event.action == "create"
    assert event.features == sent["kenmerken"]
    assert event.created_at.isoformat() == "2026-05-04T10:15:00+00:00"  # the publisher's time


def test_kenmerken_are_optional(publisher, zaken):
    body = message_body()
    del body["kenmerken"]

    response = publisher.post(f"{BASE}notificaties", body, format="json")

    assert response.status_code == 200
    assert response.json()["kenmerken"] == {}


def test_a_delivery_per_matching_subscription(publisher, consumer, zaken, receiver):
    everything = subscribe(consumer, receiver, {})
    this_organisation = subscribe(consumer, receiver, {"bronorganisatie": "002220647"})
    any_zaaktype = subscribe(consumer, receiver, {"zaaktype": "*"})
    this_type_and_level = subscribe(
        consumer, receiver, {"zaaktype": ZAAKTYPE, "vertrouwelijkheidaanduiding": "openbaar"}
    )
    other_organisation = subscribe(consumer, receiver, {"bronorganisatie": "123456782"})
    secret_only = subscribe(consumer, receiver, {"vertrouwelijkheidaanduiding": "geheim"})

    assert publish(publisher).status_code == 200

    event = Event.objects.get()
    delivered_to = {str(d.subscription.uuid) for d in event.deliveries.all()}
    assert delivered_to == {everything, this_organisation, any_zaaktype, this_type_and_level}
    assert other_organisation not in delivered_to
    assert secret_only not in delivered_to
    assert {d.target_url for d in event.deliveries.all()} == {receiver.url}
    assert {d.status for d in event.deliveries.all()} == {Delivery.Status.PENDING}
    # One delivery task each, in the same transaction.
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_notification").count() == 4


def test_no_delivery_for_another_kanaal(publisher, consumer, zaken, receiver):
    create(publisher, "kanaal", {"naam": "besluiten-extern"})
    subscribe(consumer, receiver, {}, kanaal="besluiten-extern")

    publish(publisher)

    assert not Delivery.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker closes the connection when done
def test_the_subscriber_receives_the_message_unchanged(publisher, consumer, zaken, receiver):
    subscribe(consumer, receiver, {"bronorganisatie": "002220647"})
    receiver.received.clear()
    publish(publisher)

    Worker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="nrc-test",
    ).run()

    (delivered,) = receiver.received
    assert delivered["path"] == "/api/callback"
    assert delivered["headers"]["Authorization"] == "Bearer geheim-van-de-ontvanger"
    assert delivered["headers"]["Idempotency-Key"] == str(Event.objects.get().uuid)
    assert delivered["body"] == {**message_body(), "aanmaakdatum": "2026-05-04T10:15:00+00:00"}
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED


def test_the_kanaal_must_exist(publisher, zaken):
    response = publish(publisher, kanaal="bestaat-niet")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [(p["name"], p["code"]) for p in response.json()["invalidParams"]] == [
        ("kanaal", "message_kanaal")
    ]
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    "field", ["kanaal", "hoofdObject", "resource", "resourceUrl", "actie", "aanmaakdatum"]
)
def test_required_fields(publisher, zaken, field):
    body = message_body()
    del body[field]

    response = publisher.post(f"{BASE}notificaties", body, format="json")

    assert response.status_code == 400
    assert (field, "required") in [(p["name"], p["code"]) for p in response.json()["invalidParams"]]


@pytest.mark.parametrize(
    ("changes", "name", "code"),
    [
        ({"hoofdObject": "geen-url"}, "hoofdObject", "invalid"),
        ({"resourceUrl": "ftp://example.nl/x"}, "resourceUrl", "invalid"),
        ({"aanmaakdatum": "gisteren"}, "aanmaakdatum", "invalid"),
        ({"actie": "x" * 101}, "actie", "max_length"),
        ({"kenmerken": {"zaaktype": ""}}, "kenmerken.zaaktype", "blank"),
        ({"kenmerken": ["zaaktype"]}, "kenmerken", "not_a_dict"),
    ],
)
def test_invalid_messages_are_refused(publisher, zaken, changes, name, code):
    response = publish(publisher, **changes)

    assert response.status_code == 400
    assert (name, code) in [(p["name"], p["code"]) for p in response.json()["invalidParams"]]
    assert not Event.objects.exists()
