"""Appointments in a real headless browser: a resident logged in with the demo DigiD books a
passport appointment from the product page, gets the confirmation with the calendar file
attached, moves the appointment through the secret link in that mail and cancels it in Mijn
omgeving; axe-core checks every page."""

import re
from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.utils import timezone
from playwright.sync_api import expect

from loket.appointments.models import Appointment
from loket.appointments.services import free_slots, is_closed
from loket.notify.models import Mail
from loket.notify.tasks import email_message
from tests.browser import axe_problems, staff_logs_in
from tests.journeys.test_mijn import log_in_from_mijn, to_english

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def resident(transactional_db, live_server, settings):
    from loket.appointments.demo import load_demo_appointments
    from loket.brp.register import load_demo_register
    from loket.catalog.demo import load_demo_catalogue
    from loket.identity.demo_login import demo_persons

    load_demo_catalogue()
    load_demo_register()
    load_demo_appointments()
    settings.LOKET_BASE_URL = live_server.url
    return demo_persons().first()


def open_days(count: int):
    """The next ``count`` days the Stadhuis is open, from the day after tomorrow."""
    from loket.appointments.models import Location

    stadhuis = Location.objects.get(name="Stadhuis")
    day, days = timezone.localdate() + timedelta(days=2), []
    while len(days) < count:
        if day.weekday() < 5 and not is_closed(stadhuis, day):
            days.append(day)
        day += timedelta(days=1)
    return stadhuis, days


def test_a_resident_books_moves_and_cancels_with_axe_on_every_page(resident, page):
    problems = []

    def check(what: str) -> None:
        problems.extend(axe_problems(page, what))

    stadhuis, (first_day, second_day) = open_days(2)
    main = page.locator("main")
    log_in_from_mijn(page, resident)
    to_english(page)

    # From the product page to the free times of a day.
    page.goto("/producten/paspoort/")
    check("product page with the appointment link")
    main.get_by_role("link", name="Make an appointment").click()
    expect(page.locator("h1")).to_have_text(re.compile("^Make an appointment: "))
    check("booking: choose location and day")
    page.get_by_label("Day").fill(first_day.strftime("%d-%m-%Y"))
    page.get_by_role("button", name="Show free times").click()
    expect(main).to_contain_text("Free times on")
    check("booking: free times")

    # Booking without an e-mail address is explained, and the chosen time is kept.
    page.get_by_label(re.compile("^10:00")).check()
    page.get_by_role("button", name="Book this appointment").click()
    expect(main).to_contain_text("Fill in your e-mail address.")
    expect(page.get_by_label(re.compile("^10:00"))).to_be_checked()
    expect(page.get_by_label("Your name")).to_have_value(resident.full_name)
    check("booking with an error")
    page.get_by_label("Your e-mail address").fill("inwoner@example.nl")
    page.get_by_role("button", name="Book this appointment").click()
    expect(page.locator("h1")).to_have_text("Your appointment")
    expect(main).to_contain_text(f"{first_day:%Y}, 10:00")
    check("the appointment's page")
    appointment = Appointment.objects.get()
    assert appointment.bsn == resident.bsn

    # The confirmation, delivered, with the calendar file attached and the secret link.
    confirmation = Mail.objects.get(to="inwoner@example.nl")
    email_message(confirmation).send()  # as the worker sends it
    [message] = django_mail.outbox
    [(filename, calendar, content_type)] = message.attachments
    assert (filename, content_type) == ("afspraak.ics", "text/calendar")
    assert "SUMMARY:Apply for a passport (Gemeente Voorbeeld)" in calendar
    secret = re.search(r"http\S+/afspraak/[0-9a-f]{48}/", message.body).group(0)

    # Move it through the secret link to the next open day.
    page.goto(secret)
    expect(page.locator("h1")).to_have_text("Your appointment")
    page.get_by_label("Day").fill(second_day.strftime("%d-%m-%Y"))
    page.get_by_role("button", name="Show free times").click()
    check("moving: free times")
    page.get_by_label(re.compile("^11:00")).check()
    page.get_by_role("button", name="Move to this time").click()
    expect(main).to_contain_text(f"{second_day:%Y}, 11:00")
    appointment.refresh_from_db()
    assert timezone.localtime(appointment.start).date() == second_day
    assert [slot.start for slot in free_slots(stadhuis, appointment.product, second_day)]

    # Cancel it in Mijn omgeving.
    page.goto("/mijn/")
    page.get_by_role("link", name="My appointments").click()
    expect(page.locator("h1")).to_have_text("My appointments")
    check("my appointments")
    main.get_by_role("link", name=re.compile(r"Apply for a passport: .* 11:00")).click()
    check("my appointment")
    page.get_by_role("button", name="Cancel this appointment").click()
    expect(main).to_contain_text("Your appointment is cancelled.")
    expect(main).to_contain_text("You have no coming appointments.")
    check("my appointments after cancelling")
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED

    assert not problems, f"{len(problems)} axe violations:\n\n" + "\n\n".join(problems)


def test_the_kcc_books_and_moves_for_a_person_and_the_counter_sees_the_day(demo, page, live_server):
    from loket.appointments.demo import load_demo_appointments
    from loket.brp.models import Person
    from tests.journeys.test_kcc import in_english

    load_demo_appointments()
    problems = []

    def check(what: str) -> None:
        problems.extend(axe_problems(page, what))

    stadhuis, (first_day, second_day) = open_days(2)
    person = Person.objects.filter(death_date__isnull=True).order_by("bsn").first()
    kcc = in_english(page, live_server)
    main = kcc.locator("main")
    staff_logs_in(kcc, "/kcc/", "kcc", language="en")
    kcc.get_by_label("BSN").fill(person.bsn)
    kcc.get_by_role("button", name="Search", exact=True).click()
    kcc.get_by_role("button", name=re.compile("^Open ")).click()
    expect(main.get_by_role("heading", name="Appointments")).to_be_visible()

    main.get_by_role("link", name="Make an appointment for this person").click()
    kcc.get_by_label("Product").select_option("paspoort")
    kcc.get_by_role("button", name="Next").click()
    kcc.get_by_label("Day").fill(first_day.strftime("%d-%m-%Y"))
    kcc.get_by_role("button", name="Show free times").click()
    check("KCC: free times")
    kcc.get_by_label(re.compile("^09:30")).check()
    kcc.get_by_label("E-mail address").fill("persoon@example.nl")
    kcc.get_by_role("button", name="Book this appointment").click()
    expect(main).to_contain_text("The appointment is booked.")
    check("KCC: the person with the appointment")

    main.get_by_role("link", name=re.compile(r"09:30: Apply for a passport")).click()
    kcc.get_by_label("Day").fill(second_day.strftime("%d-%m-%Y"))
    kcc.get_by_role("button", name="Show free times").click()
    check("KCC: moving the appointment")
    kcc.get_by_label(re.compile("^14:00")).check()
    kcc.get_by_role("button", name="Move to this time").click()
    expect(main).to_contain_text("The appointment is moved.")
    appointment = Appointment.objects.get()
    assert (appointment.bsn, timezone.localtime(appointment.start).hour) == (person.bsn, 14)

    kcc.goto(f"/werk/afspraken/{stadhuis.uuid}/?dag={second_day:%Y-%m-%d}")
    expect(kcc.get_by_role("table")).to_contain_text("14:00")
    check("counter: the day list")
    kcc.get_by_role("link", name=re.compile("^Previous day")).click()
    expect(main).to_contain_text("Appointments at Stadhuis on")

    assert not problems, f"{len(problems)} axe violations:\n\n" + "\n\n".join(problems)
