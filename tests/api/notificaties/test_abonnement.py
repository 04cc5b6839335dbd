"""Abonnementen: create (callback checked with a test notification), list, read, PUT, PATCH,
DELETE; kanalen must exist and filter only on their kenmerken."""

import pytest

from loket.notify.models import Channel, Subscription
from tests.api.notificaties.conftest import BASE, abonnement_body, create
from tests.conftest import free_port

pytestmark = pytest.mark.django_db


def params(response) -> list[tuple[str, str]]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return [(p["name"], p["code"]) for p in response.json()["invalidParams"]]


def test_create_checks_the_callback_and_stores_the_subscriber(consumer, zaken, receiver):
    response = consumer.post(f"{BASE}abonnement", abonnement_body(receiver), format="json")

    assert response.status_code == 201, response.json()
    created = response.json()
    assert created == {
        "url": created["url"],
        "callbackUrl": receiver.url,
        "kanalen": [{"naam": "zaken", "filters": {"bronorganisatie": "002220647"}}],
    }
    assert created["url"].startswith("http://testserver/notificaties/api/v1/abonnement/")
    assert response["Location"] == created["url"]
    # The callback got one test notification, with the Authorization value to be used.
    (check,) = receiver.received
    assert check["path"] == "/api/callback"
    assert check["headers"]["Authorization"] == "Bearer geheim-van-de-ontvanger"
    assert check["body"]["kanaal"] == "test"
    assert set(check["body"]) == {
        "kanaal",
        "hoofdObject",
        "resource",
        "resourceUrl",
        "actie",
        "aanmaakdatum",
        "kenmerken",
    }
    subscription = Subscription.objects.get()
    assert subscription.client_id == "nrc-consumer"
    assert subscription.auth == "Bearer geheim-van-de-ontvanger"
    assert [(link.channel.name, link.filters) for link in subscription.channels.all()] == [
        ("zaken", {"bronorganisatie": "002220647"})
    ]


@pytest.mark.parametrize("status", [200, 201, 202, 204])
def test_any_success_answer_of_the_callback_is_accepted(consumer, zaken, receiver, status):
    receiver.status = status

    assert (
        consumer.post(f"{BASE}abonnement", abonnement_body(receiver), format="json").status_code
        == 201
    )


@pytest.mark.parametrize("status", [301, 401, 403, 404, 500])
def test_a_callback_that_refuses_the_test_notification_is_refused(
    consumer, zaken, receiver, status
):
    receiver.status = status

    response = consumer.post(f"{BASE}abonnement", abonnement_body(receiver), format="json")

    assert params(response) == [("callbackUrl", "invalid-callback-url")]
    assert f"HTTP {status}" in response.json()["invalidParams"][0]["reason"]
    assert not Subscription.objects.exists()


def test_a_callback_that_does_not_answer_is_refused(consumer, zaken, receiver):
    body = abonnement_body(receiver, callbackUrl=f"http://127.0.0.1:{free_port()}/callback")

    response = consumer.post(f"{BASE}abonnement", body, format="json")

    assert params(response) == [("callbackUrl", "invalid-callback-url")]
    assert not Subscription.objects.exists()


def test_every_kanaal_must_exist(consumer, zaken, receiver):
    body = abonnement_body(
        receiver, kanalen=[{"naam": "zaken"}, {"naam": "bestaat-niet", "filters": {}}]
    )

    response = consumer.post(f"{BASE}abonnement", body, format="json")

    assert params(response) == [("kanalen.1.naam", "kanaal_naam")]
    assert receiver.received == []  # refused before the callback is bothered


def test_filters_only_on_the_kenmerken_of_the_kanaal(consumer, zaken, receiver):
    body = abonnement_body(receiver, kanalen=[{"naam": "zaken", "filters": {"kleur": "rood"}}])

    response = consumer.post(f"{BASE}abonnement", body, format="json")

    assert params(response) == [("kanalen", "inconsistent-abonnement-filters")]
    assert "kleur" in response.json()["invalidParams"][0]["reason"]


def test_a_kanaal_without_declared_filters_takes_any_filter(consumer, receiver):
    Channel.objects.create(name="vrij")
    body = abonnement_body(receiver, kanalen=[{"naam": "vrij", "filters": {"kleur": "rood"}}])

    assert consumer.post(f"{BASE}abonnement", body, format="json").status_code == 201


def test_a_kanaal_given_twice_is_refused(consumer, zaken, receiver):
    body = abonnement_body(receiver, kanalen=[{"naam": "zaken"}, {"naam": "zaken"}])

    assert params(consumer.post(f"{BASE}abonnement", body, format="json")) == [
        ("kanalen", "duplicate-kanaal")
    ]


