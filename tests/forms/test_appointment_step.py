"""An appointment chosen inside a form: free times of a chosen day, the time held while the
form is finished, booked with the submission, released when abandoned or changed."""

from datetime import date, timedelta

import holidays
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from loket.appointments import services as appointments
from loket.appointments.demo import load_demo_appointments
from loket.appointments.models import Appointment, LocationProduct
from loket.catalog.models import Product
from loket.forms.models import Submission
from loket.forms.services import save_definition
from loket.notify.models import Mail
from tests.appointments.conftest import at
from tests.forms.conftest import Filler
from tests.forms.test_flow import log_in, start

SCHEMA = {
    "steps": [
        {
            "key": "afspraak_stap",
            "title": {"nl": "Afspraak", "en": "Appointment"},
            "fields": [
                {
                    "key": "afspraak",
                    "type": "appointment",
                    "label": {"nl": "Wanneer komt u langs?", "en": "When will you come?"},
                    "product": "paspoort",
                    "required": True,
                }
            ],
        },
        {
            "key": "contact",
            "title": {"nl": "Contact", "en": "Contact"},
            "fields": [
                {
                    "key": "email",
                    "type": "email",
                    "label": {"nl": "E-mailadres", "en": "E-mail address"},
                    "required": True,
                }
            ],
        },
    ],
    "case": {
        "description": {"nl": "Paspoort aanvragen", "en": "Apply for a passport"},
        "initiator": "login",
        "email_field": "email",
    },
}


def coming_monday() -> date:
    """A Monday at least a week ahead that is no public holiday."""
    day = timezone.localdate() + timedelta(days=7)
    while day.weekday() != 0 or day in holidays.country_holidays("NL", years=day.year):
        day += timedelta(days=1)
    return day


@pytest.fixture
def passport_form(demo_forms):
    stadhuis = load_demo_appointments()
    passport = Product.objects.get(slug="paspoort")
    LocationProduct.objects.filter(location=stadhuis, product=passport).update(capacity=1)
    save_definition(passport, login="citizen", schema=SCHEMA)
    return stadhuis


@pytest.fixture
def monday():
    return coming_monday()


def choose(filler, stadhuis, day: date, hour: int, minute: int = 0):
    return filler.post(
        {
            "afspraak-day": f"{day:%d-%m-%Y}",
            "afspraak-slot": f"{stadhuis.uuid}|{hour:02}:{minute:02}",
        }
    )


def test_the_step_shows_the_free_times_of_the_chosen_day(filler, resident, passport_form, monday):
    log_in(filler, resident)
    start(filler, "paspoort")
    assert 'name="afspraak-day"' in filler.html and "afspraak-slot" not in filler.html

    filler.post({"afspraak-day": f"{monday:%d-%m-%Y}"}, action="times:afspraak")

    assert filler.response.status_code == 200
    assert f'value="{passport_form.uuid}|09:00"' in filler.html
    assert f'value="{passport_form.uuid}|16:45"' in filler.html
    assert f'value="{monday:%d-%m-%Y}"' in filler.html  # the typed day is kept
    assert "Vul dit veld in" not in filler.html  # showing times is no attempt to go on


def test_a_chosen_time_is_held_and_booked_with_the_submission(
    filler, resident, passport_form, monday
):
    log_in(filler, resident)
    start(filler, "paspoort")
    choose(filler, passport_form, monday, 10, 30)

    hold = Appointment.objects.get()
    assert hold.status == Appointment.Status.HELD and hold.start == at(monday, 10, 30)
    filler.post({"email": "inwoner@example.nl"})
    assert "10:30" in filler.html and "Stadhuis" in filler.html  # the summary

    filler.confirm()

    booked = Appointment.objects.get()
    assert booked.pk == hold.pk and booked.status == Appointment.Status.BOOKED
    assert (booked.bsn, booked.email) == (resident.bsn, "inwoner@example.nl")
    assert Submission.objects.get().answers["afspraak"]["hold"] == str(booked.uuid)
    assert Mail.objects.filter(to="inwoner@example.nl", subject__contains="10:30").exists()


