"""Loket's own changes reach the subscribers of its Notificaties API: opening a case records
an event on kanaal ``zaken`` with the Zaken API's kenmerken, delivered to every subscriber
whose filters match."""

from datetime import date

import pytest
from django.conf import settings

from loket.cases.services import open_case
from loket.notify.models import Delivery, Event
from tests.api.notificaties.conftest import abonnement_body, create
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db


def subscribe(consumer, receiver, filters: dict) -> str:
    body = abonnement_body(receiver, kanalen=[{"naam": "zaken", "filters": filters}])
    return create(consumer, "abonnement", body)["url"].rsplit("/", 1)[-1]


def test_opening_a_case_notifies_the_subscribers_of_zaken(consumer, zaken, receiver):
    case_type = published_case_type()
    zaaktype = f"{settings.LOKET_BASE_URL}/catalogi/api/v1/zaaktypen/{case_type.uuid}"
    every_case = subscribe(consumer, receiver, {})
    this_type = subscribe(consumer, receiver, {"zaaktype": zaaktype})
    this_level = subscribe(consumer, receiver, {"vertrouwelijkheidaanduiding": "zaakvertrouwelijk"})
    other_level = subscribe(consumer, receiver, {"vertrouwelijkheidaanduiding": "geheim"})
    other_organisation = subscribe(consumer, receiver, {"bronorganisatie": "123456782"})

    case = open_case(case_type, actor="test", registered_on=date(2026, 4, 20))

    event = Event.objects.get(kind="case_created")
    assert event.channel == "zaken"
    assert event.case == case
    assert event.resource == "zaak"
    assert event.action == "create"
    assert event.main_object == f"{settings.LOKET_BASE_URL}/zaken/api/v1/zaken/{case.uuid}"
    assert event.features == {
        "bronorganisatie": case.source_organisation,
        "zaaktype": zaaktype,
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
    }
    deliveries = Delivery.objects.filter(event=event).select_related("subscription")
    assert {str(d.subscription.uuid) for d in deliveries} == {every_case, this_type, this_level}
    assert other_level not in {str(d.subscription.uuid) for d in deliveries}
    assert other_organisation not in {str(d.subscription.uuid) for d in deliveries}
    assert {d.target_url for d in deliveries} == {receiver.url}
    assert event.message()["kenmerken"] == event.features