@pytest.mark.parametrize(
    ("changes", "name", "code"),
    [
        ({"callbackUrl": None}, "callbackUrl", "null"),
        ({"callbackUrl": "geen-url"}, "callbackUrl", "invalid"),
        ({"callbackUrl": "https://example.nl/" + "x" * 200}, "callbackUrl", "max_length"),
        ({"auth": ""}, "auth", "blank"),
        ({"auth": "x" * 1001}, "auth", "max_length"),
        ({"kanalen": [{"filters": {}}]}, "kanalen.0.naam", "required"),
        (
            {"kanalen": [{"naam": "zaken", "filters": {"zaaktype": ""}}]},
            "kanalen.0.filters.zaaktype",
            "blank",
        ),
    ],
)
def test_invalid_fields_are_refused(consumer, zaken, receiver, changes, name, code):
    response = consumer.post(
        f"{BASE}abonnement", abonnement_body(receiver, **changes), format="json"
    )

    assert (name, code) in params(response)


@pytest.mark.parametrize("field", ["callbackUrl", "auth", "kanalen"])
def test_required_fields(consumer, zaken, receiver, field):
    body = abonnement_body(receiver)
    del body[field]

    assert (field, "required") in params(consumer.post(f"{BASE}abonnement", body, format="json"))


def test_list_and_read(consumer, publisher, zaken, receiver):
    first = create(consumer, "abonnement", abonnement_body(receiver))
    second = create(consumer, "abonnement", abonnement_body(receiver, kanalen=[]))

    listed = publisher.get(f"{BASE}abonnement")
    assert listed.status_code == 200
    assert listed["API-version"] == "1.0.0"
    assert listed.json() == [first, second]  # a plain array, oldest first

    read = publisher.get(first["url"])
    assert read.status_code == 200
    assert read.json() == first
    assert "auth" not in read.json()
    assert read["ETag"]


def test_put_replaces_everything_and_checks_the_new_callback(consumer, zaken, receiver):
    Channel.objects.create(name="besluiten-test", filters=["besluittype"])
    url = create(consumer, "abonnement", abonnement_body(receiver))["url"]
    body = abonnement_body(
        receiver,
        callbackUrl=receiver.url + "/nieuw",
        auth="Bearer nieuw",
        kanalen=[{"naam": "besluiten-test", "filters": {"besluittype": "*"}}],
    )

    response = consumer.put(url, body, format="json")

    assert response.status_code == 200, response.json()
    assert response.json() == {
        "url": url,
        "callbackUrl": receiver.url + "/nieuw",
        "kanalen": [{"naam": "besluiten-test", "filters": {"besluittype": "*"}}],
    }
    assert receiver.received[-1]["path"] == "/api/callback/nieuw"
    assert receiver.received[-1]["headers"]["Authorization"] == "Bearer nieuw"
    subscription = Subscription.objects.get()
    assert subscription.auth == "Bearer nieuw"
    assert subscription.client_id == "nrc-consumer"
    assert subscription.channels.get().channel.name == "besluiten-test"


def test_put_needs_every_required_field(consumer, zaken, receiver):
    url = create(consumer, "abonnement", abonnement_body(receiver))["url"]

    response = consumer.put(url, {"callbackUrl": receiver.url}, format="json")

    assert set(params(response)) == {("auth", "required"), ("kanalen", "required")}


def test_patch_changes_what_is_given(consumer, zaken, receiver):
    url = create(consumer, "abonnement", abonnement_body(receiver))["url"]
    checks = len(receiver.received)

    response = consumer.patch(
        url, {"kanalen": [{"naam": "zaken", "filters": {"zaaktype": "*"}}]}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert response.json()["kanalen"] == [{"naam": "zaken", "filters": {"zaaktype": "*"}}]
    assert response.json()["callbackUrl"] == receiver.url
    assert len(receiver.received) == checks  # callback and auth unchanged: not checked again

    receiver.status = 500
    refused = consumer.patch(url, {"auth": "Bearer ander"}, format="json")
    assert params(refused) == [("callbackUrl", "invalid-callback-url")]
    assert Subscription.objects.get().auth == "Bearer geheim-van-de-ontvanger"


def test_delete(consumer, zaken, receiver):
    url = create(consumer, "abonnement", abonnement_body(receiver))["url"]

    response = consumer.delete(url)

    assert response.status_code == 204
    assert not Subscription.objects.exists()
    assert consumer.get(url).status_code == 404
    assert consumer.delete(url).status_code == 404


def test_unknown_query_parameters_are_refused(consumer):
    response = consumer.get(f"{BASE}abonnement", {"callbackUrl": "x"})

    assert params(response) == [("nonFieldErrors", "unknown-parameters")]
