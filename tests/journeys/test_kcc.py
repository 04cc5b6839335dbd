"""The contact centre's journey in a real headless browser, with the department in a second one.

A phone contact: the KCC employee logs in, finds the caller by BSN, reads the answer from the
product catalogue, registers the contact and hands the question over to Burgerzaken with a
deadline; the department's case worker sees the task in the queue and answers it; the KCC
sees the contact closed with that answer, and the citizen gets it by mail.

The pages are in English (the django_language cookie); axe-core checks every KCC page.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from loket.brp.models import Person
from loket.brp.sources import get_brp_source
from loket.cases.models import Case
from loket.catalog.models import Product
from loket.contacts.models import Contact, InternalTask
from loket.identity.demo_login import demo_persons
from loket.notify.models import Mail
from tests.browser import axe_problems, staff_logs_in
from tests.journeys.test_forms import fill_budget_plan
from tests.journeys.test_mijn import log_in_from_mijn
from tests.journeys.test_workqueue import finish_budget_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_english(page: Page, live_server) -> Page:
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return page


@pytest.fixture
def department_browser(browser, live_server):
    """A second browser: the case worker's at the department."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    yield in_english(context.new_page(), live_server)
    context.close()


def done(page: Page, message: str) -> None:
    expect(page.locator("[data-message=success]")).to_contain_text(message)


def test_a_phone_contact_answered_from_the_catalogue_and_by_the_department(
    demo, page, live_server, department_browser
):
    problems = []
    caller = get_brp_source().person(
        Person.objects.filter(
            death_date__isnull=True, departure_date__isnull=True, address__isnull=False
        )
        .order_by("bsn")
        .values_list("bsn", flat=True)[0]
    )
    caller_name = caller.full_name
    kcc = in_english(page, live_server)
    main = kcc.locator("main")

    # The KCC employee logs in and finds the caller by BSN.
    staff_logs_in(kcc, "/kcc/", "kcc", language="en")
    expect(kcc.locator("h1")).to_have_text("Contact screen")
    problems += axe_problems(kcc, "contact screen")
    kcc.get_by_label("BSN").fill(caller.bsn)
    kcc.get_by_role("button", name="Search", exact=True).click()
    results = kcc.get_by_role("table", name="1 person found")
    expect(results).to_contain_text(caller.surname)
    problems += axe_problems(kcc, "contact screen, person found")
    results.get_by_role("button", name=f"Open {caller_name}").click()

    # The 360° view.
    expect(kcc.locator("h1")).to_have_text(caller_name)
    expect(main.locator("[data-bsn]")).to_have_text(caller.bsn)
    expect(main).to_contain_text("No consents recorded.")
    assisted = main.locator("[data-assisted]")
    expect(assisted.get_by_role("heading")).to_have_text("Start a request for this person")
    expect(assisted.get_by_role("button", name="Request an extract from the BRP")).to_have_count(1)
    problems += axe_problems(kcc, "360° view")

    # The caller asks about a passport: the answer comes from the catalogue.
    kcc.get_by_label("What is the question about?").fill("reisdocument")
    kcc.get_by_role("button", name="Search the catalogue").click()
    kcc.get_by_role("link", name="Apply for a passport").click()
    answer = main.locator("[data-answer=paspoort]")
    expect(answer.get_by_role("heading", level=3)).to_have_text(
        "Answer to read out: Apply for a passport"
    )
    expect(answer).to_contain_text("About 5 working days.")
    problems += axe_problems(kcc, "360° view with an answer")

    # The contact is registered; the question of when it is ready goes to the department.
    register = kcc.locator("#register-contact")
    expect(register.get_by_label("Product")).to_have_value(
        str(Product.objects.get(slug="paspoort").pk)
    )
    register.get_by_label("Channel").select_option(label="Phone")
    register.get_by_label("Question").fill("Wat kost een paspoort en wanneer is het klaar?")
    register.get_by_label("Answer given").fill("€ 84,95. Wanneer het klaar is, vraag ik na.")
    register.get_by_label("Outcome").select_option(label="Handed over")
    register.get_by_label("Duration in minutes").fill("6")
    register.get_by_role("button", name="Save the contact").click()
    done(kcc, "Now hand the question over below.")
    contact = Contact.objects.get()
    expect(kcc.locator("h1")).to_contain_text(f"Contact {contact.number}")
    problems += axe_problems(kcc, "contact page")

    hand_over = kcc.locator("#hand-over-form")
    hand_over.get_by_label("What is asked").select_option(label="Answer a question of the person")
    hand_over.get_by_label("Explanation").fill("Wanneer ligt het paspoort klaar?")
    hand_over.get_by_label("To the department").select_option(label="Civil affairs")
    hand_over.get_by_label("Mail the answer to").fill("beller@example.com")
    hand_over.get_by_role("button", name="Hand over").click()
    done(kcc, "is handed over")
    task = InternalTask.objects.get()
    expect(main.locator(f'[data-task="{task.uuid}"] [data-task-status]')).to_have_text(
        "Not answered yet"
    )
    problems += axe_problems(kcc, "contact page, handed over")

    # The department's case worker finds the task in the queue and answers it.
    department = department_browser
    staff_logs_in(department, "/werk/burgerzaken/", "behandelaar", language="en")
    tasks = department.get_by_role("table", name=re.compile(r"^Open tasks for Civil affairs"))
    tasks.get_by_role("link", name=re.compile(rf"^{task.number}: ")).click()
    expect(department.locator("h1")).to_contain_text(f"Task {task.number}")
    expect(department.locator("main")).to_contain_text("Wanneer ligt het paspoort klaar?")
    problems += axe_problems(department, "task page")
    department.get_by_label("Answer", exact=True).fill("Uw paspoort ligt vrijdag klaar.")
    department.get_by_role("button", name="Save the answer and close the task").click()
    done(department, "The task is answered and the contact is updated.")
    department.get_by_role("link", name="Back to the queue of Civil affairs").click()
    expect(department.locator("main")).to_contain_text(
        "There are no open questions from the contact centre."
    )

    # Back at the KCC: the contact is closed with the department's answer.
    kcc.reload()
    expect(main.locator("[data-contact-answer]")).to_contain_text("Uw paspoort ligt vrijdag klaar.")
    expect(main.locator("[data-task-status]")).to_contain_text("Answered on")
    expect(main.locator("[data-outcome]")).to_have_text("Handed over")
    kcc.get_by_role("link", name="The person's page").click()
    expect(main.locator("[data-contacts]")).to_contain_text("task answered")
    problems += axe_problems(kcc, "360° view after the answer")

    mail = Mail.objects.get(to="beller@example.com")
    assert "Uw paspoort ligt vrijdag klaar." in mail.text_body
    assert problems == []


