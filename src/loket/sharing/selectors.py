"""Reads of consents: a person's own (Mijn omgeving, the KCC's 360° view) and their log."""

from loket.sharing.models import Consent, ConsentEvent, Receiver


def consents_of(bsn: str) -> list[Consent]:
    """The person's consents, active and ended, newest first, each with its receiver;
    ``consent.status`` says which (active, revoked or expired)."""
    return list(Consent.objects.filter(bsn=bsn).select_related("receiver").defer("statement"))


def consent_of(consent_uuid, *, bsn: str) -> Consent | None:
    """The person's own consent with this uuid; None for anyone else's, existing or not."""
    return Consent.objects.filter(uuid=consent_uuid, bsn=bsn).select_related("receiver").first()


def events_of(bsn: str):
    """The person's log: every issue, withdrawal and status check, newest first."""
    return ConsentEvent.objects.filter(consent__bsn=bsn).select_related("consent__receiver")


def receivers_to_choose():
    return Receiver.objects.filter(active=True)
