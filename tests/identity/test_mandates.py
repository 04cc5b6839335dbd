"""Mandates (machtigingen): a person lets another act for them in the portal; the case shows
both; either can end it, and an ended mandate no longer lets anyone in.

Texts are asserted in English (Accept-Language: en).
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from loket.brp.models import Person
from loket.cases.models import Case, Role
from loket.forms.models import Draft
from loket.identity.citizens import Visitor, current_visitor
from loket.identity.demo_login import demo_persons
from loket.identity.mandates import MandateError, grant_mandate
from loket.identity.models import Mandate
from tests.forms.conftest import Filler, demo_forms  # noqa: F401 - a fixture
from tests.workqueue.helpers import fill_budget_form

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}
MANDATES = reverse("identity:mandates")


@pytest.fixture
def adults(demo_forms):  # noqa: F811 - the fixture imported above
    return list(demo_persons().filter(birth_date__year__lt=1990).order_by("bsn")[:3])


def logged_in(person) -> Client:
    client = Client(headers=EN)
    client.post(reverse("identity:demo-digid"), {"bsn": person.bsn, "next": "/"})
    return client


def visitor_of(person) -> Visitor:
    return Visitor(bsn=person.bsn, name=person.full_name, assurance="midden", method="demo")


def until(days: int):
    return timezone.localdate() + timedelta(days=days)


def test_a_mandate_is_given_to_a_living_adult_other_than_yourself_for_a_while(adults):
    grantor, representative, _ = adults
    minor = demo_persons().filter(birth_date__gt=until(-10 * 365)).first()
    deceased = Person.objects.filter(death_date__isnull=False).first()
    refusals = [
        (grantor.bsn, until(30), "self"),
        ("123456789", until(30), "unknown"),
        (deceased.bsn, until(30), "unknown"),
        (minor.bsn, until(30), "minor"),
        (representative.bsn, until(-1), "past"),
        (representative.bsn, until(6 * 366), "too-long"),
    ]
    for bsn, end, code in refusals:
        with pytest.raises(MandateError) as refused:
            grant_mandate(visitor_of(grantor), bsn, end)
        assert refused.value.code == code, (bsn, end)

    mandate = grant_mandate(visitor_of(grantor), representative.bsn, until(30))

    assert (mandate.grantor_name, mandate.representative_name) == (
        grantor.full_name,
        representative.full_name,
    )
    with pytest.raises(MandateError) as twice:
        grant_mandate(visitor_of(grantor), representative.bsn, until(60))
    assert twice.value.code == "exists"


def test_the_representative_applies_for_the_grantor_and_the_case_shows_both(adults):
    grantor, representative, _ = adults
    own = logged_in(grantor)
    response = own.post(
        reverse("identity:mandate-grant"),
        {"bsn": representative.bsn, "until": until(30).strftime("%d-%m-%Y")},
        follow=True,
    )
    assert f"{representative.full_name} may now act for you until" in response.content.decode()

    helper = logged_in(representative)
    page = helper.get(MANDATES).content.decode()
    assert f"Act for {grantor.full_name}" in page
    mandate = Mandate.objects.get()
    response = helper.post(reverse("identity:mandate-act", args=[mandate.uuid]), follow=True)
    assert f"You now act for {grantor.full_name}." in response.content.decode()
    assert (
        f"{representative.full_name}, acting for {grantor.full_name}" in response.content.decode()
    )

    filler = Filler(helper)
    filler.open(reverse("forms:start", args=["leefbaarheidsbudget"]))
    fill_budget_form(filler, email="hulp@example.nl")

    case = Case.objects.get()
    assert case.initiator_bsn == grantor.bsn
    roles = {
        (r.subject_identification["inpBsn"], r.mandate)
        for r in case.roles.filter(generic="initiator")
    }
    assert roles == {
        (grantor.bsn, Role.Mandate.AUTHORISER),
        (representative.bsn, Role.Mandate.AUTHORISED),
    }
    assert Draft.objects.get().acting_bsn == representative.bsn
    # The case is the grantor's: in their Mijn omgeving, not in the representative's own.
    assert case.description in own.get(reverse("portal:mijn")).content.decode()
    page = own.get(reverse("portal:mijn-case", args=[case.uuid])).content.decode()
    assert f"{grantor.full_name}, done by {representative.full_name}" in page
    helper.post(reverse("identity:mandate-stop"))
    assert case.description not in helper.get(reverse("portal:mijn")).content.decode()


def test_an_ended_mandate_lets_no_one_act_anymore(adults):
    grantor, representative, _ = adults
    mandate = grant_mandate(visitor_of(grantor), representative.bsn, until(30))
    helper = logged_in(representative)
    helper.post(reverse("identity:mandate-act", args=[mandate.uuid]))
    assert current_visitor_of(helper).acting_bsn == representative.bsn

    own = logged_in(grantor)
    own.post(reverse("identity:mandate-end", args=[mandate.uuid]))

    response = helper.get(reverse("portal:mijn"), follow=True)
    assert "The mandate you acted under has ended." in response.content.decode()
    me = current_visitor_of(helper)
    assert (me.bsn, me.acting_bsn, me.mandate) == (representative.bsn, "", "")
    response = helper.post(reverse("identity:mandate-act", args=[mandate.uuid]), follow=True)
    assert "You do not have this mandate (anymore)." in response.content.decode()
    assert current_visitor_of(helper).bsn == representative.bsn


def test_nobody_ends_or_uses_someone_elses_mandate(adults):
    grantor, representative, stranger = adults
    mandate = grant_mandate(visitor_of(grantor), representative.bsn, until(30))
    other = logged_in(stranger)

    response = other.post(reverse("identity:mandate-end", args=[mandate.uuid]), follow=True)
    assert "This is not your mandate." in response.content.decode()
    other.post(reverse("identity:mandate-act", args=[mandate.uuid]))

    mandate.refresh_from_db()
    assert mandate.ended_at is None
    assert current_visitor_of(other).bsn == stranger.bsn
    assert grantor.full_name not in other.get(MANDATES).content.decode()


def test_the_grant_form_keeps_what_was_typed_on_an_error(adults):
    grantor, *_ = adults
    own = logged_in(grantor)
    response = own.post(
        reverse("identity:mandate-grant"), {"bsn": "123456789", "until": "1-1-2020"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no living person with this BSN." in html
    assert 'value="123456789"' in html


def current_visitor_of(client) -> Visitor:
    request = type("Request", (), {"session": client.session})()
    return current_visitor(request)