def test_an_assisted_intake_by_phone_ends_in_the_persons_mijn_omgeving(
    demo, page, browser, live_server
):
    """The KCC employee fills in the budget form with a resident on the phone (in Dutch, the
    form's language); the case is the resident's, in their own Mijn omgeving."""
    problems = []
    resident = demo_persons().first()  # the first the demo DigiD page offers
    kcc = page
    staff_logs_in(kcc, "/kcc/", "kcc")
    kcc.get_by_label("BSN").fill(resident.bsn)
    kcc.get_by_role("button", name="Zoeken", exact=True).click()
    kcc.get_by_role("button", name=f"Openen {resident.full_name}").click()
    intake = kcc.locator("#assisted-intake")
    intake.get_by_label("Hoe u de persoon helpt").select_option(label="Telefoon")
    intake.get_by_role("button", name="Leefbaarheidsbudget aanvragen").click()

    fill_budget_plan(kcc)
    finish_budget_request(kcc)
    expect(kcc.locator("[data-assisted]")).to_contain_text(
        f"U heeft deze aanvraag ingevuld met {resident.full_name}."
    )
    problems += axe_problems(kcc, "confirmation of an assisted intake")
    case = Case.objects.get()
    assert case.initiator_bsn == resident.bsn
    assert case.status_changes.get().note == (
        "Telefonisch binnengekomen, ingevuld samen met Karin Contact."
    )
    kcc.get_by_role("link", name="Terug naar het klantcontactcentrum").click()
    expect(kcc.locator("h1")).to_have_text("Contactscherm")

    # The resident logs in themself and finds the request in Mijn omgeving.
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    own = context.new_page()
    log_in_from_mijn(own, resident)
    expect(own.locator("main").get_by_role("link", name=case.description)).to_be_visible()
    context.close()
    assert problems == []
