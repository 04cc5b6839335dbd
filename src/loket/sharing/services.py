"""Every change to consents: issuing a statement, withdrawing it, and a receiver's status
check; each in one transaction with its line in the person's log (``ConsentEvent``)."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from loket.brp.sources import get_brp_source
from loket.sharing.attributes import ATTRIBUTES, label_of
from loket.sharing.keys import current_signing_key, sign
from loket.sharing.models import Consent, ConsentEvent, Receiver


def latest_end(today: date) -> date:
    """The last day a consent given today may last: one year on (28 February for 29)."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def end_of_day(day: date) -> datetime:
    """The moment the day ends in the municipality's time zone: the statement's ``exp``."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def issuer() -> str:
    return settings.LOKET_BASE_URL.rstrip("/")


def status_url(consent: Consent) -> str:
    return issuer() + reverse("sharing:status", args=[consent.uuid])


def check_request(receiver: Receiver, attributes: list[str], purpose: str, ends_on, today):
    """Refuse, per form field, what the person may not ask for."""
    if not receiver.active:
        raise ValidationError(_("You can no longer share data with %(name)s.") % {"name": receiver})
    errors = {}
    if not attributes:
        errors["attributes"] = _("Choose at least one piece of data to share.")
    elif unknown := [key for key in attributes if key not in ATTRIBUTES]:
        errors["attributes"] = _("This data cannot be shared: %(keys)s.") % {
            "keys": ", ".join(unknown)
        }
    if purpose not in receiver.purposes:
        errors["purpose"] = _("Choose one of the purposes of %(name)s.") % {"name": receiver.name}
    last = latest_end(today)
    if ends_on < today or ends_on > last:
        errors["ends_on"] = _("Choose an end date from today up to %(last)s.") % {
            "last": date_format(last, "j F Y")
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def issue_statement(
    *,
    bsn: str,
    receiver: Receiver,
    attributes: list[str],
    purpose: str,
    ends_on: date,
    at: datetime | None = None,
) -> Consent:
    """Record the person's consent and sign a statement of exactly these attributes, with
    their values from the BRP, issued ``at`` (now). Raises ValidationError (per field where
    there is one) for a request the person may not make, ``BrpError`` when the BRP cannot
    answer."""
    now = at or timezone.now()
    check_request(receiver, attributes, purpose, ends_on, timezone.localdate(now))
    person = get_brp_source().person(bsn)
    if person is None:
        raise ValidationError(_("We could not find your data in the Basisregistratie Personen."))
    values = {key: ATTRIBUTES[key].value(person) for key in ATTRIBUTES if key in attributes}
    if missing := [key for key, value in values.items() if value is None]:
        raise ValidationError(
            {
                "attributes": _("The BRP has no %(what)s for you, so we cannot share it.")
                % {"what": ", ".join(str(label_of(key)).lower() for key in missing)}
            }
        )
    key = current_signing_key()
    consent = Consent(
        bsn=bsn,
        receiver=receiver,
        attributes=list(values),
        purpose=purpose,
        issued_at=now,
        expires_at=end_of_day(ends_on),
        key=key,
    )
    seconds = int(now.timestamp())
    consent.statement = sign(
        {
            "iss": issuer(),
            "aud": receiver.audience,
            "iat": seconds,
            "nbf": seconds,
            "exp": int(consent.expires_at.timestamp()),
            "jti": str(consent.uuid),
            "purpose": purpose,
            "status": status_url(consent),
            "attributes": values,
        },
        key,
    )
    consent.save()
    ConsentEvent.objects.create(consent=consent, kind=ConsentEvent.Kind.ISSUED, at=now)
    return consent


@transaction.atomic
def revoke_consent(consent: Consent) -> Consent:
    """Withdraw the consent: receivers checking the status hear it is revoked. Once is
    enough; the statement itself is no longer kept."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.revoked_at is None:
        consent.revoked_at = timezone.now()
        consent.statement = ""
        consent.save(update_fields=["revoked_at", "statement"])
        ConsentEvent.objects.create(
            consent=consent, kind=ConsentEvent.Kind.REVOKED, at=consent.revoked_at
        )
    return consent


@transaction.atomic
def record_status_check(consent: Consent) -> str:
    """A receiver asks whether the statement still holds: the status, and a line in the
    person's log."""
    now = timezone.now()
    ConsentEvent.objects.create(consent=consent, kind=ConsentEvent.Kind.STATUS_CHECKED, at=now)
    return consent.status_at(now)
