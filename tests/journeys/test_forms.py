"""The demo forms filled in by a person in a real headless browser, through to the case in the
work queue: a report with only the keyboard, a paid extract, a budget with rows and a wrong
IBAN, and axe-core's accessibility check of every kind of form page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from loket.cases.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASE_NUMBER = re.compile(r"Uw zaaknummer is (\S+)")


@pytest.fixture
def demo(transactional_db, live_server, settings):
    """The demo catalogue, register, forms and staff, visible to the live server's thread."""
    from loket.brp.register import load_demo_register
    from loket.catalog.demo import load_demo_catalogue
    from loket.forms.demo import load_demo_forms
    from loket.identity.demo import load_demo_identities, load_demo_memberships

    load_demo_catalogue()
    load_demo_register()
    load_demo_forms()
    load_demo_identities()
    load_demo_memberships()
    # The confirmation page's "Volg uw aanvraag" is an absolute link to the site's base URL.
    settings.LOKET_BASE_URL = live_server.url


# --- helpers ----------------------------------------------------------------------------------


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, locator, max_tabs: int = 80) -> None:
    """Press Tab until the element has the focus, as a keyboard user does."""
    locator.wait_for()
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    raise AssertionError(f"{max_tabs} times Tab never reached {locator}")


def next_step(page: Page, url_end: str) -> None:
    page.get_by_role("button", name="Volgende").click()
    expect(page).to_have_url(re.compile(re.escape(url_end) + "$"))


def log_in_with_digid(page: Page) -> str:
    """On the login page the visitor was sent to: the demo DigiD, the first person offered.
    Returns that person's name."""
    expect(page.locator("h1")).to_have_text("Inloggen")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    expect(page.locator("h1")).to_have_text("Demo-DigiD: kies een persoon")
    button = page.get_by_role("button", name=re.compile(r"^Inloggen als ")).first
    name = button.inner_text().removeprefix("Inloggen als ")
    button.click()
    expect(page.get_by_text(f"Ingelogd als {name}")).to_be_visible()
    return name


def case_number_on_confirmation(page: Page) -> str:
    expect(page.locator("h1")).to_have_text("We hebben uw aanvraag ontvangen")
    case = Case.objects.get()
    expect(page.locator(".loket-case-number")).to_have_text(case.identification)
    return case.identification


def staff_finds_case_in_queue(page: Page, department: str, identification: str) -> None:
    """The demo case worker logs in and sees the case in the department's queue."""
    page.goto(f"/werk/{department}/")
    expect(page.locator("h1")).to_have_text("Inloggen voor medewerkers")
    page.get_by_label("Gebruikersnaam").fill("behandelaar")
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/werk/{department}/$"))
    table = page.get_by_role("table", name=re.compile(r"^Open zaken van "))
    row = table.get_by_role("row").filter(has_text=identification)
    expect(row.get_by_role("rowheader")).to_have_text(identification)


# --- 1. a report in public space with only the keyboard -----------------------------------------


def test_a_report_in_public_space_with_only_the_keyboard_reaches_the_work_queue(demo, page):
    keyboard = page.keyboard
    page.goto("/producten/melding-openbare-ruimte/")

    tab_to(page, page.get_by_role("link", name="Direct regelen"))
    keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/formulieren/[0-9a-f-]+/melding/$"))
    expect(page.locator("h1")).to_have_text("Wat wilt u melden?")

    # Tab enters the radio group on its first option; an arrow key moves and chooses.
    tab_to(page, page.get_by_label("Afval naast een container of een volle container"))
    keyboard.press("ArrowDown")
    expect(page.get_by_label("Losliggende stoeptegel of kapotte stoep")).to_be_checked()
    tab_to(page, page.get_by_label("Wat is er aan de hand?"))
    keyboard.type("Losse tegel voor nummer 12.")
    tab_to(page, page.get_by_role("button", name="Volgende"))
    keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/plek/$"))
    # The map is a submit button (a click sends the place); the coordinates are typed.
    tab_to(page, page.get_by_label("Breedtegraad"))
    keyboard.type("52.085")
    keyboard.press("Tab")
    expect(page.get_by_label("Lengtegraad")).to_be_focused()
    keyboard.type("5.11")
    tab_to(page, page.get_by_role("button", name="Volgende"))
    keyboard.press("Space")

    expect(page).to_have_url(re.compile(r"/contact/$"))
    tab_to(page, page.get_by_label("Ja, stuur mij berichten per e-mail"))
    keyboard.press("Space")
    expect(page.get_by_label("Ja, stuur mij berichten per e-mail")).to_be_checked()
    # Without JavaScript the e-mail field is asked once "ja" has been sent.
    tab_to(page, page.get_by_role("button", name="Controleer uw antwoorden"))
    keyboard.press("Enter")
    expect(page.get_by_label("E-mailadres")).to_be_visible()
    tab_to(page, page.get_by_label("E-mailadres"))
    keyboard.type("melder@example.nl")
    keyboard.press("Enter")  # a text field's Enter sends the form with its first button

    expect(page).to_have_url(re.compile(r"/overzicht/$"))
    expect(page.locator("h1")).to_have_text("Controleer uw antwoorden")
    main = page.locator("main")
    expect(main).to_contain_text("Losliggende stoeptegel of kapotte stoep")
    expect(main).to_contain_text("Losse tegel voor nummer 12.")
    expect(main).to_contain_text("melder@example.nl")
    tab_to(page, page.get_by_label("Ik verklaar dat ik alles naar waarheid heb ingevuld."))
    keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Versturen", exact=True))
    keyboard.press("Enter")

    identification = case_number_on_confirmation(page)
    case = Case.objects.get()
    assert case.department.code == "openbare-ruimte"
    assert case.geometry == {"type": "Point", "coordinates": [5.11, 52.085]}

    staff_finds_case_in_queue(page, "openbare-ruimte", identification)
