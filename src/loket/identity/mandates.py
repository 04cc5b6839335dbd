"""Mandates (machtigingen): one person acts for another in the portal.

The person who gives the mandate records it in Mijn omgeving: who (a BSN the register knows,
an adult who is alive) and until when. The representative then chooses to act for them: the
session's visitor becomes the person they act for, with ``acting_bsn`` and ``acting_name`` of
who really does it and the mandate's uuid. Forms and Mijn omgeving work as for the person
themself; the case records both (the initiator as machtiginggever, the representative as
gemachtigde). Either of them can end the mandate; the next request of a representative who
still acts under it is their own again (``check_acting``).
"""

from dataclasses import asdict, replace
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.nl import bsn as stdnum_bsn

from loket.brp.sources import get_brp_source
from loket.identity.citizens import VISITOR_KEY, Visitor, current_visitor
from loket.identity.models import Mandate

ADULT_AGE = 18
LONGEST = timedelta(days=5 * 366)  # a mandate is renewed at least every five years


class MandateError(ValidationError):
    """A refused mandate; ``field`` names the form field it concerns."""

    def __init__(self, message: str, code: str, field: str | None = None):
        super().__init__(message, code=code)
        self.field = field


def active(mandates: QuerySet[Mandate], on: date | None = None) -> QuerySet[Mandate]:
    on = on or timezone.localdate()
    return mandates.filter(ended_at__isnull=True, valid_from__lte=on, valid_until__gte=on)


def mandates_given_by(bsn: str) -> QuerySet[Mandate]:
    return Mandate.objects.filter(grantor_bsn=bsn)


def mandates_held_by(bsn: str) -> QuerySet[Mandate]:
    return Mandate.objects.filter(representative_bsn=bsn)


@transaction.atomic
def grant_mandate(grantor: Visitor, representative_bsn: str, valid_until: date) -> Mandate:
    """``grantor`` (a logged-in person acting for themself) lets the person with
    ``representative_bsn`` act for them until ``valid_until``."""
    if not grantor.is_person or grantor.acting_bsn:
        raise MandateError(_("Only a person acting for themself can give a mandate."), "invalid")
    representative_bsn = representative_bsn.strip().replace(" ", "")
    if representative_bsn == grantor.bsn:
        raise MandateError(_("You cannot give a mandate to yourself."), "self", "bsn")
    person = (
        get_brp_source().person(representative_bsn)
        if stdnum_bsn.is_valid(representative_bsn)
        else None
    )
    today = timezone.localdate()
    if person is None or person.is_deceased:
        raise MandateError(_("There is no living person with this BSN."), "unknown", "bsn")
    if (person.age(today) or 0) < ADULT_AGE:
        raise MandateError(_("Only an adult (18 or older) can act for you."), "minor", "bsn")
    if valid_until < today:
        raise MandateError(_("Choose an end date that is today or later."), "past", "until")
    if valid_until > today + LONGEST:
        raise MandateError(_("A mandate lasts at most five years."), "too-long", "until")
    existing = active(mandates_given_by(grantor.bsn)).filter(representative_bsn=person.bsn)
    if existing.exists():
        raise MandateError(
            _("This person already has a mandate from you. End it first to change it."),
            "exists",
            "bsn",
        )
    return Mandate.objects.create(
        grantor_bsn=grantor.bsn,
        grantor_name=grantor.name,
        representative_bsn=person.bsn,
        representative_name=person.full_name,
        valid_from=today,
        valid_until=valid_until,
    )


@transaction.atomic
def end_mandate(mandate: Mandate, *, by: Visitor) -> Mandate:
    """The grantor or the representative ends the mandate (at once, for good)."""
    mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    own_bsn = by.acting_bsn or by.bsn
    if own_bsn not in (mandate.grantor_bsn, mandate.representative_bsn):
        raise MandateError(_("This is not your mandate."), "not-yours")
    if mandate.ended_at is None:
        mandate.ended_at = timezone.now()
        mandate.ended_by = by.acting_name or by.name
        mandate.save(update_fields=["ended_at", "ended_by"])
    return mandate


def act_for(request, mandate_uuid) -> Visitor:
    """The logged-in person starts acting for someone under one of their active mandates."""
    me = own_visitor(current_visitor(request))
    mandate = active(mandates_held_by(me.bsn)).filter(uuid=mandate_uuid).first()
    if mandate is None:
        raise MandateError(_("You do not have this mandate (anymore)."), "inactive")
    acting = replace(
        me,
        bsn=mandate.grantor_bsn,
        name=mandate.grantor_name,
        acting_bsn=me.bsn,
        acting_name=me.name,
        mandate=str(mandate.uuid),
    )
    remember(request, acting)
    return acting


def stop_acting(request) -> Visitor:
    me = own_visitor(current_visitor(request))
    remember(request, me)
    return me


def own_visitor(visitor: Visitor | None) -> Visitor:
    """The person behind the visitor: themself, also while acting for someone."""
    if visitor is None:
        raise MandateError(_("Log in first."), "login")
    if not visitor.acting_bsn:
        return visitor
    return replace(
        visitor,
        bsn=visitor.acting_bsn,
        name=visitor.acting_name,
        acting_bsn="",
        acting_name="",
        mandate="",
    )


def remember(request, visitor: Visitor) -> None:
    # A new session key: who the session acts for changes, as at a login.
    request.session.cycle_key()
    request.session[VISITOR_KEY] = asdict(visitor)


def check_acting(request) -> bool:
    """Back to themself when the mandate the visitor acts under is no longer active; True
    when that happened (the page then says so)."""
    visitor = current_visitor(request)
    if visitor is None or not visitor.mandate:
        return False
    if active(Mandate.objects.filter(uuid=visitor.mandate)).exists():
        return False
    remember(request, own_visitor(visitor))
    return True
