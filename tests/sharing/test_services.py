"""Issuing, withdrawing and checking statements: what is signed, what is refused, what is
logged; and the signing keys with their rotation."""

from dataclasses import replace
from datetime import date, timedelta
from types import SimpleNamespace

import jwt
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from loket.brp.sources import get_brp_source
from loket.sharing.attributes import available_attributes
from loket.sharing.keys import (
    MAX_VALIDITY,
    current_signing_key,
    jwks,
    rotate_signing_key,
    thumbprint,
)
from loket.sharing.models import Consent, ConsentEvent, SigningKey
from loket.sharing.selectors import consents_of
from loket.sharing.services import (
    end_of_day,
    issue_statement,
    latest_end,
    record_status_check,
    revoke_consent,
)
from tests.sharing.conftest import PURPOSE, share

pytestmark = pytest.mark.django_db


def claims_of(consent: Consent) -> dict:
    public_key = jwt.PyJWK(consent.key.public_jwk).key
    return jwt.decode(
        consent.statement, public_key, algorithms=["ES256"], audience=consent.receiver.audience
    )


def kinds_logged(consent: Consent) -> list[str]:
    return list(consent.events.order_by("at", "pk").values_list("kind", flat=True))


def test_a_statement_holds_exactly_the_consented_attributes_from_the_brp(
    person, receiver, settings
):
    settings.LOKET_BASE_URL = "https://loket.voorbeeld.nl/"
    record = get_brp_source().person(person.bsn)
    ends_on = timezone.localdate() + timedelta(days=90)

    consent = issue_statement(
        bsn=person.bsn,
        receiver=receiver,
        attributes=["address", "name"],
        purpose=PURPOSE,
        ends_on=ends_on,
    )

    claims = claims_of(consent)
    assert claims["iss"] == "https://loket.voorbeeld.nl"
    assert claims["aud"] == receiver.audience
    assert claims["jti"] == str(consent.uuid)
    assert claims["purpose"] == PURPOSE
    assert claims["status"] == f"https://loket.voorbeeld.nl/delen/status/{consent.uuid}/"
    assert claims["iat"] == claims["nbf"] == int(consent.issued_at.timestamp())
    assert claims["exp"] == int(end_of_day(ends_on).timestamp())
    assert claims["attributes"] == {
        "name": {
            "given_names": record.given_names,
            "surname_prefix": record.surname_prefix,
            "surname": record.surname,
        },
        "address": {
            "street": record.address.street,
            "house_number": record.address.house_number,
            "house_letter": record.address.house_letter,
            "house_number_addition": record.address.house_number_addition,
            "postcode": record.address.postcode,
            "town": record.address.town,
        },
    }
    assert jwt.get_unverified_header(consent.statement)["kid"] == consent.key.kid
    assert consent.attributes == ["name", "address"]
    assert consent.last_day == ends_on
    assert kinds_logged(consent) == [ConsentEvent.Kind.ISSUED]


def test_the_statement_ends_at_midnight_after_the_last_day_in_dutch_time(person, receiver):
    consent = share(person, receiver, days=10)
    end = timezone.localtime(consent.expires_at)
    assert (end.date(), end.hour, end.minute) == (timezone.localdate() + timedelta(days=11), 0, 0)


END_DATES = {
    "yesterday": lambda today: today - timedelta(days=1),
    "a year and a day": lambda today: latest_end(today) + timedelta(days=1),
}


@pytest.mark.parametrize(
    "change, field",
    [
        ({"attributes": []}, "attributes"),
        ({"attributes": ["name", "bsn"]}, "attributes"),
        ({"purpose": "Reclame sturen"}, "purpose"),
        ({"ends_on": "yesterday"}, "ends_on"),
        ({"ends_on": "a year and a day"}, "ends_on"),
    ],
)
def test_a_request_outside_the_rules_is_refused_with_its_field(person, receiver, change, field):
    request = {"attributes": ["name"], "purpose": PURPOSE, "ends_on": "yesterday"}
    request.update(change)
    today = timezone.localdate()
    request["ends_on"] = END_DATES.get(request["ends_on"], lambda today: today)(today)
    if "ends_on" not in change:
        request["ends_on"] = today

    with pytest.raises(ValidationError) as refused:
        issue_statement(bsn=person.bsn, receiver=receiver, **request)

    assert list(refused.value.message_dict) == [field]
    assert not Consent.objects.exists()


def test_the_end_date_may_be_today_or_one_year_from_today(person, receiver):
    today = timezone.localdate()
    for ends_on in (today, latest_end(today)):
        issue_statement(
            bsn=person.bsn, receiver=receiver, attributes=["name"], purpose=PURPOSE, ends_on=ends_on
        )
    assert Consent.objects.count() == 2


