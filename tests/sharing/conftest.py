"""Persons of the built-in register, the demo housing corporation, and statements issued to
it, for the tests of sharing data with consent."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation

from loket.brp.register import load_demo_register
from loket.identity.demo_login import demo_persons
from loket.sharing.demo import load_demo_receivers
from loket.sharing.services import issue_statement
from tests.portal.conftest import logged_in, person_visitor

PURPOSE = "Inschrijven als woningzoekende"


@pytest.fixture(autouse=True)
def _english():
    """Messages in English, the code's own texts, which the Dutch translations do not change."""
    with translation.override("en"):
        yield


@pytest.fixture
def persons(db):
    """Two living residents of Voorbeeld: A and B."""
    load_demo_register()
    first, second = demo_persons().filter(birth_date__year__lt=1990).order_by("bsn")[:2]
    return first, second


@pytest.fixture
def person(persons):
    return persons[0]


@pytest.fixture
def receiver(db):
    return load_demo_receivers()


def share(person, receiver, attributes=("name", "birth_date"), days: int = 30, at=None):
    """A statement of these attributes for the demo purpose, issued ``at`` (now) and valid
    ``days`` more days from then."""
    at = at or timezone.now()
    return issue_statement(
        bsn=person.bsn,
        receiver=receiver,
        attributes=list(attributes),
        purpose=PURPOSE,
        ends_on=timezone.localdate(at) + timedelta(days=days),
        at=at,
    )


def logged_in_as(person) -> Client:
    """A browser without JavaScript, in English, logged in with DigiD as ``person``."""
    return logged_in(person_visitor(person))