def test_a_time_taken_meanwhile_is_refused_on_the_step_and_what_was_typed_is_kept(
    filler, resident, passport_form, monday
):
    passport = Product.objects.get(slug="paspoort")
    appointments.book(passport_form, passport, at(monday, 11), name="Ander", email="a@example.nl")
    log_in(filler, resident)
    start(filler, "paspoort")

    choose(filler, passport_form, monday, 11)

    assert filler.response.status_code == 400
    assert f'value="{monday:%d-%m-%Y}"' in filler.html
    assert Appointment.objects.filter(status=Appointment.Status.HELD).count() == 0
    assert "afspraak_stap" in filler.url


def test_going_back_keeps_the_hold_and_a_new_choice_releases_it(
    filler, resident, passport_form, monday
):
    log_in(filler, resident)
    start(filler, "paspoort")
    choose(filler, passport_form, monday, 9)
    first = Appointment.objects.get()
    filler.post({}, action="previous")
    assert f'value="{passport_form.uuid}|09:00" checked' in filler.html  # own hold listed
    choose(filler, passport_form, monday, 9)
    assert Appointment.objects.get() == first  # the same choice keeps its hold

    filler.post({}, action="previous")
    choose(filler, passport_form, monday, 14)

    first.refresh_from_db()
    assert first.status == Appointment.Status.CANCELLED
    assert Appointment.objects.get(status=Appointment.Status.HELD).start == at(monday, 14)


def test_an_abandoned_form_lets_its_hold_run_out(filler, resident, passport_form, monday):
    log_in(filler, resident)
    start(filler, "paspoort")
    choose(filler, passport_form, monday, 9)
    passport = Product.objects.get(slug="paspoort")
    later = timezone.now() + timedelta(minutes=appointments.HOLD_MINUTES + 1)

    assert at(monday, 9) not in [
        s.start for s in appointments.free_slots(passport_form, passport, monday)
    ]
    assert at(monday, 9) in [
        s.start for s in appointments.free_slots(passport_form, passport, monday, now=later)
    ]
    assert appointments.release_expired_holds(now=later) == 1


def test_a_hold_lost_before_confirming_sends_the_person_back_to_choose(
    filler, resident, passport_form, monday
):
    log_in(filler, resident)
    start(filler, "paspoort")
    choose(filler, passport_form, monday, 9)
    filler.post({"email": "inwoner@example.nl"})
    appointments.cancel(Appointment.objects.get())

    filler.confirm()

    assert filler.response.status_code == 400
    assert "/afspraak_stap/" in filler.html  # the way back to choose a time
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ({"afspraak-day": "31-02-2030"}, "Vul een datum in die bestaat"),
        ({"afspraak-day": "01-12-2031", "afspraak-slot": ""}, "Kies een tijd"),
        ({"afspraak-day": "01-12-2031", "afspraak-slot": "not-a-uuid|09:00"}, "kan niet"),
    ],
)
def test_bad_input_gets_a_sentence(filler, resident, passport_form, typed, sentence):
    log_in(filler, resident)
    start(filler, "paspoort")
    filler.post(typed)
    assert filler.response.status_code == 400
    assert sentence in filler.html


def test_the_schema_needs_a_product_that_a_location_offers(demo_forms):
    broken = {
        **SCHEMA,
        "steps": [
            SCHEMA["steps"][0]
            | {"fields": [SCHEMA["steps"][0]["fields"][0] | {"product": "verhuizing-doorgeven"}]},
            SCHEMA["steps"][1],
        ],
    }
    with pytest.raises(ValidationError, match="afspraak"):
        save_definition(Product.objects.get(slug="paspoort"), login="citizen", schema=broken)


def test_a_visitor_without_javascript_can_do_it_all_in_english(resident, passport_form, monday):
    filler = Filler(Client(headers={"accept-language": "en"}))
    log_in(filler, resident)
    start(filler, "paspoort")
    filler.post({"afspraak-day": f"{monday:%d-%m-%Y}"}, action="times:afspraak")
    assert "Show free times" in filler.html