def test_one_year_from_the_29th_of_february_is_the_28th():
    assert latest_end(date(2028, 2, 29)) == date(2029, 2, 28)
    assert latest_end(date(2027, 3, 1)) == date(2028, 3, 1)


def test_a_receiver_no_longer_active_cannot_be_chosen(person, receiver):
    receiver.active = False
    receiver.save()
    with pytest.raises(ValidationError, match="no longer share"):
        share(person, receiver)


def test_an_unknown_person_gets_no_statement(receiver):
    with pytest.raises(ValidationError, match="could not find your data"):
        issue_statement(
            bsn="999990019",
            receiver=receiver,
            attributes=["name"],
            purpose=PURPOSE,
            ends_on=timezone.localdate(),
        )


def test_an_address_the_brp_does_not_have_is_not_offered_nor_shared(person, receiver, monkeypatch):
    """After leaving the country the BRP keeps the last Dutch address: not where one lives."""
    departed = replace(get_brp_source().person(person.bsn), departure_date=date(2025, 1, 6))
    monkeypatch.setattr(
        "loket.sharing.services.get_brp_source",
        lambda: SimpleNamespace(person=lambda bsn: departed),
    )

    assert "address" not in [attribute.key for attribute, _ in available_attributes(departed)]
    with pytest.raises(ValidationError) as refused:
        share(person, receiver, attributes=["name", "address"])
    assert refused.value.message_dict["attributes"] == [
        "The BRP has no address for you, so we cannot share it."
    ]


def test_revoking_ends_the_statement_once_and_keeps_no_copy(person, receiver):
    consent = share(person, receiver)

    revoke_consent(consent)
    revoked_at = Consent.objects.get().revoked_at
    revoke_consent(consent)

    consent.refresh_from_db()
    assert consent.revoked_at == revoked_at
    assert consent.status == Consent.Status.REVOKED
    assert consent.statement == ""
    assert kinds_logged(consent) == [ConsentEvent.Kind.ISSUED, ConsentEvent.Kind.REVOKED]


def test_every_status_check_is_logged_with_the_status_at_that_moment(person, receiver):
    consent = share(person, receiver)
    expired = share(person, receiver, at=timezone.now() - timedelta(days=40))

    assert record_status_check(consent) == Consent.Status.ACTIVE
    assert record_status_check(expired) == Consent.Status.EXPIRED
    revoke_consent(consent)
    consent.refresh_from_db()
    assert record_status_check(consent) == Consent.Status.REVOKED

    assert kinds_logged(consent) == [
        ConsentEvent.Kind.ISSUED,
        ConsentEvent.Kind.STATUS_CHECKED,
        ConsentEvent.Kind.REVOKED,
        ConsentEvent.Kind.STATUS_CHECKED,
    ]


def test_consents_of_a_person_are_their_own_active_and_ended_newest_first(persons, receiver):
    a, b = persons
    old = share(a, receiver, at=timezone.now() - timedelta(days=60))
    revoked = revoke_consent(share(a, receiver, at=timezone.now() - timedelta(days=1)))
    active = share(a, receiver)
    share(b, receiver)

    consents = consents_of(a.bsn)

    assert [consent.pk for consent in consents] == [active.pk, revoked.pk, old.pk]
    assert [consent.status for consent in consents] == ["active", "revoked", "expired"]
    assert consents[0].receiver.name == receiver.name
    assert consents[0].attribute_labels == ["Name", "Date of birth"]


# --- signing keys ------------------------------------------------------------------------------


def test_one_key_is_made_on_first_use_and_its_kid_is_the_jwk_thumbprint(person, receiver):
    assert jwks() == {"keys": []}

    first, second = share(person, receiver), share(person, receiver)

    assert SigningKey.objects.count() == 1
    assert first.key == second.key == current_signing_key()
    (published,) = jwks()["keys"]
    assert published["kid"] == thumbprint(published) == first.key.kid
    assert published["kty"] == "EC" and published["crv"] == "P-256"
    assert published["alg"] == "ES256" and published["use"] == "sig"
    assert "d" not in published, "the private part is never published"


def test_after_rotation_new_statements_use_the_new_key_and_the_old_one_stays_published(
    person, receiver
):
    old = share(person, receiver)

    new_key = rotate_signing_key()
    new = share(person, receiver)

    assert new.key == new_key != old.key
    assert {key["kid"] for key in jwks()["keys"]} == {old.key.kid, new_key.kid}
    assert claims_of(old)["jti"] == str(old.uuid)

    # Once no statement signed with it can still be valid, the old key is withdrawn.
    SigningKey.objects.filter(pk=old.key.pk).update(
        retired_at=timezone.now() - MAX_VALIDITY - timedelta(minutes=1)
    )
    assert [key["kid"] for key in jwks()["keys"]] == [new_key.kid]
